package org.nacrad.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Everything the simulator can be told. {@link #defaults()} gives the documented cohort of
 * {@code docs/simulator.md}; a YAML file or command-line options override single entries.
 *
 * @param patients      number of patients
 * @param seed          random seed; the same seed gives byte-identical files
 * @param imageSize     T1 voxels (i, j, k)
 * @param imageSpacing  T1 spacing, mm
 * @param dwiSize       DWI voxels
 * @param dwiSpacing    DWI spacing, mm
 * @param bValues       DWI b-values, s/mm²
 * @param imageNoise    T1 noise standard deviation (signal units; fat ≈ 120, tumour ≈ 900)
 * @param dwiNoise      DWI noise standard deviation (tumour S0 ≈ 650)
 * @param biasField     amplitude of the smooth multiplicative bias field (0 = none)
 * @param prevalence    target resistance rate (the intercept of the latent model is solved for it)
 * @param effects       log-odds effects of the latent model: per category for {@code er_positive} and
 *                      {@code ki67_high}, per population SD for the others (see {@link LatentModel})
 * @param effectScale   multiplies every effect (tunes the Bayes AUC)
 */
public record SimulationConfig(int patients, long seed, int[] imageSize, double[] imageSpacing, int[] dwiSize,
                               double[] dwiSpacing, double[] bValues, double imageNoise, double dwiNoise,
                               double biasField, double prevalence, Map<String, Double> effects,
                               double effectScale) {

    /** The latent model's effect names, in order. */
    public static final List<String> EFFECT_NAMES = List.of("er_positive", "ki67_high", "rdi", "rmk", "rmd", "adc",
            "heterogeneity", "necrosis", "margin");

    public SimulationConfig {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be ≥ 1, got " + patients);
        }
        if (!(prevalence > 0 && prevalence < 1)) {
            throw new IllegalArgumentException("prevalence must be in (0, 1), got " + prevalence);
        }
        for (String k : effects.keySet()) {
            if (!EFFECT_NAMES.contains(k)) {
                throw new IllegalArgumentException("unknown effect '" + k + "' (known: " + EFFECT_NAMES + ")");
            }
        }
        effects = Map.copyOf(effects);
        imageSize = imageSize.clone();
        imageSpacing = imageSpacing.clone();
        dwiSize = dwiSize.clone();
        dwiSpacing = dwiSpacing.clone();
        bValues = bValues.clone();
    }

    /** The default cohort: 240 patients, seed 42, the effects of docs/simulator.md. */
    public static SimulationConfig defaults() {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("er_positive", 1.8);
        e.put("ki67_high", -1.6);
        e.put("rdi", -1.3);
        e.put("rmk", 0.35);
        e.put("rmd", 0.2);
        e.put("adc", 0.2);
        e.put("heterogeneity", 1.7);
        e.put("necrosis", 0.3);
        e.put("margin", 0.2);
        return new SimulationConfig(240, 42, new int[] {128, 128, 48}, new double[] {0.8, 0.8, 2.0},
                new int[] {64, 64, 24}, new double[] {1.6, 1.6, 4.0}, new double[] {0, 50, 800, 1500, 2000},
                15, 12, 0.15, 0.24, e, 1.0);
    }

    /** The effect of one latent variable times {@link #effectScale()}. */
    public double effect(String name) {
        Double v = effects.get(name);
        return v == null ? 0 : v * effectScale;
    }

    public SimulationConfig withPatients(int n) {
        Builder b = new Builder(this);
        b.patients = n;
        return b.build();
    }

    public SimulationConfig withSeed(long s) {
        Builder b = new Builder(this);
        b.seed = s;
        return b.build();
    }

    public SimulationConfig withImageSize(int[] size, int[] dwi) {
        Builder b = new Builder(this);
        b.imageSize = size;
        b.dwiSize = dwi;
        return b.build();
    }

    /**
     * Overrides from a YAML file whose keys are the record's components (snake_case or camelCase), e.g.
     * <pre>
     * patients: 120
     * seed: 7
     * image_noise: 20
     * effects: {er_positive: 1.0, rmk: 1.2}
     * </pre>
     * Unknown keys are rejected with the file and key named.
     */
    public SimulationConfig withYaml(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        if (root == null || root.isNull()) {
            return this;
        }
        if (!root.isObject()) {
            throw new IOException(file + ": a simulator configuration must be a mapping of settings");
        }
        Builder b = new Builder(this);
        try {
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                switch (f.getKey().replace("_", "").toLowerCase(java.util.Locale.ROOT)) {
                    case "patients" -> b.patients = v.asInt();
                    case "seed" -> b.seed = v.asLong();
                    case "imagesize" -> b.imageSize = ints(v);
                    case "imagespacing" -> b.imageSpacing = doubles(v);
                    case "dwisize" -> b.dwiSize = ints(v);
                    case "dwispacing" -> b.dwiSpacing = doubles(v);
                    case "bvalues" -> b.bValues = doubles(v);
                    case "imagenoise" -> b.imageNoise = v.asDouble();
                    case "dwinoise" -> b.dwiNoise = v.asDouble();
                    case "biasfield" -> b.biasField = v.asDouble();
                    case "prevalence" -> b.prevalence = v.asDouble();
                    case "effectscale" -> b.effectScale = v.asDouble();
                    case "effects" -> {
                        for (Iterator<Map.Entry<String, JsonNode>> e = v.fields(); e.hasNext();) {
                            Map.Entry<String, JsonNode> x = e.next();
                            b.effects.put(x.getKey(), x.getValue().asDouble());
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown setting '" + f.getKey() + "'");
                }
            }
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new IOException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** A mutable copy of a configuration, for overriding single settings. */
    private static final class Builder {
        int patients;
        long seed;
        int[] imageSize;
        double[] imageSpacing;
        int[] dwiSize;
        double[] dwiSpacing;
        double[] bValues;
        double imageNoise;
        double dwiNoise;
        double biasField;
        double prevalence;
        Map<String, Double> effects;
        double effectScale;

        Builder(SimulationConfig c) {
            patients = c.patients;
            seed = c.seed;
            imageSize = c.imageSize;
            imageSpacing = c.imageSpacing;
            dwiSize = c.dwiSize;
            dwiSpacing = c.dwiSpacing;
            bValues = c.bValues;
            imageNoise = c.imageNoise;
            dwiNoise = c.dwiNoise;
            biasField = c.biasField;
            prevalence = c.prevalence;
            effects = new LinkedHashMap<>(c.effects);
            effectScale = c.effectScale;
        }

        SimulationConfig build() {
            return new SimulationConfig(patients, seed, imageSize, imageSpacing, dwiSize, dwiSpacing, bValues,
                    imageNoise, dwiNoise, biasField, prevalence, effects, effectScale);
        }
    }

    private static int[] ints(JsonNode v) {
        int[] o = new int[v.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = v.get(i).asInt();
        }
        if (o.length != 3) {
            throw new IllegalArgumentException("a size needs 3 values");
        }
        return o;
    }

    private static double[] doubles(JsonNode v) {
        double[] o = new double[v.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = v.get(i).asDouble();
        }
        return o;
    }
}
