package org.nacrad.radiomics;

/**
 * What a feature family computes on: one (possibly filtered) image cropped to the bounding box of the ROI,
 * after all preprocessing (normalisation, resampling, resegmentation, discretisation).
 *
 * <p>All arrays have {@code size[0]*size[1]*size[2]} entries laid out i (x) fastest, as {@link
 * org.nacrad.image.Geometry} describes. PyRadiomics works on NumPy arrays indexed [z, y, x] over the same buffer.
 *
 * @param size     voxels of the box along i, j, k
 * @param spacing  voxel size along i, j, k in mm
 * @param mask     true inside the ROI
 * @param values   image intensities (all box voxels; only those inside the mask are meaningful)
 * @param levels   discretised grey level of each ROI voxel (1, 2, … as PyRadiomics numbers bins; 0 outside
 *                 the ROI); may be null for families that do not use it (shape)
 * @param settings the settings in force for this image type
 */
public record FeatureInput(int[] size, double[] spacing, boolean[] mask, double[] values, int[] levels,
                           RadiomicsSettings settings) {

    public int nx() {
        return size[0];
    }

    public int ny() {
        return size[1];
    }

    public int nz() {
        return size[2];
    }

    /** Number of voxels in the box. */
    public int length() {
        return size[0] * size[1] * size[2];
    }

    /** Number of ROI voxels. */
    public int roiVoxels() {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
