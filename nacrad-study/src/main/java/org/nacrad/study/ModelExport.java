package org.nacrad.study;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.stats.glm.Coefficient;
import org.nacrad.stats.glm.LogisticFit;

/** Builds the {@link SavedModel} of the combined model from a study's fitted models. */
final class ModelExport {

    private ModelExport() {
    }

    /**
     * @param nomogram    the nomogram section ({@link Nomograms#export})
     * @param drugs       the drugs of the regimen (for {@code rdi})
     * @param ranges      the training ranges ({@link ModelCard#trainingRanges})
     * @param development the development cohort and performance ({@link ModelCard#development})
     */
    static SavedModel combined(StudyModels models, double threshold, StudyConfig config, String paramsText, String rule,
                               Map<String, Object> nomogram, List<String> drugs, Map<String, Object> ranges,
                               Map<String, Object> development) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", SavedModel.FORMAT);
        m.put("model_name", "combined");
        m.put("created", Instant.now().toString());
        m.put("versions", versions());
        Map<String, Object> ex = new LinkedHashMap<>();
        ex.put("parameter_file", paramsText);
        ex.put("label", config.radiomics().label());
        m.put("extraction", ex);
        m.put("diffusion", Map.of("adc_max_b", config.diffusion().adcMaxB()));
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("label_rule", rule);
        coding.put("ki67_threshold", 20.0);
        coding.put("er_positive", "er_pct >= 1");
        coding.put("pr_positive", "pr_pct >= 1");
        coding.put("her2_positive", "IHC 3+, or IHC 2+ with ISH amplification");
        coding.put("ki67_high", "ki67_pct >= 20");
        coding.put("rdi", "mean over drugs of (delivered dose / actual days) / (planned dose / planned days)");
        coding.put("drugs", drugs);
        coding.put("diffusion", "adc_mean, md_mean (mm2/s), mk_mean over the tumour mask; radc, rmd, rmk = tumour mean / reference mean");
        m.put("clinical_coding", coding);
        RadiomicsSelection.Fitted rs = models.radiomicsSelection();
        Map<String, Object> rad = new LinkedHashMap<>();
        rad.put("intercept", rs.intercept());
        rad.put("lambda", rs.lambda());
        Map<String, Object> feats = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : rs.selected().entrySet()) {
            int j = rs.names().indexOf(e.getKey());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mean", rs.mean()[j]);
            f.put("sd", rs.sd()[j]);
            f.put("coefficient", e.getValue());
            feats.put(e.getKey(), f);
        }
        rad.put("features", feats);
        rad.put("formula", rs.formula());
        m.put("radiomics", rad);
        LogisticFit fit = models.combined();
        Map<String, Object> model = new LinkedHashMap<>();
        List<Coefficient> cs = fit.coefficients();
        model.put("intercept", cs.get(0).estimate());
        Map<String, Object> coef = new LinkedHashMap<>();
        for (int k = 1; k < cs.size(); k++) {
            coef.put(cs.get(k).term(), cs.get(k).estimate());
        }
        model.put("coefficients", coef);
        List<List<Double>> cov = new java.util.ArrayList<>();
        for (double[] row : fit.covariance()) {
            cov.add(ModelCard.list(row));
        }
        model.put("covariance", cov);
        m.put("model", model);
        m.put("threshold", threshold);
        m.put("nomogram", nomogram);
        m.put("risk_groups", "high risk of chemoresistance when the predicted probability >= threshold");
        m.put("training_ranges", ranges);
        m.put("development", development);
        return new SavedModel(m);
    }

    static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>();
        String impl = ModelExport.class.getPackage().getImplementationVersion();
        v.put("nacrad", impl == null ? "dev" : impl);
        v.put("java", System.getProperty("java.version"));
        return v;
    }
}
