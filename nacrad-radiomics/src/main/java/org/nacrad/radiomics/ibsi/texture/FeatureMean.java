package org.nacrad.radiomics.ibsi.texture;

/**
 * The running mean of feature vectors over matrices (slices, directions), feature by feature, skipping a value that
 * is undefined (NaN) for one matrix: a feature's mean is over the matrices where it is defined, and NaN when it is
 * defined for none. Empty matrices are never added (IBSI: a slice without voxels, or a direction without voxel pairs,
 * has no matrix).
 */
final class FeatureMean {

    private final double[] sum;
    private final int[] count;

    FeatureMean(int features) {
        sum = new double[features];
        count = new int[features];
    }

    void add(double[] values) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isNaN(values[k])) {
                sum[k] += values[k];
                count[k]++;
            }
        }
    }

    double[] mean() {
        double[] m = new double[sum.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = count[k] == 0 ? Double.NaN : sum[k] / count[k];
        }
        return m;
    }
}
