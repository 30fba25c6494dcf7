package org.nacrad.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.clinical.ClinicalDerivation;
import org.nacrad.stats.roc.Proportion;
import org.nacrad.stats.validation.BootstrapValidation;

/**
 * What model.json records so that the model can be shown and used at the point of care without the study folder:
 * the development cohort (patients, events, admission dates, split), the combined model's performance on both sets
 * with its confidence intervals, the bootstrap optimism, and the range of every predictor and raw clinical input in
 * the training set (so that a new patient outside it is flagged as extrapolation).
 */
final class ModelCard {

    private ModelCard() {
    }

    /** The {@code development} section. */
    static Map<String, Object> development(Cohort cohort, StudyData data, StudyConfig config,
                                           Evaluations evaluations, BootstrapValidation.Result boot) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("label_rule", cohort.rule().spec());
        d.put("label_description", cohort.rule().describe());
        Map<String, Cohort.Patient> byId = new LinkedHashMap<>();
        cohort.patients().forEach(p -> byId.put(p.id(), p));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("patients", data.ids().size());
        c.put("events", events(data, null));
        c.put("excluded", cohort.excluded().size() + data.excluded().size());
        putDates(c, data, byId, null);
        d.put("cohort", c);
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("method", config.split().method().toString());
        split.put("train_fraction", config.split().trainFraction());
        for (Subset set : Subset.values()) {
            boolean train = set.training();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("patients", data.rows(train).length);
            s.put("events", events(data, train));
            putDates(s, data, byId, train);
            split.put(set.id(), s);
        }
        d.put("split", split);
        d.put("threshold_rule", "Youden-optimal on the training set, applied unchanged to validation");
        Map<String, Object> perf = new LinkedHashMap<>();
        for (Subset set : Subset.values()) {
            Evaluation e = evaluations.get(Model.COMBINED, set);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("auc", e.auc().auc());
            m.put("auc_ci", List.of(e.auc().lower(), e.auc().upper()));
            m.put("sensitivity", proportion(e.metrics().sensitivity()));
            m.put("specificity", proportion(e.metrics().specificity()));
            m.put("ppv", proportion(e.metrics().ppv()));
            m.put("npv", proportion(e.metrics().npv()));
            m.put("accuracy", proportion(e.metrics().accuracy()));
            m.put("brier", e.calibration().brier());
            m.put("calibration_intercept", StudyOutputs.finiteOrNull(e.calibration().intercept()));
            m.put("calibration_slope", StudyOutputs.finiteOrNull(e.calibration().slope()));
            m.put("hosmer_lemeshow_p", StudyOutputs.finiteOrNull(e.hosmerLemeshow().p()));
            perf.put(set.id(), m);
        }
        d.put("performance", perf);
        if (boot != null) {
            BootstrapValidation.Index auc = boot.index("AUC");
            BootstrapValidation.Index slope = boot.index("Slope");
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("resamples", boot.used());
            b.put("apparent_auc", auc.apparent());
            b.put("optimism", auc.optimism());
            b.put("optimism_corrected_auc", auc.corrected());
            b.put("optimism_corrected_slope", slope.corrected());
            d.put("bootstrap", b);
        }
        return d;
    }

    /**
     * The {@code training_ranges} section: {min, max} over the training set of each predictor of the combined model
     * and each raw clinical input behind them (non-numeric inputs, such as the HER2 ISH result, have none).
     */
    static Map<String, Object> trainingRanges(Cohort cohort, StudyData data, StudyModels models, List<String> drugs) {
        int[] tr = data.rows(true);
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> clin = models.clinicalSelection().predictors();
        double[][] x = StudyModels.combinedDesign(StudyModels.radScores(data, models.radiomicsSelection(), tr),
                data.clinicalColumns(clin, tr));
        List<String> names = StudyModels.combinedNames(clin);
        for (int j = 0; j < names.size(); j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                lo = Math.min(lo, row[j]);
                hi = Math.max(hi, row[j]);
            }
            out.put(names.get(j), List.of(lo, hi));
        }
        Map<String, Cohort.Patient> byId = new LinkedHashMap<>();
        cohort.patients().forEach(p -> byId.put(p.id(), p));
        for (String column : ModelInputs.rawColumns(names, drugs)) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i : tr) {
                String v = byId.get(data.ids().get(i)).values().get(column);
                double d;
                try {
                    d = v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    d = Double.NaN;
                }
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            if (lo <= hi) {
                out.putIfAbsent(column, List.of(lo, hi));
            }
        }
        return out;
    }

    /** The drugs of the regimen: those with dose columns in the manifest. */
    static List<String> drugs(Cohort cohort) {
        return ClinicalDerivation.drugs(cohort.table());
    }

    private static int events(StudyData data, Boolean train) {
        int n = 0;
        for (int i = 0; i < data.y().length; i++) {
            if ((train == null || data.train()[i] == train) && data.y()[i] == 1) {
                n++;
            }
        }
        return n;
    }

    private static void putDates(Map<String, Object> m, StudyData data, Map<String, Cohort.Patient> byId,
                                 Boolean train) {
        LocalDate first = null;
        LocalDate last = null;
        for (int i = 0; i < data.ids().size(); i++) {
            if (train != null && data.train()[i] != train) {
                continue;
            }
            LocalDate a = byId.get(data.ids().get(i)).admission();
            if (a != null) {
                first = first == null || a.isBefore(first) ? a : first;
                last = last == null || a.isAfter(last) ? a : last;
            }
        }
        if (first != null) {
            m.put("admission_from", first.toString());
            m.put("admission_to", last.toString());
        }
    }

    private static Map<String, Object> proportion(Proportion p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", p.estimate());
        m.put("ci", List.of(p.exactLower(), p.exactUpper()));
        m.put("x", p.x());
        m.put("n", p.n());
        return m;
    }

    /** Raw values as a new list (Jackson writes any list). */
    static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
