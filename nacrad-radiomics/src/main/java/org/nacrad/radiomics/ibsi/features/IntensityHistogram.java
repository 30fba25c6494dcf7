package org.nacrad.radiomics.ibsi.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IBSI intensity histogram features (manual §3.4, family {@code ih}) of the discretised intensities X_d of the
 * intensity mask, in 3D (DHQ4). The statistics of X_d are those of {@link IntensityStatistics}; the histogram
 * H = (n_1 … n_Ng) runs over every level 1 … N_g, empty ones included.
 *
 * <p>Worked example (also a unit test): X_d = {1, 1, 1, 2, 4}, N_g = 4: H = (3, 1, 0, 1), mode 1, entropy
 * −(0.6 log₂ 0.6 + 2 · 0.2 log₂ 0.2) = 1.371, uniformity 0.36 + 0.04 + 0.04 = 0.44; the gradient
 * H' = (1 − 3, (0 − 3)/2, (1 − 1)/2, 1 − 0) = (−2, −1.5, 0, 1): maximum 1 at level 4, minimum −2 at level 1.
 */
public final class IntensityHistogram {

    private final IntensityStatistics stats;
    private final long[] histogram;
    private final int n;

    /**
     * @param levels     the discrete levels of the intensity-mask voxels (1 … levelCount)
     * @param levelCount N_g
     */
    public IntensityHistogram(int[] levels, int levelCount) {
        double[] x = new double[levels.length];
        histogram = new long[levelCount];
        for (int p = 0; p < levels.length; p++) {
            x[p] = levels[p];
            histogram[levels[p] - 1]++;
        }
        n = levels.length;
        stats = new IntensityStatistics(x);
    }

    /** F_ih.mode: the most frequent level; ties go to the level nearest the mean, then to the lower one. */
    public double mode() {
        long best = -1;
        int mode = 0;
        double mean = stats.mean();
        for (int i = 0; i < histogram.length; i++) {
            int level = i + 1;
            if (histogram[i] > best || histogram[i] == best
                    && Math.abs(level - mean) < Math.abs(mode - mean)) {
                best = histogram[i];
                mode = level;
            }
        }
        return mode;
    }

    /** F_ih.entropy = −Σ p_i log₂ p_i. */
    public double entropy() {
        double e = 0;
        for (long c : histogram) {
            if (c > 0) {
                double p = (double) c / n;
                e -= p * Math.log(p) / Math.log(2);
            }
        }
        return e;
    }

    /** F_ih.uniformity = Σ p_i². */
    public double uniformity() {
        double u = 0;
        for (long c : histogram) {
            double p = (double) c / n;
            u += p * p;
        }
        return u;
    }

    /**
     * The histogram gradient: n_2 − n_1 at the first level, (n_{i+1} − n_{i−1})/2 inside, n_Ng − n_{Ng−1} at the
     * last; 0 for a single level.
     */
    public double[] gradient() {
        int g = histogram.length;
        double[] d = new double[g];
        if (g == 1) {
            return d;
        }
        d[0] = histogram[1] - histogram[0];
        d[g - 1] = histogram[g - 1] - histogram[g - 2];
        for (int i = 1; i < g - 1; i++) {
            d[i] = (histogram[i + 1] - histogram[i - 1]) / 2.0;
        }
        return d;
    }

    /** Every feature by tag, in the manual's order. */
    public Map<String, Double> features() {
        Map<String, Double> s = stats.features();
        Map<String, Double> f = new LinkedHashMap<>();
        for (String k : new String[] {"mean", "var", "skew", "kurt", "median", "min", "p10", "p90", "max"}) {
            f.put("ih_" + k, s.get("stat_" + k));
        }
        f.put("ih_mode", mode());
        for (String k : new String[] {"iqr", "range", "mad", "rmad", "medad", "cov", "qcod"}) {
            f.put("ih_" + k, s.get("stat_" + k));
        }
        f.put("ih_entropy", entropy());
        f.put("ih_uniformity", uniformity());
        double[] d = gradient();
        int max = 0, min = 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > d[max]) {
                max = i;
            }
            if (d[i] < d[min]) {
                min = i;
            }
        }
        f.put("ih_max_grad", d[max]);
        f.put("ih_max_grad_g", (double) (max + 1));
        f.put("ih_min_grad", d[min]);
        f.put("ih_min_grad_g", (double) (min + 1));
        return f;
    }
}
