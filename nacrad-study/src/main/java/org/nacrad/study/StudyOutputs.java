package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.nacrad.io.AtomicFile;
import org.nacrad.io.Csv;
import org.nacrad.stats.dca.DecisionCurve;
import org.nacrad.stats.glm.Coefficient;
import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.ModelSelection;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LassoPath;
import org.nacrad.stats.roc.Proportion;
import org.nacrad.stats.roc.ThresholdMetrics;
import org.nacrad.stats.validation.BootstrapValidation;
import org.nacrad.study.plot.Figure;
import org.nacrad.study.plot.PngRenderer;
import org.nacrad.study.plot.SvgRenderer;

/**
 * Writes a study's outputs: {@code summary.json}, {@code model.json}, every table as CSV under {@code tables/},
 * every figure as SVG and PNG under {@code figures/}, the self-contained {@code report.html} and {@code study.log}.
 * Each file is written atomically ({@link AtomicFile}).
 */
final class StudyOutputs {

    private StudyOutputs() {
    }

    static void write(StudyResult r, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tables"));
        Files.createDirectories(dir.resolve("figures"));
        for (Path d : List.of(dir, dir.resolve("tables"), dir.resolve("figures"))) {
            AtomicFile.removeLeftovers(d);
        }
        Map<String, String> tables = tables(r);
        for (Map.Entry<String, String> t : tables.entrySet()) {
            text(dir.resolve("tables").resolve(t.getKey() + ".csv"), t.getValue());
        }
        Map<String, Figure> figures = StudyFigures.all(r);
        Map<String, String> svgs = new LinkedHashMap<>();
        for (Map.Entry<String, Figure> f : figures.entrySet()) {
            String svg = SvgRenderer.render(f.getValue());
            svgs.put(f.getKey(), svg);
            text(dir.resolve("figures").resolve(f.getKey() + ".svg"), svg);
            bytes(dir.resolve("figures").resolve(f.getKey() + ".png"), PngRenderer.render(f.getValue()));
        }
        String nomogram = StudyFigures.nomogramSvg(r);
        if (nomogram != null) {
            svgs.put("nomogram", nomogram);
            text(dir.resolve("figures").resolve("nomogram.svg"), nomogram);
        }
        r.savedModel().write(dir.resolve("model.json"));
        text(dir.resolve("summary.json"), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary(r)));
        text(dir.resolve("report.html"), Report.html(r, svgs));
        text(dir.resolve("study.log"), String.join("\n", r.log()) + "\n");
    }

    static Map<String, Object> summary(StudyResult r) {
        Map<String, Object> s = new LinkedHashMap<>();
        StudyData d = r.data();
        s.put("n_patients", d.ids().size());
        s.put("n_excluded", r.cohort().excluded().size() + d.excluded().size());
        s.put("label_rule", r.cohort().rule().spec());
        Map<String, Object> rate = new LinkedHashMap<>();
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (Subset set : Subset.values()) {
            double[] y = StudyData.select(d.y(), d.rows(set.training()));
            double pos = 0;
            for (double v : y) {
                pos += v;
            }
            rate.put(set.id(), pos / y.length);
            sizes.put(set.id(), y.length);
        }
        s.put("n_per_set", sizes);
        s.put("resistance_rate", rate);
        List<Map<String, Object>> sel = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.models().radiomicsSelection().selected().entrySet()) {
            sel.add(ordered("name", e.getKey(), "coefficient", e.getValue()));
        }
        s.put("selected_features", sel);
        if (!r.models().radiomicsSelection().note().isEmpty()) {
            s.put("selection_warning", r.models().radiomicsSelection().note());
        }
        s.put("clinical_predictors", r.models().clinicalSelection().predictors());
        s.put("selection_funnel", r.funnel());
        if (r.robustness() != null) {
            s.put("robustness", RobustnessSection.summary(r.robustness()));
        }
        Map<String, Object> models = new LinkedHashMap<>();
        for (Model m : Model.values()) {
            Map<String, Object> bySet = new LinkedHashMap<>();
            for (Subset set : Subset.values()) {
                Evaluation e = r.evaluation(m, set);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("auc", e.auc().auc());
                v.put("auc_ci", List.of(e.auc().lower(), e.auc().upper()));
                v.put("sensitivity", e.metrics().sensitivity().estimate());
                v.put("specificity", e.metrics().specificity().estimate());
                v.put("accuracy", e.metrics().accuracy().estimate());
                v.put("threshold", r.evaluations().threshold(m));
                v.put("brier", e.calibration().brier());
                v.put("calibration_slope", finiteOrNull(e.calibration().slope()));
                v.put("hosmer_lemeshow_p", finiteOrNull(e.hosmerLemeshow().p()));
                bySet.put(set.id(), v);
            }
            models.put(m.id(), bySet);
        }
        s.put("models", models);
        Map<String, Object> dl = new LinkedHashMap<>();
        r.evaluations().delong().forEach((other, bySet) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            bySet.forEach((set, c) -> o.put(set.id(), ordered("z", c.statistic(), "p", c.p())));
            dl.put("combined_vs_" + other.id(), o);
        });
        s.put("delong", dl);
        if (r.bootstrap() != null) {
            BootstrapValidation.Index auc = r.bootstrap().index("AUC");
            BootstrapValidation.Index slope = r.bootstrap().index("Slope");
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("resamples", r.bootstrap().used());
            b.put("failed", r.bootstrap().failed());
            if (r.bootstrap().failed() > 0) {
                b.put("failures", r.bootstrap().failures());
            }
            b.put("apparent_auc", auc.apparent());
            b.put("optimism", auc.optimism());
            b.put("optimism_corrected_auc", auc.corrected());
            b.put("optimism_corrected_slope", slope.corrected());
            s.put("bootstrap", b);
        }
        s.put("tripod_ai", TripodAi.json(TripodAi.items(r)));
        return s;
    }

    /**
     * A two-entry object in the order given. ({@code Map.of} would do in content, but its order changes from one
     * JVM run to the next, and so would summary.json's bytes.)
     */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static Map<String, String> tables(StudyResult r) {
        Map<String, String> t = new LinkedHashMap<>();
        StudyData d = r.data();
        // predictions
        StringBuilder p = new StringBuilder("id,set,chemoresistant,rad_score,p_clinical,p_radiomics,p_combined\n");
        for (int i = 0; i < d.ids().size(); i++) {
            Subset set = d.train()[i] ? Subset.TRAIN : Subset.VALIDATION;
            int[] one = {i};
            p.append(d.ids().get(i)).append(',').append(set).append(',').append((int) d.y()[i]).append(',')
                    .append(StudyModels.radScores(d, r.models().radiomicsSelection(), one)[0]);
            for (Model m : Model.values()) {
                p.append(',').append(r.models().predict(m, d, one)[0]);
            }
            p.append('\n');
        }
        t.put("predictions", p.toString());
        // excluded
        StringBuilder ex = new StringBuilder("row,id,column,problem\n");
        for (Problem pr : r.cohort().excluded()) {
            ex.append(pr.row()).append(',').append(csv(pr.id())).append(',').append(csv(pr.column())).append(',')
                    .append(csv(pr.message())).append('\n');
        }
        d.excluded().forEach((id, why) -> ex.append(",").append(csv(id)).append(",,").append(csv(why)).append('\n'));
        t.put("excluded", ex.toString());
        // univariate and multivariable
        StringBuilder u = new StringBuilder("predictor," + COEF_COLUMNS + ",redundant_with\n");
        ClinicalSelection cs = r.models().clinicalSelection();
        for (ModelSelection.Screen s : cs.univariate()) {
            coefRow(u, r, s.coefficient(), false);
            ClinicalSelection.Redundancy why = cs.redundant().get(s.predictor());
            u.append(',').append(why == null ? "" : why.keptInstead()).append('\n');
        }
        t.put("univariate", u.toString());
        t.put("multivariable_full", coefficients(r, cs.multivariable()));
        t.put("multivariable_selected", coefficients(r, cs.selected()));
        for (Model m : Model.values()) {
            t.put("model_" + m, coefficients(r, r.models().model(m)));
        }
        // radiomics
        RadiomicsSelection.Fitted rs = r.models().radiomicsSelection();
        StringBuilder rsel = new StringBuilder("feature,coefficient,training_mean,training_sd\n");
        for (Map.Entry<String, Double> e : rs.selected().entrySet()) {
            int j = rs.names().indexOf(e.getKey());
            rsel.append(e.getKey()).append(',').append(e.getValue()).append(',').append(rs.mean()[j]).append(',')
                    .append(rs.sd()[j]).append('\n');
        }
        t.put("radiomics_selected", rsel.toString());
        StringBuilder counts = new StringBuilder("step,features\n");
        r.funnel().forEach((k, v) -> counts.append(k).append(',').append(v).append('\n'));
        t.put("radiomics_selection_steps", counts.toString());
        if (r.robustness() != null) {
            t.put("feature_icc", RobustnessSection.csv(r.robustness()));
        }
        CrossValidation.Result cv = rs.cv();
        LassoPath path = cv.fit();
        StringBuilder lc = new StringBuilder("lambda,log_lambda,cvm,cvsd,nonzero\n");
        for (int k = 0; k < cv.lambda().length; k++) {
            int nz = 0;
            for (double b : path.beta()[k]) {
                nz += b != 0 ? 1 : 0;
            }
            lc.append(cv.lambda()[k]).append(',').append(Math.log(cv.lambda()[k])).append(',').append(cv.cvm()[k])
                    .append(',').append(cv.cvsd()[k]).append(',').append(nz).append('\n');
        }
        t.put("lasso_cv", lc.toString());
        // performance
        StringBuilder perf = new StringBuilder("model,set,auc,auc_lower,auc_upper,threshold,sensitivity,sensitivity_lower,"
                + "sensitivity_upper,specificity,specificity_lower,specificity_upper,accuracy,accuracy_lower,accuracy_upper,"
                + "ppv,ppv_lower,ppv_upper,npv,npv_lower,npv_upper,brier,calibration_intercept,calibration_slope,"
                + "hosmer_lemeshow_chi2,hosmer_lemeshow_df,hosmer_lemeshow_p\n");
        for (Model m : Model.values()) {
            for (Subset set : Subset.values()) {
                Evaluation e = r.evaluation(m, set);
                ThresholdMetrics tm = e.metrics();
                perf.append(m).append(',').append(set).append(',').append(e.auc().auc()).append(',')
                        .append(e.auc().lower()).append(',').append(e.auc().upper()).append(',')
                        .append(r.evaluations().threshold(m));
                for (Proportion pr : new Proportion[] {tm.sensitivity(), tm.specificity(), tm.accuracy(), tm.ppv(), tm.npv()}) {
                    if (pr == null) {
                        perf.append(",,,");
                    } else {
                        perf.append(',').append(pr.estimate()).append(',').append(pr.exactLower()).append(',')
                                .append(pr.exactUpper());
                    }
                }
                perf.append(',').append(e.calibration().brier()).append(',').append(e.calibration().intercept())
                        .append(',').append(e.calibration().slope()).append(',').append(e.hosmerLemeshow().statistic())
                        .append(',').append(e.hosmerLemeshow().df()).append(',').append(e.hosmerLemeshow().p()).append('\n');
            }
        }
        t.put("performance", perf.toString());
        StringBuilder dl = new StringBuilder("comparison,set,auc_a,auc_b,z,p\n");
        r.evaluations().delong().forEach((other, bySet) -> bySet.forEach((set, c) -> dl.append("combined_vs_")
                .append(other.id()).append(',').append(set)
                .append(',').append(c.auc1()).append(',').append(c.auc2()).append(',').append(c.statistic()).append(',')
                .append(c.p()).append('\n')));
        t.put("delong", dl.toString());
        if (r.bootstrap() != null) {
            StringBuilder b = new StringBuilder("index,apparent,training,test,optimism,corrected,optimism_se\n");
            for (BootstrapValidation.Index i : r.bootstrap().indexes()) {
                b.append(i.name()).append(',').append(i.apparent()).append(',').append(i.training()).append(',')
                        .append(i.test()).append(',').append(i.optimism()).append(',').append(i.corrected()).append(',')
                        .append(i.optimismSe()).append('\n');
            }
            t.put("bootstrap", b.toString());
        }
        for (Subset set : Subset.values()) {
            StringBuilder dc = new StringBuilder("threshold");
            for (Model m : Model.values()) {
                dc.append(',').append(m);
            }
            dc.append(",treat_all,treat_none\n");
            DecisionCurve.Curve first = r.evaluation(Model.COMBINED, set).decisionCurve();
            double[] th = first.thresholds();
            for (int k = 0; k < th.length; k++) {
                dc.append(th[k]);
                for (Model m : Model.values()) {
                    dc.append(',').append(r.evaluation(m, set).decisionCurve().model()[k]);
                }
                dc.append(',').append(first.treatAll()[k]).append(',').append(first.treatNone()[k]).append('\n');
            }
            t.put("decision_curve_" + set, dc.toString());
        }
        t.put("table1", Table1.csv(r));
        return t;
    }

    /**
     * Coefficient columns: the estimate and SE per the predictor's own unit (the model), then the odds ratio and its
     * 95 % Wald interval per the stated unit ({@link OddsRatioUnit}: per category, per 10⁻⁴ mm²/s, per 10 % of dose
     * intensity, per 10 years or per training SD) and its size in the predictor's unit.
     */
    static final String COEF_COLUMNS = "estimate,se,or_unit,or_unit_size,or,or_lower,or_upper,p";

    private static String coefficients(StudyResult r, LogisticFit f) {
        StringBuilder b = new StringBuilder("term," + COEF_COLUMNS + "\n");
        for (Coefficient c : f.coefficients()) {
            coefRow(b, r, c, true);
        }
        return b.toString();
    }

    private static void coefRow(StringBuilder b, StudyResult r, Coefficient c, boolean newline) {
        b.append(c.term()).append(',').append(c.estimate()).append(',').append(c.se()).append(',');
        if (c.term().equals("(Intercept)")) {
            b.append(",,,,,");
        } else {
            OddsRatioUnit u = OddsRatioUnit.of(r, c.term());
            double[] or = u.oddsRatio(c);
            b.append(csv(u.label())).append(',').append(u.size()).append(',').append(or[0]).append(',').append(or[1])
                    .append(',').append(or[2]).append(',');
        }
        b.append(c.p()).append(newline ? "\n" : "");
    }

    static String csv(String s) {
        return Csv.quote(s == null ? "" : s);
    }

    static void text(Path file, String s) throws IOException {
        AtomicFile.writeString(file, s);
    }

    static void bytes(Path file, byte[] b) throws IOException {
        AtomicFile.writeBytes(file, b);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** JSON has no NaN: a measure that is not estimable is written as null. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
