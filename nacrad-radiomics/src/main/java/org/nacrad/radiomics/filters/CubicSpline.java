package org.nacrad.radiomics.filters;

/**
 * Cubic B-spline interpolation of a 3D image as SciPy 1.10's {@code ndimage.map_coordinates(order=3,
 * mode='constant')} computes it.
 *
 * <p><b>Prefilter</b> (Unser, Aldroubi and Eden, "Fast B-spline transforms for continuous image representation and
 * interpolation", IEEE PAMI 13(3), 1991): along each axis in NumPy order (z, y, x) each line of length &gt; 1 is
 * multiplied by the gain (1 − z)(1 − 1/z) and run through the causal and anti-causal recursions with the pole
 * z = √3 − 2, both initialised for a mirror-symmetric extension (SciPy uses the mirror initialisation for its
 * "constant" mode).
 *
 * <p><b>Evaluation</b> at a continuous index (z, y, x): 0 when any coordinate is outside [0, n − 1]; otherwise
 * Σ c[i, j, k] w_z w_y w_x over the 4 × 4 × 4 neighbouring coefficients (x fastest, each product formed z, y, x),
 * with the cubic B-spline weights and coefficient indices beyond the border mirrored. Written by hand: no Java
 * library reproduces SciPy's boundary handling.
 */
final class CubicSpline {

    private static final double POLE = -0.267949192431122706472553658494127633; // √3 − 2

    private CubicSpline() {
    }

    /** Spline coefficients of an image of NumPy shape {@code dims} = (nz, ny, nx), x fastest. */
    static double[] prefilter(double[] image, int[] dims) {
        double[] c = image.clone();
        int nz = dims[0], ny = dims[1], nx = dims[2];
        int[] strides = {nx * ny, nx, 1};
        for (int axis = 0; axis < 3; axis++) {
            int len = dims[axis];
            if (len <= 1) {
                continue;
            }
            int stride = strides[axis];
            double[] line = new double[len];
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        int[] pos = {k, j, i};
                        if (pos[axis] != 0) {
                            continue;
                        }
                        int base = k * strides[0] + j * strides[1] + i;
                        for (int t = 0; t < len; t++) {
                            line[t] = c[base + t * stride];
                        }
                        filterLine(line, len);
                        for (int t = 0; t < len; t++) {
                            c[base + t * stride] = line[t];
                        }
                    }
                }
            }
        }
        return c;
    }

    /** SciPy's {@code apply_filter} for order 3, mirror initialisation. */
    static void filterLine(double[] c, int n) {
        double z = POLE;
        double gain = (1.0 - z) * (1.0 - 1.0 / z);
        for (int i = 0; i < n; i++) {
            c[i] *= gain;
        }
        // causal initialisation (mirror)
        double zi = z;
        double zn1 = Math.pow(z, n - 1);
        c[0] = c[0] + zn1 * c[n - 1];
        for (int i = 1; i < n - 1; i++) {
            c[0] += zi * (c[i] + zn1 * c[n - 1 - i]);
            zi *= z;
        }
        c[0] /= 1 - zn1 * zn1;
        for (int i = 1; i < n; i++) {
            c[i] += z * c[i - 1];
        }
        // anti-causal initialisation (mirror)
        c[n - 1] = (z * c[n - 2] + c[n - 1]) * z / (z * z - 1);
        for (int i = n - 2; i >= 0; i--) {
            c[i] = z * (c[i + 1] - c[i]);
        }
    }

    /** The interpolated value at continuous NumPy index (z, y, x). */
    static double evaluate(double[] c, int nz, int ny, int nx, double z, double y, double x) {
        int[] dims = {nz, ny, nx};
        double[] at = {z, y, x};
        int[][] idx = new int[3][4];
        double[][] w = new double[3][4];
        for (int a = 0; a < 3; a++) {
            double cc = at[a];
            if (cc < 0 || cc > dims[a] - 1) {
                return 0;
            }
            int start = (int) Math.floor(cc) - 1;
            for (int l = 0; l < 4; l++) {
                idx[a][l] = mirror(start + l, dims[a]);
            }
            weights(cc, w[a]);
        }
        double t = 0;
        for (int a = 0; a < 4; a++) {
            int rowZ = idx[0][a] * ny;
            for (int b = 0; b < 4; b++) {
                int row = (rowZ + idx[1][b]) * nx;
                for (int d = 0; d < 4; d++) {
                    double coeff = c[row + idx[2][d]];
                    coeff *= w[0][a];
                    coeff *= w[1][b];
                    coeff *= w[2][d];
                    t += coeff;
                }
            }
        }
        return t;
    }

    /** SciPy's cubic weights at fractional position x − ⌊x⌋ (the last weight is 1 − the others). */
    static void weights(double cc, double[] w) {
        double x = cc - Math.floor(cc);
        double y = x;
        double z = 1.0 - x;
        w[1] = (y * y * (y - 2.0) * 3.0 + 4.0) / 6.0;
        w[2] = (z * z * (z - 2.0) * 3.0 + 4.0) / 6.0;
        w[0] = z * z * z / 6.0;
        w[3] = 1.0;
        for (int i = 0; i < 3; i++) {
            w[3] -= w[i];
        }
    }

    /** SciPy's mirror mapping of an integer index (whole-sample symmetric, period 2n − 2). */
    static int mirror(int in, int len) {
        if (in >= 0 && in <= len - 1) {
            return in;
        }
        if (len <= 1) {
            return 0;
        }
        int sz2 = 2 * len - 2;
        if (in < 0) {
            int v = sz2 * (-in / sz2) + in;
            return v <= 1 - len ? v + sz2 : -v;
        }
        int v = in - sz2 * (in / sz2);
        return v >= len ? sz2 - v : v;
    }
}
