package org.nacrad.radiomics.settings;

/**
 * {@code weightingNorm}: when given, GLCM and GLRLM sum their per-direction matrices, each weighted by the
 * direction's length in this norm, into one matrix (the formulas are in {@code features.Directions}); when absent
 * (null) the features are computed per direction and averaged.
 */
public enum WeightingNorm implements Choice {
    /** Euclidean length √Σ(oₐsₐ)². */
    EUCLIDEAN("euclidean"),
    /** Manhattan length Σ|oₐsₐ|. */
    MANHATTAN("manhattan"),
    /** Infinity norm max|oₐsₐ|. */
    INFINITY("infinity"),
    /** Every direction weighs 1 (the matrices are summed unweighted). */
    NO_WEIGHTING("no_weighting");

    private final String pyName;

    WeightingNorm(String pyName) {
        this.pyName = pyName;
    }

    @Override
    public String pyName() {
        return pyName;
    }
}
