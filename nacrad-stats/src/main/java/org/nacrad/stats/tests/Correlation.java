package org.nacrad.stats.tests;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Pearson and Spearman correlation with two-sided P, as R's {@code cor.test(x, y, method = …)}.
 *
 * <ul>
 *   <li>Pearson: r, t = r·√((n − 2)/(1 − r²)) on n − 2 df; 95 % CI tanh(atanh r ∓ z_{0.975}/√(n − 3)) (Fisher's z,
 *       n ≥ 4).</li>
 *   <li>Spearman: ρ = Pearson r of the average ranks, S = (n³ − n)(1 − ρ)/6, P from the t approximation
 *       ρ/√((1 − ρ²)/(n − 2)) on n − 2 df — R's {@code exact = FALSE} (and R's own choice with ties or n &gt; 1290).
 *       R's exact/Edgeworth P for small untied samples (AS 89) is not reproduced.</li>
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

    public static Result spearman(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        double rho = r(Samples.ranks(x), Samples.ranks(y));
        double nn = n;
        double s = (nn * nn * nn - nn) * (1 - rho) / 6;
        double df = n - 2;
        double t = rho / Math.sqrt((1 - rho * rho) / df);
        TDistribution td = TDistribution.of(df);
        double p = Math.min(1, 2 * Math.min(td.cumulativeProbability(t), td.survivalProbability(t)));
        return new Result(rho, s, df, p, null, null);
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
