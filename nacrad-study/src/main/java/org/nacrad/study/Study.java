package org.nacrad.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

import org.nacrad.extraction.ExtractionSettings;
import org.nacrad.radiomics.StandardExtraction;
import org.nacrad.stats.validation.BootstrapValidation;

/**
 * The study workflow from one configuration, as a list of named stages. Each stage is a method whose parameters are
 * its inputs and whose result is its output; {@link #run} calls them in order:
 *
 * <table>
 *   <caption>Stages</caption>
 *   <tr><th>stage</th><th>inputs</th><th>output</th></tr>
 *   <tr><td>cohort</td><td>config, manifest</td><td>{@link Cohort}: checked patients, labels, exclusions</td></tr>
 *   <tr><td>features</td><td>cohort, config</td><td>{@link Features}: diffusion quantities and radiomics features per
 *       patient (cached, parallel, resumable)</td></tr>
 *   <tr><td>split</td><td>cohort, features, config</td><td>{@link StudyData}: the analysis table with each patient's
 *       set</td></tr>
 *   <tr><td>robustness</td><td>cohort, data, features, config</td><td>{@link RobustnessStep.Result}: the ICC filter
 *       of radiomics features on the training patients (reader-2 or perturbed masks), or none; the data keep only
 *       the robust features</td></tr>
 *   <tr><td>models</td><td>data, config</td><td>{@link StudyModels}: clinical selection, radiomics signature, the
 *       three fits</td></tr>
 *   <tr><td>evaluation</td><td>models, data, config</td><td>{@link Evaluations}: thresholds, metrics, DeLong
 *       tests</td></tr>
 *   <tr><td>bootstrap</td><td>data, config</td><td>optimism bootstrap of the combined procedure (or none)</td></tr>
 *   <tr><td>saved model</td><td>models, evaluations, features, cohort</td><td>{@link SavedModel}</td></tr>
 *   <tr><td>outputs</td><td>everything</td><td>report, summary, tables, figures, model.json, log</td></tr>
 * </table>
 *
 * To add a stage: write its method (inputs as parameters, output as result), call it from {@link #run} between the
 * stages whose outputs it needs and those that need its own, and, if the report shows it, add its output to
 * {@link StudyResult}.
 */
public final class Study {

    private final Path configFile;
    private final StudyConfig config;
    private final PrintWriter out;
    private final BiFunction<String, Integer, IntConsumer> progress;
    private final int threads;
    private final List<String> log = new ArrayList<>();
    private final long start = System.nanoTime();

    /**
     * @param progress makes a progress callback for a named step of n items (may return null)
     */
    public Study(Path configFile, StudyConfig config, PrintWriter out, BiFunction<String, Integer, IntConsumer> progress) {
        this(configFile, config, out, progress, 0);
    }

