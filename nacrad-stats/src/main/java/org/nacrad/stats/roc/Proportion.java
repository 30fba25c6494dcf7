package org.nacrad.stats.roc;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A binomial proportion x/n with its exact (Clopper–Pearson) and Wilson score intervals.
 *
 * <ul>
 *   <li>Clopper–Pearson, as R's {@code binom.test(x, n)$conf.int}: lower = B⁻¹(α/2; x, n − x + 1) (0 when x = 0),
 *       upper = B⁻¹(1 − α/2; x + 1, n − x) (1 when x = n), α = 1 − level (Clopper &amp; Pearson, Biometrika 26:404,
 *       1934).</li>
 *   <li>Wilson, as {@code prop.test(x, n, correct = FALSE)$conf.int}: with z = Φ⁻¹((1 + level)/2) and
 *       c = z²/(2n), (p̂ + c ∓ z·√(p̂(1 − p̂)/n + c/(2n)))/(1 + 2c), clipped to 0 at p̂ = 0 and 1 at p̂ = 1 (Wilson,
 *       JASA 22:209, 1927).</li>
 * </ul>
 * Worked example (also a unit test): 7/10 gives the Wilson interval (0.3968, 0.8922) and Clopper–Pearson
 * (0.3475, 0.9333).
 */
public record Proportion(int x, int n, double estimate, double exactLower, double exactUpper, double wilsonLower,
        double wilsonUpper) {

    /** x successes out of n trials, 95 % intervals. */
    public static Proportion of(int x, int n) {
        return of(x, n, 0.95);
    }

    /** x successes out of n trials, intervals at {@code level}. */
    public static Proportion of(int x, int n, double level) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("a proportion needs 0 <= x <= n and n > 0, got " + x + "/" + n);
        }
        double alpha = (1 - level) / 2;
        double cpLo = x == 0 ? 0 : BetaDistribution.of(x, n - x + 1).inverseCumulativeProbability(alpha);
        double cpHi = x == n ? 1 : BetaDistribution.of(x + 1, n - x).inverseCumulativeProbability(1 - alpha);
        double p = (double) x / n;
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        double c = z * z / (2 * n);
        double wHi = p >= 1 ? 1 : (p + c + z * Math.sqrt(p * (1 - p) / n + c / (2 * n))) / (1 + 2 * c);
        double wLo = p <= 0 ? 0 : (p + c - z * Math.sqrt(p * (1 - p) / n + c / (2 * n))) / (1 + 2 * c);
        return new Proportion(x, n, p, cpLo, cpHi, wLo, wHi);
    }
}
