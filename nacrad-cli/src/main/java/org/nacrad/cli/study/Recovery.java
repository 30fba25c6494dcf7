package org.nacrad.cli.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.simulator.Patient;
import org.nacrad.stats.roc.DeLong;
import org.nacrad.study.Evaluation;
import org.nacrad.io.AtomicFile;
import org.nacrad.study.Model;
import org.nacrad.study.StudyResult;
import org.nacrad.study.Subset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How much of the simulated truth the study recovered: for each set, the AUC of the true probability on the same
 * patients (the Bayes-optimal AUC of that set, the ceiling of any model) beside each model's AUC. The cohort-wide
 * Bayes AUC of {@code truth-summary.json} averages over both sets; a set's own ceiling differs from it by sampling
 * (about ±0.03 for 80 patients), so the comparison on the same patients is the fair one and both are shown.
 *
 * @param cohortBayesAuc the Bayes AUC over the whole cohort
 * @param sets           set → (n, events, bayes_auc, model → auc)
 */
record Recovery(double cohortBayesAuc, Map<String, SetRecovery> sets) {

    /** One set: its size, events, its own Bayes AUC and the models' AUCs. */
    record SetRecovery(int n, int events, double bayesAuc, Map<String, Double> models) {
    }

    /** Compares the study's models with the truth of the simulated patients. */
    static Recovery of(StudyResult r, List<Patient> truth, double cohortBayesAuc) {
        Map<String, Double> probability = new HashMap<>();
        for (Patient p : truth) {
            probability.put(p.id(), p.truth().probability());
        }
        Map<String, SetRecovery> sets = new LinkedHashMap<>();
        for (Subset set : Subset.values()) {
            int[] rows = r.data().rows(set.training());
            Evaluation any = r.evaluation(Model.COMBINED, set);
            double[] p = new double[rows.length];
            int events = 0;
            for (int k = 0; k < rows.length; k++) {
                String id = r.data().ids().get(rows[k]);
                Double v = probability.get(id);
                if (v == null) {
                    throw new IllegalArgumentException("patient " + id + " is not in the simulated truth");
                }
                p[k] = v;
                events += any.y()[k] == 1 ? 1 : 0;
            }
            Map<String, Double> models = new LinkedHashMap<>();
            for (Model m : Model.values()) {
                models.put(m.id(), r.evaluation(m, set).auc().auc());
            }
            sets.put(set.id(), new SetRecovery(rows.length, events, DeLong.ci(any.y(), p, 0.95).auc(), models));
        }
        return new Recovery(cohortBayesAuc, sets);
    }

    /** The table printed at the end of the demo. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "  recovery of the simulated truth (cohort Bayes AUC %.3f, recovery.json):",
                cohortBayesAuc));
        for (Map.Entry<String, SetRecovery> e : sets.entrySet()) {
            SetRecovery s = e.getValue();
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                    "    %-10s Bayes AUC of these %d patients %.3f;", e.getKey(), s.n(), s.bayesAuc()));
            s.models().forEach((m, auc) -> b.append(String.format(Locale.ROOT, " %s %.3f", m, auc)));
            out.add(b.toString());
        }
        return out;
    }

    /** Writes {@code recovery.json} atomically. */
    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cohort_bayes_auc", cohortBayesAuc);
        Map<String, Object> sj = new LinkedHashMap<>();
        sets.forEach((set, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", s.n());
            m.put("events", s.events());
            m.put("bayes_auc", s.bayesAuc());
            Map<String, Object> models = new LinkedHashMap<>();
            s.models().forEach((name, auc) -> {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("auc", auc);
                a.put("minus_set_bayes", auc - s.bayesAuc());
                a.put("minus_cohort_bayes", auc - cohortBayesAuc);
                models.put(name, a);
            });
            m.put("models", models);
            sj.put(set, m);
        });
        json.put("sets", sj);
        AtomicFile.write(file, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, json));
    }
}
