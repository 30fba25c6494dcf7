package org.nacrad.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.stats.dca.DecisionCurve;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LassoPath;
import org.nacrad.stats.roc.RocCurve;
import org.nacrad.study.plot.Figure;

/** The study's figures as {@link Figure}s (rendered to SVG and PNG by the outputs). */
final class StudyFigures {

    private StudyFigures() {
    }

    static Map<String, Figure> all(StudyResult r) {
        Map<String, Figure> f = new LinkedHashMap<>();
        for (Subset set : Subset.values()) {
            f.put("roc_" + set, roc(r, set));
            f.put("calibration_" + set, calibration(r, set));
            f.put("decision_curve_" + set, decision(r, set));
            f.put("radscore_" + set, radScores(r, set));
        }
        f.put("lasso_cv", lassoCv(r));
        f.put("lasso_path", lassoPath(r));
        return f;
    }

    private static String label(Subset set) {
        return set.label() + " set";
    }

    static Figure roc(StudyResult r, Subset set) {
        Figure.Builder b = Figure.builder("ROC curves, " + label(set)).x("1 − specificity", 0, 1).y("Sensitivity", 0, 1)
                .square().diagonal();
        int c = 0;
        for (Model m : Model.values()) {
            Evaluation e = r.evaluation(m, set);
            RocCurve roc = e.roc();
            double[] fpr = new double[roc.size()];
            double[] tpr = roc.sensitivities();
            double[] spec = roc.specificities();
            for (int i = 0; i < fpr.length; i++) {
                fpr[i] = 1 - spec[i];
            }
            // pROC's order runs from (1, 1) to (0, 0): draw it as given
            b.line(String.format(Locale.ROOT, "%s: AUC %.3f (%.3f–%.3f)", m, e.auc().auc(), e.auc().lower(),
                    e.auc().upper()), fpr, tpr, Figure.PALETTE[c++]);
        }
        return b.build();
    }

    static Figure calibration(StudyResult r, Subset set) {
        Figure.Builder b = Figure.builder("Calibration, " + label(set)).x("Predicted probability", 0, 1)
                .y("Observed proportion", 0, 1).square().diagonal();
        int c = 0;
        for (Model m : Model.values()) {
            Evaluation e = r.evaluation(m, set);
            b.line(String.format(Locale.ROOT, "%s (slope %s, HL P %s)", m, Report.fixed(e.calibration().slope()),
                    Report.fixed(e.hosmerLemeshow().p())), e.calibrationCurve().x(), e.calibrationCurve().y(), Figure.PALETTE[c++]);
        }
        // deciles of the combined model's risk
        Evaluation e = r.evaluation(Model.COMBINED, set);
        var groups = e.hosmerLemeshow().groups();
        double[] x = new double[groups.size()];
        double[] y = new double[groups.size()];
        for (int g = 0; g < x.length; g++) {
            x[g] = groups.get(g).expected() / groups.get(g).n();
            y[g] = groups.get(g).observed() / groups.get(g).n();
        }
        b.add(new Figure.Points("combined, risk groups", x, y, null, null, Figure.PALETTE[2]));
        return b.build();
    }

    static Figure decision(StudyResult r, Subset set) {
        DecisionCurve.Curve first = r.evaluation(Model.COMBINED, set).decisionCurve();
        double[] t = first.thresholds();
        double maxNb = 0.05;
        for (Model m : Model.values()) {
            for (double v : r.evaluation(m, set).decisionCurve().model()) {
                maxNb = Math.max(maxNb, v);
            }
        }
        for (double v : first.treatAll()) {
            maxNb = Math.max(maxNb, v);
        }
        Figure.Builder b = Figure.builder("Decision curves, " + label(set)).x("Threshold probability", t[0], t[t.length - 1])
                .y("Net benefit", -0.05, Math.ceil(maxNb * 20) / 20);
        int c = 0;
        for (Model m : Model.values()) {
            b.line(m.id(), t, r.evaluation(m, set).decisionCurve().model(), Figure.PALETTE[c++]);
        }
        b.dashed("treat all", t, first.treatAll(), "#777777");
        b.dashed("treat none", t, first.treatNone(), "#000000");
        return b.build();
    }

