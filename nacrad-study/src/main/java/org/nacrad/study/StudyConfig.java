package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.nacrad.clinical.ResistanceRule;

/**
 * The study configuration (YAML). Every section and key is optional; the defaults reproduce the paper's design.
 * Keys are snake_case; unknown keys are errors naming the file and key. Paths are relative to the config file.
 *
 * <pre>
 * manifest: cohort/manifest.csv
 * output: study
 * label: {rule: "rcb>=II and shrinkage<0.30"}
 * split: {method: chronological, train_fraction: 0.6667, seed: 42}   # or stratified, or column (column: set)
 * radiomics: {params: null, label: 1, jobs: 0, standard: pyradiomics}  # null: the shipped nac-851.yaml; ibsi: IBSI mode
 * diffusion: {adc_max_b: 1000}
 * clinical: {candidates: [...], univariate_p: 0.10, method: p, p_threshold: 0.05}   # method: p | aic
 * selection: {univariate_p: null, correlation: 0.90, folds: 10, lambda: min, seed: 42}
 * evaluation: {bootstrap: 1000, seed: 42, dca: "0.01:0.60:0.01"}
 * exclusions: false
 * </pre>
 */
public record StudyConfig(String manifest, String output, Label label, Split split, Radiomics radiomics,
                          Diffusion diffusion, Clinical clinical, Selection selection, Evaluation evaluation,
                          Columns columns, boolean exclusions) {

    public StudyConfig {
        manifest = manifest == null ? "manifest.csv" : manifest;
        output = output == null ? "study" : output;
        label = label == null ? new Label(null) : label;
        split = split == null ? new Split(null, null, null, null) : split;
        radiomics = radiomics == null ? new Radiomics(null, null, null, null) : radiomics;
        diffusion = diffusion == null ? new Diffusion(null) : diffusion;
        clinical = clinical == null ? new Clinical(null, null, null, null) : clinical;
        selection = selection == null ? new Selection(null, null, null, null, null) : selection;
        evaluation = evaluation == null ? new Evaluation(null, null, null) : evaluation;
        columns = columns == null ? new Columns(null, null, null, null, null, null, null, null, null, null, null) : columns;
    }

    /** @param rule the chemoresistance rule (see {@link ResistanceRule}) */
    public record Label(String rule) {
        public Label {
            rule = rule == null ? ResistanceRule.DEFAULT_SPEC : rule;
            ResistanceRule.parse(rule);
        }
    }

    /**
     * @param method        chronological (by admission date), stratified (random within outcome, seeded) or column
     * @param trainFraction fraction of patients in the training set (2:1 by default)
     * @param seed          seed of the stratified split
     * @param column        manifest column with {@code train}/{@code validation} for method = column
     */
    public record Split(String method, Double trainFraction, Long seed, String column) {
        public Split {
            method = method == null ? "chronological" : method;
            trainFraction = trainFraction == null ? 2.0 / 3 : trainFraction;
            seed = seed == null ? 42L : seed;
            column = column == null ? "set" : column;
            if (!List.of("chronological", "stratified", "column").contains(method)) {
                throw new IllegalArgumentException("split.method must be chronological, stratified or column, got '" + method + "'");
            }
            if (!(trainFraction > 0 && trainFraction < 1)) {
                throw new IllegalArgumentException("split.train_fraction must be in (0, 1), got " + trainFraction);
            }
        }
    }

    /**
     * @param params PyRadiomics parameter file (null: the shipped {@code nac-851.yaml})
     * @param label  mask label
     * @param jobs   parallel cases (0: all cores)
     */
    public record Radiomics(String params, Integer label, Integer jobs, String standard) {
        public Radiomics {
            label = label == null ? 1 : label;
            jobs = jobs == null ? 0 : jobs;
            if (standard != null && !standard.equalsIgnoreCase("pyradiomics") && !standard.equalsIgnoreCase("ibsi")) {
                throw new IllegalArgumentException("radiomics.standard: expected pyradiomics or ibsi, got " + standard);
            }
            standard = standard == null ? null : standard.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param adcMaxB highest b-value of the ADC fit, s/mm² */
    public record Diffusion(Double adcMaxB) {
        public Diffusion {
            adcMaxB = adcMaxB == null ? 1000.0 : adcMaxB;
        }
    }

    /**
     * @param candidates  clinical and diffusion candidate predictors (derived column names)
     * @param univariateP P threshold of the univariate screen
     * @param method      multivariable selection: p (backward by P) or aic (backward by AIC)
     * @param pThreshold  P threshold to stay in the multivariable model
     */
    public record Clinical(List<String> candidates, Double univariateP, String method, Double pThreshold) {
        public static final List<String> DEFAULT_CANDIDATES = List.of("age", "er_positive", "pr_positive",
                "her2_positive", "ki67_high", "rdi", "adc_mean", "md_mean", "mk_mean", "rmd", "rmk", "radc");

        public Clinical {
            candidates = candidates == null ? DEFAULT_CANDIDATES : List.copyOf(candidates);
            univariateP = univariateP == null ? 0.10 : univariateP;
            method = method == null ? "p" : method;
            pThreshold = pThreshold == null ? 0.05 : pThreshold;
            if (!List.of("p", "aic").contains(method)) {
                throw new IllegalArgumentException("clinical.method must be p or aic, got '" + method + "'");
            }
        }
    }

    /**
     * @param univariateP  optional univariate filter of radiomics features (null: none)
     * @param correlation  drop the later of two features correlated above this (|Pearson r|)
     * @param folds        LASSO cross-validation folds
     * @param lambda       {@code min} or {@code 1se}
     * @param seed         seed of the stratified CV folds
     */
    public record Selection(Double univariateP, Double correlation, Integer folds, String lambda, Long seed) {
        public Selection {
            correlation = correlation == null ? 0.90 : correlation;
            folds = folds == null ? 10 : folds;
            lambda = lambda == null ? "min" : lambda;
            seed = seed == null ? 42L : seed;
            if (!List.of("min", "1se").contains(lambda)) {
                throw new IllegalArgumentException("selection.lambda must be min or 1se, got '" + lambda + "'");
            }
        }
    }

    /**
     * @param bootstrap resamples of the optimism bootstrap
     * @param seed      its seed
     * @param dca       decision-curve thresholds FROM:TO:STEP
     */
    public record Evaluation(Integer bootstrap, Long seed, String dca) {
        public Evaluation {
            bootstrap = bootstrap == null ? 1000 : bootstrap;
            seed = seed == null ? 42L : seed;
            dca = dca == null ? "0.01:0.60:0.01" : dca;
        }
    }

    /**
     * Manifest column names. The three segment columns are optional in the manifest: each chooses the segment
     * (number or label) or ROI (number or name) when the mask beside it is a DICOM-SEG or RTSTRUCT file holding
     * several. The b-values column is optional too when every DWI is a DICOM series carrying its b-values.
     */
    public record Columns(String id, String admissionDate, String image, String mask, String dwi, String bvals,
                          String dwiTumourMask, String referenceMask, String maskSegment, String dwiMaskSegment,
                          String referenceMaskSegment) {
        public Columns {
            id = id == null ? "id" : id;
            admissionDate = admissionDate == null ? "admission_date" : admissionDate;
            image = image == null ? "image" : image;
            mask = mask == null ? "mask" : mask;
            dwi = dwi == null ? "dwi" : dwi;
            bvals = bvals == null ? "bvals" : bvals;
            dwiTumourMask = dwiTumourMask == null ? "dwi_tumour_mask" : dwiTumourMask;
            referenceMask = referenceMask == null ? "reference_mask" : referenceMask;
            maskSegment = maskSegment == null ? "mask_segment" : maskSegment;
            dwiMaskSegment = dwiMaskSegment == null ? "dwi_mask_segment" : dwiMaskSegment;
            referenceMaskSegment = referenceMaskSegment == null ? "reference_mask_segment" : referenceMaskSegment;
        }
    }

    /** The defaults. */
    public static StudyConfig defaults() {
        return new StudyConfig(null, null, null, null, null, null, null, null, null, null, false);
    }

    /** Reads a YAML config; errors name the file and the bad key. */
    public static StudyConfig read(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            String text = Files.readString(file);
            StudyConfig c = text.isBlank() ? defaults() : m.readValue(text, StudyConfig.class);
            return c == null ? defaults() : c;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                    : r.getFieldName()).reduce((a, b) -> a + "." + b).orElse("");
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String msg = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new IOException(file + ": " + (path.isEmpty() ? "" : "key '" + path + "': ") + msg.split("\n")[0], e);
        }
    }

    /** Resolves a path of the config relative to the config's folder. */
    public static Path resolve(Path configFile, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : configFile.toAbsolutePath().getParent().resolve(p).normalize();
    }
}
