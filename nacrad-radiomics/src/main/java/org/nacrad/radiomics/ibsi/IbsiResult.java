package org.nacrad.radiomics.ibsi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an IBSI extraction gives: the diagnostic values of the processing steps (by IBSI diagnostic tag, e.g.
 * {@code int_mask_vox_count_reseg_roi}) and the features (by IBSI tag, e.g. {@code morph_volume},
 * {@code cm_joint_max_3D_avg}, or by IBSI code when asked), both in IBSI's order.
 */
public record IbsiResult(Map<String, Double> diagnostics, Map<String, Double> features) {

    public IbsiResult {
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** Diagnostics then features in one map. */
    public Map<String, Double> all() {
        Map<String, Double> m = new LinkedHashMap<>(diagnostics);
        m.putAll(features);
        return m;
    }
}
