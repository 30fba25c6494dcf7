package org.nacrad.diffusion;

/**
 * Outcome of a voxel's fit. Only {@link #OK} voxels enter ROI statistics; the others are counted as excluded.
 * Stored in maps as the ordinal (0 = OK).
 */
public enum FitStatus {
    /** A plausible fit. */
    OK,
    /** A signal was ≤ 0 or not finite, so the log-linear fit is undefined. */
    BAD_SIGNAL,
    /** Fitted diffusivity ≤ 0. */
    NON_POSITIVE_DIFFUSIVITY,
    /** Kurtosis outside [0, 3]: the constrained fit ended on a bound. */
    IMPLAUSIBLE_KURTOSIS,
    /** The non-linear refinement did not converge. */
    NOT_CONVERGED
}
