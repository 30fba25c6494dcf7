package org.nacrad.stats.tests;

import org.apache.commons.math3.special.Gamma;

/**
 * Fisher's exact test as R's {@code fisher.test}, two-sided: P = Σ P(table) over the tables with the observed
 * margins whose probability is at most (1 + 10⁻⁷) times that of the observed table.
 *
 * <ul>
 *   <li>2×2: the hypergeometric distribution of the [1,1] cell, and the conditional maximum-likelihood odds ratio —
 *       the ψ whose noncentral hypergeometric mean equals the observed [1,1] count (Fisher 1935; R's
 *       {@code fisher.test}$estimate). It is 0 or ∞ when the count is at the end of its support. Solved here by
 *       Newton's method on log ψ (the mean's derivative is the variance) to full precision; R's {@code uniroot}
 *       stops at a tolerance of ε^¼ ≈ 1.2e-4, so R's printed estimate can differ in the 4th–5th digit.</li>
 *   <li>r×2 and 2×c: exact enumeration of all tables with the margins (the hypergeometric product Π C(row_i, x_i) /
 *       C(N, col₁)), when they number at most 10⁷; larger tables return a null P (R's network algorithm is not
 *       reproduced). Tables wider than 2 in both directions are not supported.</li>
 * </ul>
 * Worked example (also a unit test): {{3, 1}, {1, 3}}: P([1,1] = k) = C(4,k)C(4,4−k)/C(8,4) = 1, 16, 36, 16, 1 (/70);
 * P = (1 + 16 + 16 + 1)/70 = 0.4857.
 */
public final class Fisher {

    private Fisher() {
    }

    private static final double REL_ERR = 1 + 1e-7;
    private static final double MAX_TABLES = 1e7;

    /** P value and (2×2 only, else null) the conditional MLE odds ratio. */
    public record Result(Double p, Double oddsRatio) {
    }

    public static Result test(long[][] table) {
        Contingency.check(table);
        long[][] t = table;
        if (t.length == 2 && t[0].length == 2) {
            return twoByTwo(t);
        }
        if (t[0].length != 2 && t.length == 2) {
            t = transpose(t);
        }
        if (t[0].length != 2) {
            return new Result(null, null);
        }
        return new Result(rByTwo(t), null);
    }

    private static long[][] transpose(long[][] t) {
        long[][] o = new long[t[0].length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                o[j][i] = t[i][j];
            }
        }
        return o;
    }

    private static Result twoByTwo(long[][] t) {
        long x = t[0][0];
        long m = t[0][0] + t[1][0];
        long n = t[0][1] + t[1][1];
        long k = t[0][0] + t[0][1];
        long lo = Math.max(0, k - n);
        long hi = Math.min(k, m);
        int size = (int) (hi - lo + 1);
        double[] logd = new double[size];
        for (int i = 0; i < size; i++) {
            long s = lo + i;
            logd[i] = logChoose(m, s) + logChoose(n, k - s) - logChoose(m + n, k);
        }
        double obs = Math.exp(logd[(int) (x - lo)]);
        double p = 0;
        for (double ld : logd) {
            double d = Math.exp(ld);
            if (d <= obs * REL_ERR) {
                p += d;
            }
        }
        double or;
        if (x == lo) {
            or = 0;
        } else if (x == hi) {
            or = Double.POSITIVE_INFINITY;
        } else {
            or = Math.exp(solveLogOdds(logd, lo, x));
        }
        return new Result(Math.min(1, p), or);
    }

    /** Newton on t = log ψ for E_ψ[X] = x, X noncentral hypergeometric with central log-probabilities logd. */
    private static double solveLogOdds(double[] logd, long lo, long x) {
        double t = 0;
        for (int it = 0; it < 200; it++) {
            double[] mv = meanVariance(logd, lo, t);
            double step = (mv[0] - x) / mv[1];
            // damp steps so that log ψ moves at most 5 per iteration (the mean is flat far out)
            step = Math.max(-5, Math.min(5, step));
            t -= step;
            if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(t))) {
                return t;
            }
        }
        throw new ArithmeticException("Fisher's odds ratio: Newton's method did not converge");
    }

    private static double[] meanVariance(double[] logd, long lo, double t) {
        double max = Double.NEGATIVE_INFINITY;
        double[] w = new double[logd.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = logd[i] + t * (lo + i);
            max = Math.max(max, w[i]);
        }
        double s = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < w.length; i++) {
            double e = Math.exp(w[i] - max);
            double v = lo + i;
            s += e;
            s1 += e * v;
            s2 += e * v * v;
        }
        double mean = s1 / s;
        return new double[] {mean, Math.max(s2 / s - mean * mean, 1e-300)};
    }

    /** Exact P for an r×2 table by enumeration, null beyond 10⁷ tables. */
    private static Double rByTwo(long[][] t) {
        int r = t.length;
        long[] rows = new long[r];
        long col1 = 0;
        long total = 0;
        double count = 1;
        for (int i = 0; i < r; i++) {
            rows[i] = t[i][0] + t[i][1];
            col1 += t[i][0];
            total += rows[i];
            if (i < r - 1) {
                count *= rows[i] + 1;
            }
        }
        if (count > MAX_TABLES) {
            return null;
        }
        double base = -logChoose(total, col1);
        double obs = base;
        for (int i = 0; i < r; i++) {
            obs += logChoose(rows[i], t[i][0]);
        }
        long[] after = new long[r + 1];
        for (int i = r - 1; i >= 0; i--) {
            after[i] = after[i + 1] + rows[i];
        }
        double[] acc = new double[1];
        enumerate(0, col1, rows, after, base, Math.exp(obs) * REL_ERR, acc);
        return Math.min(1, acc[0]);
    }

    /** Adds the probabilities of all completions of rows i.. (column-1 total {@code left}) at most {@code limit}. */
    private static void enumerate(int i, long left, long[] rows, long[] after, double logp, double limit,
            double[] acc) {
        if (i == rows.length - 1) {
            if (left <= rows[i]) {
                double p = Math.exp(logp + logChoose(rows[i], left));
                if (p <= limit) {
                    acc[0] += p;
                }
            }
            return;
        }
        long from = Math.max(0, left - after[i + 1]);
        long to = Math.min(rows[i], left);
        for (long xi = from; xi <= to; xi++) {
            enumerate(i + 1, left - xi, rows, after, logp + logChoose(rows[i], xi), limit, acc);
        }
    }

    static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }
}
