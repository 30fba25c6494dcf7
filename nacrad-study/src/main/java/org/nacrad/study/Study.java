package org.nacrad.study;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

import org.nacrad.radiomics.ParameterFile;
import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.validation.BootstrapValidation;

/**
 * The study workflow from one configuration: check the cohort, derive labels, extract radiomics features and
 * diffusion quantities (cached, parallel, resumable), split, select clinical predictors and radiomics features on
 * the training set, fit the clinical, radiomics and combined models, evaluate them on both sets, validate the
 * combined procedure by the optimism bootstrap, and save the combined model.
 */
public final class Study {

    private final Path configFile;
    private final StudyConfig config;
    private final PrintWriter out;
    private final BiFunction<String, Integer, IntConsumer> progress;

    /**
     * @param progress makes a progress callback for a named step of n items (may return null)
     */
    public Study(Path configFile, StudyConfig config, PrintWriter out, BiFunction<String, Integer, IntConsumer> progress) {
        this.configFile = configFile;
        this.config = config;
        this.out = out;
        this.progress = progress;
    }

    /** Runs the study and writes its outputs into the configured output folder. */
    public StudyResult run() throws IOException, CohortException {
        List<String> log = new ArrayList<>();
        Path outDir = StudyConfig.resolve(configFile, config.output());
        Files.createDirectories(outDir);
        int threads = config.radiomics().jobs() > 0 ? config.radiomics().jobs() : Runtime.getRuntime().availableProcessors();

        step(log, "checking the cohort");
        Cohort cohort = Cohort.load(config, configFile);
        step(log, cohort.patients().size() + " usable patients, " + cohort.excluded().size() + " problems leading to exclusion; labels: "
                + cohort.rule().describe());

        step(log, "diffusion: ADC and kurtosis fits in the tumour and reference masks");
        FeatureSteps.Output diff = FeatureSteps.diffusion(cohort.patients(), config.diffusion().adcMaxB(),
                outDir.resolve("cache/diffusion"), threads, callback("diffusion", cohort.patients().size()));
        Path paramsPath = config.radiomics().params() == null ? null : StudyConfig.resolve(configFile, config.radiomics().params());
        ParameterFile params = paramsPath == null ? ParameterFile.nac851OrDefaults() : ParameterFile.read(paramsPath);
        String paramsText = FeatureSteps.paramsText(paramsPath);
        step(log, "radiomics: extraction with " + (paramsPath == null ? "the shipped nac-851.yaml" : paramsPath.toString()));
        FeatureSteps.Output rad = FeatureSteps.radiomics(cohort.patients(), params, paramsText,
                config.radiomics().label(), outDir.resolve("cache/radiomics"), threads,
                callback("radiomics", cohort.patients().size()));
        List<Problem> stepProblems = new ArrayList<>();
        for (Cohort.Patient p : cohort.patients()) {
            if (diff.failures().containsKey(p.id())) {
                stepProblems.add(new Problem(p.row(), p.id(), config.columns().dwi(), diff.failures().get(p.id())));
            }
            if (rad.failures().containsKey(p.id())) {
                stepProblems.add(new Problem(p.row(), p.id(), config.columns().image(), rad.failures().get(p.id())));
            }
        }
        if (!stepProblems.isEmpty() && !config.exclusions()) {
            throw new CohortException(cohort.manifest().toString(), stepProblems);
        }

        boolean[] train = split(cohort);
        StudyData data = StudyData.assemble(cohort, train, config.clinical().candidates(), diff, rad);
        if (!data.excluded().isEmpty() && !config.exclusions()) {
            List<Problem> ps = new ArrayList<>();
            data.excluded().forEach((id, why) -> ps.add(new Problem(0, id, null, why)));
            throw new CohortException(cohort.manifest().toString(), ps);
        }
        step(log, String.format(Locale.ROOT, "split (%s): %d training, %d validation patients",
                config.split().method(), data.rows(true).length, data.rows(false).length));

        step(log, "selection and models on the training set");
        StudyModels models = StudyModels.fit(data, config);
        step(log, "clinical/diffusion predictors: " + models.clinicalSelection().predictors());
        step(log, "radiomics: " + models.radiomicsSelection().counts() + "; " + models.radiomicsSelection().formula());
        if (!models.radiomicsSelection().note().isEmpty()) {
            step(log, "radiomics: warning: " + models.radiomicsSelection().note());
        }

        double[] dca = Evaluation.thresholds(config.evaluation().dca());
        Map<String, Double> thresholds = new LinkedHashMap<>();
        Map<String, Map<String, Evaluation>> evals = new LinkedHashMap<>();
        int[] tr = data.rows(true);
        int[] va = data.rows(false);
        for (String m : StudyModels.NAMES) {
            double[] pTrain = models.predict(m, data, tr);
            double thr = Evaluation.youdenThreshold(StudyData.select(data.y(), tr), pTrain);
            thresholds.put(m, thr);
            Map<String, Evaluation> bySet = new LinkedHashMap<>();
            bySet.put("train", Evaluation.of("train", StudyData.select(data.y(), tr), pTrain, thr, dca));
            bySet.put("validation", Evaluation.of("validation", StudyData.select(data.y(), va),
                    models.predict(m, data, va), thr, dca));
            evals.put(m, bySet);
        }
        Map<String, Map<String, DeLong.Comparison>> delong = new LinkedHashMap<>();
        for (String other : List.of("clinical", "radiomics")) {
            Map<String, DeLong.Comparison> bySet = new LinkedHashMap<>();
            for (String set : StudyResult.SETS) {
                bySet.put(set, DeLong.pairedTest(evals.get("combined").get(set).placements(),
                        evals.get(other).get(set).placements()));
            }
            delong.put("combined_vs_" + other, bySet);
        }

        BootstrapValidation.Result boot = null;
        if (config.evaluation().bootstrap() > 1) {
            step(log, "bootstrap validation: " + config.evaluation().bootstrap() + " resamples of the whole combined procedure");
            double[][] x = new double[tr.length][];
            for (int k = 0; k < tr.length; k++) {
                double[] c = data.clinical()[tr[k]];
                double[] r = data.radiomics()[tr[k]];
                x[k] = new double[c.length + r.length];
                System.arraycopy(c, 0, x[k], 0, c.length);
                System.arraycopy(r, 0, x[k], c.length, r.length);
            }
            boot = new BootstrapValidation(config.evaluation().bootstrap(), config.evaluation().seed(), threads)
                    .validate(StudyModels.combinedProcedure(data, config), x, StudyData.select(data.y(), tr));
        }
        List<String> drugs = ModelCard.drugs(cohort);
        SavedModel saved = ModelExport.combined(models, thresholds.get("combined"), config, paramsText,
                cohort.rule().spec(), Nomograms.export(Nomograms.of(models, data), models), drugs,
                ModelCard.trainingRanges(cohort, data, models, drugs), ModelCard.development(cohort, data, config,
                        evals.get("combined"), boot));
        StudyResult result = new StudyResult(config, cohort, data, models, thresholds, evals, delong, boot, saved, log);
        step(log, "writing outputs to " + outDir);
        StudyOutputs.write(result, outDir);
        return result;
    }

