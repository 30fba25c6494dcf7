package org.nacrad.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.nacrad.diffusion.DiffusionAnalysis;
import org.nacrad.diffusion.DiffusionMaps;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.CaseExtractor;

/**
 * The per-patient imaging steps of the study, cached and run in parallel over patients: radiomics features of the
 * tumour (PyRadiomics-compatible extraction with the configured parameter file) and the diffusion quantities
 * (tumour ADC, MD, MK means and their ratios to the reference tissue).
 */
public final class FeatureSteps {

    /** The diffusion quantities the study uses, named as predictors. */
    public static final List<String> DIFFUSION = List.of("adc_mean", "md_mean", "mk_mean", "radc", "rmd", "rmk");

    private FeatureSteps() {
    }

    /** Per-patient results and failures (patient id → message). */
    public record Output(Map<String, Map<String, Double>> features, Map<String, String> failures) {
    }

    /** Extracts PyRadiomics-mode features for every patient. */
    public static Output radiomics(List<Cohort.Patient> patients, ParameterFile params, String paramsText, int label,
                                   Path cacheDir, int threads, IntConsumer progress) throws IOException {
        return radiomics(patients, new CaseExtractor.PyRadiomics(params, Runnable::run), paramsText, label, cacheDir,
                threads, progress);
    }

    /** Extracts radiomics features (either standard) for every patient. */
    public static Output radiomics(List<Cohort.Patient> patients, CaseExtractor params, String paramsText, int label,
                                   Path cacheDir, int threads, IntConsumer progress) throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir);
        CaseExtractor extractor = params.withLabel(label);
        // (the PyRadiomics key as before, so existing caches stay valid)
        String settings = "radiomics v1\nlabel " + label + "\n"
                + (extractor.standard().equals(CaseExtractor.PYRADIOMICS) ? "" : "standard " + extractor.standard() + "\n")
                + paramsText;
        return run(patients, threads, progress, pt -> {
            String key = FeatureCache.key(settings + "\nsegment " + pt.maskSegment(), files(pt.image(), pt.mask()));
            Map<String, Double> f = cache.get(pt.id(), key);
            if (f == null) {
                f = extractor.features(pt.image(), pt.mask(), pt.maskSegment());
                cache.put(pt.id(), key, f);
            }
            return f;
        });
    }

    /**
     * Computes the diffusion quantities of every patient. The DWI is a 4D file or a DICOM folder; its b-values come
     * from the b-values file or the DICOM (see {@link DiffusionAnalysis#readDwi}); the tumour and reference masks
     * are label maps or DICOM-SEG/RTSTRUCT files drawn on the DWI series, with the patient's segments.
     */
    public static Output diffusion(List<Cohort.Patient> patients, double adcMaxB, Path cacheDir, int threads,
                                   IntConsumer progress) throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir);
        String settings = "diffusion v1\nadc_max_b " + adcMaxB;
        return run(patients, threads, progress, pt -> {
            String key = FeatureCache.key(settings + "\ndwi_mask_segment " + pt.dwiMaskSegment()
                    + "\nreference_mask_segment " + pt.referenceSegment(),
                    files(pt.dwi(), pt.bvals(), pt.dwiMask(), pt.reference()));
            Map<String, Double> f = cache.get(pt.id(), key);
            if (f == null) {
                DiffusionAnalysis.Dwi dwi = DiffusionAnalysis.readDwi(List.of(pt.dwi()),
                        pt.bvals() == null ? null : DiffusionAnalysis.readBvals(pt.bvals()), String.valueOf(pt.bvals()));
                DiffusionAnalysis.Result r = DiffusionAnalysis.run(dwi.volumes(), dwi.bValues(), pt.dwi().toString(),
                        DiffusionAnalysis.readMask(dwi, pt.dwiMask(), pt.dwiMaskSegment()), pt.dwiMask().toString(),
                        DiffusionAnalysis.readMask(dwi, pt.reference(), pt.referenceSegment()),
                        pt.reference().toString(), new DiffusionMaps.Options(adcMaxB, false, 1), false);
                Map<String, Double> q = r.quantities();
                f = new LinkedHashMap<>();
                f.put("adc_mean", q.get("tumour_adc_mean"));
                f.put("md_mean", q.get("tumour_md_mean"));
                f.put("mk_mean", q.get("tumour_mk_mean"));
                f.put("radc", q.get("radc"));
                f.put("rmd", q.get("rmd"));
                f.put("rmk", q.get("rmk"));
                f.put("dwi_tumour_voxels", q.get("tumour_voxels"));
                f.put("dwi_tumour_excluded", q.get("tumour_excluded"));
                f.put("dwi_reference_voxels", q.get("reference_voxels"));
                f.put("dwi_reference_excluded", q.get("reference_excluded"));
                cache.put(pt.id(), key, f);
            }
            return f;
        });
    }

    @FunctionalInterface
    interface PatientStep {
        Map<String, Double> apply(Cohort.Patient p) throws IOException;
    }

    private static Output run(List<Cohort.Patient> patients, int threads, IntConsumer progress, PatientStep step) {
        int n = patients.size();
        @SuppressWarnings("unchecked")
        Map<String, Double>[] out = new Map[n];
        String[] err = new String[n];
        AtomicInteger done = new AtomicInteger();
        IntConsumer one = i -> {
            Cohort.Patient p = patients.get(i);
            try {
                out[i] = step.apply(p);
            } catch (IOException | RuntimeException e) {
                err[i] = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            if (progress != null) {
                progress.accept(done.incrementAndGet());
            }
        };
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(one)).join();
        } finally {
            pool.shutdown();
        }
        Map<String, Map<String, Double>> features = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (out[i] != null) {
                features.put(patients.get(i).id(), out[i]);
            } else {
                failures.put(patients.get(i).id(), err[i]);
            }
        }
        return new Output(features, failures);
    }

    /** Reads a parameter file's text for the cache key (the shipped default when null). */
    static String paramsText(Path file) throws IOException {
        if (file != null) {
            return Files.readString(file);
        }
        try (var in = ParameterFile.class.getResourceAsStream(ParameterFile.NAC_851_RESOURCE)) {
            return in == null ? "defaults" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * The files behind image and mask paths (a DICOM folder contributes every file in it, in name order; null paths,
     * such as an absent b-values file, none).
     */
    static List<Path> files(Path... paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (p == null) {
                continue;
            }
            if (Files.isDirectory(p)) {
                try (var s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static List<String> names(Map<String, Map<String, Double>> features) {
        for (Map<String, Double> f : features.values()) {
            return new ArrayList<>(f.keySet());
        }
        return List.of();
    }
}
