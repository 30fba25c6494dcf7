package org.nacrad.stats.tests;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's χ² test of independence on an r×c table, as R's {@code chisq.test(table, correct = …)}:
 * X² = Σ (|O − E| − Y)²/E with E = row total · column total / N, df = (r − 1)(c − 1), P the upper χ² tail.
 * Y = 0 without correction. With Yates' correction (R applies it to 2×2 tables only) Y = min(0.5, |O − E|) cell
 * by cell, R's variant, which never over-corrects a cell whose |O − E| is below ½ (Yates, JRSS Suppl 1:217, 1934).
 *
 * <p>Worked example (also a unit test): {{10, 20}, {20, 10}}: E = 15 everywhere, X² = 4·25/15 = 6.667; Yates
 * X² = 4·4.5²/15 = 5.4.
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    /** The test; {@code yates} is ignored unless the table is 2×2, as in R. */
    public static TestResult test(long[][] table, boolean yates) {
        Contingency.check(table);
        int r = table.length;
        int c = table[0].length;
        double[] rows = new double[r];
        double[] cols = new double[c];
        double total = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                total += table[i][j];
            }
        }
        boolean correct = yates && r == 2 && c == 2;
        double x2 = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double e = rows[i] * cols[j] / total;
                double d = Math.abs(table[i][j] - e);
                if (correct) {
                    d -= Math.min(0.5, d);
                }
                x2 += d * d / e;
            }
        }
        int df = (r - 1) * (c - 1);
        return new TestResult(x2, df, ChiSquaredDistribution.of(df).survivalProbability(x2));
    }
}
