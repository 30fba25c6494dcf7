package org.nacrad.radiomics;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One PyRadiomics feature class ({@code firstorder}, {@code shape}, {@code shape2D}, {@code glcm},
 * {@code glrlm}, {@code glszm}, {@code gldm}, {@code ngtdm}).
 *
 * <p>Implementations are stateless and thread-safe: every call computes from its input alone.
 */
public interface FeatureFamily {

    /** The PyRadiomics class name as written in parameter files and output names, e.g. {@code glcm}. */
    String name();

    /** Every feature this family can compute, named as PyRadiomics names them, including those only computed on request. */
    List<String> featureNames();

    /**
     * The features computed when a parameter file enables the class without a list (PyRadiomics leaves out
     * deprecated features and those it computes only on request).
     */
    List<String> defaultFeatureNames();

    /**
     * Computes the requested features.
     *
     * @param input    the preprocessed ROI
     * @param features names from {@link #featureNames()}
     * @return feature name → value, in the order requested; NaN only where PyRadiomics gives NaN
     * @throws IllegalArgumentException for an unknown feature name
     */
    Map<String, Double> compute(FeatureInput input, Collection<String> features);

    /**
     * Checks requested names against {@link #featureNames()}; an unknown one is an error that names the family,
     * the feature and the known names.
     */
    default void requireKnown(Collection<String> features) {
        for (String f : features) {
            if (!featureNames().contains(f)) {
                throw new IllegalArgumentException(name() + " has no feature '" + f + "'; known: " + featureNames());
            }
        }
    }
}
