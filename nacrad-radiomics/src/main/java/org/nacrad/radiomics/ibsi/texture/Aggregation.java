package org.nacrad.radiomics.ibsi.texture;

import java.util.ArrayList;
import java.util.List;

import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;

/**
 * How a texture family's matrices become one feature value (IBSI-1, "Aggregating features"), with the tag suffix
 * of the IBSI reference tables and the permanent IBSI code.
 *
 * <p>For the directional families (GLCM, GLRLM) a matrix is built per direction (4 in-plane directions per slice in
 * 2D and 2.5D, 13 directions in 3D):
 * <ul>
 *   <li>{@link #AVG_2D}: a feature per direction and slice, averaged over all of them (BTW3);</li>
 *   <li>{@link #COMB_2D}: the directions of a slice merged, a feature per slice, averaged over slices (SUJT);</li>
 *   <li>{@link #AVG_2_5D}: each direction merged over all slices, a feature per direction, averaged (JJUI);</li>
 *   <li>{@link #COMB_2_5D}: one matrix merged over all directions and slices (ZW7Z);</li>
 *   <li>{@link #AVG_3D}: a feature per 3D direction, averaged (ITBB);</li>
 *   <li>{@link #COMB_3D}: one matrix merged over the 13 directions (IAZD).</li>
 * </ul>
 * For GLSZM, GLDZM, NGTDM and NGLDM: {@link #SLICE_2D} a matrix per slice, features averaged over slices (8QNN);
 * {@link #MERGED_2_5D} the slices' matrices merged (62GR); {@link #VOLUME_3D} one 3D matrix (KOBO).
 *
 * <p>Merging adds the counts (and, where a feature needs it, the voxel counts N<sub>v</sub>) before the
 * probabilities are formed.
 */
public enum Aggregation {
    AVG_2D("2D_avg", "BTW3", Dimension.D2, true),
    COMB_2D("2D_comb", "SUJT", Dimension.D2, true),
    AVG_2_5D("2_5D_avg", "JJUI", Dimension.D2_5, true),
    COMB_2_5D("2_5D_comb", "ZW7Z", Dimension.D2_5, true),
    AVG_3D("3D_avg", "ITBB", Dimension.D3, true),
    COMB_3D("3D_comb", "IAZD", Dimension.D3, true),
    SLICE_2D("2D", "8QNN", Dimension.D2, false),
    MERGED_2_5D("2_5D", "62GR", Dimension.D2_5, false),
    VOLUME_3D("3D", "KOBO", Dimension.D3, false);

    private final String suffix;
    private final String code;
    private final Dimension dimension;
    private final boolean directional;

    Aggregation(String suffix, String code, Dimension dimension, boolean directional) {
        this.suffix = suffix;
        this.code = code;
        this.dimension = dimension;
        this.directional = directional;
    }

    /** The tag suffix of the IBSI tables, e.g. {@code 2_5D_comb}. */
    public String suffix() {
        return suffix;
    }

    /** The permanent IBSI code of the aggregation method, e.g. {@code ZW7Z}. */
    public String code() {
        return code;
    }

    /** 2D, 2.5D or 3D. */
    public Dimension dimension() {
        return dimension;
    }

    /** Whether this aggregation belongs to the directional families (GLCM, GLRLM). */
    public boolean directional() {
        return directional;
    }

    /** The aggregations IBSI defines for a family, in the order of the IBSI tables. */
    static List<Aggregation> of(TextureFamily family) {
        List<Aggregation> out = new ArrayList<>();
        for (Aggregation a : values()) {
            if (a.directional == family.directional()) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** The aggregations of a family for one dimension: two for GLCM and GLRLM (averaged, merged), one otherwise. */
    static List<Aggregation> of(TextureFamily family, Dimension dimension) {
        List<Aggregation> out = new ArrayList<>();
        for (Aggregation a : of(family)) {
            if (a.dimension == dimension) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The aggregation of a family written as its tag suffix ({@code 2D_avg}, {@code 2_5D}, {@code 3D_comb}, ...).
     *
     * @throws IllegalArgumentException when the suffix is unknown or IBSI does not define it for the family
     *                                  (e.g. {@code 2D_avg} for GLSZM), naming the suffixes that are defined
     */
    public static Aggregation parse(TextureFamily family, String suffix) {
        List<String> defined = new ArrayList<>();
        for (Aggregation a : of(family)) {
            if (a.suffix.equalsIgnoreCase(suffix.trim())) {
                return a;
            }
            defined.add(a.suffix);
        }
        throw new IllegalArgumentException("aggregation '" + suffix + "' is not defined for " + family
                + " (IBSI defines " + String.join(", ", defined) + ")");
    }
}
