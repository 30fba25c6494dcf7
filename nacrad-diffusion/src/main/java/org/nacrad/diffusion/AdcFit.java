package org.nacrad.diffusion;

/**
 * Apparent diffusion coefficient of one voxel by the mono-exponential model S(b) = S0·exp(−b·ADC) over the
 * chosen b-values.
 *
 * <p><b>Log-linear least squares</b> (default): ordinary least squares of ln S on b,
 * <pre>  ADC = −Σ(bᵢ − b̄)(ln Sᵢ − ȳ) / Σ(bᵢ − b̄)²,   ln S0 = ȳ + ADC · b̄</pre>
 * which for two b-values is ADC = ln(S₁/S₂)/(b₂ − b₁).
 *
 * <p><b>Non-linear least squares</b> (optional): minimises Σ(Sᵢ − S0·exp(−bᵢ·ADC))² by Levenberg–Marquardt from
 * the log-linear estimate (hand-written for two parameters: a general optimiser object per voxel would dominate
 * the cost).
 *
 * <p>Worked example: b = 0, 800 s/mm², S = 1000, 449.33: ADC = ln(1000/449.33)/800 = 1.0·10⁻³ mm²/s.
 */
public final class AdcFit {

    private AdcFit() {
    }

    /** A voxel's fit: S0, ADC (mm²/s) and status. */
    public record Result(double s0, double adc, FitStatus status) {
    }

    /** Log-linear least-squares fit. */
    public static Result logLinear(double[] b, double[] s) {
        int n = b.length;
        double mb = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            if (!(s[i] > 0) || !Double.isFinite(s[i])) {
                return new Result(Double.NaN, Double.NaN, FitStatus.BAD_SIGNAL);
            }
            mb += b[i];
            my += Math.log(s[i]);
        }
        mb /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double db = b[i] - mb;
            sxy += db * (Math.log(s[i]) - my);
            sxx += db * db;
        }
        double adc = -sxy / sxx;
        double s0 = Math.exp(my + adc * mb);
        return new Result(s0, adc, adc > 0 ? FitStatus.OK : FitStatus.NON_POSITIVE_DIFFUSIVITY);
    }

    /** Non-linear least-squares fit started from the log-linear estimate. */
    public static Result nonLinear(double[] b, double[] s) {
        Result start = logLinear(b, s);
        if (start.status() == FitStatus.BAD_SIGNAL) {
            return start;
        }
        int n = b.length;
        // parameters scaled: x = b/1000 (ms/µm²), a = ADC·1000 (µm²/ms)
        double s0 = start.s0();
        double a = start.adc() * 1000;
        double cost = adcCost(b, s, s0, a);
        double lambda = 1e-3;
        for (int it = 0; it < 200; it++) {
            double j00 = 0, j01 = 0, j11 = 0, g0 = 0, g1 = 0;
            for (int i = 0; i < n; i++) {
                double x = b[i] / 1000;
                double e = Math.exp(-x * a);
                double m = s0 * e;
                double r = s[i] - m;
                double d0 = e;
                double d1 = -x * m;
                j00 += d0 * d0;
                j01 += d0 * d1;
                j11 += d1 * d1;
                g0 += d0 * r;
                g1 += d1 * r;
            }
            boolean improved = false;
            while (lambda < 1e12) {
                double a00 = j00 * (1 + lambda), a11 = j11 * (1 + lambda);
                double det = a00 * a11 - j01 * j01;
                double ds0 = (a11 * g0 - j01 * g1) / det;
                double da = (a00 * g1 - j01 * g0) / det;
                double ns0 = s0 + ds0;
                double na = a + da;
                double nc = adcCost(b, s, ns0, na);
                if (nc <= cost) {
                    boolean done = Math.abs(cost - nc) <= 1e-15 * Math.max(cost, 1e-300)
                            || (Math.abs(ds0) <= 1e-12 * Math.abs(s0) && Math.abs(da) <= 1e-12 * Math.abs(a));
                    s0 = ns0;
                    a = na;
                    cost = nc;
                    lambda = Math.max(lambda / 10, 1e-12);
                    improved = true;
                    if (done) {
                        return finish(s0, a);
                    }
                    break;
                }
                lambda *= 10;
            }
            if (!improved) {
                return finish(s0, a); // no downhill step at any damping: a stationary point
            }
        }
        return new Result(s0, a / 1000, FitStatus.NOT_CONVERGED);
    }

    private static Result finish(double s0, double a) {
        double adc = a / 1000;
        return new Result(s0, adc, adc > 0 ? FitStatus.OK : FitStatus.NON_POSITIVE_DIFFUSIVITY);
    }

    private static double adcCost(double[] b, double[] s, double s0, double a) {
        double c = 0;
        for (int i = 0; i < b.length; i++) {
            double r = s[i] - s0 * Math.exp(-b[i] / 1000 * a);
            c += r * r;
        }
        return c;
    }
}