    static Figure radScores(StudyResult r, Subset set) {
        StudyData d = r.data();
        int[] rows = d.rows(set.training());
        double[] s = StudyModels.radScores(d, r.models().radiomicsSelection(), rows);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int bins = 16;
        double w = (hi - lo) / bins;
        if (w <= 0) {
            w = 1;
        }
        double[] centre = new double[bins];
        double[] res = new double[bins];
        double[] sen = new double[bins];
        double top = 1;
        for (int k = 0; k < rows.length; k++) {
            int bi = Math.min(bins - 1, (int) ((s[k] - lo) / w));
            if (d.y()[rows[k]] == 1) {
                res[bi]++;
            } else {
                sen[bi]++;
            }
        }
        for (int i = 0; i < bins; i++) {
            centre[i] = lo + (i + 0.5) * w;
            top = Math.max(top, Math.max(res[i], sen[i]));
        }
        return Figure.builder("Rad-score by outcome, " + label(set)).x("Rad-score", lo - w, hi + w).y("Patients", 0, top + 1)
                .add(new Figure.Bars("sensitive", centre, sen, w * 0.9, Figure.PALETTE[0], 0.55))
                .add(new Figure.Bars("resistant", centre, res, w * 0.9, Figure.PALETTE[1], 0.55)).build();
    }

    static Figure lassoCv(StudyResult r) {
        CrossValidation.Result cv = r.models().radiomicsSelection().cv();
        int n = cv.lambda().length;
        double[] x = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            x[k] = Math.log(cv.lambda()[k]);
            lo[k] = cv.cvm()[k] - cv.cvsd()[k];
            hi[k] = cv.cvm()[k] + cv.cvsd()[k];
            ymin = Math.min(ymin, lo[k]);
            ymax = Math.max(ymax, hi[k]);
        }
        double pad = (ymax - ymin) * 0.05;
        Figure.Builder b = Figure.builder("LASSO: " + cv.foldId().length + " patients, "
                + java.util.Arrays.stream(cv.foldId()).max().orElse(0) + "-fold cross-validation")
                .x("log(λ)", x[n - 1], x[0]).y("Binomial deviance", ymin - pad, ymax + pad)
                .add(new Figure.Points("mean ± SE", x, cv.cvm(), lo, hi, Figure.PALETTE[1]));
        for (double l : new double[] {cv.lambdaMin(), cv.lambda1se()}) {
            double lx = Math.log(l);
            b.dashed(null, new double[] {lx, lx}, new double[] {ymin - pad, ymax + pad}, "#777777");
        }
        b.add(new Figure.Text(Math.log(cv.lambdaMin()), ymax, " λ.min", "#444444"));
        b.add(new Figure.Text(Math.log(cv.lambda1se()), ymax - 3 * pad, " λ.1se", "#444444"));
        return b.build();
    }

    static Figure lassoPath(StudyResult r) {
        RadiomicsSelection.Fitted rs = r.models().radiomicsSelection();
        LassoPath path = rs.cv().fit();
        int n = path.size();
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = Math.log(path.lambda()[k]);
        }
        double lo = 0;
        double hi = 0;
        for (int k = 0; k < n; k++) {
            for (double v : path.standardisedBeta(k)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = Math.max(1e-3, (hi - lo) * 0.05);
        Figure.Builder b = Figure.builder("LASSO coefficient paths").x("log(λ)", x[n - 1], x[0])
                .y("Standardised coefficient", lo - pad, hi + pad);
        int c = 0;
        for (int j = 0; j < path.predictors().size(); j++) {
            double[] y = new double[n];
            boolean any = false;
            for (int k = 0; k < n; k++) {
                y[k] = path.standardisedBeta(k)[j];
                any |= y[k] != 0;
            }
            if (!any) {
                continue;
            }
            String name = path.predictors().get(j);
            boolean chosen = rs.selected().containsKey(name);
            b.line(chosen ? name : null, x, y, chosen ? Figure.PALETTE[c++ % Figure.PALETTE.length] : "#cccccc");
        }
        double lx = Math.log(rs.lambda());
        b.dashed(null, new double[] {lx, lx}, new double[] {lo - pad, hi + pad}, "#777777");
        return b.build();
    }

    /** The combined model's nomogram as SVG (null until the stats module provides one). */
    static String nomogramSvg(StudyResult r) {
        return Nomograms.svg(r);
    }
}
