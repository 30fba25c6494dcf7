package org.nacrad.study;

import java.util.LinkedHashMap;
import java.util.Map;

import org.nacrad.stats.nomogram.Nomogram;

/** The combined model's nomogram (rms {@code nomogram} layout, drawn by the stats module). */
final class Nomograms {

    private Nomograms() {
    }

    /** The nomogram of the combined model over the training data. */
    static Nomogram of(StudyModels models, StudyData d) {
        int[] tr = d.rows(true);
        double[][] x = StudyModels.combinedDesign(StudyModels.radScores(d, models.radiomicsSelection(), tr),
                d.clinicalColumns(models.clinicalSelection().predictors(), tr));
        return Nomogram.of(models.combined(), x, Nomogram.DEFAULT_RISKS);
    }

    static String svg(StudyResult r) {
        return of(r.models(), r.data()).toSvg();
    }

    /**
     * What model.json keeps to score points: the scale (points per unit of linear predictor) and each predictor's
     * smallest contribution βⱼ·v on its axis, so that a patient's points are Σ (βⱼ·xⱼ − mⱼ)·scale.
     */
    static Map<String, Object> export(Nomogram n, StudyModels models) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", n.scale());
        m.put("offset", n.offset());
        double[] beta = models.combined().beta();
        Map<String, Object> min = new LinkedHashMap<>();
        for (int j = 0; j < n.axes().size(); j++) {
            Nomogram.Axis a = n.axes().get(j);
            min.put(a.predictor(), beta[j + 1] * a.values()[0] - a.points()[0] / n.scale());
        }
        m.put("min_contribution", min);
        java.util.List<Map<String, Object>> axes = new java.util.ArrayList<>();
        for (Nomogram.Axis a : n.axes()) {
            Map<String, Object> ax = new LinkedHashMap<>();
            ax.put("predictor", a.predictor());
            ax.put("values", ModelCard.list(a.values()));
            ax.put("points", ModelCard.list(a.points()));
            axes.add(ax);
        }
        m.put("axes", axes);
        m.put("total_points", ModelCard.list(n.totalPoints()));
        m.put("lp_ticks", ModelCard.list(n.lpTicks()));
        m.put("risk_ticks", ModelCard.list(n.riskTicks()));
        return m;
    }
}
