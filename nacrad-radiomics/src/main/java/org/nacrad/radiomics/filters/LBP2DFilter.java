package org.nacrad.radiomics.filters;

import java.util.List;

import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.settings.Lbp2DMethod;
import org.nacrad.radiomics.settings.Limits;

/**
 * PyRadiomics' {@code LBP2D} image type ({@code getLBP2DImage}), output {@code lbp-2D}: scikit-image's
 * {@code local_binary_pattern} (0.19) applied to every slice across {@code force2Ddimension} (0: z slices, rows y,
 * columns x; 1: y slices, rows z, columns x; 2: x slices, rows y, columns z).
 *
 * <p><b>Maths.</b> P neighbours on a circle of radius R around each pixel (r, c), at
 * <pre>  (r − R sin(2πi/P), c + R cos(2πi/P)),   i = 0 … P−1,</pre>
 * offsets rounded to 5 decimals, R in single precision (scikit-image's {@code float R}), values by bilinear
 * interpolation with 0 outside the slice. Each neighbour gives the bit s_i = [g_i − g_c ≥ 0]. Methods
 * ({@code lbp2DMethod}): {@code default} Σ s_i 2^i; {@code ror} the smallest circular rotation of that code;
 * {@code uniform} Σ s_i when the pattern has at most two 0/1 changes counted along i = 0 … P−1 (not around the
 * circle, as scikit-image counts), else P + 1; {@code nri_uniform} scikit-image's non-rotation-invariant uniform
 * code; {@code var} the population variance of the g_i (NaN when 0). Example: P = 4, R = 1 on the 3×3 slice
 * [[0,1,0],[1,5,2],[0,3,0]] (centre 5, neighbours right 2, up 1, left 1, down 3): all s_i = 0, uniform code 0.
 *
 * <p>As PyRadiomics writes the codes back into the image array, the output keeps the input's pixel type (integer
 * types truncate; a NaN variance becomes 0 there). Settings: {@code lbp2DRadius} (1), {@code lbp2DSamples} (8, the
 * value PyRadiomics' code uses; its documentation says 9), {@code lbp2DMethod} (uniform), {@code force2Ddimension}
 * (0).
 */
public final class LBP2DFilter implements ImageFilter {

    @Override
    public String name() {
        return "LBP2D";
    }

