package org.nacrad.radiomics.preprocess;

import org.nacrad.radiomics.settings.Limits;

/**
 * Grey-level discretisation as PyRadiomics' {@code imageoperations.getBinEdges} / {@code binImage} compute it
 * (NumPy {@code arange}/{@code histogram} edges, then {@code digitize}).
 *
 * <p>Worked example, fixed bin width W = 25 over ROI values {3, 26, 50, 51, 99}: the lowest edge is
 * min − (min mod W) = 3 − 3 = 0, edges are 0, 25, 50, 75, 100, 125 (NumPy {@code arange(0, 99 + 2W, W)}), and a
 * value v gets the number of edges ≤ v: levels {1, 2, 3, 3, 4}. A value on an edge (50) goes to the upper bin.
 *
 * <p>Fixed bin count B: B + 1 edges from {@code linspace(min, max, B + 1)} with the last edge raised by 1 so the
 * maximum falls in bin B.
 *
 * <p>Only ROI voxels are binned; voxels outside the mask get level 0.
 */
public final class Discretiser {

    private Discretiser() {
    }

    /** The discretised ROI and the bin edges used. */
    public record Result(int[] levels, double[] edges) {
    }

    /**
     * Discretises the ROI voxels of {@code values}.
     *
     * @param binWidth used when {@code binCount} is null
     * @param binCount fixed number of bins, or null
     */
    public static Result discretise(double[] values, boolean[] mask, double binWidth, Integer binCount) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot discretise an empty ROI");
        }
        double[] edges = binCount != null ? binCountEdges(min, max, binCount) : binWidthEdges(min, max, binWidth);
        int[] levels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (mask[i]) {
                levels[i] = digitize(values[i], edges);
            }
        }
        return new Result(levels, edges);
    }

    /**
     * Edges for a fixed bin width: NumPy {@code arange(low, max + 2W, W)} with low = min − (min mod W) (Python's
     * floor modulo), i.e. low + i·δ with δ = (low + W) − low; two edges around a flat region on an edge.
     */
    static double[] binWidthEdges(double min, double max, double w) {
        double low = min - pyMod(min, w);
        double high = max + 2 * w;
        double edgeCount = Math.ceil((high - low) / w);
        Limits.require(() -> "binWidth " + Limits.number(w) + " over the ROI's intensities [" + Limits.number(min) + ", "
                + Limits.number(max) + "] makes " + Limits.number(edgeCount - 1) + " grey-level bins", edgeCount,
                8 * edgeCount, "raise binWidth or use binCount");
        int count = (int) edgeCount;
        double delta = (low + w) - low;
        double[] edges = new double[Math.max(count, 0)];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = low + i * delta;
        }
        if (edges.length == 1) {
            return new double[] {edges[0] - 0.5, edges[0] + 0.5};
        }
        return edges;
    }

    /** Edges for a fixed bin count: NumPy {@code histogram(x, B)} edges with the last edge + 1. */
    static double[] binCountEdges(double min, double max, int bins) {
        Limits.require(() -> "binCount " + bins, bins + 1.0, 8 * (bins + 1.0), "lower binCount");
        double first = min;
        double last = max;
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = new double[bins + 1];
        double step = (last - first) / bins;
        for (int i = 0; i <= bins; i++) {
            edges[i] = i * step + first;
        }
        edges[bins] = last;
        edges[bins] += 1;
        return edges;
    }

    /**
     * NumPy {@code digitize} for increasing edges: the number of edges ≤ v (NaN: all of them, as NumPy's sort order
     * puts NaN last). The edges are evenly spaced but for rounding (and the raised last edge of a fixed bin count),
     * so the bin is guessed from the spacing and then moved until edges[g − 1] ≤ v &lt; edges[g]: the same count as a
     * binary search, in one or two comparisons. Comparisons are numeric, as NumPy's: −0.0 on an edge at 0.0 is in
     * the bin that starts there.
     */
    static int digitize(double v, double[] edges) {
        int len = edges.length;
        if (Double.isNaN(v)) {
            return len;
        }
        double guess = len < 2 ? 0 : (v - edges[0]) / (edges[1] - edges[0]);
        int g = guess <= 0 ? 0 : guess >= len ? len : (int) guess;
        while (g < len && edges[g] <= v) {
            g++;
        }
        while (g > 0 && edges[g - 1] > v) {
            g--;
        }
        return g;
    }

    /** Python's float modulo: the result has the sign of the divisor. */
    static double pyMod(double a, double b) {
        double m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            m += b;
        }
        return m;
    }
}
