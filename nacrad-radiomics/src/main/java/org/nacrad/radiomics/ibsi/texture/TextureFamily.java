package org.nacrad.radiomics.ibsi.texture;

import java.util.List;
import java.util.Locale;

/**
 * The six IBSI-1 texture families, with the tag prefix of the IBSI reference tables and the family's permanent IBSI
 * code.
 *
 * <p>GLCM and GLRLM are built per direction and have six aggregations (2D averaged / slice-merged, 2.5D
 * direction-merged / merged, 3D averaged / merged); the other four have one matrix per slice or volume and three
 * aggregations (2D, 2.5D, 3D).
 */
public enum TextureFamily {
    /** Grey level co-occurrence matrix. */
    GLCM("cm", "LFYI", true),
    /** Grey level run length matrix. */
    GLRLM("rlm", "TP0I", true),
    /** Grey level size zone matrix. */
    GLSZM("szm", "9SAK", false),
    /** Grey level distance zone matrix. */
    GLDZM("dzm", "VMDZ", false),
    /** Neighbourhood grey tone difference matrix. */
    NGTDM("ngt", "IPET", false),
    /** Neighbouring grey level dependence matrix. */
    NGLDM("ngl", "REK0", false);

    private final String prefix;
    private final String code;
    private final boolean directional;

    TextureFamily(String prefix, String code, boolean directional) {
        this.prefix = prefix;
        this.code = code;
        this.directional = directional;
    }

    /** The tag prefix of the IBSI tables, e.g. {@code cm} (tags read {@code cm_joint_max_3D_avg}). */
    public String prefix() {
        return prefix;
    }

    /** The permanent IBSI code of the family, e.g. {@code LFYI} for GLCM. */
    public String code() {
        return code;
    }

    /** Whether the family has one matrix per direction (GLCM, GLRLM) and therefore six aggregations. */
    public boolean directional() {
        return directional;
    }

    /** The aggregations IBSI defines for this family, in the order of the IBSI tables. */
    public List<Aggregation> aggregations() {
        return Aggregation.of(this);
    }

    /**
     * The family named by its IBSI prefix ({@code cm}, {@code rlm}, ...) or its matrix name ({@code glcm}, ...), in
     * any case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static TextureFamily parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (TextureFamily f : values()) {
            if (f.prefix.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown texture family '" + name
                + "' (expected one of glcm, glrlm, glszm, gldzm, ngtdm, ngldm, or cm, rlm, szm, dzm, ngt, ngl)");
    }
}
