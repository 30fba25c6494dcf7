package org.nacrad.radiomics.features;

import java.util.Arrays;
import java.util.List;

import org.nacrad.radiomics.FeatureInput;

/**
 * First-order statistics of the intensities inside the ROI, as PyRadiomics' {@code firstorder} class computes them.
 *
 * <p>Worked example (also a unit test): an ROI of five voxels of 1 mm³ with intensities X = {1, 2, 2, 4, 6} and,
 * binned at width 2, grey levels {1, 2, 2, 3, 4}. Then N<sub>p</sub> = 5, mean = 3, Variance = (4+1+1+1+9)/5 = 3.2,
 * Median = 2, Range = 5, Energy = 1+4+4+16+36 = 61, RootMeanSquared = √(61/5), p = {0.2, 0.4, 0.2, 0.2} so
 * Uniformity = 0.28 and Entropy = −Σ p log₂ p = 1.921928…; 10Percentile = 1.4 and 90Percentile = 5.2 (linear
 * interpolation between order statistics, as NumPy does).
 *
 * <p>Let X be the N<sub>p</sub> intensities in the ROI, X̄ their mean, p(i) the fraction of ROI voxels in grey level
 * i (the discretised histogram), ε = 2.2×10⁻¹⁶ and c the {@code voxelArrayShift} setting. As in PyRadiomics:
 * <ul>
 *   <li>c is added only in Energy, TotalEnergy and RootMeanSquared;</li>
 *   <li>Entropy and Uniformity use the discretised histogram, everything else the raw intensities;</li>
 *   <li>percentiles interpolate linearly between order statistics (NumPy's default);</li>
 *   <li>Variance and the moments are population moments; Kurtosis is not an excess kurtosis;</li>
 *   <li>{@code StandardDeviation} is computed only on request (PyRadiomics marks it deprecated).</li>
 * </ul>
 *
 * <p>Written by hand: the statistics are short sums over one sorted copy of X, and no library computes NumPy's
 * percentile convention and PyRadiomics' conventions together.
 */
public final class FirstOrder extends TableFamily<FirstOrder.Stats> {

    static final FeatureTable<Stats> FEATURES = FeatureTable.<Stats>of("firstorder")
            .feature("10Percentile", s -> s.percentile(10))
            .feature("90Percentile", s -> s.percentile(90))
            .feature("Energy", Stats::energy)
            .feature("Entropy", Stats::entropy)
            .feature("InterquartileRange", Stats::interquartileRange)
            .feature("Kurtosis", Stats::kurtosis)
            .feature("Maximum", Stats::maximum)
            .feature("MeanAbsoluteDeviation", Stats::meanAbsoluteDeviation)
            .feature("Mean", Stats::mean)
            .feature("Median", Stats::median)
            .feature("Minimum", Stats::minimum)
            .feature("Range", Stats::range)
            .feature("RobustMeanAbsoluteDeviation", Stats::robustMeanAbsoluteDeviation)
            .feature("RootMeanSquared", Stats::rootMeanSquared)
            .feature("Skewness", Stats::skewness)
            .onRequest("StandardDeviation", Stats::standardDeviation)
            .feature("TotalEnergy", Stats::totalEnergy)
            .feature("Uniformity", Stats::uniformity)
            .feature("Variance", Stats::variance)
            .build();

    public FirstOrder() {
        super(FEATURES);
    }

    @Override
    protected List<Stats> prepare(FeatureInput input) {
        return List.of(Stats.of(input));
    }

    /**
     * The sorted ROI intensities, the discretised histogram and the settings one ROI's features are computed from.
     *
     * @param x           ROI intensities in ascending order
     * @param p           fraction of ROI voxels in each grey level present (ascending level order); null when the
     *                    input has no grey levels (then Entropy and Uniformity cannot be computed)
     * @param shift       {@code voxelArrayShift}
     * @param voxelVolume product of the voxel spacings (mm³)
     */
    record Stats(double[] x, double[] p, double shift, double voxelVolume) {

        static Stats of(FeatureInput input) {
            boolean[] mask = input.mask();
            double[] values = input.values();
            int[] levels = input.levels();
            int np = 0;
            int maxLevel = 0;
            for (int n = 0; n < mask.length; n++) {
                if (mask[n]) {
                    np++;
                    if (levels != null) {
                        maxLevel = Math.max(maxLevel, levels[n]);
                    }
                }
            }
            double[] x = new double[np];
            int[] counts = new int[maxLevel + 1];
            for (int n = 0, m = 0; n < mask.length; n++) {
                if (mask[n]) {
                    x[m++] = values[n];
                    if (levels != null) {
                        counts[levels[n]]++;
                    }
                }
            }
            Arrays.sort(x);
            int present = 0;
            for (int c : counts) {
                if (c > 0) {
                    present++;
                }
            }
            double[] p = levels == null ? null : new double[present];
            for (int l = 0, m = 0; p != null && l < counts.length; l++) {
                if (counts[l] > 0) {
                    p[m++] = counts[l] / (double) np;
                }
            }
            double[] sp = input.spacing();
            return new Stats(x, p, input.settings().voxelArrayShift(), sp[0] * sp[1] * sp[2]);
        }

