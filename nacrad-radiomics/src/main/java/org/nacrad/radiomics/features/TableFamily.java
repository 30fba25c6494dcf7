package org.nacrad.radiomics.features;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;

/**
 * The base of every feature family: its {@link FeatureTable} gives the names, the defaults and the formula of each
 * feature, and {@link #compute} evaluates the requested formulas on what {@link #prepare} builds from the input
 * once (the texture matrices, the ROI statistics, the shape measures).
 *
 * @param <M> what the formulas are evaluated on
 */
abstract class TableFamily<M> implements FeatureFamily {

    private final FeatureTable<M> table;

    protected TableFamily(FeatureTable<M> table) {
        this.table = table;
    }

    @Override
    public final String name() {
        return table.family();
    }

    @Override
    public final List<String> featureNames() {
        return table.names();
    }

    @Override
    public final List<String> defaultFeatureNames() {
        return table.defaults();
    }

    /** Checks the names first (nothing is computed for a bad request), then evaluates each formula. */
    @Override
    public final Map<String, Double> compute(FeatureInput input, Collection<String> features) {
        table.refuseNoValue(features);
        requireKnown(features);
        List<M> prepared = prepare(input);
        Map<String, Double> out = new LinkedHashMap<>();
        for (String f : features) {
            out.put(f, value(f, table.formula(f), prepared));
        }
        return out;
    }

    /**
     * What the formulas are evaluated on: one object for most families; one matrix per direction for GLCM and
     * GLRLM, whose features are averaged over them ({@link #value}).
     */
    protected abstract List<M> prepare(FeatureInput input);

    /** A feature's value: its formula on the one prepared object (families with several override this). */
    protected double value(String feature, ToDoubleFunction<M> formula, List<M> prepared) {
        return formula.applyAsDouble(prepared.get(0));
    }

    /**
     * The mean of a formula over the matrices of the directions, as PyRadiomics' {@code np.nanmean} over the angles:
     * NaN values skipped when {@code skipNaN}; NaN when none is left.
     */
    protected static <M> double meanOverDirections(ToDoubleFunction<M> formula, List<M> matrices, boolean skipNaN) {
        double sum = 0;
        int count = 0;
        for (M m : matrices) {
            double v = formula.applyAsDouble(m);
            if (Double.isNaN(v) && skipNaN) {
                continue;
            }
            sum += v;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
