package org.nacrad.radiomics.ibsi.features;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IBSI intensity-volume histogram features (manual §3.5, family {@code ivh}): the fraction ν_i of the intensity mask
 * with a discretised intensity of at least i, against the intensity fraction γ_i = (i − min G)/(max G − min G), over
 * every i of the range G in steps of w_d.
 *
 * <p>The three cases of the manual ({@link #discrete}, {@link #continuous}, {@link #arbitrary}) differ in how X is
 * discretised and in G and w_d. V_x is the largest ν with γ ≥ x; I_x the smallest i with ν_i ≤ x (or max G + w_d
 * when no level has ν ≤ x, as in MIRP).
 *
 * <p>Worked example (also a unit test): X = {1, 1, 3, 4} in the discrete case without range: G = [1, 4], w_d = 1,
 * ν = (1, 0.5, 0.5, 0.25) and γ = (0, ⅓, ⅔, 1) for i = 1 … 4; V10 = 0.5, V90 = 0.25, I90 = 2 (the first ν ≤ 0.9),
 * and no level has ν ≤ 0.1, so I10 = max G + 1 = 5.
 */
public final class IntensityVolumeHistogram {

    private final double[] intensity;
    private final double[] nu;
    private final double[] gamma;
    private final double next;

    private IntensityVolumeHistogram(double[] intensity, double[] nu, double gMin, double gMax, double wd) {
        this.intensity = intensity;
        this.nu = nu;
        this.gamma = new double[intensity.length];
        for (int i = 0; i < intensity.length; i++) {
            gamma[i] = gMax == gMin ? 0 : (intensity[i] - gMin) / (gMax - gMin);
        }
        this.next = gMax + wd;
    }

    /**
     * Calibrated discrete intensities (CT): X_d = X (whole numbers), w_d = 1, G the re-segmentation range (its upper
     * bound the ROI maximum when open), or the ROI's range when there is none.
     */
    public static IntensityVolumeHistogram discrete(double[] x, double[] range) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("ivhDiscretisation: none needs whole-number intensities (as CT's "
                        + "after rounding), but the ROI has " + v + ": set roundIntensities, or an ivh binWidth or "
                        + "binCount");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double gMin = range == null ? min : range[0];
        double gMax = range == null || Double.isInfinite(range[1]) ? max : range[1];
        int levels = (int) (gMax - gMin) + 1;
        long[] counts = new long[levels];
        for (double v : x) {
            int i = (int) (v - gMin);
            if (i >= 0 && i < levels) {
                counts[i]++;
            }
        }
        double[] intensity = new double[levels];
        for (int i = 0; i < levels; i++) {
            intensity[i] = gMin + i;
        }
        return new IntensityVolumeHistogram(intensity, fractions(counts, x.length, countBelow(x, gMin)), gMin, gMax, 1);
    }

    /**
     * Calibrated continuous intensities (PET; configuration C): fixed bin size w from X_min, the lower bound of the
     * re-segmentation range (or the ROI minimum), to X_max (upper bound, or the ROI maximum); X_d is the bin centre
     * X_min + (⌊(X − X_min)/w⌋ + ½) w, G = [X_min + w/2, X_max − w/2] and w_d = w.
     */
    public static IntensityVolumeHistogram continuous(double[] x, double[] range, double w) {
        double min = Arrays.stream(x).min().orElseThrow(), max = Arrays.stream(x).max().orElseThrow();
        double lo = range == null ? min : range[0];
        double hi = range == null || Double.isInfinite(range[1]) ? max : range[1];
        int bins = Math.max(1, (int) Math.ceil((hi - lo) / w));
        long[] counts = new long[bins + 1];
        for (double v : x) {
            int b = Math.max(0, (int) Math.floor((v - lo) / w));
            counts[Math.min(b, bins)]++;
        }
        int used = counts[bins] > 0 ? bins + 1 : bins;
        double[] intensity = new double[used];
        for (int i = 0; i < used; i++) {
            intensity[i] = lo + (i + 0.5) * w;
        }
        return new IntensityVolumeHistogram(intensity, fractions(Arrays.copyOf(counts, used), x.length, 0),
                lo + 0.5 * w, hi - 0.5 * w, w);
    }

    /**
     * Arbitrary intensity units (MRI; configuration E): fixed bin number N_g over the ROI's range, X_d the bin
     * number, G = [1, N_g], w_d = 1.
     */
    public static IntensityVolumeHistogram arbitrary(int[] levels, int levelCount) {
        long[] counts = new long[levelCount];
        for (int l : levels) {
            counts[l - 1]++;
        }
        double[] intensity = new double[levelCount];
        for (int i = 0; i < levelCount; i++) {
            intensity[i] = i + 1;
        }
        return new IntensityVolumeHistogram(intensity, fractions(counts, levels.length, 0), 1, levelCount, 1);
    }

    private static long countBelow(double[] x, double t) {
        long c = 0;
        for (double v : x) {
            if (v < t) {
                c++;
            }
        }
        return c;
    }

    /** ν_i = 1 − (voxels below level i)/N. */
    private static double[] fractions(long[] counts, int n, long below) {
        double[] nu = new double[counts.length];
        long cum = below;
        for (int i = 0; i < counts.length; i++) {
            nu[i] = 1.0 - (double) cum / n;
            cum += counts[i];
        }
        return nu;
    }

    /** V_x: the largest volume fraction ν with intensity fraction γ ≥ x (x in [0, 1]). */
    public double volumeAtIntensityFraction(double x) {
        double v = 0;
        for (int i = 0; i < nu.length; i++) {
            if (gamma[i] >= x) {
                v = Math.max(v, nu[i]);
            }
        }
        return v;
    }

    /** I_x: the smallest discretised intensity with ν ≤ x (x in [0, 1]), or max G + w_d when there is none. */
    public double intensityAtVolumeFraction(double x) {
        for (int i = 0; i < nu.length; i++) {
            if (nu[i] <= x) {
                return intensity[i];
            }
        }
        return next;
    }

    /** F_ivh.auc: trapezoidal area under ν(γ); 0 for a single level (not standardised by IBSI). */
    public double areaUnderCurve() {
        double a = 0;
        for (int i = 1; i < nu.length; i++) {
            a += 0.5 * (nu[i] + nu[i - 1]) * (gamma[i] - gamma[i - 1]);
        }
        return a;
    }

    /** Every feature by tag, in the manual's order. */
    public Map<String, Double> features() {
        Map<String, Double> f = new LinkedHashMap<>();
        double v10 = volumeAtIntensityFraction(0.10), v90 = volumeAtIntensityFraction(0.90);
        double i10 = intensityAtVolumeFraction(0.10), i90 = intensityAtVolumeFraction(0.90);
        f.put("ivh_v10", v10);
        f.put("ivh_v90", v90);
        f.put("ivh_i10", i10);
        f.put("ivh_i90", i90);
        f.put("ivh_diff_v10_v90", v10 - v90);
        f.put("ivh_diff_i10_i90", i10 - i90);
        f.put("ivh_auc", areaUnderCurve());
        return f;
    }
}
