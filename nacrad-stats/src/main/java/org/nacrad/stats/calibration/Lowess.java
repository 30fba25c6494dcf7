package org.nacrad.stats.calibration;

import java.util.Arrays;

/**
 * LOWESS scatterplot smoother (Cleveland, "Robust locally weighted regression and smoothing scatterplots",
 * JASA 74:829–836, 1979), with the conventions of R's {@code lowess(x, y, f = 2/3, iter = 3,
 * delta = 0.01 * diff(range(x)))}, which the smooth calibration curve uses.
 *
 * <p>Written by hand (no maintained Java library reproduces R's variant): the points are sorted by x (stably);
 * each fitted value is a tricube-weighted local linear fit over the ns = max(2, min(n, ⌊f·n + 1e-7⌋)) nearest
 * x values (more when x ties at the window edge), with weights 1 within 0.001·h of the centre and 0 beyond
 * 0.999·h; the slope is dropped when the weighted spread of x is at most 0.001·range(x). Points within
 * {@code delta} of the last fitted x are linearly interpolated (tied x share the fit). Each of the {@code iter}
 * robustness steps reweights by the bisquare of the residual over 6·median|residual|, with the same 0.001/0.999
 * cut-offs, and stops early when that scale is below 1e-7 times the mean absolute residual.
 *
 * <p>Worked example (also a unit test): points on a line, x = {1, 2, 3, 4, 5}, y = 2x, are reproduced exactly.
 */
public final class Lowess {

    private Lowess() {
    }

    /** The smoothed curve: x sorted ascending and the fitted y at each. */
    public record Curve(double[] x, double[] y) {
        public Curve {
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /** R's defaults: f = 2/3, iter = 3, delta = 0.01·(max x − min x). */
    public static Curve fit(double[] x, double[] y) {
        return fit(x, y, 2.0 / 3.0, 3, Double.NaN);
    }

    /**
     * LOWESS of y on x.
     *
     * @param f     smoother span, the fraction of points in each local fit (&gt; 0)
     * @param iter  number of robustness iterations (≥ 0)
     * @param delta interpolation distance; NaN for R's default 0.01·range(x)
     */
    public static Curve fit(double[] x, double[] y, double f, int iter, double delta) {
        int n = x.length;
        if (n != y.length) {
            throw new IllegalArgumentException("lowess: " + n + " x values but " + y.length + " y values");
        }
        if (n == 0) {
            throw new IllegalArgumentException("lowess: no points");
        }
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("lowess: span f must be finite and > 0, got " + f);
        }
        if (iter < 0) {
            throw new IllegalArgumentException("lowess: iter must be >= 0, got " + iter);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("lowess: point " + (i + 1) + " is missing or not finite");
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[order[i]];
            ys[i] = y[order[i]];
        }
        if (Double.isNaN(delta)) {
            delta = 0.01 * (xs[n - 1] - xs[0]);
        }
        if (!(delta >= 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("lowess: delta must be finite and >= 0, got " + delta);
        }
        return new Curve(xs, smooth(xs, ys, f, iter, delta));
    }

    /** The smoother on x sorted ascending. */
    private static double[] smooth(double[] x, double[] y, double f, int iter, double delta) {
        int n = x.length;
        double[] fit = new double[n];
        if (n < 2) {
            fit[0] = y[0];
            return fit;
        }
        int ns = Math.max(2, Math.min(n, (int) (f * n + 1e-7)));
        double[] robust = new double[n];
        double[] work = new double[n];
        double[] res = new double[n];
        for (int step = 0; step <= iter; step++) {
            boolean weighted = step > 0;
            int left = 0;
            int right = ns - 1;
            int last = -1;
            int i = 0;
            while (true) {
                // slide the window right while that shrinks its radius around x[i]
                while (right < n - 1 && x[i] - x[left] > x[right + 1] - x[i]) {
                    left++;
                    right++;
                }
                double v = localFit(x, y, x[i], left, right, work, weighted ? robust : null);
                fit[i] = Double.isNaN(v) ? y[i] : v;
                if (last < i - 1) {
                    double span = x[i] - x[last];
                    for (int j = last + 1; j < i; j++) {
                        double a = (x[j] - x[last]) / span;
                        fit[j] = a * fit[i] + (1 - a) * fit[last];
                    }
                }
                last = i;
                double cut = x[last] + delta;
                int k = last + 1;
                for (; k < n; k++) {
                    if (x[k] > cut) {
                        break;
                    }
                    if (x[k] == x[last]) {
                        fit[k] = fit[last];
                        last = k;
                    }
                }
                i = Math.max(last + 1, k - 1);
                if (last >= n - 1) {
                    break;
                }
            }
            double sc = 0;
            for (int j = 0; j < n; j++) {
                res[j] = y[j] - fit[j];
                sc += Math.abs(res[j]);
            }
            sc /= n;
            if (step == iter) {
                break;
            }
            double[] abs = new double[n];
            for (int j = 0; j < n; j++) {
                abs[j] = Math.abs(res[j]);
            }
            Arrays.sort(abs);
            int m1 = n / 2;
            double cmad = n % 2 == 0 ? 3 * (abs[m1] + abs[n - m1 - 1]) : 6 * abs[m1];
            if (cmad < 1e-7 * sc) {
                break;
            }
            for (int j = 0; j < n; j++) {
                double r = Math.abs(res[j]);
                if (r <= 0.001 * cmad) {
                    robust[j] = 1;
                } else if (r <= 0.999 * cmad) {
                    double u = r / cmad;
                    robust[j] = (1 - u * u) * (1 - u * u);
                } else {
                    robust[j] = 0;
                }
            }
        }
        return fit;
    }

    /**
     * Tricube-weighted local linear fit at {@code xc} over the window [left, right] extended right over ties;
     * NaN when all weights are zero.
     */
    private static double localFit(double[] x, double[] y, double xc, int left, int right, double[] w,
            double[] robust) {
        int n = x.length;
        double range = x[n - 1] - x[0];
        double h = Math.max(xc - x[left], x[right] - xc);
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double sum = 0;
        int j = left;
        for (; j < n; j++) {
            w[j] = 0;
            double r = Math.abs(x[j] - xc);
            if (r <= h9) {
                if (r <= h1) {
                    w[j] = 1;
                } else {
                    double u = r / h;
                    double t = 1 - u * u * u;
                    w[j] = t * t * t;
                }
                if (robust != null) {
                    w[j] *= robust[j];
                }
                sum += w[j];
            } else if (x[j] > xc) {
                break;
            }
        }
        int end = j - 1;
        if (sum <= 0) {
            return Double.NaN;
        }
        for (j = left; j <= end; j++) {
            w[j] /= sum;
        }
        if (h > 0) {
            double mean = 0;
            for (j = left; j <= end; j++) {
                mean += w[j] * x[j];
            }
            double b = xc - mean;
            double c = 0;
            for (j = left; j <= end; j++) {
                c += w[j] * (x[j] - mean) * (x[j] - mean);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (j = left; j <= end; j++) {
                    w[j] *= b * (x[j] - mean) + 1;
                }
            }
        }
        double v = 0;
        for (j = left; j <= end; j++) {
            v += w[j] * y[j];
        }
        return v;
    }
}
