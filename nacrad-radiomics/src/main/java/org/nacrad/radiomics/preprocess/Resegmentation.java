package org.nacrad.radiomics.preprocess;

import java.util.Arrays;

import org.nacrad.radiomics.settings.ResegmentMode;

/**
 * Re-segmentation of the ROI by intensity, as PyRadiomics' {@code imageoperations.resegmentMask}: ROI voxels
 * outside a range are removed.
 *
 * <p>The range [a] or [a, b] (sorted) is taken as is ({@code absolute}), times the ROI maximum ({@code relative}),
 * or as μ + a·σ, μ + b·σ with the ROI mean and population standard deviation ({@code sigma}). Voxels below the
 * lower threshold, and above the upper one when given, leave the ROI (bounds inclusive). At least two voxels must
 * remain.
 *
 * <p>Worked example: ROI {1, 5, 10}, relative [0.5]: threshold 5, ROI {5, 10}.
 */
public final class Resegmentation {

    private Resegmentation() {
    }

    /**
     * The re-segmented ROI.
     *
     * @throws Masks.RoiException when fewer than two voxels remain, or the range or mode is invalid
     */
    public static boolean[] resegment(double[] values, boolean[] roi, double[] range, ResegmentMode mode) {
        if (range == null || range.length == 0 || range.length > 2) {
            throw new Masks.RoiException("resegmentRange must have one or two values");
        }
        double[] r = range.clone();
        Arrays.sort(r);
        double[] th = new double[r.length];
        switch (mode) {
            case ABSOLUTE:
                System.arraycopy(r, 0, th, 0, r.length);
                break;
            case RELATIVE: {
                double max = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < values.length; n++) {
                    if (roi[n]) {
                        max = Math.max(max, values[n]);
                    }
                }
                for (int n = 0; n < r.length; n++) {
                    th[n] = max * r[n];
                }
                break;
            }
            case SIGMA: {
                double sum = 0;
                int count = 0;
                for (int n = 0; n < values.length; n++) {
                    if (roi[n]) {
                        sum += values[n];
                        count++;
                    }
                }
                double mean = sum / count;
                double ss = 0;
                for (int n = 0; n < values.length; n++) {
                    if (roi[n]) {
                        double dv = values[n] - mean;
                        ss += dv * dv;
                    }
                }
                double sd = Math.sqrt(ss / count);
                for (int n = 0; n < r.length; n++) {
                    th[n] = mean + sd * r[n];
                }
                break;
            }
            default:
                throw new AssertionError(mode);
        }
        boolean[] out = new boolean[roi.length];
        int kept = 0;
        for (int n = 0; n < roi.length; n++) {
            if (roi[n] && values[n] >= th[0] && (th.length == 1 || values[n] <= th[1])) {
                out[n] = true;
                kept++;
            }
        }
        if (kept <= 1) {
            throw new Masks.RoiException("resegmentation with range " + Arrays.toString(range) + " (" + mode.pyName()
                    + ") kept " + kept + " voxel(s); features need at least two");
        }
        return out;
    }
}
