package org.nacrad.radiomics.ibsi;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nacrad.radiomics.ibsi.texture.IbsiTexture;
import org.nacrad.radiomics.ibsi.texture.TextureFamily;
import org.nacrad.radiomics.ibsi.texture.TextureInput;
import org.nacrad.radiomics.ibsi.texture.TextureSettings;

/**
 * The bridge to the IBSI texture families ({@link IbsiTexture}): each enabled family is computed in the dimensions
 * of its aggregations (2D, 2.5D, 3D) with the settings' distance δ (GLCM, NGTDM, NGLDM; Chebyshev), NGLDM coarseness
 * α and zone linkage (Chebyshev distance δ), and only the asked aggregations are kept.
 */
final class IbsiTextures {

    private IbsiTextures() {
    }

    /** The texture features of the enabled families and aggregations, by IBSI tag, in the IBSI tables' order. */
    static Map<String, Double> compute(TextureInput in, IbsiSettings s) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : s.families()) {
            if (IbsiSettings.NON_TEXTURE.contains(name)) {
                continue;
            }
            TextureFamily family = TextureFamily.parse(name);
            List<String> aggregations = s.aggregationsOf(name);
            Set<TextureSettings.Dimension> dims = EnumSet.noneOf(TextureSettings.Dimension.class);
            for (String a : aggregations) {
                dims.add(TextureSettings.Dimension.parse(a.replaceAll("_(avg|comb)$", "")));
            }
            TextureSettings ts = TextureSettings.defaults().withFamilies(Set.of(family)).withDimensions(dims)
                    .withDistance(s.textureDistance()).withNgldmAlpha(s.ngldmCoarseness())
                    .withZoneLinkage(new TextureSettings.Linkage(TextureSettings.Norm.CHEBYSHEV,
                            s.textureDistance()));
            for (Map.Entry<String, Double> e : IbsiTexture.compute(in, ts).entrySet()) {
                String tag = e.getKey();
                for (String a : aggregations) {
                    if (tag.endsWith("_" + a) && !(a.length() <= 4 && tag.matches(".*_(avg|comb)$"))) {
                        out.put(tag, e.getValue());
                        break;
                    }
                }
            }
        }
        return out;
    }
}
