package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.nacrad.io.AtomicFile;
import org.nacrad.stats.harmonisation.ComBatModel;

/**
 * The study's harmonisation stage: ComBat fitted on the training set only and applied to every patient, the model
 * section it adds to model.json, and the per-centre performance table ({@code tables/centres.csv}, written whenever
 * the manifest has the centre column, harmonised or not, so the two runs can be compared).
 *
 * <p>With harmonisation off, {@link #data()} is the raw analysis table and nothing else changes.
 */
final class HarmonisedData {

    private final StudyHarmonisation harmonisation;
    private final StudyData raw;
    private final StudyData data;
    private final ComBatModel model;
    private final List<String> warnings;

    private HarmonisedData(StudyHarmonisation harmonisation, StudyData raw, StudyData data, ComBatModel model,
                           List<String> warnings) {
        this.harmonisation = harmonisation;
        this.raw = raw;
        this.data = data;
        this.model = model;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Fits ComBat on the training rows of {@code raw} and harmonises every row. A validation patient of a centre the
     * training set lacks is refused by row and column ({@code unseen_centre: refuse}) or left unharmonised with a
     * warning in the log ({@code reference}).
     *
     * @param harmonisation the rows' centres and the settings (null: no centre column, harmonisation off)
     */
    static HarmonisedData of(StudyHarmonisation harmonisation, StudyData raw, Cohort cohort, Consumer<String> log)
            throws CohortException {
        if (harmonisation == null || !harmonisation.on()) {
            return new HarmonisedData(harmonisation, raw, raw, null, List.of());
        }
        StudyConfig.Harmonisation h = harmonisation.config();
        int[] tr = raw.rows(true);
        TreeSet<String> trainingCentres = new TreeSet<>();
        for (int i : tr) {
            trainingCentres.add(harmonisation.centres().get(i));
        }
        if (h.unseenCentre() == StudyConfig.UnseenCentre.REFUSE) {
            List<Problem> problems = new ArrayList<>();
            Map<String, Cohort.Patient> byId = new LinkedHashMap<>();
            cohort.patients().forEach(p -> byId.put(p.id(), p));
            for (int i : raw.rows(false)) {
                String c = harmonisation.centres().get(i);
                if (!trainingCentres.contains(c)) {
                    Cohort.Patient p = byId.get(raw.ids().get(i));
                    problems.add(new Problem(p.row(), p.id(), h.column(), "centre '" + c + "' of this validation "
                            + "patient has no training patients " + trainingCentres + ", so ComBat cannot harmonise it "
                            + "(harmonisation.unseen_centre: refuse; set it to reference to keep such patients "
                            + "unharmonised)"));
                }
            }
            if (!problems.isEmpty()) {
                throw new CohortException(cohort.manifest().toString(), problems);
            }
        }
        double[][] xTr = StudyData.select(raw.radiomics(), tr);
        double[] yTr = StudyData.select(raw.y(), tr);
        ComBatModel model = harmonisation.fit(xTr, tr, yTr);
        int[] all = new int[raw.ids().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        List<String> warnings = new ArrayList<>();
        double[][] x = harmonisation.apply(model, raw.radiomics(), all, warnings);
        int[] sizes = model.batchSizes();
        List<String> centres = new ArrayList<>();
        for (int b = 0; b < sizes.length; b++) {
            centres.add(model.batches().get(b) + " (" + sizes[b] + ")");
        }
        log.accept(String.format(Locale.ROOT, "harmonisation: ComBat (%s%s%s%s) fitted on the %d training patients "
                + "of centres %s; %d radiomics features harmonised, %d left unadjusted (constant within a centre), "
                + "%d not harmonised (missing for some training patient)",
                h.prior(), h.meanOnly() ? ", mean only" : "",
                h.referenceBatch() == null ? "" : ", reference centre " + h.referenceBatch(),
                h.covariates().isEmpty() ? "" : ", covariates " + String.join(", ", h.covariates()),
                tr.length, String.join(", ", centres), model.features().size() - model.unadjusted().size(),
                model.unadjusted().size(), raw.radiomicsNames().size() - model.features().size()));
        for (String w : warnings) {
            log.accept("harmonisation: warning: " + w);
        }
        StudyData data = new StudyData(raw.ids(), raw.y(), raw.train(), raw.clinicalNames(), raw.clinical(),
                raw.radiomicsNames(), x, raw.excluded());
        return new HarmonisedData(harmonisation, raw, data, model, warnings);
    }

    /** The analysis table the models use: radiomics harmonised when ComBat is on, else the raw table. */
    StudyData data() {
        return data;
    }

    /** The ComBat fitted on the training set, or null when off. */
    ComBatModel model() {
        return model;
    }

    /** Warnings about validation patients of unseen centres. */
    List<String> warnings() {
        return warnings;
    }

    /** ComBat refitted in each LASSO CV fold of the training set, or null when off. */
    Function<boolean[], double[][]> foldRefit() {
        if (model == null) {
            return null;
        }
        int[] tr = raw.rows(true);
        return harmonisation.foldRefit(StudyData.select(raw.radiomics(), tr), tr, StudyData.select(raw.y(), tr));
    }

    /**
     * The saved model with its {@code harmonisation} section: the centre column, the unseen-centre policy and the
     * training ComBat restricted to the Rad-score's features (all {@code nacrad predict} needs). Unchanged when off.
     */
    SavedModel addTo(SavedModel saved, StudyModels models) {
        if (model == null) {
            return saved;
        }
        StudyConfig.Harmonisation h = harmonisation.config();
        List<String> selected = new ArrayList<>(models.radiomicsSelection().selected().keySet());
        selected.removeIf(f -> !model.features().contains(f));
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("method", "ComBat (Johnson, Li & Rabinovic 2007), as R sva::ComBat, fitted on the training set");
        section.put("column", h.column());
        section.put("unseen_centre", h.unseenCentre().toString());
        section.put("combat", model.select(selected).toMap());
        Map<String, Object> values = new LinkedHashMap<>(saved.values());
        values.put("harmonisation", section);
        return new SavedModel(values);
    }

    /**
     * Logs and writes {@code tables/centres.csv}: per centre and set, the patients, the events and the validation and
     * training AUC of the radiomics and combined models (NA where a centre's set has one class only). Nothing when the
     * manifest has no centre column.
     */
    void perCentre(StudyModels models, Path outDir, Consumer<String> log) throws IOException {
        if (harmonisation == null) {
            return;
        }
        List<String> centres = harmonisation.centres();
        StringBuilder csv = new StringBuilder("centre,set,patients,events,auc_radiomics,auc_combined,harmonised\n");
        for (String set : List.of("training", "validation")) {
            boolean t = set.equals("training");
            TreeSet<String> names = new TreeSet<>();
            for (int i : data.rows(t)) {
                names.add(centres.get(i));
            }
            names.add("all");
            for (String c : names) {
                List<Integer> rl = new ArrayList<>();
                for (int i : data.rows(t)) {
                    if (c.equals("all") || centres.get(i).equals(c)) {
                        rl.add(i);
                    }
                }
                int[] rows = rl.stream().mapToInt(Integer::intValue).toArray();
                double[] y = StudyData.select(data.y(), rows);
                int events = 0;
                for (double v : y) {
                    events += v == 1 ? 1 : 0;
                }
                boolean both = events > 0 && events < rows.length;
                double rad = both ? RadiomicsSelection.auc(models.predict(Model.RADIOMICS, data, rows), y) : Double.NaN;
                double comb = both ? RadiomicsSelection.auc(models.predict(Model.COMBINED, data, rows), y) : Double.NaN;
                csv.append(StudyOutputs.csv(c)).append(',').append(set).append(',').append(rows.length).append(',')
                        .append(events).append(',').append(num(rad)).append(',').append(num(comb)).append(',')
                        .append(model != null).append('\n');
                if (!t) {
                    log.accept(String.format(Locale.ROOT, "centre %s, validation: %d patients, %d events, AUC "
                            + "radiomics %s, combined %s (%s)", c, rows.length, events, num(rad), num(comb),
                            model != null ? "ComBat-harmonised" : "not harmonised"));
                }
            }
        }
        Files.createDirectories(outDir.resolve("tables"));
        AtomicFile.writeString(outDir.resolve("tables/centres.csv"), csv.toString());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.4f", v);
    }
}
