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

    /** The model's name ({@code combined}). */
    public String name() {
        Object n = values.get("model_name");
        return n == null ? "combined" : n.toString();
    }

    /** The logistic model's intercept. */
    public double intercept() {
        return ((Number) section("model").get("intercept")).doubleValue();
    }

    /** The logistic model's coefficients by predictor, in design order. */
    @SuppressWarnings("unchecked")
    public Map<String, Double> coefficients() {
        Map<String, Double> out = new LinkedHashMap<>();
        ((Map<String, Object>) section("model").get("coefficients"))
                .forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    /**
     * The covariance of the logistic model's estimates (intercept first, then {@link #predictors()} order), or null
     * for a model file written before it was recorded.
     */
    @SuppressWarnings("unchecked")
    public double[][] covariance() {
        List<List<Number>> c = (List<List<Number>>) section("model").get("covariance");
        if (c == null) {
            return null;
        }
        double[][] out = new double[c.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(i).stream().mapToDouble(Number::doubleValue).toArray();
        }
        return out;
    }

    /** The drugs of the training regimen (for {@code rdi}), or null for a model file that does not record them. */
    @SuppressWarnings("unchecked")
    public List<String> drugs() {
        Object d = section("clinical_coding").get("drugs");
        return d == null ? null : List.copyOf((List<String>) d);
    }

    /**
     * The range of each predictor and raw clinical input in the training set ({min, max}); empty for a model file
     * that does not record them.
     */
    @SuppressWarnings("unchecked")
    public Map<String, double[]> trainingRanges() {
        Map<String, double[]> out = new LinkedHashMap<>();
        Object r = values.get("training_ranges");
        if (r != null) {
            ((Map<String, List<Number>>) r).forEach((k, v) -> out.put(k,
                    new double[] {v.get(0).doubleValue(), v.get(1).doubleValue()}));
        }
        return out;
    }

    /** What the study recorded about the model's development (cohort, split, performance), or null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> development() {
        return (Map<String, Object>) values.get("development");
    }

    /** The nomogram section (scale, offset, smallest contributions and, when recorded, the axes). */
    public Map<String, Object> nomogram() {
        return section("nomogram");
    }

    /**
     * The sections a web calculator needs that this model file lacks (a file written by an older nacrad); empty
     * when it has them all.
     */
    public List<String> missingForServing() {
        List<String> missing = new ArrayList<>();
        if (covariance() == null) {
            missing.add("the covariance of the coefficients (for the confidence interval)");
        }
        if (!values.containsKey("training_ranges")) {
            missing.add("the training ranges of the inputs");
        }
        if (development() == null) {
            missing.add("the development cohort and performance (for the model card)");
        }
        if (nomogram() == null || !nomogram().containsKey("axes")) {
            missing.add("the nomogram axes");
        }
        if (predictors().contains("rdi") && drugs() == null) {
            missing.add("the drugs of the regimen (for the relative dose intensity)");
        }
        return missing;
    }

    /** Each predictor's nomogram points (βⱼ·xⱼ − mⱼ)·scale, in {@link #predictors()} order; they add up to {@link #points}. */
    @SuppressWarnings("unchecked")
    public double[] pointsOf(double[] x) {
        Map<String, Object> n = section("nomogram");
        double scale = ((Number) n.get("scale")).doubleValue();
        Map<String, Object> min = (Map<String, Object>) n.get("min_contribution");
        Map<String, Object> coef = (Map<String, Object>) section("model").get("coefficients");
        double[] out = new double[x.length];
        int j = 0;
        for (Map.Entry<String, Object> e : coef.entrySet()) {
            out[j] = (((Number) e.getValue()).doubleValue() * x[j] - ((Number) min.get(e.getKey())).doubleValue()) * scale;
            j++;
        }
        return out;
    }

    /** The logistic function as the stats module evaluates it (same branches, so results are bit-identical). */
    public static double expit(double e) {
        return e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
    }
}
