package org.nacrad.image.resample;

/**
 * Cubic B-spline coefficients of a 3D image, computed as ITK's {@code BSplineDecompositionImageFilter} (spline
 * order 3) does, so that B-spline interpolation reproduces SimpleITK's {@code sitkBSpline}.
 *
 * <p>The coefficients c satisfy Σₖ cₖ β³(n − k) = fₙ on every line, with mirror-symmetric extension at both ends
 * (f₋ₙ = fₙ, f_{N−1+n} = f_{N−1−n}). Along each axis in turn (i, then j, then k) every line is filtered by the
 * gain 6 and one causal and one anti-causal first-order recursion with pole z = √3 − 2 (Unser, "Splines: a
 * perfect fit for signal and image processing", IEEE Signal Processing Magazine 16(6), 1999, Box 2; Unser,
 * Aldroubi, Eden, IEEE Trans. Signal Processing 41(2), 1993). As in ITK, the causal initial value sums the
 * first ⌈ln 10⁻¹⁰ / ln |z|⌉ = 18 terms on lines longer than that and uses the exact mirror sum otherwise, and an
 * axis of length 1 is left unchanged. Written by hand: no Java library offers this prefilter.
 *
 * <p>Worked example (also a unit test): the line (0, 6, 0) has coefficients (−6, 12, −6). Check: the cubic
 * B-spline is 4/6 at its centre and 1/6 at ±1, so the interpolant at knot n is (cₙ₋₁ + 4cₙ + cₙ₊₁)/6 with the
 * mirror extension c₋₁ = c₁, c₃ = c₁: (12 − 24 + 12)/6 = 0, (−6 + 48 − 6)/6 = 6, (12 − 24 + 12)/6 = 0.
 */
public final class BSplineDecomposition {

    /** The pole of the cubic B-spline prefilter, √3 − 2. */
    static final double POLE = Math.sqrt(3.0) - 2.0;

    private static final double TOLERANCE = 1e-10;

    private BSplineDecomposition() {
    }

    /**
     * Coefficients of an image of {@code nx × ny × nz} values (i fastest); the input is not modified.
     */
    public static double[] coefficients(double[] data, int nx, int ny, int nz) {
        return coefficients(data, nx, ny, nz, new boolean[] {true, true, true});
    }

    /**
     * Coefficients along the chosen axes only ({@code axes[a]} false leaves axis a unfiltered, for interpolation
     * within slices); the input is not modified.
     */
    public static double[] coefficients(double[] data, int nx, int ny, int nz, boolean[] axes) {
        double[] c = data.clone();
        int[] size = {nx, ny, nz};
        int[] stride = {1, nx, nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            int n = size[axis];
            if (n == 1 || !axes[axis]) {
                continue;
            }
            double[] line = new double[n];
            int s = stride[axis];
            int o1 = axis == 0 ? 1 : 0, o2 = axis == 2 ? 1 : 2;
            for (int b = 0; b < size[o2]; b++) {
                for (int a = 0; a < size[o1]; a++) {
                    int start = a * stride[o1] + b * stride[o2];
                    for (int t = 0; t < n; t++) {
                        line[t] = c[start + t * s];
                    }
                    line(line);
                    for (int t = 0; t < n; t++) {
                        c[start + t * s] = line[t];
                    }
                }
            }
        }
        return c;
    }

    /** In place: the B-spline coefficients of one line of length ≥ 2 (ITK's DataToCoefficients1D). */
    static void line(double[] s) {
        int n = s.length;
        double z = POLE;
        double gain = (1.0 - z) * (1.0 - 1.0 / z);
        for (int t = 0; t < n; t++) {
            s[t] *= gain;
        }
        s[0] = initialCausal(s, z);
        for (int t = 1; t < n; t++) {
            s[t] += z * s[t - 1];
        }
        s[n - 1] = (z / (z * z - 1.0)) * (z * s[n - 2] + s[n - 1]);
        for (int t = n - 2; t >= 0; t--) {
            s[t] = z * (s[t + 1] - s[t]);
        }
    }

    private static double initialCausal(double[] s, double z) {
        int n = s.length;
        long horizon = (long) Math.ceil(Math.log(TOLERANCE) / Math.log(Math.abs(z)));
        double zn = z;
        if (horizon < n) {
            double sum = s[0];
            for (int t = 1; t < horizon; t++) {
                sum += zn * s[t];
                zn *= z;
            }
            return sum;
        }
        double iz = 1.0 / z;
        double z2n = Math.pow(z, n - 1);
        double sum = s[0] + z2n * s[n - 1];
        z2n *= z2n * iz;
        for (int t = 1; t <= n - 2; t++) {
            sum += (zn + z2n) * s[t];
            zn *= z;
            z2n *= iz;
        }
        return sum / (1.0 - zn * zn);
    }
}
