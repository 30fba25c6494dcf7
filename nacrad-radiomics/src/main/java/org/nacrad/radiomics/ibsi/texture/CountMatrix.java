package org.nacrad.radiomics.ibsi.texture;

import java.util.Arrays;

/**
 * An N<sub>g</sub> × N<sub>j</sub> count matrix m<sub>ij</sub> of the run-length family: grey level i against a
 * second index j ≥ 1 (run length for GLRLM, zone size for GLSZM, distance to the ROI edge for GLDZM, dependence count
 * for NGLDM), with the sums that IBSI's definitions of those four families share. Immutable; only the non-zero cells
 * are kept, so a matrix with large j (a 3D zone of 10⁵ voxels) costs no more than its number of distinct cells.
 *
 * <p>Notation as in IBSI-1: N<sub>s</sub> = Σ m<sub>ij</sub>, m<sub>i.</sub> = Σ<sub>j</sub> m<sub>ij</sub>,
 * m<sub>.j</sub> = Σ<sub>i</sub> m<sub>ij</sub>, p<sub>ij</sub> = m<sub>ij</sub> / N<sub>s</sub>, N<sub>v</sub> the
 * number of voxels the matrix was built from (summed when matrices are merged).
 */
final class CountMatrix {

    /** Non-zero cells: grey level (1-based), second index (≥ 1), count. */
    private final int[] ci, cj;
    private final double[] cm;
    private final double[] row;
    private final double[] col;
    private final double ns;
    private final double nv;

    private CountMatrix(int[] ci, int[] cj, double[] cm, int ng, double nv) {
        this.ci = ci;
        this.cj = cj;
        this.cm = cm;
        this.nv = nv;
        int maxJ = 0;
        for (int j : cj) {
            maxJ = Math.max(maxJ, j);
        }
        row = new double[ng + 1];
        col = new double[maxJ + 1];
        double s = 0;
        for (int k = 0; k < cm.length; k++) {
            row[ci[k]] += cm[k];
            col[cj[k]] += cm[k];
            s += cm[k];
        }
        ns = s;
    }

    /**
     * A matrix from dense counts: cell (i, j) at {@code counts[(i − 1) * width + j]}, i = 1..N_g, j = 0..width − 1
     * (column 0 unused).
     */
    static CountMatrix dense(double[] counts, int ng, int width, double nv) {
        int n = 0;
        for (double c : counts) {
            if (c != 0) {
                n++;
            }
        }
        int[] ci = new int[n];
        int[] cj = new int[n];
        double[] cm = new double[n];
        for (int k = 0, e = 0; k < counts.length; k++) {
            if (counts[k] != 0) {
                ci[e] = k / width + 1;
                cj[e] = k % width;
                cm[e++] = counts[k];
            }
        }
        return new CountMatrix(ci, cj, cm, ng, nv);
    }

