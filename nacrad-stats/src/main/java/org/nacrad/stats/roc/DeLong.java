package org.nacrad.stats.roc;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * DeLong's nonparametric variance of the AUC and the tests comparing AUCs (DeLong, DeLong &amp; Clarke-Pearson,
 * Biometrics 44:837–845, 1988), as pROC's {@code var}, {@code ci.auc} and {@code roc.test(method = "delong")}.
 *
 * <p>Placements: for each case i, V₁₀(i) = [#controls below it + ½·#tied controls]/n; for each control j,
 * V₀₁(j) = 1 − [#cases below it + ½·#tied cases]/m; the AUC θ is the mean of V₁₀. They are computed in
 * O(N log N) — each class sorted once, one merge pass counting the controls and cases at each distinct score (the
 * idea of Sun &amp; Xu, IEEE SPL 21:1389–1393, 2014), each score then looked up among the distinct values — not by
 * the O(m·n) pair loop. Direction "&gt;" negates the scores. With S₁₀ and S₀₁ the sample variances (divisor m − 1, n − 1) of the placements,
 * Var(θ) = S₁₀/m + S₀₁/n.
 *
 * <p>Worked example (also a unit test): controls {1, 2, 3}, cases {2, 4}: V₁₀ = {1.5/3, 3/3} = {0.5, 1},
 * V₀₁ = {1 − 0/2, 1 − 0.5/2, 1 − 1/2} = {1, 0.75, 0.5}, θ = 0.75; S₁₀ = 0.125, S₀₁ = 0.0625,
 * Var = 0.125/2 + 0.0625/3 = 0.0833….
 */
public final class DeLong {

    private DeLong() {
    }

    /** DeLong's placements: θ (the AUC), the case placements V₁₀ and the control placements V₀₁. */
    public record Placements(double theta, double[] cases, double[] controls) {
        public Placements {
            cases = cases.clone();
            controls = controls.clone();
        }

        @Override
        public double[] cases() {
            return cases.clone();
        }

        @Override
        public double[] controls() {
            return controls.clone();
        }
    }

    /** AUC with its DeLong variance and a normal confidence interval clipped to [0, 1] (pROC's {@code ci.auc}). */
    public record AucInterval(double auc, double variance, double lower, double upper, double level) {
    }

    /** A test comparing two AUCs: the statistic (Z, or pROC's D for unpaired curves), its df (∞ for Z) and P. */
    public record Comparison(double auc1, double auc2, double statistic, double df, double p) {
    }

    /** Placements of a score for a 0/1 outcome with the given direction. */
    public static Placements placements(double[] y, double[] score, Direction direction) {
        return placements(Labelled.of(y, score, "DeLong"), direction);
    }

    /** Placements with {@code dir}, or with pROC's "auto" direction when {@code dir} is null. */
    static Placements placements(Labelled l, Direction dir) {
        double[] cases = l.cases();
        double[] controls = l.controls();
        double[] sortedCases = cases.clone();
        double[] sortedControls = controls.clone();
        Arrays.sort(sortedCases);
        Arrays.sort(sortedControls);
        if (dir == null) {
            dir = Direction.medianOfSorted(sortedControls) <= Direction.medianOfSorted(sortedCases) ? Direction.LESS
                    : Direction.GREATER;
        }
        if (dir == Direction.GREATER) {
            // direction ">" is "<" on the negated scores; negating a sorted array and reversing it keeps it sorted
            cases = negated(cases);
            controls = negated(controls);
            sortedCases = reversedNegated(sortedCases);
            sortedControls = reversedNegated(sortedControls);
        }
        int m = cases.length;
        int n = controls.length;
        Ranked r = Ranked.merge(sortedControls, sortedCases);
        int k = r.values().length;
        int[] c0 = r.controls();
        int[] c1 = r.cases();
        // per distinct value: a case's count of controls below (+ half the tied ones), a control's of cases below
        double[] caseScore = new double[k];
        double[] controlScore = new double[k];
        int below0 = 0;
        int below1 = 0;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            caseScore[j] = below0 + c0[j] / 2.0;
            controlScore[j] = below1 + c1[j] / 2.0;
            sum += c1[j] * caseScore[j];
            below0 += c0[j];
            below1 += c1[j];
        }
        double[] v10 = new double[m];
        for (int i = 0; i < m; i++) {
            v10[i] = caseScore[r.indexOf(cases[i])] / n;
        }
        double[] v01 = new double[n];
        for (int j = 0; j < n; j++) {
            v01[j] = 1.0 - controlScore[r.indexOf(controls[j])] / m;
        }
        return new Placements(sum / m / n, v10, v01);
    }

    private static double[] negated(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i] + 0.0;   // + 0.0 turns -0.0 into 0.0
        }
        return out;
    }

    private static double[] reversedNegated(double[] sorted) {
        int n = sorted.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = -sorted[n - 1 - i] + 0.0;
        }
        return out;
    }

    /** Var(θ) = S₁₀/m + S₀₁/n; needs at least two cases and two controls. */
    public static double variance(Placements p) {
        int m = p.cases.length;
        int n = p.controls.length;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("DeLong variance needs at least 2 cases and 2 controls, got " + m
                    + " cases and " + n + " controls");
        }
        return covariance(p.cases, p.theta, p.cases, p.theta) / m + covariance(p.controls, p.theta, p.controls, p.theta) / n;
    }

    /** Σ (a − θa)(b − θb) / (len − 1). */
    private static double covariance(double[] a, double ta, double[] b, double tb) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ta) * (b[i] - tb);
        }
        return s / (a.length - 1);
    }

    /** The AUC with its DeLong CI at {@code level} (pROC default 0.95), direction as pROC's "auto". */
    public static AucInterval ci(double[] y, double[] score, double level) {
        return ci(placements(Labelled.of(y, score, "DeLong"), null), level);
    }

    /** CI from placements: qnorm((1 ∓ level)/2, θ, √Var), clipped to [0, 1]. */
    public static AucInterval ci(Placements p, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        double var = variance(p);
        double sd = Math.sqrt(var);
        NormalDistribution z = NormalDistribution.of(0, 1);
        double lo = p.theta + sd * z.inverseCumulativeProbability((1 - level) / 2);
        double hi = p.theta + sd * z.inverseCumulativeProbability(1 - (1 - level) / 2);
        return new AucInterval(p.theta, var, Math.max(0, Math.min(1, lo)), Math.max(0, Math.min(1, hi)), level);
    }

    /**
     * Paired DeLong test of two scores on the same cases ({@code roc.test(..., paired = TRUE)}): each score with its
     * own "auto" direction, Z = (θ₁ − θ₂)/√(L S Lᵀ) with L = (1, −1) and S the 2×2 DeLong covariance;
     * two-sided P = 2Φ(−|Z|). Z = 0 when both the difference and its SE are 0 (identical curves), as pROC.
     */
    public static Comparison pairedTest(double[] y, double[] score1, double[] score2) {
        Labelled l1 = Labelled.of(y, score1, "paired DeLong test, first score");
        Labelled l2 = Labelled.of(y, score2, "paired DeLong test, second score");
        return pairedTest(placements(l1, null), placements(l2, null));
    }

    /** Paired test from the placements of two scores on the same cases and controls (same order). */
    public static Comparison pairedTest(Placements a, Placements b) {
        int m = a.cases.length;
        int n = a.controls.length;
        if (b.cases.length != m || b.controls.length != n) {
            throw new IllegalArgumentException("paired DeLong test: the two scores must be on the same cases");
        }
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("paired DeLong test needs at least 2 cases and 2 controls, got " + m
                    + " cases and " + n + " controls");
        }
        double s10aa = covariance(a.cases, a.theta, a.cases, a.theta);
        double s10ab = covariance(a.cases, a.theta, b.cases, b.theta);
        double s10bb = covariance(b.cases, b.theta, b.cases, b.theta);
        double s01aa = covariance(a.controls, a.theta, a.controls, a.theta);
        double s01ab = covariance(a.controls, a.theta, b.controls, b.theta);
        double s01bb = covariance(b.controls, b.theta, b.controls, b.theta);
        double saa = s10aa / m + s01aa / n;
        double sab = s10ab / m + s01ab / n;
        double sbb = s10bb / m + s01bb / n;
        double sig = Math.sqrt(saa - sab - sab + sbb);
        double d = a.theta - b.theta;
        double z = d == 0 && sig == 0 ? 0 : d / sig;
        double p = 2 * NormalDistribution.of(0, 1).cumulativeProbability(-Math.abs(z));
        return new Comparison(a.theta, b.theta, z, Double.POSITIVE_INFINITY, p);
    }

    /**
     * Unpaired DeLong test of two curves on different samples ({@code roc.test(..., paired = FALSE)}): D =
     * (θ₁ − θ₂)/√(V₁ + V₂), referred to Student's t with Welch–Satterthwaite df = (V₁ + V₂)² / (V₁²/(N₁ − 1) +
     * V₂²/(N₂ − 1)), N the total sample sizes; two-sided P = 2·F_t(−|D|).
     */
    public static Comparison unpairedTest(double[] y1, double[] score1, double[] y2, double[] score2) {
        Labelled l1 = Labelled.of(y1, score1, "unpaired DeLong test, first sample");
        Labelled l2 = Labelled.of(y2, score2, "unpaired DeLong test, second sample");
        Placements a = placements(l1, null);
        Placements b = placements(l2, null);
        double va = variance(a);
        double vb = variance(b);
        double na = a.cases.length + a.controls.length;
        double nb = b.cases.length + b.controls.length;
        double d = (a.theta - b.theta) / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
        double p = 2 * TDistribution.of(df).cumulativeProbability(-Math.abs(d));
        return new Comparison(a.theta, b.theta, d, df, p);
    }
}
