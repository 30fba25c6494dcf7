package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.nacrad.extraction.CaseSpec;
import org.nacrad.extraction.ExtractionSettings;
import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.ErrorText;
import org.nacrad.stats.agreement.FeatureRobustness;

/**
 * The study's feature-robustness stage: every radiomics feature is measured again on the training patients — from a
 * second reader's masks or from perturbed masks ({@link MaskPerturbation}) — and kept only when its intraclass
 * correlation over the measurements reaches the threshold ({@link FeatureRobustness}, equal to psych::ICC). Features
 * below it are removed before the radiomics selection (constant, univariate, redundancy filters, LASSO).
 *
 * <p>The extra measurements go through the same per-case code ({@link FeatureSteps#run}, the extraction module's
 * case runner) and its provenance-checked cache, one cache folder per source ({@code cache/radiomics-reader2},
 * {@code cache/radiomics-erosion}, …); each entry's key holds the SHA-256 of the mask it was computed from, so a
 * reader-2 or perturbed mask never reuses the entry of another mask. Perturbed masks are written as NIfTI label maps
 * under {@code cache/masks/<perturbation>/<id>.nii.gz} (deterministic bytes: an unchanged mask and seed give the same
 * checksum, and the cached features are reused).
 *
 * <p>The filter uses no outcome, and is fitted once on the training patients; the optimism bootstrap then repeats
 * every outcome-dependent step on the robust features.
 */
final class RobustnessStep {

    private RobustnessStep() {
    }

    /**
     * The stage's outcome.
     *
     * @param config       the config section
     * @param measurements the names of the measurements (first: the study's own masks)
     * @param patients     the training patients measured every time, in order
     * @param features     every feature's ICC (in the study's feature order)
     * @param kept         the features kept, in the study's order
     */
    record Result(Robustness config, List<String> measurements, List<String> patients,
                  List<FeatureRobustness.FeatureIcc> features, List<String> kept) {

        /** The analysis table with only the robust radiomics features. */
        StudyData restrict(StudyData d) {
            Set<String> keep = new HashSet<>(kept);
            List<Integer> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < d.radiomicsNames().size(); j++) {
                if (keep.contains(d.radiomicsNames().get(j))) {
                    cols.add(j);
                    names.add(d.radiomicsNames().get(j));
                }
            }
            double[][] x = new double[d.radiomics().length][cols.size()];
            for (int i = 0; i < x.length; i++) {
                for (int c = 0; c < cols.size(); c++) {
                    x[i][c] = d.radiomics()[i][cols.get(c)];
                }
            }
            return new StudyData(d.ids(), d.y(), d.train(), d.clinicalNames(), d.clinical(), List.copyOf(names), x,
                    d.excluded());
        }

