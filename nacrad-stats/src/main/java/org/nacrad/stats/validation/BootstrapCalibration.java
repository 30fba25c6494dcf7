package org.nacrad.stats.validation;

import java.util.Arrays;

import org.nacrad.stats.calibration.Lowess;

/**
 * Bootstrap bias-corrected calibration curve of a modelling procedure, as rms {@code calibrate(fit, B)}
 * ({@code method = "boot"}, {@code smoother = "lowess"}; Harrell, Regression Modeling Strategies §10.11).
 *
 * <p>Grid: 50 predicted risks {@code predy} equally spaced from the 5th smallest to the 5th largest apparent
 * prediction. At each grid point the calibration error of a model on a sample is
 * {@code lowess(p, y, iter = 0)} interpolated at the point minus the point (rms's {@code cal.error}: linear
 * interpolation, first value at tied x, undefined outside the range of p). The apparent curve is that of the
 * procedure on the data; each resample's model gives an error on the resample (training) and on the original data
 * (test); optimism = mean(training − test) over the resamples where both are defined; corrected curve = apparent −
 * optimism. The lowess smoother is statsb's {@link Lowess} (R's algorithm).
 *
 * <p>Resample {@code b} draws its rows exactly as {@link BootstrapValidation} does (XoShiRo256++ seeded with
 * {@code (seed, b)}), so the result is identical for any thread count.
 *
 * @param predy     the grid of predicted risks
 * @param apparent  {@code calibrated.orig}: the smoothed observed risk at each grid point, on the data
 * @param corrected {@code calibrated.corrected}: apparent − optimism
 * @param optimism  mean over resamples of training − test error
 * @param optimismSe Monte-Carlo standard error of the optimism
 * @param used      resamples where the procedure gave a model
 */
public record BootstrapCalibration(double[] predy, double[] apparent, double[] corrected, double[] optimism,
                                   double[] optimismSe, int used) {

    public BootstrapCalibration {
        predy = predy.clone();
        apparent = apparent.clone();
        corrected = corrected.clone();
        optimism = optimism.clone();
        optimismSe = optimismSe.clone();
    }

    /** Runs {@code resamples} bootstrap resamples of {@code procedure} on {@code threads} threads. */
    public static BootstrapCalibration of(ModellingProcedure procedure, double[][] x, double[] y, int resamples,
                                          long seed, int threads) {
        int n = y.length;
        if (n < 11) {
            throw new IllegalArgumentException("a calibration curve needs more than 10 rows, got " + n);
        }
        double[] lp = procedure.fit(x, y, seed).linearPredictor(x);
        double[] sorted = Arrays.stream(lp).map(BootstrapCalibration::expit).sorted().toArray();
        double[] predy = new double[50];
        for (int g = 0; g < 50; g++) {
            predy[g] = sorted[4] + (sorted[n - 5] - sorted[4]) * g / 49;
        }
        double[] apparentError = error(lp, y, predy);
        double[][] diff = new double[resamples][];
        Resamples.run(x, y, resamples, seed, threads, (b, xb, yb, procedureSeed) -> {
            try {
                ModellingProcedure.Scorer m = procedure.fit(xb, yb, procedureSeed);
                double[] train = error(m.linearPredictor(xb), yb, predy);
                double[] test = error(m.linearPredictor(x), y, predy);
                double[] d = new double[predy.length];
                for (int g = 0; g < d.length; g++) {
                    d[g] = train[g] - test[g];
                }
                diff[b] = d;
            } catch (IllegalArgumentException e) {
                diff[b] = null;
            }
        });
        double[] opt = new double[predy.length];
        double[] se = new double[predy.length];
        double[] apparent = new double[predy.length];
        double[] corrected = new double[predy.length];
        int used = 0;
        for (double[] d : diff) {
            used += d == null ? 0 : 1;
        }
        for (int g = 0; g < predy.length; g++) {
            double s = 0;
            double s2 = 0;
            int c = 0;
            for (double[] d : diff) {
                if (d != null && !Double.isNaN(d[g])) {
                    s += d[g];
                    s2 += d[g] * d[g];
                    c++;
                }
            }
            opt[g] = c == 0 ? Double.NaN : s / c;
            se[g] = c < 2 ? Double.NaN : Math.sqrt(Math.max(0, (s2 - c * opt[g] * opt[g]) / (c - 1)) / c);
            apparent[g] = apparentError[g] + predy[g];
            corrected[g] = apparent[g] - opt[g];
        }
        return new BootstrapCalibration(predy, apparent, corrected, opt, se, used);
    }

    /** rms {@code cal.error}: lowess(p, y, iter = 0) at each grid point minus the point; NaN outside range(p). */
    static double[] error(double[] lp, double[] y, double[] predy) {
        double[] p = Arrays.stream(lp).map(BootstrapCalibration::expit).toArray();
        Lowess.Curve c = Lowess.fit(p, y, 2.0 / 3.0, 0, Double.NaN);
        double[] cx = c.x();
        double[] cy = c.y();
        // approx(ties = function(x) x[1]): collapse tied x to their first y
        int m = 0;
        double[] ux = new double[cx.length];
        double[] uy = new double[cx.length];
        for (int i = 0; i < cx.length; i++) {
            if (m == 0 || cx[i] != ux[m - 1]) {
                ux[m] = cx[i];
                uy[m] = cy[i];
                m++;
            }
        }
        double[] out = new double[predy.length];
        for (int g = 0; g < predy.length; g++) {
            double v = predy[g];
            if (m == 0 || v < ux[0] || v > ux[m - 1]) {
                out[g] = Double.NaN;
                continue;
            }
            int hi = Arrays.binarySearch(ux, 0, m, v);
            double fitted;
            if (hi >= 0) {
                fitted = uy[hi];
            } else {
                int right = -hi - 1;
                int left = right - 1;
                fitted = uy[left] + (uy[right] - uy[left]) * (v - ux[left]) / (ux[right] - ux[left]);
            }
            out[g] = fitted - v;
        }
        return out;
    }

    private static double expit(double e) {
        return 1 / (1 + Math.exp(-e));
    }
}
