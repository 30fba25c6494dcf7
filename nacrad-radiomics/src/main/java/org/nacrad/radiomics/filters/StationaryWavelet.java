package org.nacrad.radiomics.filters;

/**
 * The one-level stationary (undecimated) wavelet transform along one axis of a 3D array, exactly as PyWavelets
 * 1.1.1 computes {@code pywt.swt(level=1)} with periodic boundaries: for a signal x of length M and a filter f of
 * F taps,
 * <pre>  y[n] = Σ_{m=0}^{F−1} f[m] · x[(n + ⌊F/2⌋ − m) mod M],   n = 0 … M−1</pre>
 * i.e. a circular convolution shifted by ⌊F/2⌋ (3 for coif1). Worked example, haar ({@code dec_lo = [1/√2, 1/√2]},
 * shift 1) on x = [1, 2, 3, 4]: y = [(2+1), (3+2), (4+3), (1+4)]/√2 = [2.1213, 3.5355, 4.9497, 3.5355].
 *
 * <p><b>Summation order.</b> PyWavelets accumulates in the data type (single precision for float32 data), so its
 * result depends on the order of the additions. Its loop adds the taps in ascending m except for the outputs whose
 * support wraps past the end of the signal (n + ⌊F/2⌋ ≥ M): there it first adds the wrapped taps in descending m
 * (m = n + ⌊F/2⌋ − M, …, 0), then the others ascending. This class adds in the same order, so float32 results are
 * bit-identical to PyWavelets' (and float64 ones too, as both use IEEE arithmetic without fused multiply-add).
 *
 * <p><b>Computing a window.</b> Each output depends only on the F inputs of its support, so any run of outputs
 * [s, s + B) (positions taken mod M, so s may be negative or the run longer than M) can be computed from the B + F − 1
 * inputs at positions s − (F − 1 − ⌊F/2⌋) … s + B − 1 + ⌊F/2⌋ (mod M), gathered by the caller. Nothing is
 * approximated: a window gives the same numbers as the whole signal.
 *
 * <p>Written by hand: no Java library provides PyWavelets' periodic SWT with its summation order.
 */
final class StationaryWavelet {

    private StationaryWavelet() {
    }

    /** Inputs needed before the first output of a window: F − 1 − ⌊F/2⌋. */
    static int leftExtent(int taps) {
        return taps - 1 - taps / 2;
    }

    /** Inputs needed after the last output of a window: ⌊F/2⌋. */
    static int rightExtent(int taps) {
        return taps / 2;
    }

    /**
     * Filters a 3D array (x fastest) along one axis, single precision.
     *
     * @param in     input, {@code size[0]*size[1]*size[2]} values; along {@code axis} it holds the window's
     *               B + F − 1 inputs
     * @param size   size of {@code in}
     * @param axis   0 = x, 1 = y, 2 = z
     * @param f      filter taps
     * @param start  global position s of the first output along the axis
     * @param period M, the (padded) signal length along the axis
     * @return the B = size[axis] − F + 1 outputs along the axis, other axes unchanged
     */
    static float[] filter(float[] in, int[] size, int axis, float[] f, int start, int period) {
        int taps = f.length;
        int len = size[axis] - taps + 1;
        int[] outSize = size.clone();
        outSize[axis] = len;
        float[] out = new float[outSize[0] * outSize[1] * outSize[2]];
        int[] wrap = wrapPoints(len, taps, start, period);
        if (axis == 0) {
            int lines = size[1] * size[2];
            for (int line = 0; line < lines; line++) {
                int inBase = line * size[0];
                int outBase = line * len;
                for (int n = 0; n < len; n++) {
                    // the inputs of output n sit at local positions n + F − 1 − m
                    int last = inBase + n + taps - 1;
                    float sum = 0;
                    int w = wrap[n];
                    if (w < 0) {
                        for (int m = 0; m < taps; m++) {
                            sum += f[m] * in[last - m];
                        }
                    } else {
                        for (int m = w; m >= 0; m--) {
                            sum += f[m] * in[last - m];
                        }
                        for (int m = w + 1; m < taps; m++) {
                            sum += f[m] * in[last - m];
                        }
                    }
                    out[outBase + n] = sum;
                }
            }
            return out;
        }
        // y or z: accumulate whole contiguous x-rows (or x-y planes), tap by tap in PyWavelets' order, so each
        // output still receives its terms in the same sequence
        int row = axis == 1 ? size[0] : size[0] * size[1];
        int outer = axis == 1 ? size[2] : 1;
        for (int o = 0; o < outer; o++) {
            int inBlock = o * size[0] * size[1];
            int outBlock = o * outSize[0] * outSize[1];
            for (int n = 0; n < len; n++) {
                int dst = outBlock + n * row;
                int w = wrap[n];
                if (w < 0) {
                    for (int m = 0; m < taps; m++) {
                        accumulate(out, dst, f[m], in, inBlock + (n + taps - 1 - m) * row, row);
                    }
                } else {
                    for (int m = w; m >= 0; m--) {
                        accumulate(out, dst, f[m], in, inBlock + (n + taps - 1 - m) * row, row);
                    }
                    for (int m = w + 1; m < taps; m++) {
                        accumulate(out, dst, f[m], in, inBlock + (n + taps - 1 - m) * row, row);
                    }
                }
            }
        }
        return out;
    }

