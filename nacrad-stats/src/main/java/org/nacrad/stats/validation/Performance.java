package org.nacrad.stats.validation;

import java.util.List;

import org.nacrad.stats.glm.Concordance;
import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.LogisticRegression;

/**
 * The performance indexes of a linear predictor {@code L} on a sample, as rms {@code validate.lrm} measures them:
 * <ul>
 *   <li>{@code Dxy}: Somers' rank correlation of {@code L} with {@code y}; {@code AUC = (Dxy + 1) / 2};</li>
 *   <li>{@code R2}: Nagelkerke's R² of the logistic recalibration {@code y ~ a + b L} fitted on the sample;</li>
 *   <li>{@code Intercept}, {@code Slope}: {@code a} and {@code b} of that recalibration (calibration-in-the-large
 *       and calibration slope);</li>
 *   <li>{@code B}: Brier score {@code mean((y - expit(L))²)}.</li>
 * </ul>
 * When {@code L} separates the outcome completely (common on training samples with many predictors), R² is its
 * limit 1 and the intercept and slope are undefined (NaN); {@link BootstrapValidation} averages each index over the
 * resamples where it is defined.
 * On the sample a maximum-likelihood logistic model was fitted to, the recalibration is exactly {@code a = 0, b = 1}
 * and R² is the model's own, which is what rms reports for the apparent and training columns.
 *
 * @param dxy       Somers' Dxy
 * @param r2        Nagelkerke R² after recalibration
 * @param intercept recalibration intercept
 * @param slope     recalibration slope
 * @param brier     Brier score
 */
public record Performance(double dxy, double r2, double intercept, double slope, double brier) {

    /** Names of the indexes, in {@link #values()} order (rms row names, plus AUC). */
    public static final List<String> NAMES = List.of("Dxy", "AUC", "R2", "Intercept", "Slope", "B");

    /** Measures {@code lp} against {@code y}. */
    public static Performance of(double[] lp, double[] y) {
        double[][] x = new double[lp.length][1];
        double brier = 0;
        for (int i = 0; i < lp.length; i++) {
            x[i][0] = lp[i];
            double p = 1 / (1 + Math.exp(-lp[i]));
            brier += (y[i] - p) * (y[i] - p);
        }
        double dxy = Concordance.somersDxy(lp, y);
        double r2;
        double a;
        double b;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : lp) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            r2 = 0;
            a = Double.NaN;
            b = Double.NaN;
        } else {
            LogisticFit cal;
            try {
                cal = LogisticRegression.maximumLikelihood().fit(x, y, List.of("lp"));
                r2 = cal.r2Nagelkerke();
                a = cal.beta()[0];
                b = cal.beta()[1];
            } catch (IllegalArgumentException separated) {
                // lp separates the outcome: the recalibration deviance tends to 0 (R² to its limit 1) and the
                // intercept and slope do not exist
                r2 = 1;
                a = Double.NaN;
                b = Double.NaN;
            }
        }
        return new Performance(dxy, r2, a, b, brier / lp.length);
    }

    /** The indexes in {@link #NAMES} order. */
    public double[] values() {
        return new double[] {dxy, (dxy + 1) / 2, r2, intercept, slope, brier};
    }
}
