package org.nacrad.stats.glm;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One coefficient of a fitted logistic model with its Wald statistics, as R's {@code summary.glm} prints them.
 *
 * @param term     the predictor name, {@code "(Intercept)"} for the intercept
 * @param estimate the log odds ratio per unit of the predictor
 * @param se       standard error, the square root of the diagonal of the inverse information at the estimate
 * @param z        Wald statistic {@code estimate / se}
 * @param p        two-sided P value {@code 2 Φ(-|z|)}
 */
public record Coefficient(String term, double estimate, double se, double z, double p) {

    private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

    static Coefficient of(String term, double estimate, double se) {
        double z = estimate / se;
        return new Coefficient(term, estimate, se, z, 2 * STD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** The odds ratio {@code exp(estimate)}. */
    public double oddsRatio() {
        return Math.exp(estimate);
    }

    /**
     * Wald interval for the coefficient, {@code estimate ± z_{(1+level)/2} se}, as R's {@code confint.default}.
     * Exponentiate for the odds-ratio interval.
     */
    public double[] waldInterval(double level) {
        double q = STD_NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        return new double[] {estimate - q * se, estimate + q * se};
    }
}
