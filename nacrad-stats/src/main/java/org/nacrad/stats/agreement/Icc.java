package org.nacrad.stats.agreement;

import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Intraclass correlation of n subjects rated by the same k raters, from the two-way ANOVA without replication
 * (Shrout &amp; Fleiss, Psychol Bull 86:420–428, 1979; McGraw &amp; Wong, Psychol Methods 1:30–46, 1996), as
 * {@code psych::ICC(x, lmer = FALSE)} reports them: the six forms with their F tests and confidence intervals.
 *
 * <p>Mean squares: MSB (subjects) = k·Σ(row mean − grand mean)²/(n − 1), MSJ (raters) = n·Σ(column mean − grand
 * mean)²/(k − 1), MSE = (SS_total − SS_subjects − SS_raters)/((n − 1)(k − 1)), MSW (within subjects) =
 * (SS_raters + SS_error)/(n(k − 1)).
 * <ul>
 *   <li>ICC(1,1), one-way random: (MSB − MSW)/(MSB + (k − 1)MSW); ICC(1,k) = (MSB − MSW)/MSB. F = MSB/MSW on
 *       (n − 1, n(k − 1)) df; with F_L = F/F_{1−α/2}(n − 1, n(k − 1)) and F_U = F·F_{1−α/2}(n(k − 1), n − 1) the CI
 *       is ((F_L − 1)/(F_L + k − 1), (F_U − 1)/(F_U + k − 1)), for ICC(1,k) (1 − 1/F_L, 1 − 1/F_U).</li>
 *   <li>ICC(2,1), two-way random, absolute agreement: (MSB − MSE)/(MSB + (k − 1)MSE + k(MSJ − MSE)/n); ICC(2,k) =
 *       (MSB − MSE)/(MSB + (MSJ − MSE)/n). CI of McGraw &amp; Wong (case 2A) with Satterthwaite's df v:
 *       v = (k − 1)(n − 1)[kρF_J + n(1 + (k − 1)ρ) − kρ]² / ((n − 1)k²ρ²F_J² + [n(1 + (k − 1)ρ) − kρ]²),
 *       F_J = MSJ/MSE, ρ = ICC(2,1); with F* = F_{1−α/2}(n − 1, v) and F_* = F_{1−α/2}(v, n − 1):
 *       lower = n(MSB − F*·MSE)/(F*(k·MSJ + (kn − k − n)MSE) + n·MSB), upper = n(F_*·MSB − MSE)/(k·MSJ +
 *       (kn − k − n)MSE + n·F_*·MSB); for ICC(2,k) each bound b becomes kb/(1 + (k − 1)b).</li>
 *   <li>ICC(3,1), two-way mixed, consistency: (MSB − MSE)/(MSB + (k − 1)MSE); ICC(3,k) = (MSB − MSE)/MSB. CI from
 *       F_L = F/F_{1−α/2}(n − 1, (n − 1)(k − 1)), F_U = F·F_{1−α/2}((n − 1)(k − 1), n − 1): ((F_L − 1)/(F_L + k − 1),
 *       (F_U − 1)/(F_U + k − 1)), for ICC(3,k) (1 − 1/F_L, 1 − 1/F_U).</li>
 *   <li>ICC(2,·) and ICC(3,·) are tested against ρ = 0 by F = MSB/MSE on (n − 1, (n − 1)(k − 1)) df, upper tail.</li>
 * </ul>
 * psych's default ({@code lmer = TRUE}) estimates the variance components by REML with lme4 instead: on complete data
 * that equals these values only to lme4's optimiser tolerance (about 1e-7 relative), and where MSJ &lt; MSE it
 * truncates the rater variance at 0 and so reports different ICC(2,·) and ICC(3,·); the tests show both.
 *
 * <p>Worked example (also a unit test): Shrout &amp; Fleiss's Table 2 (6 subjects, 4 judges) gives ICC(1,1) = 0.17,
 * ICC(2,1) = 0.29, ICC(3,1) = 0.71, ICC(1,4) = 0.44, ICC(2,4) = 0.62, ICC(3,4) = 0.91, F = 11.03.
 */
public final class Icc {

    private Icc() {
    }

    /** One ICC with its CI and F test. */
    public record Estimate(double value, double lower, double upper, double f, double df1, double df2, double p) {
    }

