package org.nacrad.study;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.nacrad.stats.roc.DeLong;

/**
 * The evaluation of the three models on both sets: each model's Youden threshold on the training set, each model's
 * {@link Evaluation} on each set at that threshold, and the paired DeLong tests of the combined model against each
 * other model.
 *
 * @param thresholds  model → Youden-optimal threshold on the training set
 * @param evaluations model → set → evaluation
 * @param delong      other model → set → paired DeLong test of the combined model against it
 */
public record Evaluations(Map<Model, Double> thresholds, Map<Model, Map<Subset, Evaluation>> evaluations,
                          Map<Model, Map<Subset, DeLong.Comparison>> delong) {

    public Evaluations {
        thresholds = Collections.unmodifiableMap(new EnumMap<>(thresholds));
        evaluations = Collections.unmodifiableMap(new EnumMap<>(evaluations));
        delong = Collections.unmodifiableMap(new EnumMap<>(delong));
    }

    /** The evaluation of a model on a set. */
    public Evaluation get(Model m, Subset s) {
        return evaluations.get(m).get(s);
    }

    /** A model's risk threshold (Youden-optimal on the training set). */
    public double threshold(Model m) {
        return thresholds.get(m);
    }

    /**
     * Evaluates the models: thresholds on the training rows, each model on each set at its threshold (decision
     * curves over {@code dca}), and DeLong tests of combined against clinical and radiomics.
     */
    static Evaluations of(StudyModels models, StudyData data, double[] dca) {
        Map<Model, Double> thresholds = new EnumMap<>(Model.class);
        Map<Model, Map<Subset, Evaluation>> evals = new EnumMap<>(Model.class);
        int[] tr = data.rows(true);
        for (Model m : Model.values()) {
            double thr = Evaluation.youdenThreshold(StudyData.select(data.y(), tr), models.predict(m, data, tr));
            thresholds.put(m, thr);
            Map<Subset, Evaluation> bySet = new EnumMap<>(Subset.class);
            for (Subset s : Subset.values()) {
                int[] rows = data.rows(s.training());
                bySet.put(s, Evaluation.of(s, StudyData.select(data.y(), rows), models.predict(m, data, rows), thr, dca));
            }
            evals.put(m, bySet);
        }
        Map<Model, Map<Subset, DeLong.Comparison>> delong = new EnumMap<>(Model.class);
        for (Model other : new Model[] {Model.CLINICAL, Model.RADIOMICS}) {
            Map<Subset, DeLong.Comparison> bySet = new EnumMap<>(Subset.class);
            for (Subset s : Subset.values()) {
                bySet.put(s, DeLong.pairedTest(evals.get(Model.COMBINED).get(s).placements(),
                        evals.get(other).get(s).placements()));
            }
            delong.put(other, bySet);
        }
        return new Evaluations(thresholds, evals, delong);
    }
}