    /**
     * @param threads threads for the feature steps and the bootstrap (0: {@code radiomics.jobs} of the config, whose
     *                0 means all cores)
     */
    public Study(Path configFile, StudyConfig config, PrintWriter out, BiFunction<String, Integer, IntConsumer> progress,
                 int threads) {
        this.configFile = configFile;
        this.config = config;
        this.out = out;
        this.progress = progress;
        int t = threads > 0 ? threads : config.radiomics().jobs();
        this.threads = t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The imaging features of the cohort.
     *
     * @param settings  the radiomics extraction settings used
     * @param diffusion the diffusion step's output
     * @param radiomics the radiomics step's output
     */
    record Features(ExtractionSettings settings, FeatureSteps.Output diffusion, FeatureSteps.Output radiomics) {
    }

    /** Runs the study and writes its outputs into the configured output folder. */
    public StudyResult run() throws IOException, CohortException {
        Cohort cohort = cohort();
        RobustnessStep.checkReader2(cohort, config.robustness(), config.radiomics().label());
        StudyHarmonisation.check(config.harmonisation(), cohort); // centres and covariates, before any extraction
        Path outDir = StudyConfig.resolve(configFile, config.output());
        Files.createDirectories(outDir); // only once the cohort is sound: a refused study writes nothing
        Features features = features(cohort, outDir);
        StudyData raw = split(cohort, features);
        // the ICC filter first, on the features as measured: harmonisation and selection see the robust ones only
        RobustnessStep.Result robustness = robustness(cohort, raw, features, outDir);
        if (robustness != null) {
            raw = robustness.restrict(raw);
        }
        StudyHarmonisation harmonisation = StudyHarmonisation.of(config.harmonisation(), cohort, raw);
        HarmonisedData harmonised = HarmonisedData.of(harmonisation, raw, cohort, this::step);
        StudyData data = harmonised.data();
        StudyModels models = models(data, harmonised.foldRefit());
        Evaluations evaluations = evaluation(models, data);
        BootstrapValidation.Result bootstrap = bootstrap(raw, harmonisation);
        SavedModel saved = harmonised.addTo(savedModel(models, evaluations, bootstrap, features, cohort, data),
                models);
        StudyResult result = new StudyResult(config, cohort, data, models, evaluations, bootstrap, saved, log,
                robustness);
        harmonised.perCentre(models, outDir, this::step);
        step("writing outputs to " + outDir);
        StudyOutputs.write(result, outDir);
        return result;
    }

    /** Stage cohort: reads and checks the manifest, derives the labels. */
    private Cohort cohort() throws IOException, CohortException {
        step("checking the cohort");
        Cohort cohort = Cohort.load(config, configFile);
        step(cohort.patients().size() + " usable patients, " + cohort.excluded().size() + " problems leading to "
                + "exclusion; labels: " + cohort.rule().describe());
        return cohort;
    }

    /**
     * Stage features: diffusion quantities and radiomics features of every patient. A patient whose step fails is a
     * problem of the cohort (reported with the others), or excluded when the config allows exclusions.
     */
    private Features features(Cohort cohort, Path outDir) throws IOException, CohortException {
        Path paramsPath = config.radiomics().params() == null ? null
                : StudyConfig.resolve(configFile, config.radiomics().params());
        ExtractionSettings settings = ExtractionSettings.radiomics(paramsPath, config.radiomics().standard());
        int n = cohort.patients().size();
        step("diffusion: ADC and kurtosis fits in the tumour and reference masks");
        FeatureSteps.Output diff = FeatureSteps.diffusion(cohort.patients(), config.diffusion().adcMaxB(),
                outDir.resolve("cache/diffusion"), threads, callback("diffusion", n));
        notes("diffusion", diff);
        boolean ibsi = settings.extraction().standard().equals(StandardExtraction.IBSI);
        step("radiomics: " + (ibsi ? "IBSI-mode " : "") + "extraction with " + (paramsPath != null
                ? paramsPath.toString() : ibsi ? "the IBSI defaults" : "the shipped nac-851.yaml"));
        FeatureSteps.Output rad = FeatureSteps.radiomics(cohort.patients(), settings, config.radiomics().label(),
                outDir.resolve("cache/radiomics"), threads, callback("radiomics", n));
        notes("radiomics", rad);
        List<Problem> problems = new ArrayList<>();
        for (Cohort.Patient p : cohort.patients()) {
            if (diff.failures().containsKey(p.id())) {
                problems.add(new Problem(p.row(), p.id(), config.columns().dwi(), diff.failures().get(p.id())));
            }
            if (rad.failures().containsKey(p.id())) {
                problems.add(new Problem(p.row(), p.id(), config.columns().image(), rad.failures().get(p.id())));
            }
        }
        if (!problems.isEmpty() && !config.exclusions()) {
            throw new CohortException(cohort.manifest().toString(), problems);
        }
        return new Features(settings, diff, rad);
    }

    /** Stage split: assigns training and validation sets and assembles the analysis table. */
    private StudyData split(Cohort cohort, Features features) throws CohortException {
        StudyData data = StudyData.assemble(cohort, trainingSet(cohort), config.clinical().candidates(),
                features.diffusion(), features.radiomics());
        if (!data.excluded().isEmpty() && !config.exclusions()) {
            List<Problem> ps = new ArrayList<>();
            data.excluded().forEach((id, why) -> ps.add(new Problem(0, id, null, why)));
            throw new CohortException(cohort.manifest().toString(), ps);
        }
        step(String.format(Locale.ROOT, "split (%s): %d training, %d validation patients", config.split().method(),
                data.rows(true).length, data.rows(false).length));
        return data;
    }

    /**
     * Stage robustness: the ICC filter of radiomics features on the training patients (second reader's masks or
     * perturbed masks), or null when the config leaves it off.
     */
    private RobustnessStep.Result robustness(Cohort cohort, StudyData data, Features features, Path outDir)
            throws IOException, CohortException {
        if (!config.robustness().on()) {
            return null;
        }
        step("robustness: " + config.robustness().source() + " measurements of the training patients");
        return RobustnessStep.run(cohort, data, config.robustness(), features.settings(), config.radiomics().label(),
                features.radiomics(), config.columns().mask(), outDir, threads, config.exclusions(), progress, this::step);
    }

    /** Stage models: clinical selection, radiomics signature, clinical/radiomics/combined fits on training. */
    private StudyModels models(StudyData data, java.util.function.Function<boolean[], double[][]> refit) {
        step("selection and models on the training set");
        StudyModels models = StudyModels.fit(data, config, refit);
        step("clinical/diffusion predictors: " + models.clinicalSelection().predictors());
        step("radiomics: " + models.radiomicsSelection().counts() + "; " + models.radiomicsSelection().formula());
        if (!models.radiomicsSelection().note().isEmpty()) {
            step("radiomics: warning: " + models.radiomicsSelection().note());
        }
        return models;
    }

    /** Stage evaluation: each model on each set at its training threshold; DeLong tests. */
    private Evaluations evaluation(StudyModels models, StudyData data) {
        return Evaluations.of(models, data, Evaluation.thresholds(config.evaluation().dca()));
    }

    /** Stage bootstrap: Harrell's optimism bootstrap of the whole combined procedure, or null when 0 resamples. */
    private BootstrapValidation.Result bootstrap(StudyData data, StudyHarmonisation harmonisation) {
        int b = config.evaluation().bootstrap();
        if (b < 2) {
            if (b == 1) {
                step("bootstrap validation: warning: 1 resample cannot estimate the optimism; none done");
            }
            return null;
        }
        step("bootstrap validation: " + b + " resamples of the whole combined procedure");
        int[] tr = data.rows(true);
        boolean combat = harmonisation != null && harmonisation.on();
        double[][] x = new double[tr.length][];
        for (int k = 0; k < tr.length; k++) {
            double[] c = data.clinical()[tr[k]];
            double[] r = data.radiomics()[tr[k]];
            x[k] = new double[c.length + r.length + (combat ? 1 : 0)];
            System.arraycopy(c, 0, x[k], 0, c.length);
            System.arraycopy(r, 0, x[k], c.length, r.length);
            if (combat) {
                x[k][c.length + r.length] = tr[k]; // the analysis row, for its centre and covariates
            }
        }
        if (combat) {
            step("bootstrap validation: ComBat refitted on each resample and in each of its LASSO CV folds");
        }
        BootstrapValidation.Result result = new BootstrapValidation(b, config.evaluation().seed(), threads)
                .validate(StudyModels.combinedProcedure(data, config, harmonisation), x, StudyData.select(data.y(), tr));
        if (result.failed() > 0) {
            step(String.format(Locale.ROOT, "bootstrap validation: warning: %d of %d resamples failed (%s); the "
                    + "optimism is estimated from the other %d", result.failed(), b, result.failureSummary(),
                    result.used()));
        }
        return result;
    }

    /**
     * Stage saved model: the combined model with everything {@code nacrad predict} and {@code nacrad serve} need
     * (the covariance, the regimen's drugs, the training ranges and the development cohort and performance too).
     */
    private SavedModel savedModel(StudyModels models, Evaluations evaluations, BootstrapValidation.Result bootstrap,
                                  Features features, Cohort cohort, StudyData data) {
        List<String> drugs = ModelCard.drugs(cohort);
        return ModelExport.combined(models, evaluations.threshold(Model.COMBINED), config,
                features.settings().radiomicsParameters(), cohort.rule().spec(),
                Nomograms.export(Nomograms.of(models, data), models), drugs,
                ModelCard.trainingRanges(cohort, data, models, drugs),
                ModelCard.development(cohort, data, config, evaluations, bootstrap));
    }

    /** The training set: true for the patients the config's split method puts there, in cohort order. */
    private boolean[] trainingSet(Cohort cohort) {
        List<Cohort.Patient> ps = cohort.patients();
        StudyConfig.Split s = config.split();
        return switch (s.method()) {
            case CHRONOLOGICAL -> {
                List<String> ids = new ArrayList<>();
                List<LocalDate> dates = new ArrayList<>();
                for (Cohort.Patient p : ps) {
                    ids.add(p.id());
                    dates.add(p.admission());
                }
                yield Split.chronological(ids, dates, s.trainFraction());
            }
            case STRATIFIED -> {
                boolean[] y = new boolean[ps.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = ps.get(i).resistant();
                }
                yield Split.stratified(y, s.trainFraction(), s.seed());
            }
            case COLUMN -> {
                List<String> v = new ArrayList<>();
                for (Cohort.Patient p : ps) {
                    String x = p.values().get(s.column());
                    if (x == null) {
                        throw new IllegalArgumentException("split column '" + s.column() + "' is not in the manifest");
                    }
                    v.add(x);
                }
                yield Split.fromColumn(v, s.column());
            }
        };
    }

    private void notes(String step, FeatureSteps.Output o) {
        if (o.reused() > 0) {
            step(step + ": " + o.reused() + " of " + (o.features().size() + o.failures().size())
                    + " patients from the cache (inputs and settings unchanged)");
        }
        for (String n : o.notes()) {
            step(step + ": " + n);
        }
    }

    private IntConsumer callback(String what, int n) {
        return progress == null ? null : progress.apply(what, n);
    }

    private void step(String s) {
        String line = String.format(Locale.ROOT, "[%5.1f s] %s", (System.nanoTime() - start) / 1e9, s);
        log.add(line);
        if (out != null) {
            out.println("nacrad study: " + line);
            out.flush();
        }
    }
}
