package org.nacrad.stats.tests;

import java.util.Arrays;

/**
 * Cross-tabulation of two coded columns, as R's {@code table(a, b)}: rows are the sorted distinct values of
 * {@code a}, columns those of {@code b}.
 *
 * @param rowLevels the distinct values of the row variable, ascending
 * @param colLevels the distinct values of the column variable, ascending
 * @param counts    {@code counts[i][j]}: cases with row level i and column level j
 */
public record Contingency(double[] rowLevels, double[] colLevels, long[][] counts) {

    public Contingency {
        rowLevels = rowLevels.clone();
        colLevels = colLevels.clone();
        counts = Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public long[][] counts() {
        return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
    }

    /** Tabulates {@code a} (rows) against {@code b} (columns); missing values are an error naming the case. */
    public static Contingency of(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("table: " + a.length + " and " + b.length + " values");
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("table: case " + (i + 1) + " has a missing value");
            }
        }
        double[] ra = levels(a);
        double[] cb = levels(b);
        long[][] t = new long[ra.length][cb.length];
        for (int i = 0; i < a.length; i++) {
            t[Arrays.binarySearch(ra, a[i] + 0.0)][Arrays.binarySearch(cb, b[i] + 0.0)]++;
        }
        return new Contingency(ra, cb, t);
    }

    private static double[] levels(double[] v) {
        return Arrays.stream(v).map(x -> x + 0.0).distinct().sorted().toArray();
    }

    /** A table the tests can use: at least 2×2, rectangular, non-negative, no empty row or column. */
    static void check(long[][] t) {
        if (t.length < 2 || t[0].length < 2) {
            throw new IllegalArgumentException("table: needs at least 2 rows and 2 columns, got " + t.length + "x"
                    + (t.length == 0 ? 0 : t[0].length) + " (a constant variable or a single group?)");
        }
        long[] cols = new long[t[0].length];
        for (int i = 0; i < t.length; i++) {
            if (t[i].length != cols.length) {
                throw new IllegalArgumentException("table: row " + (i + 1) + " has " + t[i].length + " columns, not "
                        + cols.length);
            }
            long row = 0;
            for (int j = 0; j < cols.length; j++) {
                if (t[i][j] < 0) {
                    throw new IllegalArgumentException("table: negative count in row " + (i + 1) + ", column " + (j + 1));
                }
                row += t[i][j];
                cols[j] += t[i][j];
            }
            if (row == 0) {
                throw new IllegalArgumentException("table: row " + (i + 1) + " is empty");
            }
        }
        for (int j = 0; j < cols.length; j++) {
            if (cols[j] == 0) {
                throw new IllegalArgumentException("table: column " + (j + 1) + " is empty");
            }
        }
    }
}
