package org.nacrad.diffusion;

/**
 * Mean diffusivity and mean kurtosis of one voxel from the directionally averaged (or trace-weighted) signal,
 * S(b) = S0·exp(−b·D + b²·D²·K/6), fitted over all b-values (which must reach ≥ 1500 s/mm² for K to be
 * identifiable).
 *
 * <ol>
 *   <li><b>Weighted linear least squares</b>: ln S = β₀ − b·β₁ + (b²/6)·β₂ is linear in β = (ln S0, D, D²K);
 *       it is solved with weights Sᵢ² (the variance of ln S is ≈ σ²/S², Veraart et al., NeuroImage 2013), the
 *       observed signal as in DIPY's {@code msdki.wls_fit_msdki} (Henriques, PhD thesis, Cambridge 2018), so the
 *       two agree to rounding. D = β₁, K = β₂/D².</li>
 *   <li><b>Constrained non-linear refinement</b>: Σ(Sᵢ − S0·exp(−bᵢD + bᵢ²D²K/6))² is minimised over the box
 *       S0 ≥ 0, D ≥ 0, 0 ≤ K ≤ 3 by Levenberg–Marquardt with an active set (a parameter on a bound whose gradient
 *       points outward is held there), started from the WLLS estimate projected into the box. The result is the
 *       constrained least-squares point, as a bounded trust-region solver (SciPy {@code least_squares}) finds it.
 *       A fit that ends on K = 0, K = 3 or D = 0 is implausible (the unconstrained optimum lies outside) and is
 *       flagged.</li>
 * </ol>
 * Internally b is in ms/µm² (b/1000) and D in µm²/ms so that all three parameters are of order one; results
 * are returned in mm²/s.
 *
 * <p>Hand-written: 3 parameters and ~5 points per voxel over hundreds of thousands of voxels make a general
 * optimiser object per voxel the dominant cost.
 */
public final class KurtosisFit {

    /** Upper bound of the plausible kurtosis range. */
    public static final double K_MAX = 3;

    private KurtosisFit() {
    }

    /** A voxel's fit: S0, D (mm²/s), K and status. */
    public record Result(double s0, double d, double k, FitStatus status) {
    }

