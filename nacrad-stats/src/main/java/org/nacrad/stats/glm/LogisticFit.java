package org.nacrad.stats.glm;

import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * An immutable fitted logistic model: what R's {@code summary(glm(..., binomial))} and rms {@code lrm} print.
 *
 * @param predictors   predictor names, in design order (the intercept is not listed)
 * @param coefficients intercept first, then one per predictor
 * @param covariance   inverse information at the estimate, intercept first
 * @param deviance     {@code -2 log L} (unpenalised, also for Firth fits)
 * @param nullDeviance {@code -2 log L} of the intercept-only model
 * @param n            number of observations
 * @param firth        whether Firth's penalised likelihood was maximised
 * @param iterations   Newton iterations used
 * @param cIndex       concordance of the linear predictor with the outcome (rms {@code C})
 * @param brier        mean squared difference between fitted probability and outcome (rms {@code Brier})
 */
public record LogisticFit(List<String> predictors, List<Coefficient> coefficients, double[][] covariance,
                          double deviance, double nullDeviance, int n, boolean firth, int iterations,
                          double cIndex, double brier) {

    public LogisticFit {
        predictors = List.copyOf(predictors);
        coefficients = List.copyOf(coefficients);
        double[][] c = covariance.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = c[i].clone();
        }
        covariance = c;
    }

    /** The estimates, intercept first. */
    public double[] beta() {
        return coefficients.stream().mapToDouble(Coefficient::estimate).toArray();
    }

    /** The coefficient of the named predictor (or {@code "(Intercept)"}). */
    public Coefficient coefficient(String term) {
        return coefficients.stream().filter(c -> c.term().equals(term)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term '" + term + "' in " + predictors));
    }

    /** Linear predictor {@code β₀ + xβ} for the rows of {@code x} (columns in {@link #predictors()} order). */
    public double[] linearPredictor(double[][] x) {
        double[] b = beta();
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != b.length - 1) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + x[i].length + " values, the model has "
                        + (b.length - 1) + " predictors");
            }
            double s = b[0];
            for (int j = 1; j < b.length; j++) {
                s += b[j] * x[i][j - 1];
            }
            eta[i] = s;
        }
        return eta;
    }

    /** Predicted probabilities {@code 1 / (1 + e^{-η})}. */
    public double[] predict(double[][] x) {
        double[] eta = linearPredictor(x);
        for (int i = 0; i < eta.length; i++) {
            eta[i] = Newton.expit(eta[i]);
        }
        return eta;
    }

    /** Number of estimated parameters (intercept included). */
    public int parameters() {
        return coefficients.size();
    }

    /** Akaike's criterion {@code deviance + 2 k}, as R's {@code AIC(glm)}. */
    public double aic() {
        return deviance + 2 * parameters();
    }

    /** Likelihood-ratio chi-square against the intercept-only model (rms {@code Model L.R.}). */
    public double lrChiSquare() {
        return nullDeviance - deviance;
    }

    /** P value of the likelihood-ratio test on {@code k - 1} degrees of freedom. */
    public double lrPValue() {
        int df = parameters() - 1;
        return df == 0 ? 1.0 : ChiSquaredDistribution.of(df).survivalProbability(lrChiSquare());
    }

    /** Somers' {@code Dxy = 2 (C - ½)}. */
    public double somersDxy() {
        return 2 * (cIndex - 0.5);
    }

    /**
     * Nagelkerke's R², as rms {@code lrm} reports {@code R2}:
     * {@code (1 - exp(-LR/n)) / (1 - exp(-D₀/n))}, {@code LR} the likelihood-ratio chi-square and {@code D₀} the null
     * deviance (Nagelkerke 1991, Biometrika 78:691–692).
     */
    public double r2Nagelkerke() {
        return -Math.expm1(-lrChiSquare() / n) / -Math.expm1(-nullDeviance / n);
    }
}
