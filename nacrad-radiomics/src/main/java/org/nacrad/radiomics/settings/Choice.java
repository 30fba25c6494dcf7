package org.nacrad.radiomics.settings;

/**
 * A value of a setting with a fixed set of choices ({@code resegmentMode}, {@code interpolator},
 * {@code weightingNorm}, {@code lbp2DMethod}): implemented by the enums of this package, each constant carrying the
 * word PyRadiomics uses for it.
 */
public interface Choice {

    /** The value as written in PyRadiomics parameter files and shown in its diagnostics, e.g. {@code sitkBSpline}. */
    String pyName();
}