    @Override
    public List<Filtered> apply(Volume image, boolean[] mask, RadiomicsSettings settings) {
        double radius = settings.lbp2DRadius();
        int p = settings.lbp2DSamples();
        Limits.require("LBP2D: lbp2DSamples " + p, p, 28.0 * p, "lower lbp2DSamples");
        Lbp2DMethod method = settings.lbp2DMethod();
        int dim = settings.force2Ddimension();
        Geometry g = image.geometry();
        int nx = g.nx(), ny = g.ny();
        // slice axis (Volume axis: 2 = z, 1 = y, 0 = x), row axis, column axis
        int sliceAxis = 2 - dim;
        int rowAxis = dim == 1 ? 2 : 1;
        int colAxis = dim == 2 ? 2 : 0;
        int[] stride = {1, nx, nx * ny};
        int rows = g.size(rowAxis), cols = g.size(colAxis);
        Lbp lbp = new Lbp(p, radius, method);
        double[] in = image.data();
        double[] out = new double[in.length];
        double[] slice = new double[rows * cols];
        double[] codes = new double[rows * cols];
        for (int s = 0; s < g.size(sliceAxis); s++) {
            int base = s * stride[sliceAxis];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    slice[r * cols + c] = in[base + r * stride[rowAxis] + c * stride[colAxis]];
                }
            }
            lbp.apply(slice, rows, cols, codes);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    out[base + r * stride[rowAxis] + c * stride[colAxis]] = store(codes[r * cols + c],
                            image.pixelType());
                }
            }
        }
        return List.of(new Filtered("lbp-2D", image.withData(out, image.pixelType())));
    }

    /** The value NumPy stores when assigning a float64 into an array of the given type. */
    private static double store(double v, PixelType type) {
        if (type == PixelType.FLOAT32) {
            return (float) v;
        }
        if (type.isInteger()) {
            return Double.isNaN(v) ? 0 : (double) (long) v;
        }
        return v;
    }

    /** scikit-image's {@code _local_binary_pattern} for one 2D slice (row-major). */
    static final class Lbp {
        private final int p;
        private final Lbp2DMethod method;
        private final double[] rp;
        private final double[] cp;

        Lbp(int p, double radius, Lbp2DMethod method) {
            this.p = p;
            this.method = method;
            double r = (float) radius;
            rp = new double[p];
            cp = new double[p];
            for (int i = 0; i < p; i++) {
                double angle = 2 * Math.PI * i / p;
                rp[i] = round5(-r * Math.sin(angle));
                cp[i] = round5(r * Math.cos(angle));
            }
        }

        /** NumPy's {@code round(x, 5)}: rint(x · 10⁵) / 10⁵. */
        private static double round5(double x) {
            return Math.rint(x * 1e5) / 1e5;
        }

        void apply(double[] img, int rows, int cols, double[] out) {
            double[] texture = new double[p];
            int[] bits = new int[p];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double centre = img[r * cols + c];
                    for (int i = 0; i < p; i++) {
                        texture[i] = bilinear(img, rows, cols, r + rp[i], c + cp[i]);
                        bits[i] = texture[i] - centre >= 0 ? 1 : 0;
                    }
                    out[r * cols + c] = code(texture, bits);
                }
            }
        }

        private double code(double[] texture, int[] s) {
            if (method == Lbp2DMethod.VAR) {
                double sum = 0, sq = 0;
                for (int i = 0; i < p; i++) {
                    sum += texture[i];
                    sq += texture[i] * texture[i];
                }
                double var = (sq - (sum * sum) / p) / p;
                return var != 0 ? var : Double.NaN;
            }
            if (method == Lbp2DMethod.UNIFORM || method == Lbp2DMethod.NRI_UNIFORM) {
                int changes = 0;
                for (int i = 0; i < p - 1; i++) {
                    changes += s[i] != s[i + 1] ? 1 : 0;
                }
                if (method == Lbp2DMethod.UNIFORM) {
                    if (changes > 2) {
                        return p + 1;
                    }
                    int ones = 0;
                    for (int b : s) {
                        ones += b;
                    }
                    return ones;
                }
                if (changes > 2) {
                    return p * (p - 1) + 2;
                }
                int ones = 0, firstOne = -1, firstZero = -1;
                for (int i = 0; i < p; i++) {
                    if (s[i] == 1) {
                        ones++;
                        if (firstOne == -1) {
                            firstOne = i;
                        }
                    } else if (firstZero == -1) {
                        firstZero = i;
                    }
                }
                if (ones == 0) {
                    return 0;
                }
                if (ones == p) {
                    return p * (p - 1) + 1;
                }
                int rot = firstOne == 0 ? ones - firstZero : p - firstOne;
                return 1 + (ones - 1) * p + rot;
            }
            int lbp = 0;
            for (int i = 0; i < p; i++) {
                lbp += s[i] << i;
            }
            if (method == Lbp2DMethod.ROR) {
                int min = lbp, v = lbp;
                for (int i = 1; i < p; i++) {
                    v = (v >>> 1) | ((v & 1) << (p - 1));
                    min = Math.min(min, v);
                }
                return min;
            }
            return lbp;
        }

        /** scikit-image's bilinear interpolation, constant 0 outside the slice. */
        private static double bilinear(double[] img, int rows, int cols, double r, double c) {
            long minr = (long) Math.floor(r), minc = (long) Math.floor(c);
            long maxr = (long) Math.ceil(r), maxc = (long) Math.ceil(c);
            double dr = r - minr, dc = c - minc;
            double tl = pixel(img, rows, cols, minr, minc), tr = pixel(img, rows, cols, minr, maxc);
            double bl = pixel(img, rows, cols, maxr, minc), br = pixel(img, rows, cols, maxr, maxc);
            double top = (1 - dc) * tl + dc * tr;
            double bottom = (1 - dc) * bl + dc * br;
            return (1 - dr) * top + dr * bottom;
        }

        private static double pixel(double[] img, int rows, int cols, long r, long c) {
            return r < 0 || r >= rows || c < 0 || c >= cols ? 0 : img[(int) r * cols + (int) c];
        }
    }
}
