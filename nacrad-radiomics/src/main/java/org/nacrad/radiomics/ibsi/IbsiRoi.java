package org.nacrad.radiomics.ibsi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A processed region of interest: a block of the (interpolated) image around the ROI with its intensity and
 * morphological masks (IBSI manual, ECJF), x fastest.
 *
 * @param size          block size along x, y, z
 * @param spacing       voxel spacing (mm) along x, y, z
 * @param values        the (interpolated, rounded) intensities of every block voxel, ROI or not (the local
 *                      intensity features read the neighbourhood)
 * @param intensityMask the intensity mask (after re-segmentation)
 * @param morphMask     the morphological mask (the interpolated ROI)
 * @param diagnostics   the diagnostic values of the processing steps, by IBSI diagnostic tag
 */
public record IbsiRoi(int[] size, double[] spacing, double[] values, boolean[] intensityMask, boolean[] morphMask,
                      Map<String, Double> diagnostics) {

    public IbsiRoi {
        int n = size[0] * size[1] * size[2];
        if (values.length != n || intensityMask.length != n || morphMask.length != n) {
            throw new IllegalArgumentException("block of " + n + " voxels but " + values.length + " values and masks of "
                    + intensityMask.length + " and " + morphMask.length);
        }
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** The intensities of the intensity mask, in block order. */
    public double[] intensities() {
        int c = 0;
        for (boolean b : intensityMask) {
            if (b) {
                c++;
            }
        }
        double[] out = new double[c];
        for (int p = 0, q = 0; p < values.length; p++) {
            if (intensityMask[p]) {
                out[q++] = values[p];
            }
        }
        return out;
    }
}
