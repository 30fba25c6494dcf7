package org.nacrad.radiomics.ibsi.texture;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link IbsiTexture#compute} computes: which families, in which dimensions, with which neighbourhoods.
 * Immutable; {@link #defaults()} are IBSI's reference settings (every family and dimension, Chebyshev distance
 * δ = 1, NGLDM coarseness α = 0, zones linked at Chebyshev distance 1: 8-connected in 2D, 26-connected in 3D).
 *
 * @param families       the texture families to compute
 * @param dimensions     2D, 2.5D and/or 3D; each gives the aggregations IBSI defines for it (GLCM and GLRLM: the
 *                       averaged and the merged one, e.g. {@code 3D_avg} and {@code 3D_comb}; the other families
 *                       one, e.g. {@code 3D})
 * @param glcmDistance   GLCM distance δ ≥ 1: the 13 (3D) or 4 (2D) direction vectors of Chebyshev length 1 are
 *                       multiplied by δ (IBSI's definition; not all voxels at distance δ)
 * @param ngtdmDistance  NGTDM neighbourhood: all voxels within Chebyshev distance δ ≥ 1 (in-plane in 2D and 2.5D)
 * @param ngldmDistance  NGLDM neighbourhood: all voxels within Chebyshev distance δ ≥ 1 (in-plane in 2D and 2.5D)
 * @param ngldmAlpha     NGLDM coarseness α ≥ 0: a neighbour is dependent when its grey level differs by at most α
 * @param zoneLinkage    which neighbours join a zone of GLSZM and GLDZM (IBSI's default: Chebyshev distance 1)
 */
public record TextureSettings(Set<TextureFamily> families, Set<Dimension> dimensions, int glcmDistance,
        int ngtdmDistance, int ngldmDistance, int ngldmAlpha, Linkage zoneLinkage) {

    /** The dimension texture matrices are built in. */
    public enum Dimension {
        /** Slice by slice (in the x-y plane), features averaged over slices. */
        D2("2D"),
        /** Slice by slice (in the x-y plane), matrices merged over slices. */
        D2_5("2_5D"),
        /** The volume. */
        D3("3D");

        private final String label;

        Dimension(String label) {
            this.label = label;
        }

        /** {@code 2D}, {@code 2_5D} or {@code 3D}, as in the IBSI tags. */
        public String label() {
            return label;
        }

        /**
         * {@code 2D}, {@code 2.5D} / {@code 2_5D}, or {@code 3D} (any case).
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Dimension parse(String text) {
            String t = text.trim().toUpperCase(Locale.ROOT).replace('.', '_');
            for (Dimension d : values()) {
                if (d.label.equals(t)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown texture dimension '" + text + "' (expected 2D, 2.5D or 3D)");
        }
    }

    /** A distance norm for a neighbourhood: voxel offsets m ≠ 0 with ‖m‖ ≤ δ belong to it. */
    public enum Norm {
        /** max(|m<sub>x</sub>|, |m<sub>y</sub>|, |m<sub>z</sub>|): 8 (2D) or 26 (3D) neighbours at δ = 1. */
        CHEBYSHEV,
        /** |m<sub>x</sub>| + |m<sub>y</sub>| + |m<sub>z</sub>|: 4 (2D) or 6 (3D) neighbours at δ = 1. */
        MANHATTAN,
        /** the Euclidean length: 4 (2D) or 6 (3D) neighbours at δ = 1. */
        EUCLIDEAN;

        /** Whether offset (dx, dy, dz) lies within distance δ. */
        boolean within(int dx, int dy, int dz, int delta) {
            return switch (this) {
                case CHEBYSHEV -> Math.max(Math.abs(dx), Math.max(Math.abs(dy), Math.abs(dz))) <= delta;
                case MANHATTAN -> Math.abs(dx) + Math.abs(dy) + Math.abs(dz) <= delta;
                case EUCLIDEAN -> dx * dx + dy * dy + dz * dz <= delta * delta;
            };
        }
    }

    /**
     * Zone linkage of GLSZM and GLDZM: two voxels of equal grey level are linked when their offset lies within
     * {@code distance} under {@code norm}.
     *
     * @param norm     the distance norm
     * @param distance δ ≥ 1
     */
    public record Linkage(Norm norm, int distance) {
        public Linkage {
            Objects.requireNonNull(norm, "zoneLinkage norm");
            if (distance < 1) {
                throw new IllegalArgumentException("zoneLinkage distance must be at least 1, got " + distance);
            }
        }
    }

    public TextureSettings {
        Objects.requireNonNull(families, "families");
        Objects.requireNonNull(dimensions, "dimensions");
        Objects.requireNonNull(zoneLinkage, "zoneLinkage");
        families = families.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(families));
        dimensions = dimensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dimensions));
        requireDistance("glcmDistance", glcmDistance);
        requireDistance("ngtdmDistance", ngtdmDistance);
        requireDistance("ngldmDistance", ngldmDistance);
        if (ngldmAlpha < 0) {
            throw new IllegalArgumentException("ngldmAlpha (NGLDM coarseness) must be 0 or more, got " + ngldmAlpha);
        }
    }

    private static void requireDistance(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 voxel, got " + value);
        }
    }

    /** Every family in 2D, 2.5D and 3D with IBSI's reference neighbourhoods (δ = 1, α = 0, Chebyshev linkage 1). */
    public static TextureSettings defaults() {
        return new TextureSettings(EnumSet.allOf(TextureFamily.class), EnumSet.allOf(Dimension.class), 1, 1, 1, 0,
                new Linkage(Norm.CHEBYSHEV, 1));
    }

    /** These settings with other families. */
    public TextureSettings withFamilies(Collection<TextureFamily> f) {
        return new TextureSettings(Set.copyOf(f), dimensions, glcmDistance, ngtdmDistance, ngldmDistance,
                ngldmAlpha, zoneLinkage);
    }

    /** These settings with other dimensions. */
    public TextureSettings withDimensions(Collection<Dimension> d) {
        return new TextureSettings(families, Set.copyOf(d), glcmDistance, ngtdmDistance, ngldmDistance, ngldmAlpha,
                zoneLinkage);
    }

    /** These settings with one distance δ for GLCM, NGTDM and NGLDM (IBSI's configurations use one). */
    public TextureSettings withDistance(int delta) {
        return new TextureSettings(families, dimensions, delta, delta, delta, ngldmAlpha, zoneLinkage);
    }

    /** These settings with another NGLDM coarseness α. */
    public TextureSettings withNgldmAlpha(int alpha) {
        return new TextureSettings(families, dimensions, glcmDistance, ngtdmDistance, ngldmDistance, alpha,
                zoneLinkage);
    }

    /** These settings with another zone linkage for GLSZM and GLDZM. */
    public TextureSettings withZoneLinkage(Linkage linkage) {
        return new TextureSettings(families, dimensions, glcmDistance, ngtdmDistance, ngldmDistance, ngldmAlpha,
                linkage);
    }

    /** The largest neighbourhood reach of the families computed, in voxels along an axis. */
    int reach() {
        int r = 1;
        if (families.contains(TextureFamily.GLCM)) {
            r = Math.max(r, glcmDistance);
        }
        if (families.contains(TextureFamily.NGTDM)) {
            r = Math.max(r, ngtdmDistance);
        }
        if (families.contains(TextureFamily.NGLDM)) {
            r = Math.max(r, ngldmDistance);
        }
        if (families.contains(TextureFamily.GLSZM) || families.contains(TextureFamily.GLDZM)) {
            r = Math.max(r, zoneLinkage.distance());
        }
        return r;
    }
}
