package org.nacrad.study;

import java.util.List;

import org.nacrad.stats.calibration.Calibration;
import org.nacrad.stats.calibration.HosmerLemeshow;
import org.nacrad.stats.calibration.Lowess;
import org.nacrad.stats.dca.DecisionCurve;
import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.roc.Direction;
import org.nacrad.stats.roc.RocCurve;
import org.nacrad.stats.roc.ThresholdMetrics;

/**
 * The evaluation of one model on one set, as the study reports it: the ROC curve and its AUC with the DeLong
 * 95 % CI (pROC), the metrics at the threshold chosen on the training set by Youden's index and applied unchanged to
 * validation (sensitivity, specificity, accuracy, PPV, NPV with Clopper–Pearson CIs), Brier score, calibration
 * intercept and slope, Hosmer–Lemeshow test and the lowess calibration curve (rms {@code val.prob}'s smoother), and
 * the net benefit over the decision-curve thresholds ({@link DecisionCurve}).
 *
 * <p>The direction is fixed ("&lt;": a higher predicted risk means resistance), never chosen from the data, so a
 * model that fails on validation shows an AUC below ½ rather than a flipped one.
 *
 * @param set          the set evaluated
 * @param probability  predicted risks
 * @param y            outcomes
 * @param roc          the ROC curve
 * @param auc          AUC with DeLong CI
 * @param placements   DeLong placements (for paired tests)
 * @param metrics      metrics at the training threshold
 * @param calibration  Brier, intercept, slope
 * @param hosmerLemeshow HL test
 * @param calibrationCurve lowess of outcome on risk
 * @param decisionCurve net benefit of the model, treat-all and treat-none over the thresholds
 */
public record Evaluation(Subset set, double[] probability, double[] y, RocCurve roc, DeLong.AucInterval auc,
                         DeLong.Placements placements, ThresholdMetrics metrics, Calibration.Summary calibration,
                         HosmerLemeshow.Result hosmerLemeshow, Lowess.Curve calibrationCurve,
                         DecisionCurve.Curve decisionCurve) {

    /** Evaluates risks {@code p} against outcomes {@code y} at the (training) threshold. */
    static Evaluation of(Subset set, double[] y, double[] p, double threshold, double[] dcaThresholds) {
        RocCurve roc = RocCurve.of(y, p, Direction.LESS);
        DeLong.Placements pl = DeLong.placements(y, p, Direction.LESS);
        DeLong.AucInterval auc = DeLong.ci(pl, 0.95);
        ThresholdMetrics m = ThresholdMetrics.at(y, p, threshold, Direction.LESS);
        Calibration.Summary cal = calibration(y, p);
        HosmerLemeshow.Result hl = hosmerLemeshow(y, p);
        Lowess.Curve curve = Lowess.fit(p, y);
        return new Evaluation(set, p.clone(), y.clone(), roc, auc, pl, m, cal, hl, curve,
                DecisionCurve.compute(y, p, dcaThresholds));
    }

    /**
     * Brier, calibration intercept and slope; the intercept and slope are NaN ("not estimable") when their ML fit
     * does not exist — risks that separate the outcomes perfectly, or all equal — as rms {@code val.prob} then
     * reports no finite value either. The Brier score always exists.
     */
    static Calibration.Summary calibration(double[] y, double[] p) {
        try {
            return Calibration.summarize(y, p);
        } catch (ArithmeticException e) {
            return new Calibration.Summary(Calibration.brier(y, p), Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * The Hosmer–Lemeshow test, or NaN statistic and P ("not estimable") when the risks take fewer distinct values
     * than the test needs groups (a model of one binary predictor gives two risks).
     */
    static HosmerLemeshow.Result hosmerLemeshow(double[] y, double[] p) {
        try {
            return HosmerLemeshow.test(y, p);
        } catch (IllegalArgumentException e) {
            return new HosmerLemeshow.Result(Double.NaN, 0, Double.NaN, List.of());
        }
    }

    /**
     * The Youden-optimal threshold of a training ROC curve (pROC {@code coords(roc, "best")}); among tied optima
     * the one with the highest sensitivity (missing a resistant tumour costs more than a false alarm). The ±∞ ends
     * are never chosen.
     */
    static double youdenThreshold(double[] y, double[] p) {
        RocCurve roc = RocCurve.of(y, p, Direction.LESS);
        double best = Double.NaN;
        double bestSens = -1;
        for (RocCurve.Point pt : roc.youden()) {
            if (Double.isFinite(pt.threshold()) && pt.sensitivity() > bestSens) {
                best = pt.threshold();
                bestSens = pt.sensitivity();
            }
        }
        if (Double.isNaN(best)) {
            throw new IllegalArgumentException("no finite Youden-optimal threshold: the model does not discriminate");
        }
        return best;
    }

    /** Thresholds FROM:TO:STEP, as R's {@code seq}. */
    static double[] thresholds(String spec) {
        String[] t = spec.split(":");
        if (t.length != 3) {
            throw new IllegalArgumentException("evaluation.dca must be FROM:TO:STEP, got '" + spec + "'");
        }
        try {
            return DecisionCurve.grid(Double.parseDouble(t[0]), Double.parseDouble(t[1]), Double.parseDouble(t[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("evaluation.dca must be FROM:TO:STEP numbers, got '" + spec + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("evaluation.dca '" + spec + "': " + e.getMessage());
        }
    }

    /** The names of the summary metrics, for tables. */
    static final List<String> METRICS = List.of("AUC", "95% CI", "Sensitivity", "Specificity", "Accuracy", "PPV", "NPV");
}
