package org.nacrad.diffusion;

import java.util.Arrays;

/**
 * Summary of a parameter map over a region of interest, over the voxels whose fit is {@link FitStatus#OK}.
 * Percentiles are linearly interpolated between order statistics (R type 7, NumPy's default).
 *
 * @param mean     mean over included voxels (NaN when none is included)
 * @param median   50th percentile
 * @param p10      10th percentile
 * @param p25      25th percentile
 * @param p75      75th percentile
 * @param p90      90th percentile
 * @param voxels   ROI voxels
 * @param excluded ROI voxels whose fit was flagged and left out
 */
public record RoiStatistics(double mean, double median, double p10, double p25, double p75, double p90, int voxels,
                            int excluded) {

    /** Summarises {@code map} over {@code roi}, leaving out voxels whose status is not OK. */
    public static RoiStatistics of(double[] map, byte[] status, boolean[] roi) {
        int voxels = 0;
        int included = 0;
        for (int i = 0; i < roi.length; i++) {
            if (roi[i]) {
                voxels++;
                if (status[i] == 0) {
                    included++;
                }
            }
        }
        double[] v = new double[included];
        int j = 0;
        double sum = 0;
        for (int i = 0; i < roi.length; i++) {
            if (roi[i] && status[i] == 0) {
                v[j++] = map[i];
                sum += map[i];
            }
        }
        Arrays.sort(v);
        double mean = included == 0 ? Double.NaN : sum / included;
        return new RoiStatistics(mean, percentile(v, 50), percentile(v, 10), percentile(v, 25), percentile(v, 75),
                percentile(v, 90), voxels, voxels - included);
    }

    /** Type-7 percentile of sorted values (NaN for none). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
