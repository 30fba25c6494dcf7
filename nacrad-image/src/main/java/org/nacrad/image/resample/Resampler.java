package org.nacrad.image.resample;

import java.util.stream.IntStream;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/**
 * Resampling of a volume onto another grid with the identity transform, exactly as SimpleITK's
 * {@code ResampleImageFilter} (ITK 5.2 {@code itk::ResampleImageFilter}) computes it.
 *
 * <ul>
 * <li>Each output voxel's physical point p = origin + (D·diag(spacing))·index is mapped to a continuous index of
 *     the input, x = (D·diag(spacing))⁻¹ (p − origin). Along each output row ITK maps only the first voxel and the
 *     voxel one past the end and interpolates linearly between them, x(i) = x₀ + (i/n)(xₙ − x₀); so does this
 *     class, so that ties and borders fall the same way.</li>
 * <li>A point is inside when −0.5 ≤ x &lt; size − 0.5 on every axis; outside it gets the default value.</li>
 * <li>The interpolated double is cast to the output type as ITK's {@code CastPixelWithBoundsChecking}: for
 *     integer types values at or beyond the type's range are clamped and others truncated toward zero; FLOAT32
 *     rounds to nearest. The default value is cast the same way.</li>
 * </ul>
 *
 * <p>Worked example (a unit test): the 1D image (10, 20, 30) at spacing 1 resampled with LINEAR onto a grid of
 * spacing 0.5 starting at −0.5 gives x = −0.5, 0, 0.5, 1, 1.5, 2, 2.5: values 10 (clamped below), 10, 15, 20,
 * 25, 30 and the default (x = 2.5 is outside).
 */
public final class Resampler {

    private Resampler() {
    }

    /** Resamples with the output pixel type equal to the input's (SimpleITK's default). */
    public static Volume resample(Volume input, Geometry target, Interpolator interpolator, double defaultValue) {
        return resample(input, target, interpolator, defaultValue, input.pixelType());
    }

    /** Resamples {@code input} onto {@code target}. */
    public static Volume resample(Volume input, Geometry target, Interpolator interpolator, double defaultValue,
            PixelType outputType) {
        Geometry in = input.geometry();
        int nx = in.nx(), ny = in.ny(), nz = in.nz();
        double[] values = input.data();
        double[] coeff = interpolator == Interpolator.BSPLINE
                ? BSplineDecomposition.coefficients(values, nx, ny, nz) : values;
        double[] toPhysical = indexToPhysical(target);
        double[] toIndex = invert(indexToPhysical(in));
        double[] inOrigin = in.origin();
        double[] outOrigin = target.origin();
        int ox = target.nx(), oy = target.ny(), oz = target.nz();
        double fill = cast(defaultValue, outputType);
        double[] out = new double[ox * oy * oz];
        int[] size = {nx, ny, nz};
        IntStream.range(0, oz).parallel().forEach(k -> {
            double[] x = new double[3];
            int[] idx = new int[12];
            double[] w = new double[12];
            for (int j = 0; j < oy; j++) {
                double[] start = continuousIndex(toPhysical, outOrigin, toIndex, inOrigin, 0, j, k);
                double[] end = continuousIndex(toPhysical, outOrigin, toIndex, inOrigin, ox, j, k);
                int row = ox * (j + oy * k);
                for (int i = 0; i < ox; i++) {
                    double alpha = i / (double) ox;
                    boolean inside = true;
                    for (int a = 0; a < 3; a++) {
                        x[a] = start[a] + alpha * (end[a] - start[a]);
                        inside &= x[a] >= -0.5 && x[a] < size[a] - 0.5;
                    }
                    if (!inside) {
                        out[row + i] = fill;
                        continue;
                    }
                    double v = switch (interpolator) {
                        case NEAREST_NEIGHBOR -> nearest(values, size, x);
                        case LINEAR -> linear(values, size, x, idx, w);
                        case BSPLINE -> bspline(coeff, size, x, idx, w);
                    };
                    out[row + i] = cast(v, outputType);
                }
            }
        });
        return new Volume(target, outputType, out);
    }

    /** ITK's CastPixelWithBoundsChecking for a scalar of {@code type}. */
    public static double cast(double v, PixelType type) {
        return switch (type) {
            case FLOAT64 -> v;
            case FLOAT32 -> v <= -Float.MAX_VALUE ? -Float.MAX_VALUE : v >= Float.MAX_VALUE ? Float.MAX_VALUE : (float) v;
            default -> v <= type.min() ? type.min() : v >= type.max() ? type.max() : truncate(v);
        };
    }

