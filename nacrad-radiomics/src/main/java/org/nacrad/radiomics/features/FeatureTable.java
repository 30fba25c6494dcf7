package org.nacrad.radiomics.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The features of one family: each PyRadiomics feature name with the method that holds its formula, written in
 * PyRadiomics' order (the order of its {@code get<Name>FeatureValue} methods, i.e. sorted by method name). The
 * formula stays on the method, one hop from the name; the table only says which method a name means.
 *
 * <p>Three kinds of entry, as PyRadiomics has them: a {@link Builder#feature feature} (computed by default), a
 * feature computed only {@link Builder#onRequest on request} (PyRadiomics marks it deprecated but still computes
 * it), and a name that PyRadiomics keeps but gives {@link Builder#noValue no value}, refused with the reason.
 *
 * @param <M> what the formulas are evaluated on: a texture matrix, the ROI statistics, the shape measures
 */
final class FeatureTable<M> {

    private final String family;
    private final Map<String, ToDoubleFunction<M>> formulas;
    private final List<String> defaults;
    private final Map<String, String> noValue;

    private FeatureTable(Builder<M> b) {
        this.family = b.family;
        this.formulas = Collections.unmodifiableMap(new LinkedHashMap<>(b.formulas));
        this.defaults = List.copyOf(b.defaults);
        this.noValue = Collections.unmodifiableMap(new LinkedHashMap<>(b.noValue));
    }

    /** A table for the family of this PyRadiomics class name. */
    static <M> Builder<M> of(String family) {
        return new Builder<>(family);
    }

    String family() {
        return family;
    }

    /** Every feature with a value, in PyRadiomics' order. */
    List<String> names() {
        return List.copyOf(formulas.keySet());
    }

    /** The features computed when a class is enabled without a list. */
    List<String> defaults() {
        return defaults;
    }

    /** The formula of a feature that {@link #refuseNoValue} and {@code requireKnown} have let through. */
    ToDoubleFunction<M> formula(String feature) {
        return formulas.get(feature);
    }

    /** Fails for a requested feature that PyRadiomics keeps without a value, saying why. */
    void refuseNoValue(Collection<String> features) {
        for (String f : features) {
            String why = noValue.get(f);
            if (why != null) {
                throw new IllegalArgumentException(family + " feature '" + f + "' is deprecated in PyRadiomics and "
                        + "has no value (" + why + "); remove it from the parameter file");
            }
        }
    }

    /** Builds a table, one entry per line. */
    static final class Builder<M> {
        private final String family;
        private final Map<String, ToDoubleFunction<M>> formulas = new LinkedHashMap<>();
        private final List<String> defaults = new ArrayList<>();
        private final Map<String, String> noValue = new LinkedHashMap<>();

        private Builder(String family) {
            this.family = family;
        }

        /** A feature computed by default. */
        Builder<M> feature(String name, ToDoubleFunction<M> formula) {
            formulas.put(name, formula);
            defaults.add(name);
            return this;
        }

        /** A feature computed only when a parameter file lists it. */
        Builder<M> onRequest(String name, ToDoubleFunction<M> formula) {
            formulas.put(name, formula);
            return this;
        }

        /** A name PyRadiomics keeps without a value; requesting it is an error giving the reason. */
        Builder<M> noValue(String name, String why) {
            noValue.put(name, why);
            return this;
        }

        FeatureTable<M> build() {
            return new FeatureTable<>(this);
        }
    }
}
