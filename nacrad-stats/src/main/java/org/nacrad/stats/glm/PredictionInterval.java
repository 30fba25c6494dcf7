package org.nacrad.stats.glm;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The confidence interval of a logistic model's predicted probability for one new patient, by the delta method on
 * the logit scale (R {@code predict.glm(fit, newdata, type = "link", se.fit = TRUE)}, then {@code plogis}): with
 * {@code x̃ = (1, x)} and {@code V} the covariance of the estimates (intercept first),
 * <pre>  η = β₀ + xβ,   se(η) = √(x̃ᵀ V x̃),   CI = expit(η ∓ z_{(1+level)/2} · se(η))</pre>
 * The interval is formed on the logit scale and transformed, so it stays inside (0, 1) and is asymmetric around the
 * probability.
 *
 * <p>What it describes: the sampling uncertainty of the model's coefficients, given the model (its predictors, and
 * any predictor built on the training data, such as a Rad-score, taken as known and fixed). It does not include
 * the uncertainty of the selection steps or of a fixed predictor's own coefficients, nor measurement or
 * segmentation error in the patient's inputs, nor any miscalibration in a population unlike the training one.
 *
 * <p>Worked example (a unit test): {@code β = (0.5, 1)}, {@code V = [[0.04, 0], [0, 0.01]]}, {@code x = 1}:
 * η = 1.5, se = √(0.04 + 0.01) = 0.2236, 95 % bounds expit(1.5 ∓ 1.95996 · 0.2236) = (0.7430, 0.8742).
 */
public final class PredictionInterval {

    private PredictionInterval() {
    }

    /**
     * One interval.
     *
     * @param linearPredictor η
     * @param se              its standard error
     * @param lower           lower bound of the probability
     * @param upper           upper bound of the probability
     * @param level           confidence level
     */
    public record Result(double linearPredictor, double se, double lower, double upper, double level) {
    }

    /**
     * The interval at {@code level} for predictor values {@code x} (no intercept column).
     *
     * @param linearPredictor η as the caller computed it (so that the interval is centred on the caller's exact value)
     * @param covariance      covariance of the estimates, intercept first ({@code (p+1) × (p+1)})
     */
    public static Result of(double linearPredictor, double[][] covariance, double[] x, double level) {
        int k = x.length + 1;
        if (covariance.length != k) {
            throw new IllegalArgumentException("the covariance is " + covariance.length + " x " + covariance.length
                    + " but there are " + x.length + " predictors plus the intercept");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double[] xt = new double[k];
        xt[0] = 1;
        System.arraycopy(x, 0, xt, 1, x.length);
        double v = 0;
        for (int i = 0; i < k; i++) {
            if (covariance[i].length != k) {
                throw new IllegalArgumentException("the covariance is not square");
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += covariance[i][j] * xt[j];
            }
            v += xt[i] * s;
        }
        double se = Math.sqrt(Math.max(v, 0));
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        return new Result(linearPredictor, se, Newton.expit(linearPredictor - z * se),
                Newton.expit(linearPredictor + z * se), level);
    }
}