    private static double truncate(double v) {
        return v != v ? 0 : v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    /** Index → physical matrix D·diag(spacing), row-major, as ITK's ImageBase precomputes it. */
    private static double[] indexToPhysical(Geometry g) {
        double[] d = g.direction();
        double[] s = g.spacing();
        double[] m = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[3 * r + c] = d[3 * r + c] * s[c];
            }
        }
        return m;
    }

    private static double[] continuousIndex(double[] toPhysical, double[] outOrigin, double[] toIndex,
            double[] inOrigin, int i, int j, int k) {
        double[] p = new double[3];
        for (int r = 0; r < 3; r++) {
            p[r] = outOrigin[r] + (toPhysical[3 * r] * i + toPhysical[3 * r + 1] * j + toPhysical[3 * r + 2] * k);
        }
        double[] x = new double[3];
        for (int r = 0; r < 3; r++) {
            x[r] = toIndex[3 * r] * (p[0] - inOrigin[0]) + toIndex[3 * r + 1] * (p[1] - inOrigin[1])
                    + toIndex[3 * r + 2] * (p[2] - inOrigin[2]);
        }
        return x;
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], k = m[8];
        double ca = e * k - f * h, cb = -(d * k - f * g), cc = d * h - e * g;
        double det = a * ca + b * cb + c * cc;
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("input geometry has a singular direction matrix");
        }
        return new double[] {
            ca / det, -(b * k - c * h) / det, (b * f - c * e) / det,
            cb / det, (a * k - c * g) / det, -(a * f - c * d) / det,
            cc / det, -(a * h - b * g) / det, (a * e - b * d) / det,
        };
    }

    /** Rounds half up (ITK's RoundHalfIntegerUp); the caller has checked the point is inside. */
    private static double nearest(double[] v, int[] size, double[] x) {
        int i = (int) Math.floor(x[0] + 0.5);
        int j = (int) Math.floor(x[1] + 0.5);
        int k = (int) Math.floor(x[2] + 0.5);
        return v[i + size[0] * (j + size[1] * k)];
    }

    /**
     * ITK's LinearInterpolateImageFunction in 3D: base = ⌊x⌋ (raised to 0 below the first voxel), distances
     * t = x − base; along an axis with t ≤ 0 or no upper neighbour the lower value is kept; otherwise the blends
     * a + (b − a)·t are taken along i, then j, then k.
     */
    private static double linear(double[] v, int[] size, double[] x, int[] lohi, double[] t) {
        // lohi[a] = lower index, lohi[3 + a] = upper index, t[a] = distance along axis a (scratch arrays)
        for (int a = 0; a < 3; a++) {
            int base = Math.max(0, (int) Math.floor(x[a]));
            t[a] = x[a] - base;
            lohi[a] = base;
            lohi[3 + a] = t[a] > 0 && base + 1 <= size[a] - 1 ? base + 1 : base;
        }
        int nx = size[0], nxy = size[0] * size[1];
        int i0 = lohi[0], i1 = lohi[3];
        double[] yz = new double[4];
        int n = 0;
        for (int kk = 0; kk < 2; kk++) {
            int k = lohi[2 + 3 * kk];
            for (int jj = 0; jj < 2; jj++) {
                int row = nx * lohi[1 + 3 * jj] + nxy * k;
                double a = v[i0 + row];
                double b = v[i1 + row];
                yz[n++] = i1 == i0 ? a : a + (b - a) * t[0];
            }
        }
        double z0 = lohi[4] == lohi[1] ? yz[0] : yz[0] + (yz[1] - yz[0]) * t[1];
        double z1 = lohi[4] == lohi[1] ? yz[2] : yz[2] + (yz[3] - yz[2]) * t[1];
        return lohi[5] == lohi[2] ? z0 : z0 + (z1 - z0) * t[2];
    }

    /**
     * ITK's BSplineInterpolateImageFunction, order 3: support starts at ⌊(float) x⌋ − 1 (ITK rounds the index to
     * float before the floor), weights from w = x − (start + 1), indices mirrored at the borders, and the 64
     * products summed with i fastest.
     */
    private static double bspline(double[] c, int[] size, double[] x, int[] idx, double[] w) {
        // idx[4a + m], w[4a + m]: index and weight of support point m along axis a (scratch arrays)
        for (int a = 0; a < 3; a++) {
            long start = (long) Math.floor((float) x[a]) - 1;
            double d = x[a] - (double) (start + 1);
            int o = 4 * a;
            w[o + 3] = (1.0 / 6.0) * d * d * d;
            w[o] = (1.0 / 6.0) + 0.5 * d * (d - 1.0) - w[o + 3];
            w[o + 2] = d + w[o] - 2.0 * w[o + 3];
            w[o + 1] = 1.0 - w[o] - w[o + 2] - w[o + 3];
            int end = size[a] - 1;
            for (int m = 0; m < 4; m++) {
                long e = start + m;
                if (size[a] == 1) {
                    e = 0;
                } else {
                    if (e < 0) {
                        e = -e;
                    }
                    if (e >= end) {
                        e = end - (e - end);
                    }
                }
                idx[o + m] = (int) e;
            }
        }
        int nx = size[0], nxy = size[0] * size[1];
        double sum = 0;
        for (int r = 0; r < 4; r++) {
            int plane = nxy * idx[8 + r];
            for (int q = 0; q < 4; q++) {
                int row = plane + nx * idx[4 + q];
                for (int p = 0; p < 4; p++) {
                    // ITK's order: w = ((1 · wᵢ) · wⱼ) · wₖ, summed with i fastest
                    sum += w[p] * w[4 + q] * w[8 + r] * c[idx[p] + row];
                }
            }
        }
        return sum;
    }
}
