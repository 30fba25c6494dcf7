package org.nacrad.stats.lasso;

/**
 * The coordinate-descent state of one {@link LogisticNet} path: standardised columns, current estimate, fitted
 * probabilities, working weights and weighted residuals, kept between lambdas for warm starts. Package-private,
 * mutable, confined to one thread; plain arrays for the hot loops.
 *
 * <p>Notation (observation weights {@code w_i = 1/n}): {@code q_i} fitted probability, {@code v_i = w_i q_i(1-q_i)},
 * {@code r_i = w_i (y_i - q_i) - (IRLS correction)}, {@code xv_j = Σ v_i z_ij²}; the gradient of the log-likelihood
 * in {@code β_j} is {@code Σ r_i z_ij}.
 */
final class Solver {

    private final double[][] z;
    private final double[] y;
    private final boolean[] usable;
    private final double alpha;
    private final int n;
    private final int p;
    private final int maxPasses;
    private final double shr;
    final double dev0;
    private final double dev1;

    double b0;
    final double[] b;
    private final double[] q;
    private final double[] v;
    private final double[] r;
    private final double[] xv;
    private final double[] ga;
    private final boolean[] strong;
    private final int[] active;
    private final boolean[] inActive;
    private int nActive;
    private double xmz;
    private int passes;

    /** The pass budget of the path ran out (glmnet's {@code maxit}, error code {@code -k}). */
    static final class NotConverged extends RuntimeException {
        NotConverged(int passes) {
            super("coordinate descent did not converge in " + passes + " passes");
        }
    }

    Solver(double[][] z, double[] y, boolean[] usable, double alpha, double thresh, int maxPasses) {
        this.z = z;
        this.y = y;
        this.usable = usable;
        this.alpha = alpha;
        this.n = y.length;
        this.p = z.length;
        this.maxPasses = maxPasses;
        double w = 1.0 / n;
        double q0 = 0;
        for (double yi : y) {
            q0 += w * yi;
        }
        b0 = Math.log(q0 / (1 - q0));
        b = new double[p];
        q = new double[n];
        v = new double[n];
        r = new double[n];
        xv = new double[p];
        ga = new double[p];
        strong = new boolean[p];
        active = new int[p];
        inActive = new boolean[p];
        for (int i = 0; i < n; i++) {
            q[i] = q0;
            v[i] = w * q0 * (1 - q0);
            r[i] = w * (y[i] - q0);
        }
        xmz = q0 * (1 - q0);
        dev1 = -(b0 * q0 + Math.log(1 - q0));
        dev0 = dev1; // binary y: the saturated log-likelihood is 0
        shr = thresh * dev0;
        for (int j = 0; j < p; j++) {
            if (usable[j]) {
                ga[j] = Math.abs(dot(r, z[j]));
            }
        }
    }

    /** {@code max_j |∇_j| / max(α, 0.001)} at the null model: the smallest lambda with all coefficients zero. */
    double lambdaMax() {
        double m = 0;
        for (int j = 0; j < p; j++) {
            if (usable[j]) {
                m = Math.max(m, ga[j]);
            }
        }
        return m / Math.max(alpha, 1e-3);
    }

    /** Solves at penalty {@code lam} from the current (warm) state; {@code lamPrev} drives the strong rule. */
    void solve(double lam, double lamPrev) {
        double al1 = lam * alpha;
        double al2 = lam * (1 - alpha);
        double tlam = alpha * (2 * lam - lamPrev);
        for (int j = 0; j < p; j++) {
            if (usable[j] && !strong[j] && ga[j] > tlam) {
                strong[j] = true;
            }
        }
        double[] bs = new double[p];
        while (true) {
            double bs0 = b0;
            for (int a = 0; a < nActive; a++) {
                bs[active[a]] = b[active[a]];
            }
            for (int j = 0; j < p; j++) {
                if (strong[j]) {
                    xv[j] = weightedSquares(z[j]);
                }
            }
            // coordinate descent on the quadratic approximation: full pass over the strong set, then the active set
            while (true) {
                double dlx = sweepStrong(al1, al2);
                if (dlx < shr) {
                    break;
                }
                do {
                    dlx = sweepActive(al1, al2);
                } while (dlx >= shr);
            }
            updateFit();
            if (xmz <= (1 + LogisticNet.PMIN) * LogisticNet.PMIN * (1 - LogisticNet.PMIN)) {
                return;
            }
            boolean converged = xmz * (b0 - bs0) * (b0 - bs0) < shr;
            for (int a = 0; a < nActive && converged; a++) {
                int k = active[a];
                double d = b[k] - bs[k];
                converged = xv[k] * d * d < shr;
            }
            if (!converged) {
                continue;
            }
            boolean violation = false;
            for (int j = 0; j < p; j++) {
                if (usable[j] && !strong[j]) {
                    ga[j] = Math.abs(dot(r, z[j]));
                    if (ga[j] > al1) {
                        strong[j] = true;
                        violation = true;
                    }
                }
            }
            if (!violation) {
                return;
            }
        }
    }