    /** A matrix counting the pairs (i<sub>k</sub>, j<sub>k</sub>), from ≤ k &lt; to (e.g. one pair per zone). */
    static CountMatrix ofPairs(int[] i, int[] j, int from, int to, int ng, double nv) {
        int n = to - from;
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            keys[k] = ((long) i[from + k] << 32) | j[from + k];
        }
        Arrays.sort(keys);
        int cells = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                cells++;
            }
        }
        int[] ci = new int[cells];
        int[] cj = new int[cells];
        double[] cm = new double[cells];
        for (int k = 0, e = -1; k < n; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                e++;
                ci[e] = (int) (keys[k] >>> 32);
                cj[e] = (int) keys[k];
            }
            cm[e]++;
        }
        return new CountMatrix(ci, cj, cm, ng, nv);
    }

    /** Whether the matrix counts nothing (then it is left out of every aggregation). */
    boolean isEmpty() {
        return ns == 0;
    }

    /** N<sub>s</sub>. */
    double total() {
        return ns;
    }

    /** m<sub>ij</sub> (for tests). */
    double count(int i, int j) {
        for (int k = 0; k < cm.length; k++) {
            if (ci[k] == i && cj[k] == j) {
                return cm[k];
            }
        }
        return 0;
    }

    /** Σ<sub>k</sub> k<sup>power</sup> m<sub>k</sub> / N<sub>s</sub> of a marginal stored at index k (k ≥ 1). */
    private double emphasis(double[] marginal, int power) {
        double s = 0;
        for (int k = 1; k < marginal.length; k++) {
            double k2 = (double) k * k;
            s += marginal[k] * (power > 0 ? k2 : 1 / k2);
        }
        return s / ns;
    }

    /** (1/N<sub>s</sub>) Σ<sub>j</sub> m<sub>.j</sub> / j². */
    double smallJEmphasis() {
        return emphasis(col, -2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>j</sub> j² m<sub>.j</sub>. */
    double largeJEmphasis() {
        return emphasis(col, 2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>i</sub> m<sub>i.</sub> / i². */
    double lowGreyEmphasis() {
        return emphasis(row, -2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>i</sub> i² m<sub>i.</sub>. */
    double highGreyEmphasis() {
        return emphasis(row, 2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>i,j</sub> m<sub>ij</sub> i<sup>a</sup> j<sup>b</sup> for a, b ∈ {−2, 2}. */
    private double weighted(int a, int b) {
        double s = 0;
        for (int k = 0; k < cm.length; k++) {
            double i2 = (double) ci[k] * ci[k];
            double j2 = (double) cj[k] * cj[k];
            s += cm[k] * (a > 0 ? i2 : 1 / i2) * (b > 0 ? j2 : 1 / j2);
        }
        return s / ns;
    }

    /** (1/N<sub>s</sub>) Σ<sub>i,j</sub> m<sub>ij</sub> / (i² j²). */
    double smallJLowGreyEmphasis() {
        return weighted(-2, -2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² m<sub>ij</sub> / j². */
    double smallJHighGreyEmphasis() {
        return weighted(2, -2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² m<sub>ij</sub> / i². */
    double largeJLowGreyEmphasis() {
        return weighted(-2, 2);
    }

    /** (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² m<sub>ij</sub>. */
    double largeJHighGreyEmphasis() {
        return weighted(2, 2);
    }

    private static double sumOfSquares(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return s;
    }

    /** (1/N<sub>s</sub>) Σ<sub>i</sub> m<sub>i.</sub>². */
    double greyNonUniformity() {
        return sumOfSquares(row) / ns;
    }

    /** (1/N<sub>s</sub>²) Σ<sub>i</sub> m<sub>i.</sub>². */
    double greyNonUniformityNormalised() {
        return sumOfSquares(row) / (ns * ns);
    }

    /** (1/N<sub>s</sub>) Σ<sub>j</sub> m<sub>.j</sub>². */
    double jNonUniformity() {
        return sumOfSquares(col) / ns;
    }

    /** (1/N<sub>s</sub>²) Σ<sub>j</sub> m<sub>.j</sub>². */
    double jNonUniformityNormalised() {
        return sumOfSquares(col) / (ns * ns);
    }

    /** N<sub>s</sub> / N<sub>v</sub>. */
    double percentage() {
        return ns / nv;
    }

    /** Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub> with μ = Σ<sub>i,j</sub> i p<sub>ij</sub>. */
    double greyVariance() {
        return variance(row);
    }

    /** Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub> with μ = Σ<sub>i,j</sub> j p<sub>ij</sub>. */
    double jVariance() {
        return variance(col);
    }

    /** The variance of an index under its marginal (the joint form above summed over the other index). */
    private double variance(double[] marginal) {
        double mu = 0;
        for (int k = 1; k < marginal.length; k++) {
            mu += k * marginal[k];
        }
        mu /= ns;
        double v = 0;
        for (int k = 1; k < marginal.length; k++) {
            v += (k - mu) * (k - mu) * marginal[k];
        }
        return v / ns;
    }

    /** −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>. */
    double entropy() {
        double h = 0;
        for (double c : cm) {
            double p = c / ns;
            h -= p * Math.log(p);
        }
        return h / Math.log(2);
    }

    /** Σ<sub>i,j</sub> p<sub>ij</sub>². */
    double energy() {
        return sumOfSquares(cm) / (ns * ns);
    }
}
