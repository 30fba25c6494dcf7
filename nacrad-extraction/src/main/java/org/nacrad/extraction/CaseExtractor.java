package org.nacrad.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nacrad.io.ErrorText;
import org.nacrad.io.Sha256;
import org.nacrad.io.Version;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.PythonRepr;
import org.nacrad.radiomics.RadiomicsExtractor;
import org.nacrad.radiomics.StandardExtraction;
import org.nacrad.radiomics.RadiomicsResult;

/**
 * One case from files to a row: the pure per-case function that {@code extract --batch}, the study's feature step
 * and a Spark job all call ({@link CaseRunner} adds the scheduling, resuming and limits around it).
 *
 * <p>{@link #extract} never throws for a problem of the case: an unreadable or inconsistent file, an empty ROI, a
 * failed fit or running out of memory gives a row whose {@code error} says why, and every other case is unaffected.
 * It reads only the case's files and holds no state between calls, so it may run on any number of threads (each
 * case single-threaded).
 *
 * <pre>
 *   CaseExtractor x = new CaseExtractor(ExtractionSettings.radiomics(Path.of("params/nac-851.yaml")));
 *   CaseRow row = x.extract(CaseSpec.radiomics("P001", Path.of("t1.nii.gz"), Path.of("tumour.nii.gz"), null, null));
 *   row.features().get("original_firstorder_Mean");
 * </pre>
 */
public final class CaseExtractor {

    private final ExtractionSettings settings;
    private final StandardExtraction parameters;
    private final String hash;
    private final String version = Version.nacrad();

    public CaseExtractor(ExtractionSettings settings) {
        this.settings = settings;
        this.parameters = settings.radiomics() ? settings.extraction() : null;
        if (parameters instanceof StandardExtraction.PyRadiomics p) {
            new RadiomicsExtractor(p.parameters()); // a class this build does not have fails now, not per case
        }
        this.hash = settings.hash();
    }

    public ExtractionSettings settings() {
        return settings;
    }

    /** {@link ExtractionSettings#hash()}: the settings part of every row. */
    public String parameterHash() {
        return hash;
    }

    /** The nacrad version written into every row. */
    public String version() {
        return version;
    }

    /** Checksums the case's input files, then extracts. */
    public CaseRow extract(CaseSpec spec) {
        Map<String, String> sums;
        String checksumProblem = null;
        try {
            sums = checksums(spec);
        } catch (IOException | RuntimeException e) {
            // extraction below names an unreadable file in the reader's words; a case whose files read
            // but cannot be checksummed is refused all the same
            sums = Map.of();
            checksumProblem = ErrorText.of(e);
        }
        CaseRow row = compute(spec, sums);
        if (checksumProblem != null && row.ok()) {
            return CaseRow.failed(spec.id(), "cannot checksum the inputs: " + checksumProblem, sums, version, hash);
        }
        return row;
    }

    /** SHA-256 of each input file (every file of a DICOM folder), by role. */
    public Map<String, String> checksums(CaseSpec spec) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : spec.files().entrySet()) {
            boolean radiomicsInput = f.getKey().equals("image") || f.getKey().equals("mask");
            if (!(radiomicsInput ? settings.radiomics() : settings.diffusion())) {
                continue;
            }
            m.put(f.getKey(), Sha256.ofPath(f.getValue()));
        }
        return m;
    }

    /**
     * The identity of a case's computation: settings, nacrad version, label and segments, and input checksums. A
     * stored row is reused only under an equal key.
     */
    public String key(CaseSpec spec, Map<String, String> checksums) {
        StringBuilder b = new StringBuilder(hash).append('\n').append(version);
        if (settings.radiomics()) {
            b.append("\nlabel=").append(spec.label()).append("\nsegment=").append(spec.segment());
        }
        if (settings.diffusion()) {
            b.append("\ndwi_mask_segment=").append(spec.dwiMaskSegment()).append("\nreference_mask_segment=")
                    .append(spec.referenceMaskSegment());
        }
        checksums.forEach((role, sum) -> b.append('\n').append(role).append('=').append(sum));
        return Sha256.ofText(b.toString());
    }

    /** Extracts a case whose checksums are known. */
    CaseRow compute(CaseSpec spec, Map<String, String> checksums) {
        Map<String, Double> features = new LinkedHashMap<>();
        Map<String, String> diagnostics = new LinkedHashMap<>();
        String stage = null;
        try {
            if (settings.radiomics()) {
                stage = "radiomics";
                StandardExtraction p = spec.label() == null ? parameters : parameters.withLabel(spec.label());
                StandardExtraction.Result r = p.extract(spec.image(), spec.mask(), spec.segment());
                r.diagnostics().forEach((k, v) -> diagnostics.put(k, text(v)));
                features.putAll(r.features());
            }
            if (settings.diffusion()) {
                stage = "diffusion";
                features.putAll(DiffusionQuantities.of(spec.dwi(), spec.bvals(), spec.dwiMask(), spec.dwiMaskSegment(),
                        spec.referenceMask(), spec.referenceMaskSegment(), settings.adcMaxB()));
            }
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String why = ErrorText.of(e);
            return CaseRow.failed(spec.id(), settings.radiomics() && settings.diffusion() ? stage + ": " + why : why,
                    checksums, version, hash);
        }
        return new CaseRow(spec.id(), features, diagnostics, null, checksums, version, hash);
    }

    /** A value as a feature table shows it: doubles in Python's shortest round-trip form, the rest as text. */
    public static String text(Object v) {
        return v instanceof Double d ? PythonRepr.ofDouble(d) : String.valueOf(v);
    }
}