        /** The filter in words, for the methods and the log. */
        String describe() {
            return String.format(Locale.ROOT, "ICC(%s) per feature over %d measurements (%s) of %d training patients; "
                    + "kept when the %s is ≥ %s: %d of %d features", config.icc(), measurements.size(),
                    String.join(", ", measurements), patients.size(), config.criterion() == Robustness.Criterion.ESTIMATE
                            ? "ICC" : "lower bound of its 95 % CI", Report.plain(config.threshold()), kept.size(),
                    features.size());
        }
    }

    /**
     * The selection funnel: features left after each step, from all extracted through the ICC filter (when it ran)
     * to LASSO. Each step keeps a subset of the one before.
     */
    static Map<String, Integer> funnel(Result robustness, RadiomicsSelection.Fitted selection) {
        Map<String, Integer> f = new LinkedHashMap<>();
        if (robustness == null) {
            f.putAll(selection.counts());
            return f;
        }
        f.put("extracted", robustness.features().size());
        f.put("robust (ICC)", robustness.kept().size());
        selection.counts().forEach((k, v) -> {
            if (!k.equals("extracted")) {
                f.put(k, v);
            }
        });
        return f;
    }

    /** A patient's reader-2 mask (resolved against the manifest folder), or null when the cell is empty. */
    static Path reader2(Cohort cohort, Cohort.Patient p, Robustness r) {
        String cell = p.values().get(r.column());
        if (cell == null || cell.isBlank()) {
            return null;
        }
        Path path = Path.of(cell.trim());
        return path.isAbsolute() ? path : cohort.manifest().toAbsolutePath().getParent().resolve(path).normalize();
    }

    private static String segment(Cohort.Patient p, Robustness r) {
        String s = p.values().get(r.segmentColumn());
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Checks every second reader's mask before anything is computed: the column present, each non-empty cell a
     * readable mask on its image's grid with a voxel of the label. All problems are reported together, by row and
     * column; they stop the study even with {@code exclusions: true} (the patient's own data are sound: empty the
     * cell to leave them out of the ICC).
     */
    static void checkReader2(Cohort cohort, Robustness r, int label) throws CohortException {
        if (r.source() != Robustness.Source.READER2) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        if (cohort.table().column(r.column()) < 0) {
            throw new CohortException(cohort.manifest().toString(), List.of(new Problem(0, null, r.column(),
                    "column is missing (robustness.source: reader2 reads the second reader's masks from it)")));
        }
        int doubleRead = 0;
        for (Cohort.Patient p : cohort.patients()) {
            Path m = reader2(cohort, p, r);
            if (m == null) {
                continue;
            }
            doubleRead++;
            String problem = reader2Problem(p, m, segment(p, r), label);
            if (problem != null) {
                problems.add(new Problem(p.row(), p.id(), r.column(), problem));
            }
        }
        if (problems.isEmpty() && doubleRead == 0) {
            problems.add(new Problem(0, null, r.column(), "no patient has a second reader's mask"));
        }
        if (!problems.isEmpty()) {
            throw new CohortException(cohort.manifest().toString(), problems);
        }
    }

    /** What is wrong with one reader-2 mask, or null. */
    private static String reader2Problem(Cohort.Patient p, Path mask, String segment, int label) {
        if (!Files.exists(mask)) {
            return "file not found: " + mask;
        }
        try {
            boolean dicom = Files.isRegularFile(mask) && ImageIO.isDicom(mask);
            if (segment != null && !dicom) {
                return "a segment (" + segment + ") is given but " + mask + " is a label map, not a DICOM-SEG or "
                        + "RTSTRUCT file";
            }
            Volume m = ImageIO.requireLabels(dicom ? ImageIO.readMask(mask, p.image(), segment) : ImageIO.read(mask),
                    mask.toString());
            if (!dicom) {
                Geometry img = ImageIO.read(p.image()).geometry();
                String mismatch = img.mismatch(m.geometry(), 1e-6);
                if (mismatch != null) {
                    return mask + ": not on the grid of the image " + p.image().getFileName() + " (" + mismatch + ")";
                }
            }
            if (MaskPerturbation.count(m.labelMask(label)) == 0) {
                return mask + ": no voxel has label " + label + " (the second reader's ROI is empty)";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return ErrorText.of(e);
        }
    }

    /**
     * Runs the stage on the training patients of {@code data}.
     *
     * @param original the study's own radiomics features
     * @param log      told each step
     */
    static Result run(Cohort cohort, StudyData data, Robustness r, ExtractionSettings settings, int label,
                      FeatureSteps.Output original, String maskColumn, Path outDir, int threads, boolean exclusions,
                      java.util.function.BiFunction<String, Integer, IntConsumer> progress, Consumer<String> log)
            throws IOException, CohortException {
        Map<String, Cohort.Patient> byId = new LinkedHashMap<>();
        for (Cohort.Patient p : cohort.patients()) {
            byId.put(p.id(), p);
        }
        List<Cohort.Patient> training = new ArrayList<>();
        for (int i : data.rows(true)) {
            training.add(byId.get(data.ids().get(i)));
        }
        List<String> labels = new ArrayList<>();
        labels.add("original masks");
        List<FeatureSteps.Output> outputs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> left = new LinkedHashMap<>(); // patient → why left out of the ICC (exclusions: true)
        if (r.source() == Robustness.Source.READER2) {
            List<CaseSpec> cases = new ArrayList<>();
            for (Cohort.Patient p : training) {
                Path m = reader2(cohort, p, r);
                if (m != null) {
                    cases.add(CaseSpec.radiomics(p.id(), p.image(), m, label, segment(p, r)));
                }
            }
            log.accept("robustness: radiomics of the second reader's masks of " + cases.size() + " training patients");
            FeatureSteps.Output o = FeatureSteps.run(cases, settings, outDir.resolve("cache/radiomics-reader2"), threads,
                    callback(progress, "radiomics (reader 2)", cases.size()));
            collect(o, byId, r.column(), problems, left, "reader 2");
            notes(log, "robustness (reader 2)", o);
            labels.add("reader 2");
            outputs.add(o);
        } else {
            for (MaskPerturbation.Kind kind : r.perturbations()) {
                Path maskDir = outDir.resolve("cache/masks/" + kind);
                Files.createDirectories(maskDir);
                List<CaseSpec> cases = new ArrayList<>();
                for (Cohort.Patient p : training) {
                    try {
                        Path m = perturbedMask(p, kind, label, r.seed(), maskDir);
                        cases.add(CaseSpec.radiomics(p.id(), p.image(), m, label, null));
                    } catch (IOException | RuntimeException e) {
                        String why = kind + ": " + ErrorText.of(e);
                        problems.add(new Problem(p.row(), p.id(), maskColumn, "robustness: " + why));
                        left.put(p.id(), why);
                    }
                }
                log.accept("robustness: radiomics of " + cases.size() + " training patients' masks after " + kind
                        + (kind == MaskPerturbation.Kind.CONTOUR ? " (seed " + r.seed() + ")" : " by one voxel"));
                FeatureSteps.Output o = FeatureSteps.run(cases, settings, outDir.resolve("cache/radiomics-" + kind),
                        threads, callback(progress, "radiomics (" + kind + ")", cases.size()));
                collect(o, byId, maskColumn, problems, left, kind.toString());
                notes(log, "robustness (" + kind + ")", o);
                labels.add(kind.toString());
                outputs.add(o);
            }
        }
        if (!problems.isEmpty() && !exclusions) {
            throw new CohortException(cohort.manifest().toString(), problems);
        }
        for (Map.Entry<String, String> e : left.entrySet()) {
            log.accept("robustness: warning: " + e.getKey() + " left out of the ICC (" + e.getValue() + ")");
        }
        List<String> ids = new ArrayList<>();
        for (Cohort.Patient p : training) {
            boolean everywhere = !left.containsKey(p.id());
            for (FeatureSteps.Output o : outputs) {
                everywhere &= o.features().containsKey(p.id());
            }
            if (everywhere) {
                ids.add(p.id());
            }
        }
        if (ids.size() < Robustness.MIN_PATIENTS) {
            throw new CohortException(cohort.manifest().toString(), List.of(new Problem(0, null,
                    r.source() == Robustness.Source.READER2 ? r.column() : null, "only " + ids.size()
                    + " training patients have every measurement; the ICC filter needs at least "
                    + Robustness.MIN_PATIENTS)));
        }
        List<FeatureSteps.Output> all = new ArrayList<>();
        all.add(original);
        all.addAll(outputs);
        Result result = icc(data.radiomicsNames(), ids, all, labels, r);
        log.accept("robustness: " + result.describe());
        return result;
    }

    /**
     * The ICC of each feature over the measurements of the given patients. A feature not finite in some measurement
     * of some patient is dropped with that reason; the others go to {@link FeatureRobustness#select}.
     */
    static Result icc(List<String> names, List<String> ids, List<FeatureSteps.Output> outputs, List<String> labels,
                      Robustness r) {
        int n = ids.size();
        List<double[][]> tables = new ArrayList<>();
        for (FeatureSteps.Output o : outputs) {
            double[][] t = new double[n][names.size()];
            for (int i = 0; i < n; i++) {
                Map<String, Double> f = o.features().get(ids.get(i));
                for (int j = 0; j < names.size(); j++) {
                    Double v = f.get(names.get(j));
                    t[i][j] = v == null ? Double.NaN : v;
                }
            }
            tables.add(t);
        }
        List<String> finite = new ArrayList<>();
        List<Integer> finiteCols = new ArrayList<>();
        Map<String, String> notFinite = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            String why = null;
            for (int m = 0; m < tables.size() && why == null; m++) {
                for (int i = 0; i < n && why == null; i++) {
                    if (!Double.isFinite(tables.get(m)[i][j])) {
                        why = "not finite (" + tables.get(m)[i][j] + ") in " + labels.get(m) + " of patient " + ids.get(i);
                    }
                }
            }
            if (why == null) {
                finite.add(names.get(j));
                finiteCols.add(j);
            } else {
                notFinite.put(names.get(j), why);
            }
        }
        List<double[][]> sub = new ArrayList<>();
        for (double[][] t : tables) {
            double[][] s = new double[n][finiteCols.size()];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < finiteCols.size(); c++) {
                    s[i][c] = t[i][finiteCols.get(c)];
                }
            }
            sub.add(s);
        }
        FeatureRobustness.Selection sel = finite.isEmpty() ? new FeatureRobustness.Selection(List.of(), List.of())
                : FeatureRobustness.select(finite, sub, labels, r.icc().form(), r.threshold(), r.criterion().criterion());
        Map<String, FeatureRobustness.FeatureIcc> byName = new LinkedHashMap<>();
        sel.features().forEach(f -> byName.put(f.feature(), f));
        List<FeatureRobustness.FeatureIcc> out = new ArrayList<>();
        for (String name : names) {
            FeatureRobustness.FeatureIcc f = byName.get(name);
            out.add(f != null ? f : new FeatureRobustness.FeatureIcc(name, Double.NaN, Double.NaN, Double.NaN, false,
                    notFinite.get(name)));
        }
        return new Result(r, List.copyOf(labels), List.copyOf(ids), List.copyOf(out), sel.kept());
    }

    /**
     * Writes a patient's perturbed mask (a label map on the image grid) and returns its path. The file is replaced
     * atomically; its bytes depend only on the mask, the label, the perturbation and the seed.
     */
    static Path perturbedMask(Cohort.Patient p, MaskPerturbation.Kind kind, int label, long seed, Path dir)
            throws IOException {
        boolean dicom = Files.isRegularFile(p.mask()) && ImageIO.isDicom(p.mask());
        Volume mask = ImageIO.requireLabels(dicom ? ImageIO.readMask(p.mask(), p.image(), p.maskSegment())
                : ImageIO.read(p.mask()), p.mask().toString());
        Volume perturbed = MaskPerturbation.apply(kind, mask, label, MaskPerturbation.patientSeed(seed, p.id()));
        String name = safe(p.id()) + ".nii.gz";
        Path target = dir.resolve(name);
        Path tmp = dir.resolve(".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + "-" + name);
        try {
            ImageIO.write(perturbed, tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** A patient id as a file name: characters other than letters, digits, '-', '_' and '.' become '_'. */
    private static String safe(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }

    private static void collect(FeatureSteps.Output o, Map<String, Cohort.Patient> byId, String column,
                                List<Problem> problems, Map<String, String> left, String what) {
        o.failures().forEach((id, why) -> {
            Cohort.Patient p = byId.get(id);
            problems.add(new Problem(p.row(), id, column, "robustness (" + what + "): " + why));
            left.put(id, what + ": " + why);
        });
    }

    private static void notes(Consumer<String> log, String step, FeatureSteps.Output o) {
        if (o.reused() > 0) {
            log.accept(step + ": " + o.reused() + " patients from the cache (inputs and settings unchanged)");
        }
        for (String n : o.notes()) {
            log.accept(step + ": " + n);
        }
    }

    private static IntConsumer callback(java.util.function.BiFunction<String, Integer, IntConsumer> progress,
                                        String what, int n) {
        return progress == null ? null : progress.apply(what, n);
    }
}