    /**
     * The two-way ANOVA mean squares of a ratings table.
     *
     * @param subjects MSB
     * @param raters   MSJ
     * @param error    MSE
     * @param within   MSW, the one-way within-subject mean square
     * @param n        number of subjects
     * @param k        number of raters
     */
    public record MeanSquares(double subjects, double raters, double error, double within, int n, int k) {

        /** ICC(2,1), absolute agreement of single ratings. */
        public double icc21() {
            return (subjects - error) / (subjects + (k - 1) * error + k * (raters - error) / n);
        }

        /** ICC(3,1), consistency of single ratings. */
        public double icc31() {
            return (subjects - error) / (subjects + (k - 1) * error);
        }

        /** ICC(1,1), one-way random. */
        public double icc11() {
            return (subjects - within) / (subjects + (k - 1) * within);
        }
    }

    /** The six ICCs and the ANOVA mean squares they come from. */
    public record Result(Estimate icc11, Estimate icc21, Estimate icc31, Estimate icc1k, Estimate icc2k,
            Estimate icc3k, double msSubjects, double msRaters, double msError, double msWithin, int subjects,
            int raters) {
    }

    /** The mean squares of {@code ratings[i][j]}, subject i rated by rater j (complete, finite). */
    public static MeanSquares meanSquares(double[][] ratings) {
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
        double ssError = ssTotal - ssRows - ssCols;
        return new MeanSquares(ssRows / (n - 1), ssCols / (k - 1), ssError / ((n - 1.0) * (k - 1.0)),
                (ssCols + ssError) / (n * (k - 1.0)), n, k);
    }

    /** ICCs at 95 % confidence; {@code ratings[i][j]} is subject i rated by rater j (complete, finite). */
    public static Result compute(double[][] ratings) {
        return compute(ratings, 0.95);
    }

    public static Result compute(double[][] ratings, double level) {
        MeanSquares ms = meanSquares(ratings);
        int n = ms.n();
        int k = ms.k();
        double msb = ms.subjects();
        double msj = ms.raters();
        double mse = ms.error();
        double msw = ms.within();
        if (!(mse > 0)) {
            throw new IllegalArgumentException("ICC: the residual mean square is " + mse
                    + " (ratings perfectly additive, e.g. all equal or raters differing by constants), "
                    + "so the F statistic and CIs are undefined");
        }
        double a = (1 - level) / 2;

        // one-way
        double f1 = msb / msw;
        double df1 = n - 1;
        double dfw = n * (k - 1.0);
        double p1 = FDistribution.of(df1, dfw).survivalProbability(f1);
        double f1l = f1 / FDistribution.of(df1, dfw).inverseCumulativeProbability(1 - a);
        double f1u = f1 * FDistribution.of(dfw, df1).inverseCumulativeProbability(1 - a);
        Estimate e1 = new Estimate(ms.icc11(), (f1l - 1) / (f1l + (k - 1)), (f1u - 1) / (f1u + (k - 1)), f1, df1, dfw, p1);
        Estimate e1k = new Estimate((msb - msw) / msb, 1 - 1 / f1l, 1 - 1 / f1u, f1, df1, dfw, p1);

        // two-way, consistency
        double df2 = (n - 1.0) * (k - 1.0);
        double f = msb / mse;
        double p = FDistribution.of(df1, df2).survivalProbability(f);
        double fl = f / FDistribution.of(df1, df2).inverseCumulativeProbability(1 - a);
        double fu = f * FDistribution.of(df2, df1).inverseCumulativeProbability(1 - a);
        Estimate e3 = new Estimate(ms.icc31(), (fl - 1) / (fl + (k - 1)), (fu - 1) / (fu + (k - 1)), f, df1, df2, p);
        Estimate e3k = new Estimate((msb - mse) / msb, 1 - 1 / fl, 1 - 1 / fu, f, df1, df2, p);

        // two-way, absolute agreement
        double icc2 = ms.icc21();
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
        Estimate e2k = new Estimate((msb - mse) / (msb + (msj - mse) / n), lo2 * k / (1 + lo2 * (k - 1)),
                hi2 * k / (1 + hi2 * (k - 1)), f, df1, df2, p);
        return new Result(e1, e2, e3, e1k, e2k, e3k, msb, msj, mse, msw, n, k);
    }
}
