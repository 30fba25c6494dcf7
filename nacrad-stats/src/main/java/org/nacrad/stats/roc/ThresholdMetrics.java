package org.nacrad.stats.roc;

/**
 * The 2×2 table of a score cut at a threshold and its proportions: sensitivity TP/(TP + FN), specificity
 * TN/(TN + FP), accuracy (TP + TN)/N, PPV TP/(TP + FP), NPV TN/(TN + FN), each with Clopper–Pearson and Wilson
 * intervals ({@link Proportion}). A score is positive as {@link Direction#positive} says (pROC's convention).
 * PPV or NPV is null when nothing is called positive or negative.
 *
 * <p>Worked example (also a unit test): y = {0, 0, 1, 1, 1}, score = {1, 3, 2, 4, 5}, threshold 2.5, "&lt;":
 * TP = 2, FN = 1, TN = 1, FP = 1; sensitivity 2/3, specificity 1/2, accuracy 3/5, PPV 2/3, NPV 1/2.
 */
public record ThresholdMetrics(double threshold, Direction direction, int tp, int fp, int tn, int fn,
        Proportion sensitivity, Proportion specificity, Proportion accuracy, Proportion ppv, Proportion npv) {

    /** The table and proportions at {@code threshold} with 95 % intervals. */
    public static ThresholdMetrics at(double[] y, double[] score, double threshold, Direction direction) {
        Labelled.of(y, score, "metrics at a threshold");
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean pos = direction.positive(score[i], threshold);
            if (y[i] == 1.0) {
                if (pos) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (pos) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ThresholdMetrics(threshold, direction, tp, fp, tn, fn, Proportion.of(tp, tp + fn),
                Proportion.of(tn, tn + fp), Proportion.of(tp + tn, y.length),
                tp + fp == 0 ? null : Proportion.of(tp, tp + fp), tn + fn == 0 ? null : Proportion.of(tn, tn + fn));
    }
}
