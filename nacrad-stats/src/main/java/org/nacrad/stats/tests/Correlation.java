package org.nacrad.stats.tests;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Pearson and Spearman correlation with two-sided P, as R's {@code cor.test(x, y, method = …)}.
 *
 * <ul>
 *   <li>Pearson: r, t = r·√((n − 2)/(1 − r²)) on n − 2 df; 95 % CI tanh(atanh r ∓ z_{0.975}/√(n − 3)) (Fisher's z,
 *       n ≥ 4).</li>
 *   <li>Spearman: ρ = Pearson r of the average ranks, S = (n³ − n)(1 − ρ)/6. P as R's default: without ties and
 *       n ≤ 1290, algorithm AS 89 (Best &amp; Roberts, Appl Stat 24:377, 1975) on round(S) — the exact permutation
 *       distribution of Σd² for n ≤ 9, its Edgeworth series expansion above — two-sided min(1, 2·tail), the upper
 *       tail P(S ≥ s) when S &gt; (n³ − n)/6, else the lower tail P(S ≤ s) (R evaluates P(S &lt; s + 2): S takes even
 *       values only); otherwise (ties, or {@code exact = false}) the t approximation ρ/√((1 − ρ²)/(n − 2)) on
 *       n − 2 df.</li>
 * </ul>
 * Worked example (also a unit test): x = {1, 2, 3, 4}, y = {1, 3, 2, 4}: r = 0.8, t = 0.8·√(2/0.36) = 1.8856;
 * ρ = 0.8, S = 60·0.2/6 = 2.
 */
public final class Correlation {

    private Correlation() {
    }

    /**
     * A correlation test.
     *
     * @param estimate  r or ρ
     * @param statistic t (Pearson) or S (Spearman)
     * @param df        n − 2
     * @param p         two-sided P
     * @param lower     95 % CI lower bound (Pearson with n ≥ 4; null otherwise)
     * @param upper     CI upper bound
     */
    public record Result(double estimate, double statistic, double df, double p, Double lower, Double upper) {
    }

    public static Result pearson(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        double r = r(x, y);
        double df = n - 2;
        double t = Math.sqrt(df) * r / Math.sqrt(1 - r * r);
        double p = 2 * TDistribution.of(df).cumulativeProbability(-Math.abs(t));
        Double lo = null;
        Double hi = null;
        if (n > 3) {
            double z = 0.5 * Math.log((1 + r) / (1 - r));
            double sigma = 1 / Math.sqrt(n - 3.0);
            double q = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);
            lo = Math.tanh(z - sigma * q);
            hi = Math.tanh(z + sigma * q);
        }
        return new Result(r, t, df, p, lo, hi);
    }

    /** Spearman's ρ with R's default P ({@code cor.test(x, y, method = "spearman")}). */
    public static Result spearman(double[] x, double[] y) {
        return spearman(x, y, true);
    }

    /** Spearman's ρ; {@code exact = false} forces the t approximation (R's {@code exact = FALSE}). */
    public static Result spearman(double[] x, double[] y, boolean exact) {
        check(x, y);
        int n = x.length;
        double rho = r(Samples.ranks(x), Samples.ranks(y));
        double nn = n;
        double s = (nn * nn * nn - nn) * (1 - rho) / 6;
        double df = n - 2;
        boolean ties = Samples.tieSum(x) > 0 || Samples.tieSum(y) > 0;
        double p;
        if (exact && !ties && n <= 1290) {
            double q = Math.rint(s);
            double tail = s > (nn * nn * nn - nn) / 6 ? as89(n, q, false) : as89(n, q + 2, true);
            p = Math.min(1, 2 * tail);
        } else {
            double t = rho / Math.sqrt((1 - rho * rho) / df);
            TDistribution td = TDistribution.of(df);
            p = Math.min(1, 2 * Math.min(td.cumulativeProbability(t), td.survivalProbability(t)));
        }
        return new Result(rho, s, df, p, null, null);
    }

    /**
     * AS 89: P(S ≥ is), or P(S &lt; is) when {@code lower}, for S = Σ d² of a random permutation of n ranks. Exact by
     * enumerating the n! permutations for n ≤ 9, else the Edgeworth series of Best &amp; Roberts with their 12
     * coefficients.
     */
    static double as89(int n, double is, boolean lower) {
        double none = lower ? 0 : 1;
        if (is <= 0) {
            return none;
        }
        double max = n * ((double) n * n - 1) / 3;
        if (is > max) {
            return 1 - none;
        }
        if (n <= 9) {
            long total = 1;
            for (int i = 2; i <= n; i++) {
                total *= i;
            }
            long atLeast = is == max ? 1 : countAtLeast(n, is);
            return (lower ? total - atLeast : atLeast) / (double) total;
        }
        double b = 1.0 / n;
        double x = (6 * (is - 1) * b / ((double) n * n - 1) - 1) * Math.sqrt(n - 1.0);
        double y = x * x;
        double u = x * b * (0.2274 + b * (0.2531 + 0.1745 * b)
                + y * (-0.0758 + b * (0.1033 + 0.3932 * b)
                - y * b * (0.0879 + 0.0151 * b
                - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
        y = u / Math.exp(y / 2);
        NormalDistribution z = NormalDistribution.of(0, 1);
        double pv = (lower ? -y : y) + (lower ? z.cumulativeProbability(x) : z.survivalProbability(x));
        return Math.max(0, Math.min(1, pv));
    }

    /** Number of permutations π of 1..n with Σ (i − π(i))² ≥ is (recursive enumeration). */
    private static long countAtLeast(int n, double is) {
        return count(new boolean[n + 1], 1, n, 0, is);
    }

    private static long count(boolean[] used, int i, int n, long sum, double is) {
        if (i > n) {
            return sum >= is ? 1 : 0;
        }
        long c = 0;
        for (int v = 1; v <= n; v++) {
            if (!used[v]) {
                used[v] = true;
                c += count(used, i + 1, n, sum + (long) (i - v) * (i - v), is);
                used[v] = false;
            }
        }
        return c;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("correlation: " + x.length + " and " + y.length + " values");
        }
        Samples.check(x, "correlation, first variable", 3);
        Samples.check(y, "correlation, second variable", 3);
    }

    private static double r(double[] x, double[] y) {
        double mx = Samples.mean(x);
        double my = Samples.mean(y);
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            throw new IllegalArgumentException("correlation: " + (sxx == 0 ? "the first" : "the second")
                    + " variable is constant, the correlation is undefined");
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