    private boolean[] split(Cohort cohort) {
        List<Cohort.Patient> ps = cohort.patients();
        StudyConfig.Split s = config.split();
        return switch (s.method()) {
            case "chronological" -> {
                List<String> ids = new ArrayList<>();
                List<LocalDate> dates = new ArrayList<>();
                for (Cohort.Patient p : ps) {
                    ids.add(p.id());
                    dates.add(p.admission());
                }
                yield Split.chronological(ids, dates, s.trainFraction());
            }
            case "stratified" -> {
                boolean[] y = new boolean[ps.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = ps.get(i).resistant();
                }
                yield Split.stratified(y, s.trainFraction(), s.seed());
            }
            default -> {
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

    private IntConsumer callback(String what, int n) {
        return progress == null ? null : progress.apply(what, n);
    }

    private final long start = System.nanoTime();

    private void step(List<String> log, String s) {
        String line = String.format(Locale.ROOT, "[%5.1f s] %s", (System.nanoTime() - start) / 1e9, s);
        log.add(line);
        if (out != null) {
            out.println("nacrad study: " + line);
            out.flush();
        }
    }

    /** The names of a fit's terms with their odds ratios, for logs. */
    static String describe(LogisticFit f) {
        StringBuilder b = new StringBuilder();
        for (var c : f.coefficients()) {
            b.append(c.term()).append(String.format(Locale.ROOT, " OR %.3g (P %.3g); ", c.oddsRatio(), c.p()));
        }
        return b.toString();
    }
}
