package org.nacrad.stats.roc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The empirical ROC curve as pROC's {@code roc(response, predictor)} builds it.
 *
 * <p>Worked example (also a unit test): controls {1, 2, 3}, cases {2, 4}. Distinct scores 1, 2, 3, 4 give the
 * thresholds −∞, 1.5, 2.5, 3.5, +∞ (midpoints between adjacent distinct scores); direction "&lt;" (median of the
 * controls 2 ≤ median of the cases 3). Sensitivities 1, 1, 0.5, 0.5, 0 and specificities 0, 1/3, 2/3, 1, 1.
 * AUC: case 2 beats control 1, ties control 2 (counts ½) and loses to 3; case 4 beats all three: (1.5 + 3)/6 = 0.75.
 *
 * <ul>
 *   <li>Thresholds: the sorted distinct scores u₁ &lt; … &lt; u_k give −∞, (u_i + u_{i+1})/2, +∞; when |midpoint| &gt;
 *       1e100 it is computed as u_i/2 + u_{i+1}/2 (no overflow), and a midpoint that rounds onto u_i or u_{i+1}
 *       (adjacent doubles) is moved onto the neighbour that keeps the classification right, as pROC does.</li>
 *   <li>Direction "auto": see {@link Direction#auto}.</li>
 *   <li>Sensitivity = TP/cases, specificity = (controls − FP)/controls, with a score positive as
 *       {@link Direction#positive} says.</li>
 *   <li>AUC = P(case score &gt; control score) + ½·P(tie), the Mann–Whitney form of the trapezoidal area, summed
 *       over the distinct scores in the same pass (a sum of half-integers, so equal to {@link DeLong}'s θ to the
 *       last bit).</li>
 * </ul>
 *
 * @param direction     "&lt;" or "&gt;"
 * @param thresholds    in pROC's order, from (sensitivity 1, specificity 0) to (0, 1): ascending from −∞ for
 *                      "&lt;", descending from +∞ for "&gt;"
 * @param sensitivities at each threshold
 * @param specificities at each threshold
 * @param auc           area under the curve
 * @param cases         number of cases (y = 1)
 * @param controls      number of controls (y = 0)
 */
public record RocCurve(Direction direction, double[] thresholds, double[] sensitivities, double[] specificities,
        double auc, int cases, int controls) {

    public RocCurve {
        thresholds = thresholds.clone();
        sensitivities = sensitivities.clone();
        specificities = specificities.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public double[] sensitivities() {
        return sensitivities.clone();
    }

    @Override
    public double[] specificities() {
        return specificities.clone();
    }

    /** One point of the curve. */
    public record Point(double threshold, double sensitivity, double specificity) {
    }

    /** The ROC of {@code score} for the 0/1 outcome {@code y}, direction chosen as pROC's "auto". */
    public static RocCurve of(double[] y, double[] score) {
        return of(Labelled.of(y, score, "ROC"), null);
    }

    /** The ROC with the given direction. */
    public static RocCurve of(double[] y, double[] score, Direction direction) {
        return of(Labelled.of(y, score, "ROC"), direction);
    }

    /**
     * One pass over the merged sorted classes: distinct scores with their control and case counts give the
     * thresholds, the (sensitivity, specificity) pairs and the AUC = Σ cases at u · (controls below u + ½ controls
     * at u)/(m·n) — the same sum of half-integers as DeLong's θ, so bit-identical to it. {@code dir} null: "auto".
     */
    static RocCurve of(Labelled l, Direction dir) {
        double[] controls = l.controls().clone();
        double[] cases = l.cases().clone();
        Arrays.sort(controls);
        Arrays.sort(cases);
        int n = controls.length;
        int m = cases.length;
        if (dir == null) {
            dir = Direction.medianOfSorted(controls) <= Direction.medianOfSorted(cases) ? Direction.LESS
                    : Direction.GREATER;
        }
        Ranked r = Ranked.merge(controls, cases);
        double[] u = r.values();
        int[] c0 = r.controls();
        int[] c1 = r.cases();
        int k = u.length;
        double[] thr = thresholds(u, dir);
        double[] se = new double[k + 1];
        double[] sp = new double[k + 1];
        // at thresholds[i], the scores u[0..i-1] lie below and u[i..k-1] above
        int below0 = 0;
        int below1 = 0;
        double pairs = 0;
        for (int i = 0; i <= k; i++) {
            int tp = dir == Direction.LESS ? m - below1 : below1;
            int fp = dir == Direction.LESS ? n - below0 : below0;
            se[i] = (double) tp / m;
            sp[i] = (double) (n - fp) / n;
            if (i < k) {
                double beaten = dir == Direction.LESS ? below0 : n - below0 - c0[i];
                pairs += c1[i] * (beaten + c0[i] / 2.0);
                below0 += c0[i];
                below1 += c1[i];
            }
        }
        if (dir == Direction.GREATER) {
            reverse(thr);
            reverse(se);
            reverse(sp);
        }
        return new RocCurve(dir, thr, se, sp, pairs / m / n, m, n);
    }

    /** pROC's thresholds for sorted distinct scores. */
    static double[] thresholds(double[] u, Direction dir) {
        int k = u.length;
        double[] t = new double[k + 1];
        t[0] = Double.NEGATIVE_INFINITY;
        t[k] = Double.POSITIVE_INFINITY;
        for (int i = 1; i < k; i++) {
            double lo = u[i - 1];
            double hi = u[i];
            double mid = (lo + hi) / 2;
            if (Math.abs(mid) > 1e100) {
                mid = lo / 2 + hi / 2;
            }
            if (mid == lo && dir == Direction.LESS) {
                mid = hi;          // "score >= t" must still exclude lo
            } else if (mid == hi && dir == Direction.GREATER) {
                mid = lo;          // "score <= t" must still exclude hi
            }
            t[i] = mid;
        }
        return t;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * The Youden-optimal points, as pROC's {@code coords(roc, "best")} with its defaults: all thresholds (the ±∞
     * ends included) maximising sensitivity + specificity, ties kept, in the curve's order.
     */
    public List<Point> youden() {
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < thresholds.length; i++) {
            best = Math.max(best, sensitivities[i] + specificities[i]);
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < thresholds.length; i++) {
            if (sensitivities[i] + specificities[i] == best) {
                out.add(new Point(thresholds[i], sensitivities[i], specificities[i]));
            }
        }
        return out;
    }

    /** Number of points (thresholds). */
    public int size() {
        return thresholds.length;
    }
}
