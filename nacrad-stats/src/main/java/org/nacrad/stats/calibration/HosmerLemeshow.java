package org.nacrad.stats.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Hosmer–Lemeshow goodness-of-fit test (Hosmer &amp; Lemeshow, <i>Applied Logistic Regression</i>, 3rd ed., 2013,
 * §5.2.2): the cases are grouped by predicted risk and Ĉ = Σ_groups [(O₁ − E₁)²/E₁ + (O₀ − E₀)²/E₀], with O₁/E₁ the
 * observed/expected events and O₀/E₀ the non-events, is referred to χ² with (groups − 2) degrees of freedom.
 *
 * <p>Worked example (also a unit test): p = {0.1, 0.2, 0.3, 0.4}, y = {0, 1, 0, 1}, g = 3 quantile groups:
 * breaks {0.1, 0.2, 0.3, 0.4} give [0.1, 0.2] with O₁ = 1, E₁ = 0.3, O₀ = 1, E₀ = 1.7; (0.2, 0.3] with O₁ = 0,
 * E₁ = 0.3, O₀ = 1, E₀ = 0.7; (0.3, 0.4] with O₁ = 1, E₁ = 0.4, O₀ = 0, E₀ = 0.6. Ĉ = 0.49/0.3 + 0.49/1.7 + 0.09/0.3
 * + 0.09/0.7 + 0.36/0.4 + 0.36/0.6 ≈ 3.8502 on 1 df.
 *
 * <p>Two groupings:
 * <ul>
 *   <li>{@link Grouping#QUANTILE} (default, as {@code ResourceSelection::hoslem.test}): breaks at the type-7
 *       quantiles {@code quantile(p, seq(0, 1, 1/g))}; duplicated breaks (tied risks) are removed with
 *       {@code unique}, intervals are right-closed with the lowest break included, as
 *       {@code cut(p, unique(breaks), include.lowest = TRUE)}. Fewer than g groups can result.</li>
 *   <li>{@link Grouping#COUNT} ("deciles of risk" by count): the i-th smallest risk (ties kept in input order)
 *       goes to group ⌈i·g/n⌉, so groups differ in size by at most one and tied risks may be split.</li>
 * </ul>
 * Groups left empty are dropped. The degrees of freedom are the number of groups formed minus 2 (with no tie
 * collapse this is g − 2; {@code hoslem.test} keeps the nominal g − 2 even after collapsing).
 */
public final class HosmerLemeshow {

    private HosmerLemeshow() {
    }

    /** How the cases are grouped. */
    public enum Grouping { QUANTILE, COUNT }

    /** One risk group: its size, observed and expected events, and the range of risks in it. */
    public record Group(int n, double observed, double expected, double minRisk, double maxRisk) {
    }

    /** The test: statistic Ĉ, degrees of freedom, upper-tail χ² P value, and the groups. */
    public record Result(double statistic, int df, double p, List<Group> groups) {
        public Result {
            groups = List.copyOf(groups);
        }
    }

    /** The test with g = 10 quantile groups. */
    public static Result test(double[] y, double[] p) {
        return test(y, p, 10, Grouping.QUANTILE);
    }

    /** The test with {@code g} groups formed as {@code grouping} says. */
    public static Result test(double[] y, double[] p, int g, Grouping grouping) {
        Outcomes.check(y, p, true);
        if (g < 3) {
            throw new IllegalArgumentException("Hosmer-Lemeshow: at least 3 groups are needed, got " + g);
        }
        int n = y.length;
        int[] group = grouping == Grouping.QUANTILE ? quantileGroups(p, g) : countGroups(p, g);
        int k = 0;
        for (int v : group) {
            k = Math.max(k, v + 1);
        }
        int[] m = new int[k];
        double[] o = new double[k];
        double[] e = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int j = group[i];
            m[j]++;
            o[j] += y[i];
            e[j] += p[i];
            lo[j] = Math.min(lo[j], p[i]);
            hi[j] = Math.max(hi[j], p[i]);
        }
        List<Group> groups = new ArrayList<>();
        double c = 0;
        for (int j = 0; j < k; j++) {
            if (m[j] == 0) {
                continue;
            }
            groups.add(new Group(m[j], o[j], e[j], lo[j], hi[j]));
            double d1 = o[j] - e[j];
            double d0 = (m[j] - o[j]) - (m[j] - e[j]);
            c += d1 * d1 / e[j] + d0 * d0 / (m[j] - e[j]);
        }
        int df = groups.size() - 2;
        if (df < 1) {
            throw new IllegalArgumentException("Hosmer-Lemeshow: the predicted risks form only " + groups.size()
                    + " distinct groups (tied risks), at least 3 are needed");
        }
        double pv = ChiSquaredDistribution.of(df).survivalProbability(c);
        return new Result(c, df, pv, groups);
    }

    /** Group index (0-based) of each case by {@code cut(p, unique(quantile(p, 0:g/g)), include.lowest = TRUE)}. */
    static int[] quantileGroups(double[] p, int g) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double[] breaks = new double[g + 1];
        int nb = 0;
        for (int k = 0; k <= g; k++) {
            double q = quantile7(sorted, k * (1.0 / g));
            if (nb == 0 || q != breaks[nb - 1]) {
                breaks[nb++] = q;
            }
        }
        int[] group = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            // first break >= p[i]; intervals (b[j-1], b[j]], the first one closed at b[0]
            int j = Arrays.binarySearch(breaks, 0, nb, p[i]);
            if (j < 0) {
                j = -j - 1;
            }
            group[i] = Math.max(j, 1) - 1;
        }
        return group;
    }

    /** Group index (0-based) of each case: the i-th smallest (1-based, stable) goes to ⌈i·g/n⌉. */
    static int[] countGroups(double[] p, int g) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        int[] group = new int[n];
        for (int r = 0; r < n; r++) {
            long num = (long) (r + 1) * g;
            group[order[r]] = (int) ((num + n - 1) / n) - 1;
        }
        return group;
    }

    /**
     * R's type-7 quantile of sorted data, computed in R's order of operations: with index h = 1 + (n − 1)·prob,
     * lo = ⌊h⌋, the value (1 − (h − lo))·x[lo] + (h − lo)·x[lo + 1] (1-based), or x[lo] when h = lo or the two
     * neighbours are equal.
     */
    static double quantile7(double[] sorted, double prob) {
        int n = sorted.length;
        double index = 1 + (n - 1) * prob;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = sorted[lo - 1];
        double h = index - lo;
        if (index > lo && sorted[hi - 1] != qs) {
            qs = (1 - h) * qs + h * sorted[hi - 1];
        }
        return qs;
    }
}
