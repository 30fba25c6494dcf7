package org.nacrad.stats.lasso;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable fitted regularisation path of a penalised logistic model, as the object R's
 * {@code glmnet(..., family = "binomial")} returns.
 *
 * @param predictors   predictor names, in design order
 * @param lambda       the penalties, decreasing (glmnet's {@code lambda}); possibly shorter than requested when
 *                     the path stopped early
 * @param intercept    intercept at each lambda, original scale ({@code a0})
 * @param beta         {@code beta[k][j]}: coefficient of predictor {@code j} at {@code lambda[k]}, original scale
 * @param devRatio     fraction of null deviance explained at each lambda ({@code dev.ratio})
 * @param nullDeviance {@code nulldev}: {@code -2 log L} of the intercept-only model
 * @param alpha        elastic-net mixing, 1 = lasso
 * @param xMean        column means used for centring
 * @param xScale       column standard deviations (1/n) used for standardising; 1 when not standardised, 0 for a
 *                     constant column (whose coefficient is always 0)
 */
public record LassoPath(List<String> predictors, double[] lambda, double[] intercept, double[][] beta,
                        double[] devRatio, double nullDeviance, double alpha, double[] xMean, double[] xScale) {

    public LassoPath {
        predictors = List.copyOf(predictors);
        lambda = lambda.clone();
        intercept = intercept.clone();
        double[][] b = beta.clone();
        for (int k = 0; k < b.length; k++) {
            b[k] = b[k].clone();
        }
        beta = b;
        devRatio = devRatio.clone();
        xMean = xMean.clone();
        xScale = xScale.clone();
    }

    /** Number of lambdas on the path. */
    public int size() {
        return lambda.length;
    }

    /**
     * Coefficients at penalty {@code s}, intercept first, original scale. Between two path lambdas the coefficients
     * are interpolated linearly in lambda; outside the path they are those of the nearest end (R's
     * {@code predict.glmnet(s = ...)} with {@code lambda.interp}, {@code exact = FALSE}).
     */
    public double[] coefficients(double s) {
        int p = predictors.size();
        double[] out = new double[p + 1];
        int k = lambda.length;
        int left;
        int right;
        double frac;
        if (k == 1 || s >= lambda[0]) {
            left = right = 0;
            frac = 1;
        } else if (s <= lambda[k - 1]) {
            left = right = k - 1;
            frac = 1;
        } else {
            right = 1;
            while (lambda[right] > s) {
                right++;
            }
            left = right - 1;
            frac = (s - lambda[right]) / (lambda[left] - lambda[right]);
        }
        out[0] = frac * intercept[left] + (1 - frac) * intercept[right];
        for (int j = 0; j < p; j++) {
            out[j + 1] = frac * beta[left][j] + (1 - frac) * beta[right][j];
        }
        return out;
    }

    /** Named nonzero-or-not coefficients at {@code s}, intercept first as {@code "(Intercept)"}. */
    public Map<String, Double> namedCoefficients(double s) {
        double[] c = coefficients(s);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("(Intercept)", c[0]);
        for (int j = 0; j < predictors.size(); j++) {
            m.put(predictors.get(j), c[j + 1]);
        }
        return m;
    }

    /** Linear predictors at {@code s} for rows {@code x[i][j]}. */
    public double[] linearPredictor(double[][] x, double s) {
        double[] c = coefficients(s);
        double[] eta = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = c[0];
            for (int j = 0; j < c.length - 1; j++) {
                v += c[j + 1] * x[i][j];
            }
            eta[i] = v;
        }
        return eta;
    }

    /** Coefficients of path point {@code k} on the standardised scale ({@code beta * xScale}), intercept excluded. */
    public double[] standardisedBeta(int k) {
        double[] b = new double[xScale.length];
        for (int j = 0; j < b.length; j++) {
            b[j] = beta[k][j] * xScale[j];
        }
        return b;
    }
}
