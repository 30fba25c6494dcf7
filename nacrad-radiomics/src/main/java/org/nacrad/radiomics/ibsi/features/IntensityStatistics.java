package org.nacrad.radiomics.ibsi.features;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IBSI intensity-based statistical features (manual §3.3, family {@code stat}) of the intensities X_gl of the
 * intensity mask, in 3D (DHQ4).
 *
 * <p>Worked example (also a unit test): X = {1, 2, 3, 4}: mean 2.5, variance 1.25 (no bias correction), skewness 0,
 * excess kurtosis (1/4 Σ(x − μ)⁴)/1.25² − 3 = 2.5625/1.5625 − 3 = −1.36, median 2.5, P10 = 1.3 and P90 = 3.7
 * (linear interpolation between order statistics, as NumPy's default), IQR = 3.25 − 1.75 = 1.5, energy 30,
 * root mean square √7.5.
 *
 * <p>Percentiles interpolate linearly between order statistics at rank (N − 1)p, as MIRP and PyRadiomics compute
 * them (NumPy's default); the manual does not prescribe a rule and notes that some implementations give 4.2
 * instead of 4 for the digital phantom's 90th percentile.
 */
public final class IntensityStatistics {

    private final double[] x;
    private final double[] sorted;
    private final double mean;
    private final double variance;

    /** @param values the intensities of the intensity mask (not modified) */
    public IntensityStatistics(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no voxels");
        }
        this.x = values.clone();
        this.sorted = values.clone();
        Arrays.sort(sorted);
        double s = 0;
        for (double v : x) {
            s += v;
        }
        mean = s / x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        variance = ss / x.length;
    }

    /** F_stat.mean = (1/N) Σ X. */
    public double mean() {
        return mean;
    }

    /** F_stat.var = (1/N) Σ (X − μ)². */
    public double variance() {
        return variance;
    }

    /** F_stat.skew = (1/N) Σ (X − μ)³ / σ³; 0 when σ = 0. */
    public double skewness() {
        return variance == 0 ? 0 : centralMoment(3) / Math.pow(variance, 1.5);
    }

    /** F_stat.kurt = (1/N) Σ (X − μ)⁴ / σ⁴ − 3; 0 when σ = 0. */
    public double kurtosis() {
        return variance == 0 ? 0 : centralMoment(4) / (variance * variance) - 3;
    }

    private double centralMoment(int k) {
        double s = 0;
        for (double v : x) {
            s += Math.pow(v - mean, k);
        }
        return s / x.length;
    }

    /** F_stat.median. */
    public double median() {
        return percentile(50);
    }

    /** F_stat.min. */
    public double minimum() {
        return sorted[0];
    }

    /** F_stat.P10. */
    public double p10() {
        return percentile(10);
    }

    /** F_stat.P90. */
    public double p90() {
        return percentile(90);
    }

    /** F_stat.max. */
    public double maximum() {
        return sorted[sorted.length - 1];
    }

    /** F_stat.iqr = P75 − P25. */
    public double interquartileRange() {
        return percentile(75) - percentile(25);
    }

    /** F_stat.range = max − min. */
    public double range() {
        return maximum() - minimum();
    }

    /** F_stat.mad = (1/N) Σ |X − μ|. */
    public double meanAbsoluteDeviation() {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v - mean);
        }
        return s / x.length;
    }

    /** F_stat.rmad: mean absolute deviation from their mean of the intensities within [P10, P90]. */
    public double robustMeanAbsoluteDeviation() {
        double lo = p10(), hi = p90();
        double s = 0;
        int n = 0;
        for (double v : x) {
            if (v >= lo && v <= hi) {
                s += v;
                n++;
            }
        }
        double m = s / n;
        double d = 0;
        for (double v : x) {
            if (v >= lo && v <= hi) {
                d += Math.abs(v - m);
            }
        }
        return d / n;
    }

    /** F_stat.medad = (1/N) Σ |X − median|. */
    public double medianAbsoluteDeviation() {
        double med = median();
        double s = 0;
        for (double v : x) {
            s += Math.abs(v - med);
        }
        return s / x.length;
    }

    /** F_stat.cov = σ / μ. */
    public double coefficientOfVariation() {
        return Math.sqrt(variance) / mean;
    }

    /** F_stat.qcod = (P75 − P25) / (P75 + P25). */
    public double quartileCoefficientOfDispersion() {
        double p25 = percentile(25), p75 = percentile(75);
        return (p75 - p25) / (p75 + p25);
    }

    /** F_stat.energy = Σ X². */
    public double energy() {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    /** F_stat.rms = √(Σ X² / N). */
    public double rootMeanSquare() {
        return Math.sqrt(energy() / x.length);
    }

    /** The p-th percentile, linear between order statistics at rank (N − 1)p/100. */
    public double percentile(double p) {
        return percentile(sorted, p);
    }

    /** The p-th percentile of sorted values, linear between order statistics at rank (N − 1)p/100. */
    public static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p / 100.0;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double f = h - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }

    /** Every feature by tag, in the manual's order. */
    public Map<String, Double> features() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("stat_mean", mean());
        f.put("stat_var", variance());
        f.put("stat_skew", skewness());
        f.put("stat_kurt", kurtosis());
        f.put("stat_median", median());
        f.put("stat_min", minimum());
        f.put("stat_p10", p10());
        f.put("stat_p90", p90());
        f.put("stat_max", maximum());
        f.put("stat_iqr", interquartileRange());
        f.put("stat_range", range());
        f.put("stat_mad", meanAbsoluteDeviation());
        f.put("stat_rmad", robustMeanAbsoluteDeviation());
        f.put("stat_medad", medianAbsoluteDeviation());
        f.put("stat_cov", coefficientOfVariation());
        f.put("stat_qcod", quartileCoefficientOfDispersion());
        f.put("stat_energy", energy());
        f.put("stat_rms", rootMeanSquare());
        return f;
    }
}
