package org.nacrad.radiomics.preprocess;

/**
 * The voxel bounding box of an ROI, as ITK's {@code LabelStatisticsImageFilter.GetBoundingBox} gives it to
 * PyRadiomics: inclusive lower and upper index along i, j, k.
 *
 * @param lower first ROI index along each axis
 * @param upper last ROI index along each axis (inclusive)
 */
public record BoundingBox(int[] lower, int[] upper) {

    public BoundingBox {
        lower = lower.clone();
        upper = upper.clone();
    }

    /** Voxels along each axis. */
    public int[] size() {
        return new int[] {upper[0] - lower[0] + 1, upper[1] - lower[1] + 1, upper[2] - lower[2] + 1};
    }

    @Override
    public int[] lower() {
        return lower.clone();
    }

    @Override
    public int[] upper() {
        return upper.clone();
    }

    /** Number of axes along which the box is more than one voxel thick. */
    public int dimensions() {
        int n = 0;
        for (int s : size()) {
            if (s > 1) {
                n++;
            }
        }
        return n;
    }

    /** PyRadiomics' {@code diagnostics_Mask-*_BoundingBox}: (i0, j0, k0, size_i, size_j, size_k). */
    public int[] asStartAndSize() {
        int[] s = size();
        return new int[] {lower[0], lower[1], lower[2], s[0], s[1], s[2]};
    }
}
