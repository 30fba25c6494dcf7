package org.nacrad.stats.tests;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Two-sample t tests as R's {@code t.test(x, y, var.equal = TRUE|FALSE)}, two-sided, t = (x̄ − ȳ)/SE.
 *
 * <ul>
 *   <li>Student: pooled variance s² = ((n_x − 1)s_x² + (n_y − 1)s_y²)/(n_x + n_y − 2), SE = s·√(1/n_x + 1/n_y),
 *       df = n_x + n_y − 2.</li>
 *   <li>Welch: SE = √(s_x²/n_x + s_y²/n_y), Welch–Satterthwaite df = SE⁴ / ((s_x²/n_x)²/(n_x − 1) +
 *       (s_y²/n_y)²/(n_y − 1)) (Welch, Biometrika 34:28, 1947).</li>
 * </ul>
 * Worked example (also a unit test): x = {1, 2, 3}, y = {4, 5, 6}: both give t = −3/√(2/3) = −3.6742, Student
 * df = 4, Welch df = 4 (equal variances and sizes).
 *
 * <p>As R, data whose standard error is below 10·ε·max(|x̄|, |ȳ|) are rejected as "essentially constant".
 */
public final class TTest {

    private TTest() {
    }

    /** Student's t test (equal variances). */
    public static TestResult student(double[] x, double[] y) {
        check(x, y);
        int nx = x.length;
        int ny = y.length;
        double df = nx + ny - 2;
        double v = ((nx - 1) * Samples.variance(x) + (ny - 1) * Samples.variance(y)) / df;
        double se = Math.sqrt(v * (1.0 / nx + 1.0 / ny));
        return result(x, y, se, df);
    }

    /** Welch's t test (unequal variances). */
    public static TestResult welch(double[] x, double[] y) {
        check(x, y);
        int nx = x.length;
        int ny = y.length;
        double sx2 = Samples.variance(x) / nx;
        double sy2 = Samples.variance(y) / ny;
        double se = Math.sqrt(sx2 + sy2);
        double df = se * se * se * se / (sx2 * sx2 / (nx - 1) + sy2 * sy2 / (ny - 1));
        return result(x, y, se, df);
    }

    private static void check(double[] x, double[] y) {
        Samples.check(x, "t test, first group", 2);
        Samples.check(y, "t test, second group", 2);
    }

    private static TestResult result(double[] x, double[] y, double se, double df) {
        double mx = Samples.mean(x);
        double my = Samples.mean(y);
        if (se < 10 * Math.ulp(1.0) * Math.max(Math.abs(mx), Math.abs(my)) || se == 0) {
            throw new IllegalArgumentException("t test: the data are essentially constant (standard error "
                    + se + "), no t statistic");
        }
        double t = (mx - my) / se;
        double p = 2 * TDistribution.of(df).cumulativeProbability(-Math.abs(t));
        return new TestResult(t, df, p);
    }
}
