package org.nacrad.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The result document of predictions, written the same way by {@code nacrad predict --format json} and by the web
 * API ({@code POST /api/predict}), so that both give the same bytes for the same inputs: the model's name, checksum
 * and threshold, what the confidence interval leaves out, and one row per patient. Numbers are written exactly
 * (Java's shortest round-trip form); a value that does not exist (an interval without a covariance) is null.
 */
public final class PredictionJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PredictionJson() {
    }

    /** One patient's row: the fields of the CSV (in its order), then contributions, diffusion ROIs and warnings. */
    public static Map<String, Object> row(Predictor.Prediction p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.id());
        row.put("probability", p.probability());
        row.put("probability_ci_lower", finite(p.probabilityLower()));
        row.put("probability_ci_upper", finite(p.probabilityUpper()));
        row.put("risk_group", p.highRisk() ? "high" : "low");
        row.put("rad_score", finite(p.radScore()));
        row.put("linear_predictor", p.linearPredictor());
        row.put("linear_predictor_se", finite(p.linearPredictorSe()));
        row.put("nomogram_points", p.points());
        p.predictors().forEach(row::put);
        row.put("tumour_volume_ml", finite(p.tumourVolumeMl()));
        row.put("warnings", p.warnings());
        row.put("error", "");
        row.put("contributions", p.contributions());
        Map<String, Object> d = new LinkedHashMap<>();
        p.diffusion().forEach((k, v) -> d.put(k, finite(v)));
        row.put("diffusion", d);
        return row;
    }

    /** The row of a patient whose inputs were refused. */
    public static Map<String, Object> failed(String id, String message) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("error", message);
        return row;
    }

    /** The whole document. */
    public static Map<String, Object> document(SavedModel model, List<Map<String, Object>> rows) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.name());
        doc.put("model_checksum", model.checksum());
        doc.put("threshold", model.threshold());
        doc.put("interval", model.covariance() == null
                ? "no confidence interval: this model file does not record the covariance of its coefficients"
                : Predictor.INTERVAL_NOTE);
        doc.put("predictions", rows);
        return doc;
    }

    /** The document as indented JSON (no trailing newline). */
    public static String write(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV columns of a model's rows: the scalar fields of {@link #row} in order. */
    public static List<String> csvColumns(SavedModel model) {
        List<String> cols = new ArrayList<>(List.of("id", "probability", "probability_ci_lower",
                "probability_ci_upper", "risk_group", "rad_score", "linear_predictor", "linear_predictor_se",
                "nomogram_points"));
        cols.addAll(model.predictors());
        cols.addAll(List.of("tumour_volume_ml", "warnings", "error"));
        return new ArrayList<>(new LinkedHashSet<>(cols));
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
