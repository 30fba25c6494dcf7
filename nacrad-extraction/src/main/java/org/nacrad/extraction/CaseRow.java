package org.nacrad.extraction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one case: one row of a feature table.
 *
 * @param id             the case id
 * @param features       feature name → value, in extraction order (PyRadiomics' names for radiomics; {@code
 *                       adc_mean}, {@code md_mean}, … for diffusion); empty when the case failed
 * @param diagnostics    PyRadiomics' {@code diagnostics_*} entries as text (doubles in Python's shortest
 *                       round-trip form), in extraction order; empty when the case failed
 * @param error          one line saying why the case failed, or null when it succeeded
 * @param inputChecksums input role ({@link CaseSpec#files()}) → SHA-256 of the file's bytes, or of every file of
 *                       a DICOM folder (empty when the inputs could not be read)
 * @param nacradVersion  the nacrad version that computed the row
 * @param parameterHash  SHA-256 of the extraction settings ({@link ExtractionSettings#hash()})
 */
public record CaseRow(String id, Map<String, Double> features, Map<String, String> diagnostics, String error,
                      Map<String, String> inputChecksums, String nacradVersion, String parameterHash) {

    public CaseRow {
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        inputChecksums = Collections.unmodifiableMap(new LinkedHashMap<>(inputChecksums));
    }

    /** Whether the case succeeded. */
    public boolean ok() {
        return error == null;
    }

    /** A failed case's row. */
    static CaseRow failed(String id, String error, Map<String, String> checksums, String version, String hash) {
        return new CaseRow(id, Map.of(), Map.of(), error, checksums, version, hash);
    }
}
