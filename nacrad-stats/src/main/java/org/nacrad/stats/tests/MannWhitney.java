package org.nacrad.stats.tests;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wilcoxon rank-sum (Mann–Whitney) test as R's {@code wilcox.test(x, y)}, two-sided.
 *
 * <p>W = Σ ranks of x − n_x(n_x + 1)/2 (average ranks for ties). Normal approximation: z = (W − n_x n_y/2 − c)/σ
 * with σ² = (n_x n_y/12)·[(N + 1) − Σ(t³ − t)/(N(N − 1))] (the tie-corrected variance, t the sizes of tied groups,
 * N = n_x + n_y) and the continuity correction c = ½·sign(W − n_x n_y/2) (or 0); P = 2·min(Φ(z), 1 − Φ(z)).
 * Exact P, as R uses when n_x &lt; 50, n_y &lt; 50 and there are no ties: from the null distribution of W, whose
 * counts are the coefficients of the Gaussian binomial [N choose n_x]_q (Mann &amp; Whitney, Ann Math Stat 18:50,
 * 1947), P = min(1, 2·P(W' ≤ W)) for W ≤ n_x n_y/2, else min(1, 2·P(W' ≥ W)).
 *
 * <p>Worked example (also a unit test): x = {1, 2, 4}, y = {3, 5, 6, 7}: ranks of x 1, 2, 4, W = 7 − 6 = 1;
 * exact P = 2·P(W' ≤ 1) = 2·2/35 = 0.1143.
 */
public final class MannWhitney {

    private MannWhitney() {
    }

    /**
     * The test.
     *
     * @param w            W as R reports it
     * @param p            normal approximation with continuity correction (R's default when not exact)
     * @param pNoCorrection normal approximation without correction
     * @param pExact       exact P; null when there are ties or a group has 50 or more values (as R)
     */
    public record Result(double w, double p, double pNoCorrection, Double pExact) {
    }

    public static Result test(double[] x, double[] y) {
        Samples.check(x, "Mann-Whitney test, first group", 1);
        Samples.check(y, "Mann-Whitney test, second group", 1);
        int nx = x.length;
        int ny = y.length;
        int n = nx + ny;
        double[] all = new double[n];
        System.arraycopy(x, 0, all, 0, nx);
        System.arraycopy(y, 0, all, nx, ny);
        double[] r = Samples.ranks(all);
        double sum = 0;
        for (int i = 0; i < nx; i++) {
            sum += r[i];
        }
        double w = sum - nx * (nx + 1) / 2.0;
        double ties = Samples.tieSum(all);
        double sigma = Math.sqrt((nx * (double) ny / 12) * ((n + 1) - ties / ((double) n * (n - 1))));
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("Mann-Whitney test: all " + n + " values are tied, no ranking");
        }
        double z = w - nx * (double) ny / 2;
        double pc = normalP((z - Math.signum(z) * 0.5) / sigma);
        double p0 = normalP(z / sigma);
        Double exact = ties == 0 && nx < 50 && ny < 50 ? exactP(w, nx, ny) : null;
        return new Result(w, pc, p0, exact);
    }

    private static double normalP(double z) {
        NormalDistribution nd = NormalDistribution.of(0, 1);
        return 2 * Math.min(nd.cumulativeProbability(z), nd.survivalProbability(z));
    }

    /** Exact two-sided P of W for sizes m, n without ties (R's rule with pwilcox). */
    static double exactP(double w, int m, int n) {
        double[] f = counts(m, n);
        double total = 0;
        for (double c : f) {
            total += c;
        }
        int wi = (int) w;
        double tail = 0;
        if (w > m * (double) n / 2) {
            for (int k = wi; k < f.length; k++) {
                tail += f[k];
            }
        } else {
            for (int k = 0; k <= wi; k++) {
                tail += f[k];
            }
        }
        return Math.min(1, 2 * tail / total);
    }

    /** Number of arrangements giving W = 0 … m·n: coefficients of Π_{i=1..m} (1 − q^{n+i})/(1 − q^i). */
    static double[] counts(int m, int n) {
        int max = m * n;
        double[] c = new double[max + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            int a = n + i;
            for (int k = max; k >= a; k--) {
                c[k] -= c[k - a];            // multiply by (1 - q^(n+i))
            }
            for (int k = i; k <= max; k++) {
                c[k] += c[k - i];            // divide by (1 - q^i)
            }
        }
        return c;
    }
}
