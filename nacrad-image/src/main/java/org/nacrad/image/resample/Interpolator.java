package org.nacrad.image.resample;

/** The interpolators of SimpleITK's {@code ResampleImageFilter} that nacrad reproduces. */
public enum Interpolator {
    /** {@code sitkNearestNeighbor}: the voxel whose index is the continuous index rounded half up. */
    NEAREST_NEIGHBOR,
    /** {@code sitkLinear}: trilinear, as successive linear blends along i, then j, then k. */
    LINEAR,
    /**
     * {@code sitkBSpline}: cubic B-spline on coefficients prefiltered by {@link BSplineDecomposition} (mirror
     * boundaries); the interpolant passes through every voxel value.
     */
    BSPLINE
}
