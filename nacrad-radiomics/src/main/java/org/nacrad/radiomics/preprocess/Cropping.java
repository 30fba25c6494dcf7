package org.nacrad.radiomics.preprocess;

import org.nacrad.image.Volume;

/**
 * PyRadiomics' {@code imageoperations.cropToTumorMask}: the bounding box grown by {@code padDistance} voxels on each
 * side and clipped to the image.
 */
public final class Cropping {

    private Cropping() {
    }

    /** First voxel of the padded box, clipped to the image. */
    public static int[] start(Volume v, BoundingBox bb, int pad) {
        int[] lo = bb.lower();
        return new int[] {Math.max(lo[0] - pad, 0), Math.max(lo[1] - pad, 0), Math.max(lo[2] - pad, 0)};
    }

    /** Size of the padded box, clipped to the image. */
    public static int[] size(Volume v, BoundingBox bb, int pad) {
        int[] s = start(v, bb, pad);
        int[] hi = bb.upper();
        int[] out = new int[3];
        for (int a = 0; a < 3; a++) {
            out[a] = Math.min(hi[a] + pad, v.geometry().size(a) - 1) - s[a] + 1;
        }
        return out;
    }

    /** The volume cropped to the padded box. */
    public static Volume crop(Volume v, BoundingBox bb, int pad) {
        return v.region(start(v, bb, pad), size(v, bb, pad), 0);
    }
}
