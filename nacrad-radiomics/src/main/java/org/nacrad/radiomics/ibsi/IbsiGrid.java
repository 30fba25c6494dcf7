package org.nacrad.radiomics.ibsi;

import org.nacrad.image.Geometry;
import org.nacrad.image.resample.BSplineDecomposition;
import org.nacrad.radiomics.ibsi.IbsiSettings.Interpolation;

/**
 * The interpolation grid of the IBSI manual ("align grid centers", 3WE3; sections 026Q and QCY4) and interpolation
 * onto it.
 *
 * <p>Along an axis with n_a voxels of spacing s_a, the grid for spacing s_b has n_b = ⌈n_a s_a / s_b⌉ points; in the
 * original grid's index coordinates they lie at x_0 + t·s_b/s_a (t = 0 … n_b − 1) with
 * x_0 = ½ (n_a − 1 − (s_b/s_a)(n_b − 1)), so that both grids share their centre. Positions outside the original
 * grid use the nearest boundary voxel (the manual's padding "with the intensities at the boundary").
 *
 * <p>Worked example (the manual's, also a unit test): 4 voxels of 3 mm to 2 mm gives n_b = 6 points at
 * x_0 = ½(3 − (2/3)·5) = −1/6, then 1/2, 7/6, 11/6, 5/2, 19/6.
 *
 * <p>Interpolation is separable: nearest neighbour (ties rounded up), (bi/tri)linear, or cubic B-spline
 * interpolation of the B-spline coefficients of the image (Unser 1999; the prefilter is
 * {@link BSplineDecomposition}) computed on the needed block padded by 24 replicated-boundary voxels, beyond which a
 * sample's influence (|√3 − 2|²⁴ ≈ 2e-14) is below double precision. An axis whose points coincide with the original
 * ones (the slice axis of 2D interpolation) is not interpolated at all.
 *
 * @param size     n_b along x, y, z
 * @param start    x_0 along x, y, z, in index coordinates of the original grid
 * @param step     s_b / s_a along x, y, z
 * @param spacing  s_b along x, y, z (mm)
 */
public record IbsiGrid(int[] size, double[] start, double[] step, double[] spacing) {

    /** Replicated-boundary padding before the B-spline prefilter. */
    static final int SPLINE_MARGIN = 24;

    /** The original grid itself (no interpolation). */
    public static IbsiGrid identity(Geometry g) {
        return new IbsiGrid(g.size(), new double[3], new double[] {1, 1, 1}, g.spacing());
    }

    /**
     * The aligned grid for a new spacing; with {@code slicewise} the z axis is kept (2D interpolation).
     *
     * @param spacing x, y (and z) spacing in mm
     */
    public static IbsiGrid aligned(Geometry g, double[] spacing, boolean slicewise) {
        int[] size = new int[3];
        double[] start = new double[3];
        double[] step = new double[3];
        double[] sp = new double[3];
        for (int a = 0; a < 3; a++) {
            int na = g.size(a);
            double sa = g.spacing(a);
            if (a == 2 && slicewise) {
                size[a] = na;
                step[a] = 1;
                sp[a] = sa;
                continue;
            }
            double sb = spacing[a];
            // ⌈n_a s_a / s_b⌉, with a tolerance for spacings stored in float (0.977 as 0.97699999…)
            double fractional = na * sa / sb;
            int nb = (int) Math.ceil(fractional - 1e-6);
            size[a] = Math.max(nb, 1);
            step[a] = sb / sa;
            start[a] = 0.5 * (na - 1 - step[a] * (size[a] - 1));
            sp[a] = sb;
        }
        return new IbsiGrid(size, start, step, sp);
    }

    /** Continuous index, in the original grid, of point t along axis a. */
    public double position(int a, int t) {
        return start[a] + t * step[a];
    }

    /** Whether axis a maps points onto original voxels one to one. */
    boolean identityAxis(int a) {
        return step[a] == 1 && start[a] == 0;
    }

    /** The geometry of this grid in physical space (same direction as the original). */
    public Geometry geometry(Geometry original) {
        double[] o = original.indexToPhysical(start[0], start[1], start[2]);
        return new Geometry(size, spacing, o, original.direction());
    }