    /** out[dst + t] += c · in[src + t] for t in [0, count). */
    private static void accumulate(float[] out, int dst, float c, float[] in, int src, int count) {
        for (int t = 0; t < count; t++) {
            out[dst + t] += c * in[src + t];
        }
    }

    /** As {@link #filter(float[], int[], int, float[], int, int)}, double precision. */
    static double[] filter(double[] in, int[] size, int axis, double[] f, int start, int period) {
        int taps = f.length;
        int len = size[axis] - taps + 1;
        int[] outSize = size.clone();
        outSize[axis] = len;
        double[] out = new double[outSize[0] * outSize[1] * outSize[2]];
        int[] wrap = wrapPoints(len, taps, start, period);
        if (axis == 0) {
            int lines = size[1] * size[2];
            for (int line = 0; line < lines; line++) {
                int inBase = line * size[0];
                int outBase = line * len;
                for (int n = 0; n < len; n++) {
                    // the inputs of output n sit at local positions n + F − 1 − m
                    int last = inBase + n + taps - 1;
                    double sum = 0;
                    int w = wrap[n];
                    if (w < 0) {
                        for (int m = 0; m < taps; m++) {
                            sum += f[m] * in[last - m];
                        }
                    } else {
                        for (int m = w; m >= 0; m--) {
                            sum += f[m] * in[last - m];
                        }
                        for (int m = w + 1; m < taps; m++) {
                            sum += f[m] * in[last - m];
                        }
                    }
                    out[outBase + n] = sum;
                }
            }
            return out;
        }
        // y or z: accumulate whole contiguous x-rows (or x-y planes), tap by tap in PyWavelets' order, so each
        // output still receives its terms in the same sequence
        int row = axis == 1 ? size[0] : size[0] * size[1];
        int outer = axis == 1 ? size[2] : 1;
        for (int o = 0; o < outer; o++) {
            int inBlock = o * size[0] * size[1];
            int outBlock = o * outSize[0] * outSize[1];
            for (int n = 0; n < len; n++) {
                int dst = outBlock + n * row;
                int w = wrap[n];
                if (w < 0) {
                    for (int m = 0; m < taps; m++) {
                        accumulate(out, dst, f[m], in, inBlock + (n + taps - 1 - m) * row, row);
                    }
                } else {
                    for (int m = w; m >= 0; m--) {
                        accumulate(out, dst, f[m], in, inBlock + (n + taps - 1 - m) * row, row);
                    }
                    for (int m = w + 1; m < taps; m++) {
                        accumulate(out, dst, f[m], in, inBlock + (n + taps - 1 - m) * row, row);
                    }
                }
            }
        }
        return out;
    }

    /** out[dst + t] += c · in[src + t] for t in [0, count). */
    private static void accumulate(double[] out, int dst, double c, double[] in, int src, int count) {
        for (int t = 0; t < count; t++) {
            out[dst + t] += c * in[src + t];
        }
    }

    /**
     * For each output of the window, the last tap PyWavelets adds first (descending) because its support wraps
     * past the end of the signal: n' + ⌊F/2⌋ − M where n' is the output's position mod M, or −1 when it does not
     * wrap (plain ascending order).
     */
    private static int[] wrapPoints(int len, int taps, int start, int period) {
        int[] w = new int[len];
        for (int n = 0; n < len; n++) {
            int i = Math.floorMod(start + n, period) + taps / 2;
            w[n] = i >= period ? i - period : -1;
        }
        return w;
    }
}
