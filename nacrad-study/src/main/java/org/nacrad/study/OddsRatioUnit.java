package org.nacrad.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

import org.nacrad.stats.glm.Coefficient;

/**
 * The unit an odds ratio is stated per, so that a regression table reads as a paper's does. A logistic coefficient
 * is per unit of its predictor, and a unit of mean ADC (1 mm²/s) or of dose intensity (100 %) is far outside any
 * patient: per such units the odds ratios of the demo were "Infinity (0.00–Infinity)" and 3.77e-05. Stated instead:
 * <ul>
 *   <li>a 0/1 predictor: per category (e.g. ER positive vs negative, Ki-67 ≥ 20 % vs &lt; 20 %);</li>
 *   <li>mean ADC and MD: per 10⁻⁴ mm²/s (about two thirds of a training SD);</li>
 *   <li>the relative dose intensity: per 10 % (0.1) of dose intensity;</li>
 *   <li>age: per 10 years;</li>
 *   <li>any other continuous predictor (kurtosis, the tumour-to-reference ratios, the Rad-score, a user's column):
 *       per training-set standard deviation, whose value is stated.</li>
 * </ul>
 * The model itself, its coefficients, {@code model.json} and the nomogram stay per the predictor's own unit.
 *
 * @param label the unit as printed, e.g. {@code per 10⁻⁴ mm²/s}
 * @param size  its size in the predictor's own unit (the OR is {@code exp(β · size)})
 */
record OddsRatioUnit(String label, double size) {

    /** The unit for a predictor given its training-set values. */
    static OddsRatioUnit of(String predictor, double[] training) {
        boolean binary = training.length > 0;
        for (double v : training) {
            binary &= v == 0 || v == 1;
        }
        if (binary) {
            return new OddsRatioUnit(switch (predictor) {
                case "ki67_high" -> "≥ 20 % vs < 20 %";
                default -> predictor.endsWith("_positive") ? "positive vs negative" : "1 vs 0";
            }, 1);
        }
        return switch (predictor) {
            case "adc_mean", "md_mean" -> new OddsRatioUnit("per 10⁻⁴ mm²/s", 1e-4);
            case "rdi" -> new OddsRatioUnit("per 10 % of dose intensity", 0.1);
            case "age" -> new OddsRatioUnit("per 10 years", 10);
            default -> {
                double sd = sd(training);
                yield new OddsRatioUnit("per SD (" + sig(sd) + ")", sd);
            }
        };
    }

    /** The unit of a model term of a study: a clinical or diffusion candidate, or {@code rad_score}. */
    static OddsRatioUnit of(StudyResult r, String term) {
        StudyData d = r.data();
        int[] tr = d.rows(true);
        double[] v;
        if (term.equals("rad_score")) {
            v = StudyModels.radScores(d, r.models().radiomicsSelection(), tr);
        } else {
            double[][] c = d.clinicalColumns(java.util.List.of(term), tr);
            v = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                v[i] = c[i][0];
            }
        }
        return of(term, v);
    }

    /** {OR, lower, upper} of the 95 % Wald interval, per this unit. */
    double[] oddsRatio(Coefficient c) {
        double[] ci = c.waldInterval(0.95);
        return new double[] {Math.exp(c.estimate() * size), Math.exp(ci[0] * size), Math.exp(ci[1] * size)};
    }

    /**
     * An odds ratio as a table shows it: two decimals between 0.1 and 10, fewer digits above, two significant
     * digits below; never an exponent, never a bare 0.00: beyond 10⁵ or below 10⁻⁴ a bound is printed, and a ratio
     * that is not finite (a separated predictor) is "–".
     */
    static String format(double or) {
        if (!Double.isFinite(or) || or <= 0) {
            return "–";
        }
        if (or >= 1e5) {
            return "> 100000";
        }
        if (or < 1e-4) {
            return "< 0.0001";
        }
        if (or >= 100) {
            return String.format(Locale.ROOT, "%.0f", or);
        }
        if (or >= 10) {
            return String.format(Locale.ROOT, "%.1f", or);
        }
        if (or >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", or);
        }
        return new BigDecimal(or).round(new MathContext(2)).toPlainString();
    }

    /** A training SD in three significant digits, without an exponent. */
    static String sig(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static double sd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
