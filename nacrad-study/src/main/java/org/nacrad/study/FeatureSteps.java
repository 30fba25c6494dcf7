package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.nacrad.extraction.CaseExtractor;
import org.nacrad.extraction.CaseRow;
import org.nacrad.extraction.CaseRunner;
import org.nacrad.extraction.CaseSpec;
import org.nacrad.extraction.DirectoryStore;
import org.nacrad.extraction.ExtractionSettings;

/**
 * The per-patient imaging steps of the study: radiomics features of the tumour (the configured parameter file) and
 * the diffusion quantities (tumour ADC, MD, MK means and their ratios to the reference tissue), each through the
 * shared {@link CaseRunner}: in parallel over patients, cached under {@code output/cache/<step>/} so that a rerun
 * reuses exactly what is unchanged (settings and input files by SHA-256) and a stopped run resumes.
 */
final class FeatureSteps {

    private FeatureSteps() {
    }

    /**
     * Per-patient results.
     *
     * @param features patient id → feature name → value (patients that succeeded)
     * @param failures patient id → why the step failed
     * @param notes    cached results not reused, and why (one line per reason)
     * @param reused   patients whose cached result was reused
     */
    record Output(Map<String, Map<String, Double>> features, Map<String, String> failures, List<String> notes,
                  int reused) {

        /** The feature names, as the first patient has them. */
        List<String> names() {
            for (Map<String, Double> f : features.values()) {
                return new ArrayList<>(f.keySet());
            }
            return List.of();
        }
    }

    /** Extracts radiomics features for every patient, with the mask label of the config. */
    static Output radiomics(List<Cohort.Patient> patients, ExtractionSettings settings, int label, Path cacheDir,
                            int threads, IntConsumer progress) throws IOException {
        List<CaseSpec> cases = new ArrayList<>();
        for (Cohort.Patient p : patients) {
            cases.add(CaseSpec.radiomics(p.id(), p.image(), p.mask(), label, p.maskSegment()));
        }
        return run(cases, settings, cacheDir, threads, progress);
    }

    /**
     * Computes the diffusion quantities of every patient (see
     * {@link org.nacrad.extraction.DiffusionQuantities#of}).
     */
    static Output diffusion(List<Cohort.Patient> patients, double adcMaxB, Path cacheDir, int threads,
                            IntConsumer progress) throws IOException {
        List<CaseSpec> cases = new ArrayList<>();
        for (Cohort.Patient p : patients) {
            cases.add(new CaseSpec(p.id(), null, null, null, null, p.dwi(), p.bvals(), p.dwiMask(), p.dwiMaskSegment(),
                    p.reference(), p.referenceSegment()));
        }
        return run(cases, ExtractionSettings.diffusion(adcMaxB), cacheDir, threads, progress);
    }

    static Output run(List<CaseSpec> cases, ExtractionSettings settings, Path cacheDir, int threads,
                              IntConsumer progress) throws IOException {
        CaseRunner runner = new CaseRunner(new CaseExtractor(settings), new DirectoryStore(cacheDir), threads,
                CaseRunner.DEFAULT_TIME_LIMIT);
        CaseRunner.Result r = runner.run(cases, progress == null ? null : (done, total, failed) -> progress.accept(done));
        Map<String, Map<String, Double>> features = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (CaseRow row : r.rows()) {
            if (row.ok()) {
                features.put(row.id(), row.features());
            } else {
                failures.put(row.id(), row.error());
            }
        }
        return new Output(features, failures, CaseRunner.Note.summary(r.notes(), 5), r.reused());
    }
}
