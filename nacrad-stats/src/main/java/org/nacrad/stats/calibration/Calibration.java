package org.nacrad.stats.calibration;

/**
 * Calibration of predicted risks against a 0/1 outcome: Brier score, calibration-in-the-large and calibration
 * slope, as {@code rms::val.prob} and Steyerberg (<i>Clinical Prediction Models</i>, 2nd ed., 2019, ch. 15) define
 * them.
 *
 * <p>Worked example (also a unit test): {@code y = {0, 0, 1, 1}}, {@code p = {0.2, 0.4, 0.6, 0.8}} gives
 * Brier = (0.04 + 0.16 + 0.16 + 0.04) / 4 = 0.1; by symmetry the calibration intercept is 0.
 *
 * <ul>
 *   <li><b>Brier</b> = mean((p − y)²).</li>
 *   <li><b>Calibration intercept</b> (calibration-in-the-large): α of logit P(y = 1) = α + logit(p), the slope fixed
 *       at 1 as an offset; R: {@code coef(glm(y ~ 1 + offset(qlogis(p)), binomial))}. 0 when the mean risk is
 *       right.</li>
 *   <li><b>Calibration slope</b>: β of logit P(y = 1) = a + β·logit(p); R: {@code glm(y ~ qlogis(p), binomial)}.
 *       Below 1 when predictions are too extreme (overfitting).</li>
 * </ul>
 * Both fits are maximum likelihood by Newton's method (hand-written: one or two parameters need no library),
 * iterated until the step is below 1e-13 relative.
 */
public final class Calibration {

    private Calibration() {
    }

    /**
     * All three measures.
     *
     * @param brier          mean squared error of the risks
     * @param intercept      calibration-in-the-large (offset fit)
     * @param slope          calibration slope
     * @param slopeIntercept the intercept of the slope fit ({@code val.prob}'s "Intercept")
     */
    public record Summary(double brier, double intercept, double slope, double slopeIntercept) {
    }

    /** Brier, calibration intercept and slope of risks {@code p} (strictly inside (0, 1)) for outcomes {@code y}. */
    public static Summary summarize(double[] y, double[] p) {
        double[] slope = slopeFit(y, p);
        return new Summary(brier(y, p), intercept(y, p), slope[1], slope[0]);
    }

    /** Brier score: mean((p − y)²); risks in [0, 1]. */
    public static double brier(double[] y, double[] p) {
        Outcomes.check(y, p, false);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / y.length;
    }

    /** Calibration-in-the-large: the ML intercept α with logit(p) as offset. */
    public static double intercept(double[] y, double[] p) {
        Outcomes.check(y, p, true);
        Outcomes.bothClasses(y, "the calibration intercept");
        double[] lp = logits(p);
        double a = 0;
        for (int it = 0; it < 100; it++) {
            double score = 0;
            double info = 0;
            for (int i = 0; i < y.length; i++) {
                double m = expit(a + lp[i]);
                score += y[i] - m;
                info += m * (1 - m);
            }
            double step = score / info;
            a += step;
            if (Math.abs(step) <= 1e-13 * (1 + Math.abs(a))) {
                return a;
            }
        }
        throw new ArithmeticException("calibration intercept: Newton's method did not converge in 100 steps");
    }

    /**
     * Calibration slope fit: {a, β} of logit P(y = 1) = a + β·logit(p), by ML: Newton–Raphson from (0, 1) with step
     * halving whenever a full step lowers the log-likelihood (as rms {@code lrm.fit} does), so that badly
     * miscalibrated validation risks, whose slope is far from 1, still converge.
     */
    public static double[] slopeFit(double[] y, double[] p) {
        Outcomes.check(y, p, true);
        Outcomes.bothClasses(y, "the calibration slope");
        double[] lp = logits(p);
        double max0 = Double.NEGATIVE_INFINITY, min0 = Double.POSITIVE_INFINITY;
        double max1 = Double.NEGATIVE_INFINITY, min1 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                max1 = Math.max(max1, lp[i]);
                min1 = Math.min(min1, lp[i]);
            } else {
                max0 = Math.max(max0, lp[i]);
                min0 = Math.min(min0, lp[i]);
            }
        }
        if (max0 < min1 || max1 < min0) {
            throw new ArithmeticException("calibration slope: the risks separate the outcomes perfectly, "
                    + "so the ML slope is infinite");
        }
        double a = 0;
        double b = 1;
        double ll = logLikelihood(y, lp, a, b);
        for (int it = 0; it < 100; it++) {
            double s0 = 0, s1 = 0, i00 = 0, i01 = 0, i11 = 0;
            for (int i = 0; i < y.length; i++) {
                double m = expit(a + b * lp[i]);
                double r = y[i] - m;
                double w = m * (1 - m);
                s0 += r;
                s1 += r * lp[i];
                i00 += w;
                i01 += w * lp[i];
                i11 += w * lp[i] * lp[i];
            }
            double det = i00 * i11 - i01 * i01;
            if (!(det > 0)) {
                throw new ArithmeticException("calibration slope: singular information matrix "
                        + "(all predicted risks equal, or perfect separation)");
            }
            double da = (i11 * s0 - i01 * s1) / det;
            double db = (i00 * s1 - i01 * s0) / det;
            double na = a + da;
            double nb = b + db;
            double nll = logLikelihood(y, lp, na, nb);
            for (int half = 0; half < 30 && !(nll >= ll - 1e-12 * Math.abs(ll)); half++) {
                da /= 2;
                db /= 2;
                na = a + da;
                nb = b + db;
                nll = logLikelihood(y, lp, na, nb);
            }
            a = na;
            b = nb;
            ll = nll;
            if (Math.abs(da) <= 1e-13 * (1 + Math.abs(a)) && Math.abs(db) <= 1e-13 * (1 + Math.abs(b))) {
                return new double[] {a, b};
            }
        }
        throw new ArithmeticException("calibration slope: Newton's method did not converge in 100 steps "
                + "(perfect separation?)");
    }

    /** Bernoulli log-likelihood of logit P = a + b·lp, computed without overflow. */
    private static double logLikelihood(double[] y, double[] lp, double a, double b) {
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = a + b * lp[i];
            // log(1 + e^eta) stably
            double log1pExp = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
            ll += y[i] * eta - log1pExp;
        }
        return ll;
    }

    private static double[] logits(double[] p) {
        double[] lp = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            lp[i] = Math.log(p[i] / (1 - p[i]));
        }
        return lp;
    }

    private static double expit(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }
}