    private double sweepStrong(double al1, double al2) {
        checkPasses();
        double dlx = 0;
        for (int k = 0; k < p; k++) {
            if (strong[k]) {
                dlx = Math.max(dlx, update(k, al1, al2));
            }
        }
        return Math.max(dlx, updateIntercept());
    }

    private double sweepActive(double al1, double al2) {
        checkPasses();
        double dlx = 0;
        for (int a = 0; a < nActive; a++) {
            dlx = Math.max(dlx, update(active[a], al1, al2));
        }
        return Math.max(dlx, updateIntercept());
    }

    private void checkPasses() {
        if (++passes > maxPasses) {
            throw new NotConverged(maxPasses);
        }
    }

    /** One coordinate update with soft-thresholding; returns {@code xv_k Δ²}. */
    private double update(int k, double al1, double al2) {
        double[] zk = z[k];
        double bk = b[k];
        double u = dot(r, zk) + xv[k] * bk;
        double au = Math.abs(u) - al1;
        double nb = au > 0 ? Math.copySign(au, u) / (xv[k] + al2) : 0;
        double d = nb - bk;
        if (d == 0) {
            return 0;
        }
        b[k] = nb;
        for (int i = 0; i < n; i++) {
            r[i] -= d * v[i] * zk[i];
        }
        if (!inActive[k]) {
            inActive[k] = true;
            active[nActive++] = k;
        }
        return xv[k] * d * d;
    }

    private double updateIntercept() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += r[i];
        }
        double d = s / xmz;
        if (d == 0) {
            return 0;
        }
        b0 += d;
        for (int i = 0; i < n; i++) {
            r[i] -= d * v[i];
        }
        return xmz * d * d;
    }

    /** New probabilities, weights and residuals at the current estimate (the outer Newton step). */
    private void updateFit() {
        double fmax = Math.log(1 / LogisticNet.PMIN - 1);
        double w = 1.0 / n;
        double[] eta = new double[n];
        java.util.Arrays.fill(eta, b0);
        for (int a = 0; a < nActive; a++) {
            int k = active[a];
            double bk = b[k];
            if (bk != 0) {
                double[] zk = z[k];
                for (int i = 0; i < n; i++) {
                    eta[i] += bk * zk[i];
                }
            }
        }
        xmz = 0;
        for (int i = 0; i < n; i++) {
            double f = eta[i];
            q[i] = f < -fmax ? 0 : f > fmax ? 1 : 1 / (1 + Math.exp(-f));
            v[i] = w * q[i] * (1 - q[i]);
            xmz += v[i];
            r[i] = w * (y[i] - q[i]);
        }
    }

    /** Whether the fitted probabilities have all reached 0 or 1 (glmnet stops the path there). */
    boolean saturated() {
        return xmz <= (1 + LogisticNet.PMIN) * LogisticNet.PMIN * (1 - LogisticNet.PMIN);
    }

    /** Fraction of null deviance explained at the current fit, probabilities clipped to [1e-9, 1-1e-9]. */
    double devRatio() {
        double w = 1.0 / n;
        double dev = 0;
        for (int i = 0; i < n; i++) {
            double pi = Math.min(Math.max(LogisticNet.PMIN, q[i]), 1 - LogisticNet.PMIN);
            dev -= w * (y[i] * Math.log(pi) + (1 - y[i]) * Math.log(1 - pi));
        }
        return (dev1 - dev) / dev0;
    }

    private double weightedSquares(double[] zk) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * zk[i] * zk[i];
        }
        return s;
    }

    static double dot(double[] a, double[] c) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * c[i];
        }
        return s;
    }
}
