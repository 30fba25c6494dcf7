package org.nacrad.radiomics.ibsi.texture;

import java.util.Objects;

/**
 * The discretised region of interest that every IBSI texture family reads: the hand-over point between IBSI
 * processing (interpolation, re-segmentation, discretisation) and the texture matrices.
 *
 * <p>Voxels are stored x fastest: voxel (x, y, z) is at index {@code x + nx * (y + ny * z)}, z being the slice
 * index (2D and 2.5D aggregation work slice by slice along z).
 *
 * @param nx         grid size along x (columns)
 * @param ny         grid size along y (rows)
 * @param nz         grid size along z (slices)
 * @param levels     discretised grey level of each voxel of the intensity mask, 1..{@code levelCount};
 *                   0 for voxels outside the intensity mask (after re-segmentation and outlier filtering)
 * @param levelCount N_g, the number of grey levels of the discretisation (FBN: the bin count; FBS: the bins
 *                   spanning the re-segmentation range, or the ROI's range when there is none); the matrices are
 *                   N_g wide even when some levels are absent
 * @param morphMask  the morphological mask (the ROI before intensity re-segmentation), same layout; GLDZM's
 *                   distance map is computed on it
 */
public record TextureInput(int nx, int ny, int nz, int[] levels, int levelCount, boolean[] morphMask) {

    public TextureInput {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid size must be positive, got " + nx + "x" + ny + "x" + nz);
        }
        long n = (long) nx * ny * nz;
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(morphMask, "morphMask");
        if (levels.length != n || morphMask.length != n) {
            throw new IllegalArgumentException("levels and morphMask must hold " + n + " voxels, got "
                    + levels.length + " and " + morphMask.length);
        }
        if (levelCount < 1) {
            throw new IllegalArgumentException("levelCount must be at least 1, got " + levelCount);
        }
    }

    /** Index of voxel (x, y, z). */
    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }
}
