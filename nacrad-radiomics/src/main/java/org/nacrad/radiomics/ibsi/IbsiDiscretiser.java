package org.nacrad.radiomics.ibsi;

import org.nacrad.radiomics.ibsi.IbsiSettings.Discretisation;

/**
 * IBSI discretisation of the intensity-mask voxels (manual §2 "Intensity discretisation").
 *
 * <ul>
 *   <li>Fixed bin number (K15C): X_d = ⌊N_g (X − X_min)/(X_max − X_min)⌋ + 1, and N_g where X = X_max, with X_min and
 *       X_max the ROI's extremes (the re-segmented ROI's, never the re-segmentation range). A ROI of one intensity
 *       is put in the middle bin ⌈N_g/2⌉, as MIRP does. N_g is the bin count.</li>
 *   <li>Fixed bin size (Q3RU): X_d = ⌊(X − X_min)/w_b⌋ + 1 with X_min the lower bound of the re-segmentation range.
 *       N_g is the highest level in the ROI (as MIRP sets it: the matrices and the histogram span 1…N_g).</li>
 *   <li>None: the intensities are the levels; they must be whole numbers ≥ 1. N_g is the highest.</li>
 * </ul>
 *
 * <p>Worked example (also a unit test): intensities −500, −476, −475, 400 with FBS w = 25 from −500 give levels 1, 1,
 * 2, 37 (N_g = 37); FBN with 4 bins gives 1, 1, 1, 4 (the range 900 in bins of 225).
 */
public final class IbsiDiscretiser {

    private IbsiDiscretiser() {
    }

    /**
     * Discrete levels.
     *
     * @param levels     grey level of each voxel of the mask, 1 … levelCount (0 outside the mask)
     * @param levelCount N_g
     */
    public record Levels(int[] levels, int levelCount) {
    }

    /**
     * Discretises the masked voxels.
     *
     * @param values       intensities, one per voxel
     * @param mask         the intensity mask
     * @param d            the discretisation
     * @param rangeMinimum the lower bound of the re-segmentation range (FBS), or NaN
     * @throws IllegalArgumentException when NONE meets an intensity that is not a whole number ≥ 1
     */
    public static Levels discretise(double[] values, boolean[] mask, Discretisation d, double rangeMinimum) {
        int[] out = new int[values.length];
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < values.length; p++) {
            if (mask[p]) {
                min = Math.min(min, values[p]);
                max = Math.max(max, values[p]);
            }
        }
        int top = 0;
        switch (d.method()) {
            case FBN -> {
                int ng = (int) d.value();
                double width = max - min;
                for (int p = 0; p < values.length; p++) {
                    if (mask[p]) {
                        int l;
                        if (width == 0) {
                            l = (ng + 1) / 2;
                        } else {
                            l = values[p] >= max ? ng : (int) Math.floor(ng * (values[p] - min) / width) + 1;
                            l = Math.max(1, Math.min(ng, l));
                        }
                        out[p] = l;
                    }
                }
                return new Levels(out, ng);
            }
            case FBS -> {
                double w = d.value();
                for (int p = 0; p < values.length; p++) {
                    if (mask[p]) {
                        int l = Math.max(1, (int) Math.floor((values[p] - rangeMinimum) / w) + 1);
                        out[p] = l;
                        top = Math.max(top, l);
                    }
                }
                return new Levels(out, top);
            }
            case NONE -> {
                for (int p = 0; p < values.length; p++) {
                    if (mask[p]) {
                        double v = values[p];
                        if (v != Math.rint(v) || v < 1 || v > 1_000_000) {
                            throw new IllegalArgumentException("discretisation: none uses the intensities as grey "
                                    + "levels, which must be whole numbers from 1, but the ROI has " + v
                                    + ": set binWidth or binCount");
                        }
                        out[p] = (int) v;
                        top = Math.max(top, (int) v);
                    }
                }
                return new Levels(out, top);
            }
            default -> throw new IllegalStateException();
        }
    }
}