    /**
     * Interpolated values on the block of grid points {@code lo … lo + n − 1}, x fastest.
     *
     * @param data   the original values, x fastest
     * @param dims   the original size
     * @param method the interpolation
     */
    public double[] interpolate(double[] data, int[] dims, int[] lo, int[] n, Interpolation method) {
        Taps[] taps = new Taps[3];
        int[] srcLo = new int[3];
        int[] srcN = new int[3];
        boolean spline = method == Interpolation.CUBIC;
        boolean[] filterAxes = new boolean[3];
        for (int a = 0; a < 3; a++) {
            Interpolation m = identityAxis(a) ? Interpolation.NEAREST : method;
            filterAxes[a] = spline && !identityAxis(a);
            // the source range the taps read, padded for the spline prefilter
            double first = position(a, lo[a]);
            double last = position(a, lo[a] + n[a] - 1);
            int pad = filterAxes[a] ? SPLINE_MARGIN : 0;
            srcLo[a] = (int) Math.floor(first) - 2 - pad;
            srcN[a] = (int) Math.floor(last) + 3 + pad - srcLo[a] + 1;
            if (!filterAxes[a]) {
                // without the prefilter the block can be clamped to the image (taps clamp to the boundary)
                int hi = Math.min(srcLo[a] + srcN[a] - 1, dims[a] - 1);
                srcLo[a] = Math.max(srcLo[a], 0);
                srcLo[a] = Math.min(srcLo[a], dims[a] - 1);
                srcN[a] = Math.max(hi - srcLo[a] + 1, 1);
            }
            taps[a] = Taps.of(this, a, lo[a], n[a], m, srcLo[a], srcN[a], dims[a], filterAxes[a]);
        }
        // the source block, nearest-boundary padded
        double[] src = new double[srcN[0] * srcN[1] * srcN[2]];
        for (int k = 0, p = 0; k < srcN[2]; k++) {
            int sk = clamp(srcLo[2] + k, dims[2]);
            for (int j = 0; j < srcN[1]; j++) {
                int sj = clamp(srcLo[1] + j, dims[1]);
                int row = dims[0] * (sj + dims[1] * sk);
                for (int i = 0; i < srcN[0]; i++, p++) {
                    src[p] = data[row + clamp(srcLo[0] + i, dims[0])];
                }
            }
        }
        if (spline) {
            src = BSplineDecomposition.coefficients(src, srcN[0], srcN[1], srcN[2], filterAxes);
        }
        double[] out = new double[n[0] * n[1] * n[2]];
        int sx = srcN[0], sxy = srcN[0] * srcN[1];
        Taps tx = taps[0], ty = taps[1], tz = taps[2];
        for (int k = 0, p = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++, p++) {
                    double v = 0;
                    for (int c = 0; c < tz.count; c++) {
                        double wz = tz.weight[k * tz.count + c];
                        if (wz == 0) {
                            continue;
                        }
                        int oz = tz.index[k * tz.count + c] * sxy;
                        double vy = 0;
                        for (int b = 0; b < ty.count; b++) {
                            double wy = ty.weight[j * ty.count + b];
                            if (wy == 0) {
                                continue;
                            }
                            int oy = oz + ty.index[j * ty.count + b] * sx;
                            double vx = 0;
                            for (int a = 0; a < tx.count; a++) {
                                vx += tx.weight[i * tx.count + a] * src[oy + tx.index[i * tx.count + a]];
                            }
                            vy += wy * vx;
                        }
                        v += wz * vy;
                    }
                    out[p] = v;
                }
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    /** Per-axis taps: for each of the block's points, {@code count} source indices (in the block) and weights. */
    private record Taps(int count, int[] index, double[] weight) {

        static Taps of(IbsiGrid g, int a, int lo, int n, Interpolation m, int srcLo, int srcN, int dim,
                       boolean padded) {
            int count = switch (m) {
                case NEAREST -> 1;
                case LINEAR -> 2;
                case CUBIC -> 4;
            };
            int[] index = new int[n * count];
            double[] weight = new double[n * count];
            for (int t = 0; t < n; t++) {
                double x = g.position(a, lo + t);
                switch (m) {
                    case NEAREST -> {
                        index[t] = local(clamp((int) Math.floor(x + 0.5), dim), srcLo, srcN, padded);
                        weight[t] = 1;
                    }
                    case LINEAR -> {
                        int i0 = (int) Math.floor(x);
                        double f = x - i0;
                        index[2 * t] = local(clamp(i0, dim), srcLo, srcN, padded);
                        index[2 * t + 1] = local(clamp(i0 + 1, dim), srcLo, srcN, padded);
                        weight[2 * t] = 1 - f;
                        weight[2 * t + 1] = f;
                    }
                    case CUBIC -> {
                        int i0 = (int) Math.floor(x);
                        double f = x - i0;
                        double[] w = cubicBSpline(f);
                        for (int c = 0; c < 4; c++) {
                            // the padded block holds the nearest-boundary extension; no clamping inside it
                            index[4 * t + c] = i0 - 1 + c - srcLo;
                            weight[4 * t + c] = w[c];
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
            return new Taps(count, index, weight);
        }

        /** Index within the source block of original index i (the block holds the clamped values). */
        private static int local(int i, int srcLo, int srcN, boolean padded) {
            int l = i - srcLo;
            return Math.max(0, Math.min(srcN - 1, l));
        }
    }

    /** Cubic B-spline weights of the samples at −1, 0, 1, 2 for a point at fraction f ∈ [0, 1) past sample 0. */
    static double[] cubicBSpline(double f) {
        double g = 1 - f;
        return new double[] {g * g * g / 6, (4 - 6 * f * f + 3 * f * f * f) / 6, (4 - 6 * g * g + 3 * g * g * g) / 6,
            f * f * f / 6};
    }
}
