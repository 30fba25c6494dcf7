package org.nacrad.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Everything the simulator can be told. {@link #defaults()} gives the {@link Preset#PAPER paper} preset of
 * {@code docs/simulator.md}; {@link #preset(Preset)} the other; a YAML file or command-line options override single
 * entries.
 *
 * @param preset        the generative model: which clinical and tissue distributions patients are drawn from
 *                      ({@link Preset})
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
 * @param counts        exact outcome counts the draw is conditioned on, or null to draw every outcome freely
 * @param markers       receptor and proliferation-marker frequencies of the {@link Preset#PAPER paper} preset
 *                      (the {@link Preset#LITERATURE literature} preset has its own, fixed)
 */
public record SimulationConfig(Preset preset, int patients, long seed, int[] imageSize, double[] imageSpacing,
                               int[] dwiSize, double[] dwiSpacing, double[] bValues, double imageNoise,
                               double dwiNoise, double biasField, double prevalence, Map<String, Double> effects,
                               double effectScale, Counts counts, Markers markers) {

    /**
     * The generative models the simulator offers.
     * <ul>
     *   <li>{@code paper} (the default): the published cohort of the study nacrad reproduces — 58 resistant of
     *       240 patients, 40 of the 160 in the chronological training set; the resistant group has more ER-, PR-,
     *       HER-2-positive and Ki-67-high tumours; ER, Ki-67 ≥ 20 %, rMK, rMD, mean ADC and the dose intensity are
     *       the independent predictors; texture completes the picture (docs/simulator.md, docs/reproduction.md);</li>
     *   <li>{@code literature}: the model of the NAC literature the simulator had before (ER-positive and
     *       low-proliferation tumours resist; equal clinical and imaging information; outcomes drawn freely),
     *       unchanged to the byte.</li>
     * </ul>
     */
    public enum Preset {
        PAPER, LITERATURE;

        /** The preset's name as written in YAML and on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The preset of a name, or an error listing the names. */
        public static Preset of(String name) {
            for (Preset p : values()) {
                if (p.id().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown preset '" + name + "' (known: paper, literature)");
        }
    }

    /**
     * Exact outcome counts: the cohort has {@code round(n·resistantRate)} resistant patients and, when
     * {@code trainingResistantRate} is given, {@code round(nT·trainingResistantRate)} of them are among the
     * {@code nT = round(n·trainingFraction)} patients admitted first — the study's chronological training set
     * (docs/simulator.md, "Exact counts").
     *
     * @param resistantRate          resistant fraction of the cohort
     * @param trainingFraction       the study's chronological training fraction (2/3)
     * @param trainingResistantRate  resistant fraction of the training set, or null to leave it free
     */
    public record Counts(double resistantRate, double trainingFraction, Double trainingResistantRate) {
        public Counts {
            if (!(resistantRate > 0 && resistantRate < 1)) {
                throw new IllegalArgumentException("counts.resistant_rate must be in (0, 1), got " + resistantRate);
            }
            if (!(trainingFraction > 0 && trainingFraction < 1)) {
                throw new IllegalArgumentException("counts.training_fraction must be in (0, 1), got "
                        + trainingFraction);
            }
            if (trainingResistantRate != null && !(trainingResistantRate > 0 && trainingResistantRate < 1)) {
                throw new IllegalArgumentException("counts.training_resistant_rate must be in (0, 1), got "
                        + trainingResistantRate);
            }
        }

        /** Resistant patients in a cohort of {@code n}. */
        public int resistant(int n) {
            return (int) Math.round(n * resistantRate);
        }

        /** Patients in the chronological training set of a cohort of {@code n} (the study's rule). */
        public int training(int n) {
            return (int) Math.round(n * trainingFraction);
        }

        /** Resistant patients in that training set, or -1 when free. */
        public int trainingResistant(int n) {
            return trainingResistantRate == null ? -1 : (int) Math.round(training(n) * trainingResistantRate);
        }

        /**
         * Whether the counts can be met by {@code n} patients (at least one resistant and one sensitive patient, and
         * the training count within both sets); a cohort too small for them is drawn freely.
         */
        public boolean applicable(int n) {
            return problem(n) == null;
        }

        /** Why the counts cannot be met by {@code n} patients, or null. */
        String problem(int n) {
            int k = resistant(n);
            int nt = training(n);
            int kt = trainingResistant(n);
            if (k < 1 || k >= n) {
                return "counts: " + n + " patients at resistant_rate " + resistantRate + " give " + k
                        + " resistant; both outcomes are needed";
            }
            if (kt >= 0 && (kt > k || kt > nt || k - kt > n - nt || nt - kt > n - k)) {
                return "counts: " + kt + " resistant of " + nt + " training patients cannot be drawn with " + k
                        + " resistant of " + n;
            }
            return null;
        }
    }

    /**
     * Receptor and proliferation frequencies of the paper preset. HER-2 positivity depends on ER and Ki-67
     * (docs/simulator.md).
     *
     * @param erPositive             P(ER+)
     * @param prIfErPositive         P(PR+ | ER+)
     * @param prIfErNegative         P(PR+ | ER−)
     * @param ki67Median             median Ki-67 index, % (log-normal, σ(log) 0.6)
     * @param her2ErPositiveKi67High P(HER-2+ | ER+, Ki-67 ≥ 20 %)
     * @param her2ErPositiveKi67Low  P(HER-2+ | ER+, Ki-67 &lt; 20 %)
     * @param her2ErNegativeKi67High P(HER-2+ | ER−, Ki-67 ≥ 20 %)
     * @param her2ErNegativeKi67Low  P(HER-2+ | ER−, Ki-67 &lt; 20 %)
     * @param ki67Heterogeneity      correlation of log Ki-67 with the tumour's enhancement-heterogeneity score
     *                               (proliferative tumours are more heterogeneous)
     * @param erHeterogeneity        log-odds of ER positivity per SD of the heterogeneity score (0: independent);
     *                               P(ER+) over the population stays {@code erPositive}
     */
    public record Markers(double erPositive, double prIfErPositive, double prIfErNegative, double ki67Median,
                          double her2ErPositiveKi67High, double her2ErPositiveKi67Low, double her2ErNegativeKi67High,
                          double her2ErNegativeKi67Low, double ki67Heterogeneity, double erHeterogeneity) {
        public Markers {
            if (!Double.isFinite(erHeterogeneity)) {
                throw new IllegalArgumentException("markers.er_heterogeneity must be finite, got " + erHeterogeneity);
            }
            if (!(ki67Heterogeneity > -1 && ki67Heterogeneity < 1)) {
                throw new IllegalArgumentException("markers.ki67_heterogeneity must be in (-1, 1), got "
                        + ki67Heterogeneity);
            }
            for (double p : new double[] {erPositive, prIfErPositive, prIfErNegative, her2ErPositiveKi67High,
                her2ErPositiveKi67Low, her2ErNegativeKi67High, her2ErNegativeKi67Low}) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("markers: a probability must be in [0, 1], got " + p);
                }
            }
            if (!(ki67Median > 0 && ki67Median < 100)) {
                throw new IllegalArgumentException("markers.ki67_median must be in (0, 100), got " + ki67Median);
            }
        }
    }

    /**
     * The configuration before the paper preset: the literature preset without count conditioning, the effects
     * and sizes given.
     */
    public SimulationConfig(int patients, long seed, int[] imageSize, double[] imageSpacing, int[] dwiSize,
                            double[] dwiSpacing, double[] bValues, double imageNoise, double dwiNoise, double biasField,
                            double prevalence, Map<String, Double> effects, double effectScale) {
        this(Preset.LITERATURE, patients, seed, imageSize, imageSpacing, dwiSize, dwiSpacing, bValues, imageNoise,
                dwiNoise, biasField, prevalence, effects, effectScale, null, PAPER_MARKERS);
    }

    /** The latent model's effect names, in order. */
    public static final List<String> EFFECT_NAMES = List.of("er_positive", "ki67_high", "rdi", "rmk", "rmd", "adc",
            "heterogeneity", "necrosis", "margin");

    public SimulationConfig {
        java.util.Objects.requireNonNull(preset, "preset");
        java.util.Objects.requireNonNull(markers, "markers");
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

    /** The paper preset's marker frequencies (docs/simulator.md). */
    static final Markers PAPER_MARKERS = new Markers(0.62, 0.80, 0.05, 25, 0.45, 0.05, 0.12, 0.05, 0.4, 0);

    /** The default cohort: the {@link Preset#PAPER paper} preset, 240 patients, seed 42. */
    public static SimulationConfig defaults() {
        return preset(Preset.PAPER);
    }

    /** A preset with 240 patients and seed 42 (docs/simulator.md). */
    public static SimulationConfig preset(Preset p) {
        Map<String, Double> e = new LinkedHashMap<>();
        if (p == Preset.LITERATURE) {
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
        e.put("er_positive", 2.0);
        e.put("ki67_high", 2.0);
        e.put("rdi", -1.0);
        e.put("rmk", 1.0);
        e.put("rmd", 1.0);
        e.put("adc", 1.0);
        e.put("heterogeneity", 1.4);
        e.put("necrosis", 0.3);
        e.put("margin", 0.2);
        return new SimulationConfig(Preset.PAPER, 240, 42, new int[] {128, 128, 48}, new double[] {0.8, 0.8, 2.0},
                new int[] {64, 64, 24}, new double[] {1.6, 1.6, 4.0}, new double[] {0, 50, 800, 1500, 2000}, 15, 12,
                0.15, 58.0 / 240, e, 1.0, new Counts(58.0 / 240, 2.0 / 3, 40.0 / 160), PAPER_MARKERS);
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

    /** The same configuration with other exact counts (null: outcomes drawn freely). */
    public SimulationConfig withCounts(Counts c) {
        Builder b = new Builder(this);
        b.counts = c;
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
     * preset: literature      # first: every other key overrides the preset's value
     * patients: 120
     * seed: 7
     * image_noise: 20
     * effects: {er_positive: 1.0, rmk: 1.2}
     * counts: {resistant_rate: 0.25, training_fraction: 0.6667, training_resistant_rate: 0.25}   # or null
     * markers: {er_positive: 0.6, her2_er_positive_ki67_high: 0.4}
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
        try {
            Builder b = new Builder(root.has("preset") ? preset(Preset.of(root.get("preset").asText())) : this);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                switch (f.getKey().replace("_", "").toLowerCase(java.util.Locale.ROOT)) {
                    case "preset" -> { }
                    case "counts" -> b.counts = v.isNull() ? null : counts(v, b.counts);
                    case "markers" -> b.markers = markers(v, b.markers);
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

    private static Counts counts(JsonNode v, Counts base) {
        Counts c = base != null ? base : new Counts(0.25, 2.0 / 3, null);
        double rate = c.resistantRate();
        double fraction = c.trainingFraction();
        Double training = c.trainingResistantRate();
        for (Iterator<Map.Entry<String, JsonNode>> e = v.fields(); e.hasNext();) {
            Map.Entry<String, JsonNode> x = e.next();
            switch (x.getKey().replace("_", "").toLowerCase(Locale.ROOT)) {
                case "resistantrate" -> rate = x.getValue().asDouble();
                case "trainingfraction" -> fraction = x.getValue().asDouble();
                case "trainingresistantrate" -> training = x.getValue().isNull() ? null : x.getValue().asDouble();
                default -> throw new IllegalArgumentException("unknown setting 'counts." + x.getKey() + "'");
            }
        }
        return new Counts(rate, fraction, training);
    }

    private static Markers markers(JsonNode v, Markers m) {
        double[] a = {m.erPositive(), m.prIfErPositive(), m.prIfErNegative(), m.ki67Median(), m.her2ErPositiveKi67High(),
            m.her2ErPositiveKi67Low(), m.her2ErNegativeKi67High(), m.her2ErNegativeKi67Low(), m.ki67Heterogeneity(),
            m.erHeterogeneity()};
        List<String> keys = List.of("erpositive", "priferpositive", "prifernegative", "ki67median",
                "her2erpositiveki67high", "her2erpositiveki67low", "her2ernegativeki67high", "her2ernegativeki67low",
                "ki67heterogeneity", "erheterogeneity");
        for (Iterator<Map.Entry<String, JsonNode>> e = v.fields(); e.hasNext();) {
            Map.Entry<String, JsonNode> x = e.next();
            int k = keys.indexOf(x.getKey().replace("_", "").toLowerCase(Locale.ROOT));
            if (k < 0) {
                throw new IllegalArgumentException("unknown setting 'markers." + x.getKey() + "'");
            }
            a[k] = x.getValue().asDouble();
        }
        return new Markers(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
    }

    /** A mutable copy of a configuration, for overriding single settings. */
    private static final class Builder {
        Preset preset;
        Counts counts;
        Markers markers;
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
            preset = c.preset;
            counts = c.counts;
            markers = c.markers;
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
            return new SimulationConfig(preset, patients, seed, imageSize, imageSpacing, dwiSize, dwiSpacing, bValues,
                    imageNoise, dwiNoise, biasField, prevalence, effects, effectScale, counts, markers);
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
