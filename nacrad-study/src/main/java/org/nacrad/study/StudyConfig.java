package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

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
 * radiomics: {params: null, label: 1, jobs: 0}                        # null: the shipped nac-851.yaml
 * diffusion: {adc_max_b: 1000}
 * clinical: {candidates: [...], univariate_p: 0.10, method: p, p_threshold: 0.05, redundancy: 0.90}   # method: p | aic
 * selection: {univariate_p: null, correlation: 0.90, folds: 10, lambda: min, seed: 42}
 * evaluation: {bootstrap: 1000, seed: 42, dca: "0.01:0.60:0.01"}
 * exclusions: false
 * robustness: {source: none}                                         # ICC filter before LASSO: see {@link Robustness}
 * harmonisation: {combat: false, column: centre, prior: parametric, mean_only: false, reference_batch: null,
 *                 covariates: [], unseen_centre: refuse}                  # see {@link Harmonisation}
 * compare_with: paper        # the report's summary shows the published study's numbers beside this study's
 * </pre>
 */
public record StudyConfig(String manifest, String output, Label label, Split split, Radiomics radiomics,
                          Diffusion diffusion, Clinical clinical, Selection selection, Evaluation evaluation,
                          Columns columns, boolean exclusions, Harmonisation harmonisation,
                          Robustness robustness, String compareWith) {

    public StudyConfig {
        manifest = manifest == null ? "manifest.csv" : manifest;
        output = output == null ? "study" : output;
        label = label == null ? new Label(null) : label;
        split = split == null ? new Split(null, null, null, null) : split;
        radiomics = radiomics == null ? new Radiomics(null, null, null, null) : radiomics;
        diffusion = diffusion == null ? new Diffusion(null) : diffusion;
        clinical = clinical == null ? new Clinical(null, null, null, null, null) : clinical;
        selection = selection == null ? new Selection(null, null, null, null, null) : selection;
        evaluation = evaluation == null ? new Evaluation(null, null, null) : evaluation;
        if (compareWith != null && !compareWith.equals(PaperComparison.PAPER)) {
            throw new IllegalArgumentException("compare_with must be paper (or absent), got '" + compareWith + "'");
        }
        columns = columns == null ? new Columns(null, null, null, null, null, null, null, null, null, null, null) : columns;
        harmonisation = harmonisation == null ? Harmonisation.NONE : harmonisation;
        robustness = robustness == null ? Robustness.none() : robustness;
    }

    /** @param rule the chemoresistance rule (see {@link ResistanceRule}) */
    public record Label(String rule) {
        public Label {
            rule = rule == null ? ResistanceRule.DEFAULT_SPEC : rule;
            ResistanceRule.parse(rule);
        }
    }

    /** How patients are assigned to the training and validation sets ({@link org.nacrad.study.Split}). */
    public enum SplitMethod {
        /** By admission date: the earliest patients train (a temporal validation). */
        CHRONOLOGICAL,
        /** Seeded random within each outcome class. */
        STRATIFIED,
        /** A manifest column says train or validation. */
        COLUMN;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the multivariable clinical model is reduced: backward elimination by P or by AIC. */
    public enum ClinicalMethod {
        P, AIC;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which λ of the LASSO cross-validation: the minimum CV deviance, or the largest within one SE of it. */
    public enum Lambda {
        MIN("min"), ONE_SE("1se");

        private final String id;

        Lambda(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** "a, b or c": the choices of an enum as the config writes them. */
    static String choices(Class<?> type) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** A P-value threshold must be in (0, 1]. */
    static void probability(String key, double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException(key + " must be a P-value threshold in (0, 1], got " + p);
        }
    }

    /** The constant of an enum whose {@code toString} is {@code s}, or an error listing the choices. */
    static <E extends Enum<E>> E choice(Class<E> type, String key, String s) {
        List<String> names = new java.util.ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.toString().equals(s)) {
                return e;
            }
            names.add(e.toString());
        }
        String list = names.size() == 2 ? names.get(0) + " or " + names.get(1)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new IllegalArgumentException(key + " must be " + list + ", got '" + s + "'");
    }

    /**
     * @param method        chronological (by admission date), stratified (random within outcome, seeded) or column
     * @param trainFraction fraction of patients in the training set (2:1 by default)
     * @param seed          seed of the stratified split
     * @param column        manifest column with {@code train}/{@code validation} for method = column
     */
    public record Split(SplitMethod method, Double trainFraction, Long seed, String column) {
        public Split {
            method = method == null ? SplitMethod.CHRONOLOGICAL : method;
            trainFraction = trainFraction == null ? 2.0 / 3 : trainFraction;
            seed = seed == null ? 42L : seed;
            column = column == null ? "set" : column;
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
            if (standard != null && !standard.equalsIgnoreCase("pyradiomics") && !standard.equalsIgnoreCase("ibsi")) {
                throw new IllegalArgumentException("radiomics.standard: expected pyradiomics or ibsi, got " + standard);
            }
            standard = standard == null ? null : standard.toLowerCase(java.util.Locale.ROOT);
            label = label == null ? 1 : label;
            jobs = jobs == null ? 0 : jobs;
            if (label < 1) {
                throw new IllegalArgumentException("radiomics.label must be a positive integer, got " + label);
            }
            if (jobs < 0) {
                throw new IllegalArgumentException("radiomics.jobs must be 0 (all cores) or more, got " + jobs);
            }
        }
    }

    /** @param adcMaxB highest b-value of the ADC fit, s/mm² */
    public record Diffusion(Double adcMaxB) {
        public Diffusion {
            adcMaxB = adcMaxB == null ? 1000.0 : adcMaxB;
            if (!(adcMaxB > 0 && adcMaxB < 1e5)) {
                throw new IllegalArgumentException("diffusion.adc_max_b must be a b-value in s/mm² (> 0), got " + adcMaxB);
            }
        }
    }

    /**
     * @param candidates  clinical and diffusion candidate predictors (derived column names)
     * @param univariateP P threshold of the univariate screen
     * @param method      multivariable selection: p (backward by P) or aic (backward by AIC)
     * @param pThreshold  P threshold to stay in the multivariable model
     * @param redundancy  of two candidates correlated above this (|Pearson r|, training set) only the one listed
     *                    first enters the multivariable model; 1 keeps every candidate ({@link ClinicalSelection})
     */
    public record Clinical(List<String> candidates, Double univariateP, ClinicalMethod method, Double pThreshold,
                           Double redundancy) {
        public static final List<String> DEFAULT_CANDIDATES = List.of("age", "er_positive", "pr_positive",
                "her2_positive", "ki67_high", "rdi", "adc_mean", "md_mean", "mk_mean", "rmd", "rmk", "radc");

        public Clinical {
            candidates = candidates == null ? DEFAULT_CANDIDATES : List.copyOf(candidates);
            univariateP = univariateP == null ? 0.10 : univariateP;
            method = method == null ? ClinicalMethod.P : method;
            pThreshold = pThreshold == null ? 0.05 : pThreshold;
            redundancy = redundancy == null ? 0.90 : redundancy;
            probability("clinical.univariate_p", univariateP);
            probability("clinical.p_threshold", pThreshold);
            if (!(redundancy > 0 && redundancy <= 1)) {
                throw new IllegalArgumentException("clinical.redundancy must be in (0, 1], got " + redundancy);
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
    public record Selection(Double univariateP, Double correlation, Integer folds, Lambda lambda, Long seed) {
        public Selection {
            correlation = correlation == null ? 0.90 : correlation;
            folds = folds == null ? 10 : folds;
            lambda = lambda == null ? Lambda.MIN : lambda;
            seed = seed == null ? 42L : seed;
            if (univariateP != null && !(univariateP >= 0 && univariateP <= 1)) {
                throw new IllegalArgumentException("selection.univariate_p must be in [0, 1] (0 or null: no filter), got "
                        + univariateP);
            }
            if (!(correlation > 0 && correlation <= 1)) {
                throw new IllegalArgumentException("selection.correlation must be in (0, 1], got " + correlation);
            }
            if (folds < 3 || folds > 1000) {
                throw new IllegalArgumentException("selection.folds must be from 3 to 1000, got " + folds);
            }
        }
    }

    /**
     * @param bootstrap resamples of the optimism bootstrap
     * @param seed      its seed
     * @param dca       decision-curve thresholds FROM:TO:STEP
     */
    public record Evaluation(Integer bootstrap, Long seed, String dca) {
        /** The most bootstrap resamples accepted (each refits the whole procedure). */
        public static final int MAX_BOOTSTRAP = 100_000;

        public Evaluation {
            bootstrap = bootstrap == null ? 1000 : bootstrap;
            seed = seed == null ? 42L : seed;
            dca = dca == null ? "0.01:0.60:0.01" : dca;
            if (bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
                throw new IllegalArgumentException("evaluation.bootstrap must be from 0 (none) to " + MAX_BOOTSTRAP
                        + " resamples, got " + bootstrap);
            }
            org.nacrad.study.Evaluation.thresholds(dca);
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

    /**
     * ComBat harmonisation of the radiomics features across centres ({@link StudyHarmonisation}; docs/study.md,
     * "Several centres"). Fitted on the training set only, and refitted in every bootstrap resample and LASSO CV
     * fold; the fitted per-centre parameters go into model.json and {@code nacrad predict} applies them.
     *
     * @param combat         true to harmonise (default false)
     * @param column         manifest column naming each patient's centre (batch); default {@code centre}
     * @param prior          parametric (sva's default) or non-parametric empirical Bayes
     * @param meanOnly       adjust the location only (sva {@code mean.only})
     * @param referenceBatch the centre left unchanged, to which the others are harmonised (sva {@code ref.batch});
     *                       null for none
     * @param covariates     numeric manifest columns whose effect on the features ComBat keeps (e.g. age); never the
     *                       outcome or what defines it
     * @param unseenCentre   a patient of a centre not in the training set: {@code refuse} (default) or
     *                       {@code reference} (harmonised as the reference batch, i.e. left unchanged; needs
     *                       {@code reference_batch}); either way a warning says so
     */
    public record Harmonisation(Boolean combat, String column, ComBatPrior prior, Boolean meanOnly,
                                String referenceBatch, List<String> covariates, UnseenCentre unseenCentre) {

        /** No harmonisation. */
        public static final Harmonisation NONE = new Harmonisation(null, null, null, null, null, null, null);

        /**
         * Columns that are the outcome or define it (after chemotherapy): never a ComBat covariate, which would keep
         * the outcome's effect in the harmonised features.
         */
        public static final List<String> OUTCOME_COLUMNS = List.of(org.nacrad.clinical.Columns.CHEMORESISTANT,
                org.nacrad.clinical.Columns.CHEMORESISTANCE_RULE, org.nacrad.clinical.Columns.RCB_INDEX,
                org.nacrad.clinical.Columns.RCB_CLASS, org.nacrad.clinical.Columns.SHRINKAGE_RATE,
                org.nacrad.clinical.Columns.RECIST_RESPONSE, org.nacrad.clinical.Columns.TUMOUR_BED_D1,
                org.nacrad.clinical.Columns.TUMOUR_BED_D2, org.nacrad.clinical.Columns.CELLULARITY,
                org.nacrad.clinical.Columns.IN_SITU, org.nacrad.clinical.Columns.POSITIVE_NODES,
                org.nacrad.clinical.Columns.LARGEST_NODE_MET, org.nacrad.clinical.Columns.POST_DIAMETER);

        public Harmonisation {
            combat = combat != null && combat;
            column = column == null || column.isBlank() ? "centre" : column.trim();
            prior = prior == null ? ComBatPrior.PARAMETRIC : prior;
            meanOnly = meanOnly != null && meanOnly;
            referenceBatch = referenceBatch == null || referenceBatch.isBlank() ? null : referenceBatch.trim();
            covariates = covariates == null ? List.of() : List.copyOf(covariates);
            unseenCentre = unseenCentre == null ? UnseenCentre.REFUSE : unseenCentre;
            for (String c : covariates) {
                if (OUTCOME_COLUMNS.contains(c)) {
                    throw new IllegalArgumentException("harmonisation.covariates: '" + c + "' is the outcome or "
                            + "defines it; ComBat must never keep the outcome's effect (it would leak the outcome "
                            + "into the harmonised features)");
                }
                if (c.equals(column)) {
                    throw new IllegalArgumentException("harmonisation.covariates: '" + c + "' is the centre column");
                }
            }
            if (new java.util.HashSet<>(covariates).size() != covariates.size()) {
                throw new IllegalArgumentException("harmonisation.covariates: a covariate is listed twice: " + covariates);
            }
            if (unseenCentre == UnseenCentre.REFERENCE && referenceBatch == null) {
                throw new IllegalArgumentException("harmonisation.unseen_centre: reference needs "
                        + "harmonisation.reference_batch (the centre whose features are left as they are)");
            }
        }
    }

    /** ComBat's empirical Bayes priors. */
    public enum ComBatPrior {
        PARAMETRIC("parametric"), NON_PARAMETRIC("non-parametric");

        private final String id;

        ComBatPrior(String id) {
            this.id = id;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** What happens to a patient of a centre the training set did not have. */
    public enum UnseenCentre {
        /** Refused, naming the patient, the column and the centre. */
        REFUSE,
        /** Harmonised as the reference batch (left unchanged), with a warning. */
        REFERENCE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The defaults. */
    public static StudyConfig defaults() {
        return new StudyConfig(null, null, null, null, null, null, null, null, null, null, false, null, null, null);
    }

    /**
     * Reads a YAML config; errors name the file and the bad key (or line). Refused besides unknown keys and bad
     * values: a key given twice, YAML aliases ({@code *name}: not expanded by the reader, so an alias would be read as
     * the text of its name), numbers with a fraction where a whole number is expected.
     */
    public static StudyConfig read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": config file not found", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not a text (UTF-8) file", e);
        }
        YAMLFactory yaml = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        ObjectMapper m = new ObjectMapper(yaml)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        try {
            refuseAliases(yaml, text);
            StudyConfig c = text.isBlank() ? defaults() : m.readValue(text, StudyConfig.class);
            return c == null ? defaults() : c;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                    : r.getFieldName()).reduce((a, b) -> a + "." + b).orElse("");
            String msg;
            if (e.getCause() instanceof IllegalArgumentException cause) {
                msg = cause.getMessage();
            } else if (e instanceof UnrecognizedPropertyException u) {
                msg = "unknown key; the keys here are " + String.join(", ", u.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().toList());
            } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
                msg = path + " must be " + choices(f.getTargetType()) + ", got '" + f.getValue() + "'";
            } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi
                    && mi.getTargetType() != null) {
                msg = "expected " + expected(mi.getTargetType()) + (mi instanceof InvalidFormatException f
                        ? ", got '" + f.getValue() + "'" : numberIn(e.getOriginalMessage()));
            } else {
                msg = String.valueOf(e.getOriginalMessage()).split("\n")[0];
            }
            boolean named = !path.isEmpty() && (msg.startsWith(path + ".") || msg.startsWith(path + " "));
            throw new IOException(file + ": " + (path.isEmpty() || named ? "" : "key '" + path + "': ") + msg, e);
        } catch (JsonProcessingException e) {
            String msg = yamlProblem(String.valueOf(e.getOriginalMessage()));
            if (msg.startsWith("Duplicate field ")) {
                msg = "key " + msg.substring("Duplicate field ".length()) + " is given twice";
            }
            throw new IOException(file + ": " + (e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ": ") + msg, e);
        }
    }

    /** What a value of a type is called in an error. */
    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return type.isEnum() ? choices(type) : "a mapping of keys";
    }

    /** ", got X" for the value in parentheses of a Jackson coercion message, or nothing. */
    private static String numberIn(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("value \\(([^)]*)\\)").matcher(String.valueOf(message));
        return m.find() ? ", got " + m.group(1) : "";
    }

    /**
     * The problem of a YAML syntax error without the echo of the file's text: its unindented lines (context and
     * problem), joined.
     */
    private static String yamlProblem(String message) {
        return String.join(": ", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .toList());
    }

    /** A YAML alias in the config is an error naming its line. */
    private static void refuseAliases(YAMLFactory yaml, String text) throws IOException {
        try (YAMLParser p = (YAMLParser) yaml.createParser(text)) {
            while (p.nextToken() != null) {
                if (p.isCurrentAlias()) {
                    throw new JsonParseException(p, "YAML aliases (*" + p.getText() + ") are not supported in the "
                            + "study config: write the value out");
                }
            }
        }
    }

    /** Resolves a path of the config relative to the config's folder. */
    public static Path resolve(Path configFile, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : configFile.toAbsolutePath().getParent().resolve(p).normalize();
    }
}
