package org.nacrad.stats.agreement;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Intraclass correlation of n subjects rated by the same k raters, from the two-way ANOVA without replication
 * (Shrout &amp; Fleiss, Psychol Bull 86:420–428, 1979; McGraw &amp; Wong, Psychol Methods 1:30–46, 1996), as
 * {@code psych::ICC} reports ICC2 and ICC3.
 *
 * <p>Mean squares: MSB (subjects) = k·Σ(row mean − grand mean)²/(n − 1), MSJ (raters) = n·Σ(column mean − grand
 * mean)²/(k − 1), MSE = (SS_total − SS_subjects − SS_raters)/((n − 1)(k − 1)).
 * <ul>
 *   <li>ICC(2,1), two-way random, absolute agreement: (MSB − MSE)/(MSB + (k − 1)MSE + k(MSJ − MSE)/n). CI of
 *       McGraw &amp; Wong (case 2A) with Satterthwaite's df v for the denominator:
 *       v = (k − 1)(n − 1)[kρF_J + n(1 + (k − 1)ρ) − kρ]² / ((n − 1)k²ρ²F_J² + [n(1 + (k − 1)ρ) − kρ]²),
 *       F_J = MSJ/MSE, ρ = ICC(2,1); with F* = F_{1−α/2}(n − 1, v) and F_* = F_{1−α/2}(v, n − 1):
 *       lower = n(MSB − F*·MSE)/(F*(k·MSJ + (kn − k − n)MSE) + n·MSB), upper = n(F_*·MSB − MSE)/(k·MSJ +
 *       (kn − k − n)MSE + n·F_*·MSB).</li>
 *   <li>ICC(3,1), two-way mixed, consistency: (MSB − MSE)/(MSB + (k − 1)MSE). CI from F_L = F/F_{1−α/2}(n − 1,
 *       (n − 1)(k − 1)), F_U = F·F_{1−α/2}((n − 1)(k − 1), n − 1): ((F_L − 1)/(F_L + k − 1), (F_U − 1)/(F_U + k − 1)).</li>
 *   <li>Both are tested against ρ = 0 by F = MSB/MSE on (n − 1, (n − 1)(k − 1)) df, upper tail.</li>
 * </ul>
 * Worked example (also a unit test): Shrout &amp; Fleiss's Table 2 (6 subjects, 4 judges) gives ICC(2,1) = 0.29 and
 * ICC(3,1) = 0.71, F = 11.03.
 */
public final class Icc {

    private Icc() {
    }

    /** One ICC with its CI and F test. */
    public record Estimate(double value, double lower, double upper, double f, double df1, double df2, double p) {
    }

    /** Both ICCs and the ANOVA mean squares they come from. */
    public record Result(Estimate icc21, Estimate icc31, double msSubjects, double msRaters, double msError,
            int subjects, int raters) {
    }

    /** ICCs at 95 % confidence; {@code ratings[i][j]} is subject i rated by rater j (complete, finite). */
    public static Result compute(double[][] ratings) {
        return compute(ratings, 0.95);
    }

    public static Result compute(double[][] ratings, double level) {
        int n = ratings.length;
        if (n < 2) {
            throw new IllegalArgumentException("ICC: needs at least 2 subjects, got " + n);
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("ICC: needs at least 2 raters, got " + k);
        }
        double grand = 0;
        double[] row = new double[n];
        double[] col = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new IllegalArgumentException("ICC: subject " + (i + 1) + " has " + ratings[i].length
                        + " ratings, not " + k);
            }
            for (int j = 0; j < k; j++) {
                double v = ratings[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("ICC: subject " + (i + 1) + ", rater " + (j + 1)
                            + ": missing or non-finite rating (complete ratings are needed)");
                }
                row[i] += v;
                col[j] += v;
                grand += v;
            }
        }
        grand /= n * k;
        double ssTotal = 0;
        for (double[] r : ratings) {
            for (double v : r) {
                ssTotal += (v - grand) * (v - grand);
            }
        }
        double ssRows = 0;
        for (int i = 0; i < n; i++) {
            double d = row[i] / k - grand;
            ssRows += k * d * d;
        }
        double ssCols = 0;
        for (int j = 0; j < k; j++) {
            double d = col[j] / n - grand;
            ssCols += n * d * d;
        }
        double df1 = n - 1;
        double df2 = (n - 1.0) * (k - 1.0);
        double msb = ssRows / df1;
        double msj = ssCols / (k - 1);
        double mse = (ssTotal - ssRows - ssCols) / df2;
        if (!(mse > 0)) {
            throw new IllegalArgumentException("ICC: the residual mean square is " + mse
                    + " (ratings perfectly additive, e.g. all equal or raters differing by constants), "
                    + "so the F statistic and CIs are undefined");
        }
        double f = msb / mse;
        double p = FDistribution.of(df1, df2).survivalProbability(f);
        double a = (1 - level) / 2;

        double icc3 = (msb - mse) / (msb + (k - 1) * mse);
        double fl = f / FDistribution.of(df1, df2).inverseCumulativeProbability(1 - a);
        double fu = f * FDistribution.of(df2, df1).inverseCumulativeProbability(1 - a);
        Estimate e3 = new Estimate(icc3, (fl - 1) / (fl + (k - 1)), (fu - 1) / (fu + (k - 1)), f, df1, df2, p);

        double icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n);
        double fj = msj / mse;
        double c = n * (1 + (k - 1) * icc2) - k * icc2;
        double vn = (k - 1) * (n - 1) * Math.pow(k * icc2 * fj + c, 2);
        double vd = (n - 1) * k * k * icc2 * icc2 * fj * fj + c * c;
        double v = vn / vd;
        double fStar = FDistribution.of(n - 1, v).inverseCumulativeProbability(1 - a);
        double fSub = FDistribution.of(v, n - 1).inverseCumulativeProbability(1 - a);
        double mix = k * msj + (k * n - k - n) * mse;
        double lo2 = n * (msb - fStar * mse) / (fStar * mix + n * msb);
        double hi2 = n * (fSub * msb - mse) / (mix + n * fSub * msb);
        Estimate e2 = new Estimate(icc2, lo2, hi2, f, df1, df2, p);
        return new Result(e2, e3, msb, msj, mse, n, k);
    }
}