        /** Energy = Σ (X(i) + c)². */
        double energy() {
            double e = 0;
            for (double v : x) {
                double s = v + shift;
                e += s * s;
            }
            return e;
        }

        /** TotalEnergy = V<sub>voxel</sub> Σ (X(i) + c)². */
        double totalEnergy() {
            return energy() * voxelVolume;
        }

        /** Entropy = −Σ p(i) log₂(p(i) + ε). */
        double entropy() {
            return Entropy.of(histogram());
        }

        /** Minimum = min X. */
        double minimum() {
            return x.length == 0 ? Double.NaN : x[0];
        }

        /** Maximum = max X. */
        double maximum() {
            return x.length == 0 ? Double.NaN : x[x.length - 1];
        }

        /** Mean = (1/N<sub>p</sub>) Σ X(i). */
        double mean() {
            return mean(x, 0, x.length);
        }

        /** Median: the middle order statistic (mean of the two middle ones for even N<sub>p</sub>). */
        double median() {
            return percentile(50);
        }

        /**
         * The q-th percentile with linear interpolation: h = (N<sub>p</sub> − 1)·q/100, P = X₍⌊h⌋₎ + (h − ⌊h⌋)(X₍⌊h⌋+1₎ −
         * X₍⌊h⌋₎) over the sorted X (NumPy's {@code percentile}, method 'linear').
         */
        double percentile(double q) {
            if (x.length == 0) {
                return Double.NaN;
            }
            double h = (x.length - 1) * q / 100.0;
            int lo = (int) Math.floor(h);
            int hi = Math.min(lo + 1, x.length - 1);
            double t = h - lo;
            double a = x[lo], b = x[hi];
            // NumPy's _lerp: evaluated from the nearer end for t ≥ 0.5.
            return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
        }

        /** InterquartileRange = P75 − P25. */
        double interquartileRange() {
            return percentile(75) - percentile(25);
        }

        /** Range = max X − min X. */
        double range() {
            return maximum() - minimum();
        }

        /** MeanAbsoluteDeviation = (1/N<sub>p</sub>) Σ |X(i) − X̄|. */
        double meanAbsoluteDeviation() {
            return meanAbsDev(x, 0, x.length);
        }

        /**
         * RobustMeanAbsoluteDeviation: the mean absolute deviation from their own mean of the intensities in the
         * closed range [P10, P90].
         */
        double robustMeanAbsoluteDeviation() {
            double p10 = percentile(10), p90 = percentile(90);
            int from = 0, to = x.length;
            while (from < to && x[from] < p10) {
                from++;
            }
            while (to > from && x[to - 1] > p90) {
                to--;
            }
            return meanAbsDev(x, from, to);
        }

        /** RootMeanSquared = √((1/N<sub>p</sub>) Σ (X(i) + c)²); 0 for an empty ROI. */
        double rootMeanSquared() {
            return x.length == 0 ? 0 : Math.sqrt(energy() / x.length);
        }

        /** StandardDeviation = √Variance (computed only on request). */
        double standardDeviation() {
            return Math.sqrt(variance());
        }

        /** Skewness = μ₃/μ₂^{3/2} with central moments μₖ = (1/N<sub>p</sub>) Σ (X(i) − X̄)ᵏ; 0 when μ₂ = 0. */
        double skewness() {
            double m2 = moment(2), m3 = moment(3);
            return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
        }

        /** Kurtosis = μ₄/μ₂² (not excess); 0 when μ₂ = 0. */
        double kurtosis() {
            double m2 = moment(2), m4 = moment(4);
            return m2 == 0 ? 0 : m4 / (m2 * m2);
        }

        /** Variance = (1/N<sub>p</sub>) Σ (X(i) − X̄)². */
        double variance() {
            return moment(2);
        }

        /** Uniformity = Σ p(i)². */
        double uniformity() {
            double u = 0;
            for (double q : histogram()) {
                u += q * q;
            }
            return u;
        }

        /** p, which Entropy and Uniformity need. */
        private double[] histogram() {
            if (p == null) {
                throw new IllegalArgumentException("firstorder Entropy and Uniformity need discretised grey levels, "
                        + "but the input has none (FeatureInput.levels is null)");
            }
            return p;
        }

        private double moment(int k) {
            if (x.length == 0) {
                return Double.NaN;
            }
            double mu = mean();
            double s = 0;
            for (double v : x) {
                double d = v - mu;
                double pk = d * d;
                if (k == 3) {
                    pk *= d;
                } else if (k == 4) {
                    pk *= pk;
                }
                s += pk;
            }
            return s / x.length;
        }

        private static double mean(double[] a, int from, int to) {
            if (to <= from) {
                return Double.NaN;
            }
            double s = 0;
            for (int n = from; n < to; n++) {
                s += a[n];
            }
            return s / (to - from);
        }

        private static double meanAbsDev(double[] a, int from, int to) {
            double mu = mean(a, from, to);
            double s = 0;
            for (int n = from; n < to; n++) {
                s += Math.abs(a[n] - mu);
            }
            return s / (to - from);
        }
    }
}
