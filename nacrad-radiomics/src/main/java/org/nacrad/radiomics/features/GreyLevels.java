package org.nacrad.radiomics.features;

import org.nacrad.radiomics.FeatureInput;

/**
 * The grey levels present in the ROI of a discretised input, ascending, and the highest, N<sub>g</sub>: the rows of
 * the GLCM and GLRLM (PyRadiomics removes the absent levels but keeps the bin numbers of the others).
 *
 * @param present the grey levels with at least one ROI voxel, ascending
 * @param ng      the highest grey level in the ROI
 */
record GreyLevels(int[] present, int ng) {

    /**
     * @throws IllegalArgumentException when the input has no grey levels, or an ROI voxel a level below 1
     */
    static GreyLevels of(FeatureInput in) {
        boolean[] mask = in.mask();
        int[] lv = in.levels();
        if (lv == null) {
            throw new IllegalArgumentException("texture features need discretised grey levels, but the input has "
                    + "none (FeatureInput.levels is null)");
        }
        int ng = 0;
        for (int n = 0; n < mask.length; n++) {
            if (mask[n]) {
                if (lv[n] < 1) {
                    throw new IllegalArgumentException("ROI voxel " + n + " has grey level " + lv[n]
                            + "; texture features need discretised levels ≥ 1");
                }
                ng = Math.max(ng, lv[n]);
            }
        }
        boolean[] seen = new boolean[ng + 1];
        int count = 0;
        for (int n = 0; n < mask.length; n++) {
            if (mask[n] && !seen[lv[n]]) {
                seen[lv[n]] = true;
                count++;
            }
        }
        int[] present = new int[count];
        for (int l = 1, m = 0; l <= ng; l++) {
            if (seen[l]) {
                present[m++] = l;
            }
        }
        return new GreyLevels(present, ng);
    }
}
