package org.nacrad.radiomics.settings;

import java.util.Optional;

import org.nacrad.image.resample.Interpolator;

/**
 * {@code interpolator}: SimpleITK's interpolators, by name or by their SimpleITK enum number (1–10, the order
 * below), as PyRadiomics' {@code schemaFuncs.checkInterpolator} accepts them. nacrad's SimpleITK-exact resampler
 * implements the first three; the others are valid settings that the resampling step refuses by name.
 */
public enum SitkInterpolator implements Choice {
    NEAREST_NEIGHBOR("sitkNearestNeighbor", Interpolator.NEAREST_NEIGHBOR),
    LINEAR("sitkLinear", Interpolator.LINEAR),
    BSPLINE("sitkBSpline", Interpolator.BSPLINE),
    GAUSSIAN("sitkGaussian", null),
    LABEL_GAUSSIAN("sitkLabelGaussian", null),
    HAMMING_WINDOWED_SINC("sitkHammingWindowedSinc", null),
    COSINE_WINDOWED_SINC("sitkCosineWindowedSinc", null),
    WELCH_WINDOWED_SINC("sitkWelchWindowedSinc", null),
    LANCZOS_WINDOWED_SINC("sitkLanczosWindowedSinc", null),
    BLACKMAN_WINDOWED_SINC("sitkBlackmanWindowedSinc", null);

    private final String pyName;
    private final Interpolator resampler;

    SitkInterpolator(String pyName, Interpolator resampler) {
        this.pyName = pyName;
        this.resampler = resampler;
    }

    @Override
    public String pyName() {
        return pyName;
    }

    /** SimpleITK's enum number: 1 for sitkNearestNeighbor … 10 for sitkBlackmanWindowedSinc. */
    public int number() {
        return ordinal() + 1;
    }

    /** nacrad's resampler interpolation for this SimpleITK interpolator, or empty where it has none. */
    public Optional<Interpolator> resampler() {
        return Optional.ofNullable(resampler);
    }
}
