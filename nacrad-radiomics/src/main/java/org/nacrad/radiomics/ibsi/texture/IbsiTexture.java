package org.nacrad.radiomics.ibsi.texture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;

/**
 * The IBSI-1 texture features of a discretised ROI: GLCM and GLRLM in six aggregations, GLSZM, GLDZM, NGTDM and
 * NGLDM in 2D, 2.5D and 3D, as the IBSI reference manual defines them.
 *
 * <p>{@link #compute} returns the features keyed by the tags of the IBSI reference tables: family prefix, feature,
 * aggregation suffix, e.g. {@code cm_joint_max_3D_avg}, {@code rlm_sre_2_5D_comb}, {@code szm_sze_2D},
 * {@code ngl_lde_2_5D}. The order is that of the IBSI tables: family (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM),
 * then aggregation (2D before 2.5D before 3D; averaged before merged), then feature. {@link #code} gives the second
 * naming by permanent IBSI codes: the feature's code and the aggregation's, e.g. {@code GYBY_ITBB} for
 * {@code cm_joint_max_3D_avg}.
 *
 * <p>A feature without any matrix to compute it from (an empty intensity mask; a 2D GLCM of an ROI whose slices
 * hold single voxels) is NaN, as is a feature undefined for every matrix of its aggregation (see {@link Glcm}).
 *
 * <p>2D and 2.5D work in the x-y plane of {@link TextureInput}, slice by slice along z.
 */
public final class IbsiTexture {

    private IbsiTexture() {
    }

    /**
     * The texture features of a discretised ROI.
     *
     * @param input    grey levels 1..N<sub>g</sub> in the intensity mask, and the morphological mask
     * @param settings families, dimensions and neighbourhoods
     * @return an unmodifiable map from IBSI tag to value, in the order of the IBSI tables
     * @throws IllegalArgumentException when a grey level lies outside 0..N<sub>g</sub> or a voxel of the intensity
     *                                  mask lies outside the morphological mask
     */
    public static Map<String, Double> compute(TextureInput input, TextureSettings settings) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(settings, "settings");
        RoiGrid g = RoiGrid.of(input, settings.reach());
        Map<String, Double> out = new LinkedHashMap<>();
        Zones planar = null;
        Zones volume = null;
        boolean zonal = settings.families().contains(TextureFamily.GLSZM)
                || settings.families().contains(TextureFamily.GLDZM);
        if (zonal) {
            boolean distances = settings.families().contains(TextureFamily.GLDZM);
            TextureSettings.Linkage link = settings.zoneLinkage();
            if (settings.dimensions().contains(Dimension.D2) || settings.dimensions().contains(Dimension.D2_5)) {
                planar = Zones.of(g, g.neighbourhood(link.norm(), link.distance(), true),
                        distances ? Zones.distanceMap(g, true) : null);
            }
            if (settings.dimensions().contains(Dimension.D3)) {
                volume = Zones.of(g, g.neighbourhood(link.norm(), link.distance(), false),
                        distances ? Zones.distanceMap(g, false) : null);
            }
        }
        for (TextureFamily family : TextureFamily.values()) {
            if (!settings.families().contains(family)) {
                continue;
            }
            Map<Aggregation, double[]> values = new EnumMap<>(Aggregation.class);
            switch (family) {
                case GLCM -> Glcm.compute(g, settings, values);
                case GLRLM -> Glrlm.compute(g, settings, values);
                case GLSZM -> Glszm.compute(g, settings.dimensions(), planar, volume, values);
                case GLDZM -> Gldzm.compute(g, settings.dimensions(), planar, volume, values);
                case NGTDM -> Ngtdm.compute(g, settings, values);
                case NGLDM -> Ngldm.compute(g, settings, values);
                default -> throw new AssertionError(family);
            }
            List<String> tags = featureTags(family);
            for (Map.Entry<Aggregation, double[]> e : values.entrySet()) {
                double[] v = e.getValue();
                for (int k = 0; k < v.length; k++) {
                    out.put(family.prefix() + "_" + tags.get(k) + "_" + e.getKey().suffix(), v[k]);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The tags {@link #compute} returns for these settings, in its order. */
    public static List<String> tags(TextureSettings settings) {
        List<String> out = new ArrayList<>();
        for (TextureFamily family : TextureFamily.values()) {
            if (!settings.families().contains(family)) {
                continue;
            }
            for (Aggregation a : family.aggregations()) {
                if (settings.dimensions().contains(a.dimension())) {
                    for (String t : featureTags(family)) {
                        out.add(family.prefix() + "_" + t + "_" + a.suffix());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The permanent IBSI code of a texture tag: the feature's code, an underscore, the aggregation's code
     * ({@code cm_joint_max_3D_avg} → {@code GYBY_ITBB}, {@code szm_sze_2_5D} → {@code 5QRC_62GR}).
     *
     * @throws IllegalArgumentException when the tag is not an IBSI texture tag
     */
    public static String code(String tag) {
        for (TextureFamily family : TextureFamily.values()) {
            if (!tag.startsWith(family.prefix() + "_")) {
                continue;
            }
            for (Aggregation a : family.aggregations()) {
                String suffix = "_" + a.suffix();
                if (tag.endsWith(suffix)) {
                    String feature = tag.substring(family.prefix().length() + 1, tag.length() - suffix.length());
                    List<String> tags = featureTags(family);
                    int k = tags.indexOf(feature);
                    if (k >= 0) {
                        return featureCodes(family).get(k) + "_" + a.code();
                    }
                }
            }
        }
        throw new IllegalArgumentException("'" + tag + "' is not an IBSI texture feature tag");
    }

    /** The feature tags of a family without prefix and suffix ({@code joint_max}, ...), in the IBSI tables' order. */
    public static List<String> featureTags(TextureFamily family) {
        return features(family).stream().map(Feature::tag).toList();
    }

    /** The permanent IBSI codes of a family's features, in the order of {@link #featureTags}. */
    public static List<String> featureCodes(TextureFamily family) {
        return features(family).stream().map(Feature::code).toList();
    }

    private static List<? extends Feature<?>> features(TextureFamily family) {
        return switch (family) {
            case GLCM -> Glcm.FEATURES;
            case GLRLM -> Glrlm.FEATURES;
            case GLSZM -> Glszm.FEATURES;
            case GLDZM -> Gldzm.FEATURES;
            case NGTDM -> Ngtdm.FEATURES;
            case NGLDM -> Ngldm.FEATURES;
        };
    }
}
