package org.nacrad.stats.roc;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Stratified bootstrap percentile CI of the AUC, as pROC's {@code ci.auc(method = "bootstrap", boot.n = 2000,
 * boot.stratified = TRUE)}: cases and controls are resampled separately with replacement (so every replicate has
 * the original class sizes), the direction is kept fixed, and the CI is the type-7 quantiles (α/2, 1 − α/2) of the
 * replicate AUCs (Carpenter &amp; Bithell, Stat Med 19:1141, 2000).
 *
 * <p>Reproducible: the replicates are drawn from a seeded XoRoShiRo128++ generator (commons-rng), so equal seeds give
 * equal intervals. The numbers are not R's (R's generator differs); they agree with pROC's in distribution only.
 */
public final class BootstrapAuc {

    /** The fewest replicates that give a percentile interval. */
    public static final int MIN_REPLICATES = 10;

    /** The most replicates accepted (pROC's default is 2000; a million are already 8 MB and minutes of work). */
    public static final int MAX_REPLICATES = 1_000_000;

    private BootstrapAuc() {
    }

    /** The interval, the AUC of the data, and the number of replicates. */
    public record Interval(double auc, double lower, double upper, double level, int replicates, long seed) {
    }

    /** Stratified bootstrap CI of the AUC of {@code score} (direction as pROC's "auto"). */
    public static Interval ci(double[] y, double[] score, double level, int replicates, long seed) {
        if (replicates < MIN_REPLICATES || replicates > MAX_REPLICATES) {
            throw new IllegalArgumentException("bootstrap: " + MIN_REPLICATES + " to " + MAX_REPLICATES
                    + " replicates, got " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        Labelled l = Labelled.of(y, score, "bootstrap AUC");
        Direction dir = Direction.auto(l.controls(), l.cases());
        double[] controls = l.controls();
        double[] cases = l.cases();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] aucs = new double[replicates];
        double[] c0 = new double[controls.length];
        double[] c1 = new double[cases.length];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < c1.length; i++) {
                c1[i] = cases[rng.nextInt(cases.length)];
            }
            for (int j = 0; j < c0.length; j++) {
                c0[j] = controls[rng.nextInt(controls.length)];
            }
            aucs[b] = DeLong.placements(new Labelled(c0, c1), dir).theta();
        }
        Arrays.sort(aucs);
        double auc = DeLong.placements(l, dir).theta();
        return new Interval(auc, quantile7(aucs, (1 - level) / 2), quantile7(aucs, 1 - (1 - level) / 2), level,
                replicates, seed);
    }

    /** R's type-7 quantile of sorted data. */
    private static double quantile7(double[] s, double prob) {
        double h = (s.length - 1) * prob;
        int lo = (int) Math.floor(h);
        return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
    }
}
