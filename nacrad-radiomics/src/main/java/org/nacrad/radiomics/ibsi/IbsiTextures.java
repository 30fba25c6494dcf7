package org.nacrad.radiomics.ibsi;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.nacrad.radiomics.ibsi.texture.Aggregation;
import org.nacrad.radiomics.ibsi.texture.IbsiTexture;
import org.nacrad.radiomics.ibsi.texture.TextureFamily;
import org.nacrad.radiomics.ibsi.texture.TextureInput;
import org.nacrad.radiomics.ibsi.texture.TextureSettings;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Linkage;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;

/** The bridge to the IBSI texture families (package {@code org.nacrad.radiomics.ibsi.texture}). */
final class IbsiTextures {

    private IbsiTextures() {
    }

    /**
     * The texture features of the enabled families and aggregations, by IBSI tag: {@link IbsiTexture#compute} in the
     * dimensions the aggregations need, with the settings' distance for GLCM, NGTDM and NGLDM and as the Chebyshev
     * linkage distance of GLSZM and GLDZM, and its NGLDM coarseness; only the aggregations asked for are kept.
     */
    static Map<String, Double> compute(TextureInput in, IbsiSettings s) {
        Set<TextureFamily> families = EnumSet.noneOf(TextureFamily.class);
        Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
        Set<String> suffixes = new HashSet<>();
        for (String f : s.families()) {
            if (IbsiSettings.NON_TEXTURE.contains(f)) {
                continue;
            }
            TextureFamily family = TextureFamily.parse(f);
            families.add(family);
            for (String a : s.aggregationsOf(f)) {
                Aggregation agg = Aggregation.parse(family, a);
                dimensions.add(agg.dimension());
                suffixes.add(family.prefix() + "|" + agg.suffix());
            }
        }
        TextureSettings ts = TextureSettings.defaults().withFamilies(families).withDimensions(dimensions)
                .withDistance(s.textureDistance()).withNgldmAlpha(s.ngldmCoarseness())
                .withZoneLinkage(new Linkage(Norm.CHEBYSHEV, s.textureDistance()));
        Map<String, Double> all = IbsiTexture.compute(in, ts);
        Map<String, Double> out = new LinkedHashMap<>();
        for (TextureFamily family : families) {
            for (Aggregation a : family.aggregations()) {
                if (!suffixes.contains(family.prefix() + "|" + a.suffix())) {
                    continue;
                }
                for (String t : IbsiTexture.featureTags(family)) {
                    String tag = family.prefix() + "_" + t + "_" + a.suffix();
                    out.put(tag, all.get(tag));
                }
            }
        }
        return out;
    }
}
