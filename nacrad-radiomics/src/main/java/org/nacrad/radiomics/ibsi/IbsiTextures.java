package org.nacrad.radiomics.ibsi;

import java.util.Map;

import org.nacrad.radiomics.ibsi.texture.TextureInput;

/** The bridge to the IBSI texture families (package {@code org.nacrad.radiomics.ibsi.texture}). */
final class IbsiTextures {

    private IbsiTextures() {
    }

    /** The texture features of the enabled families and aggregations, by IBSI tag. */
    static Map<String, Double> compute(TextureInput in, IbsiSettings s) {
        return Map.of();
    }
}
