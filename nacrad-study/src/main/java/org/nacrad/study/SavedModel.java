package org.nacrad.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.nacrad.io.AtomicFile;

/**
 * Everything needed to apply the combined model to a new patient ({@code model.json}): the extraction parameter
 * file and label, the diffusion settings, the clinical coding and label rule, the selected radiomics features with
 * their training mean and SD and Rad-score coefficients, the logistic model's coefficients, the risk threshold
 * (Youden-optimal on the training set), the nomogram scale, versions, and a SHA-256 checksum of all of it.
 *
 * <p>Arithmetic is done in the same order as in the study, so a saved model reproduces the study's probabilities
 * exactly.
 *
 * @param values the JSON content (ordered), checksum excluded
 */
public record SavedModel(Map<String, Object> values) {

    /** The format tag of model.json. */
    public static final String FORMAT = "nacrad-model/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The checksum of the content: SHA-256 of its compact JSON. */
    public String checksum() {
        try {
            byte[] bytes = new ObjectMapper().writeValueAsBytes(values);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes model.json (content plus checksum), atomically. */
    public void write(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put("checksum", checksum());
        AtomicFile.writeString(file, JSON.writeValueAsString(m));
    }

    /** Reads and verifies model.json; a changed file or another format is refused with the reason. */
    public static SavedModel read(Path file) throws IOException {
        Map<String, Object> m;
        try {
            m = new ObjectMapper().readValue(Files.readString(file), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": file not found", e);
        } catch (IOException e) {
            throw new IOException(file + ": not a nacrad model (" + e.getMessage().split("\n")[0] + ")", e);
        }
        if (!FORMAT.equals(m.get("format"))) {
            throw new IOException(file + ": not a nacrad model file (format " + m.get("format") + ", expected " + FORMAT + ")");
        }
        Object sum = m.remove("checksum");
        SavedModel model = new SavedModel(m);
        if (!model.checksum().equals(sum)) {
            throw new IOException(file + ": checksum mismatch: the model file was changed after the study wrote it");
        }
        return model;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> section(String name) {
        return (Map<String, Object>) values.get(name);
    }

    /** The shipped extraction parameter file text. */
    public String parameterFile() {
        return (String) section("extraction").get("parameter_file");
    }

    /** Mask label of the extraction. */
    public int label() {
        return ((Number) section("extraction").get("label")).intValue();
    }

    /** ADC fit limit. */
    public double adcMaxB() {
        return ((Number) section("diffusion").get("adc_max_b")).doubleValue();
    }

    /** The chemoresistance rule of the training labels. */
    public String rule() {
        return (String) section("clinical_coding").get("label_rule");
    }

    /** Ki-67 threshold of the clinical coding. */
    public double ki67Threshold() {
        return ((Number) section("clinical_coding").get("ki67_threshold")).doubleValue();
    }

    /** The risk threshold on the predicted probability. */
    public double threshold() {
        return ((Number) values.get("threshold")).doubleValue();
    }

    /** Model predictors in design order (rad_score first). */
    @SuppressWarnings("unchecked")
    public List<String> predictors() {
        return new ArrayList<>(((Map<String, Object>) section("model").get("coefficients")).keySet());
    }

    /** The clinical and diffusion predictors of the model. */
    public List<String> clinicalPredictors() {
        List<String> p = predictors();
        p.remove("rad_score");
        return p;
    }

    /** Selected radiomics feature names. */
    @SuppressWarnings("unchecked")
    public List<String> radiomicsFeatures() {
        return new ArrayList<>(((Map<String, Object>) section("radiomics").get("features")).keySet());
    }

    /** The Rad-score of a patient's features, as {@link RadiomicsSelection.Fitted#radScore(Map)} computes it. */
    @SuppressWarnings("unchecked")
    public double radScore(Map<String, Double> features) {
        Map<String, Object> r = section("radiomics");
        double s = ((Number) r.get("intercept")).doubleValue();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) r.get("features")).entrySet()) {
            Map<String, Object> f = (Map<String, Object>) e.getValue();
            Double v = features.get(e.getKey());
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("radiomics feature " + e.getKey() + " is "
                        + (v == null ? "missing" : v.toString()));
            }
            s += ((Number) f.get("coefficient")).doubleValue() * (v - ((Number) f.get("mean")).doubleValue())
                    / ((Number) f.get("sd")).doubleValue();
        }
        return s;
    }

    /** The linear predictor for predictor values in {@link #predictors()} order. */
    @SuppressWarnings("unchecked")
    public double linearPredictor(double[] x) {
        Map<String, Object> m = section("model");
        double s = ((Number) m.get("intercept")).doubleValue();
        int j = 0;
        for (Object c : ((Map<String, Object>) m.get("coefficients")).values()) {
            s += ((Number) c).doubleValue() * x[j++];
        }
        return s;
    }

    /** Nomogram points of predictor values in {@link #predictors()} order: Σ (βⱼ·xⱼ − mⱼ)·scale (rms layout). */
    @SuppressWarnings("unchecked")
    public double points(double[] x) {
        Map<String, Object> n = section("nomogram");
        double scale = ((Number) n.get("scale")).doubleValue();
        Map<String, Object> min = (Map<String, Object>) n.get("min_contribution");
        Map<String, Object> coef = (Map<String, Object>) section("model").get("coefficients");
        double total = 0;
        int j = 0;
        for (Map.Entry<String, Object> e : coef.entrySet()) {
            total += (((Number) e.getValue()).doubleValue() * x[j++] - ((Number) min.get(e.getKey())).doubleValue()) * scale;
        }
        return total;
    }

    /** The logistic function as the stats module evaluates it (same branches, so results are bit-identical). */
    public static double expit(double e) {
        return e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
    }
}
