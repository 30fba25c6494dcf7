package org.nacrad.radiomics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one extraction: PyRadiomics' {@code diagnostics_*} entries (text, integers or doubles) and the
 * features ({@code original_glcm_Idmn} → value), each in PyRadiomics' order. Immutable.
 */
public record RadiomicsResult(Map<String, Object> diagnostics, Map<String, Double> features) {

    public RadiomicsResult {
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** Diagnostics then features, as PyRadiomics' {@code execute} returns them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>(diagnostics);
        m.putAll(features);
        return Collections.unmodifiableMap(m);
    }
}