    /** The weighted linear least-squares estimate only (no refinement, no bounds). */
    public static Result weightedLinear(double[] b, double[] s) {
        double[] beta = wlls(b, s);
        if (beta == null) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, FitStatus.BAD_SIGNAL);
        }
        double d = beta[1];
        double k = beta[2] / (d * d);
        return new Result(Math.exp(beta[0]), d / 1000, k, classify(d, k, true));
    }

    /** WLLS followed by the constrained non-linear refinement. */
    public static Result fit(double[] b, double[] s) {
        double[] beta = wlls(b, s);
        if (beta == null) {
            return new Result(Double.NaN, Double.NaN, Double.NaN, FitStatus.BAD_SIGNAL);
        }
        double[] p = {Math.exp(beta[0]), beta[1], beta[1] > 0 ? beta[2] / (beta[1] * beta[1]) : 1};
        project(p);
        if (p[1] == 0) {
            p[1] = 1e-3; // start inside the box; the refinement decides
        }
        boolean converged = refine(b, s, p);
        FitStatus st = converged ? classify(p[1], p[2], false) : FitStatus.NOT_CONVERGED;
        return new Result(p[0], p[1] / 1000, p[2], st);
    }

    private static FitStatus classify(double dScaled, double k, boolean open) {
        if (!(dScaled > 0)) {
            return FitStatus.NON_POSITIVE_DIFFUSIVITY;
        }
        if (open ? !(k >= 0 && k <= K_MAX) : !(k > 0 && k < K_MAX)) {
            return FitStatus.IMPLAUSIBLE_KURTOSIS;
        }
        return FitStatus.OK;
    }

    /** β = (ln S0, D, D²K) in scaled units, or null when a signal is not positive. */
    static double[] wlls(double[] b, double[] s) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(s[i] > 0) || !Double.isFinite(s[i])) {
                return null;
            }
            y[i] = Math.log(s[i]);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = s[i] * s[i];
        }
        return solveWeighted(b, y, w);
    }

    /** Solves the 3×3 weighted normal equations of the design [1, −x, x²/6]. */
    private static double[] solveWeighted(double[] b, double[] y, double[] w) {
        double a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0, r0 = 0, r1 = 0, r2 = 0;
        for (int i = 0; i < b.length; i++) {
            double x = b[i] / 1000;
            double c0 = 1, c1 = -x, c2 = x * x / 6;
            double wi = w[i];
            a00 += wi * c0 * c0;
            a01 += wi * c0 * c1;
            a02 += wi * c0 * c2;
            a11 += wi * c1 * c1;
            a12 += wi * c1 * c2;
            a22 += wi * c2 * c2;
            r0 += wi * c0 * y[i];
            r1 += wi * c1 * y[i];
            r2 += wi * c2 * y[i];
        }
        return solve3(a00, a01, a02, a11, a12, a22, r0, r1, r2);
    }

    /** Solves a symmetric 3×3 system by Cramer's rule; null if singular. */
    static double[] solve3(double a00, double a01, double a02, double a11, double a12, double a22,
                           double r0, double r1, double r2) {
        double c00 = a11 * a22 - a12 * a12;
        double c01 = a02 * a12 - a01 * a22;
        double c02 = a01 * a12 - a02 * a11;
        double det = a00 * c00 + a01 * c01 + a02 * c02;
        if (det == 0 || !Double.isFinite(det)) {
            return null;
        }
        double c11 = a00 * a22 - a02 * a02;
        double c12 = a01 * a02 - a00 * a12;
        double c22 = a00 * a11 - a01 * a01;
        return new double[] {
            (c00 * r0 + c01 * r1 + c02 * r2) / det,
            (c01 * r0 + c11 * r1 + c12 * r2) / det,
            (c02 * r0 + c12 * r1 + c22 * r2) / det,
        };
    }

    private static void project(double[] p) {
        p[0] = Math.max(p[0], 0);
        p[1] = Math.max(p[1], 0);
        p[2] = Math.min(Math.max(p[2], 0), K_MAX);
    }

    private static double cost(double[] b, double[] s, double[] p) {
        double c = 0;
        for (int i = 0; i < b.length; i++) {
            double x = b[i] / 1000;
            double r = s[i] - p[0] * Math.exp(-x * p[1] + x * x * p[1] * p[1] * p[2] / 6);
            c += r * r;
        }
        return c;
    }

    /** Active-set Levenberg–Marquardt on the box; returns whether it converged. p is updated in place. */
    private static boolean refine(double[] b, double[] s, double[] p) {
        int n = b.length;
        double[] lo = {0, 0, 0};
        double[] hi = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, K_MAX};
        double cost = cost(b, s, p);
        double lambda = 1e-3;
        double[] jtj = new double[9];
        double[] g = new double[3];
        double[] trial = new double[3];
        for (int it = 0; it < 500; it++) {
            java.util.Arrays.fill(jtj, 0);
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < n; i++) {
                double x = b[i] / 1000;
                double e = Math.exp(-x * p[1] + x * x * p[1] * p[1] * p[2] / 6);
                double m = p[0] * e;
                double r = s[i] - m;
                double j0 = e;
                double j1 = m * (-x + x * x * p[1] * p[2] / 3);
                double j2 = m * (x * x * p[1] * p[1] / 6);
                double[] j = {j0, j1, j2};
                for (int u = 0; u < 3; u++) {
                    g[u] += j[u] * r;
                    for (int v = 0; v < 3; v++) {
                        jtj[3 * u + v] += j[u] * j[v];
                    }
                }
            }
            // active set: on a bound with the descent direction (+g) pointing outside
            boolean[] free = new boolean[3];
            double pg = 0;
            for (int u = 0; u < 3; u++) {
                free[u] = !((p[u] <= lo[u] && g[u] <= 0) || (p[u] >= hi[u] && g[u] >= 0));
                if (free[u]) {
                    pg = Math.max(pg, Math.abs(g[u]) * Math.max(Math.abs(p[u]), 1));
                }
            }
            if (pg <= 1e-13 * Math.max(cost, 1e-300) || pg == 0) {
                return true;
            }
            boolean accepted = false;
            while (lambda <= 1e14) {
                double[] step = dampedStep(jtj, g, free, lambda);
                if (step == null) {
                    lambda *= 10;
                    continue;
                }
                for (int u = 0; u < 3; u++) {
                    trial[u] = p[u] + step[u];
                }
                project(trial);
                double c = cost(b, s, trial);
                if (c <= cost) {
                    double change = cost - c;
                    double move = 0;
                    for (int u = 0; u < 3; u++) {
                        move = Math.max(move, Math.abs(trial[u] - p[u]) / Math.max(Math.abs(p[u]), 1e-8));
                        p[u] = trial[u];
                    }
                    cost = c;
                    lambda = Math.max(lambda / 10, 1e-12);
                    accepted = true;
                    if (change <= 1e-15 * Math.max(cost, 1e-300) && move <= 1e-10) {
                        return true;
                    }
                    break;
                }
                lambda *= 10;
            }
            if (!accepted) {
                return true; // no descent at any damping: a (constrained) stationary point to machine precision
            }
        }
        return false;
    }

    /** (JᵀJ + λ·diag(JᵀJ)) δ = g over the free parameters; fixed ones get δ = 0. */
    private static double[] dampedStep(double[] jtj, double[] g, boolean[] free, double lambda) {
        double[] a = new double[9];
        double[] r = new double[3];
        for (int u = 0; u < 3; u++) {
            for (int v = 0; v < 3; v++) {
                a[3 * u + v] = free[u] && free[v] ? jtj[3 * u + v] : (u == v ? 1 : 0);
            }
            if (free[u]) {
                a[4 * u] += lambda * Math.max(jtj[4 * u], 1e-300);
                r[u] = g[u];
            }
        }
        return solve3(a[0], a[1], a[2], a[4], a[5], a[8], r[0], r[1], r[2]);
    }
}
