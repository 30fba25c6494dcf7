package org.nacrad.stats.glm;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Newton–Raphson for the logistic log-likelihood (identical to IRLS, Fisher scoring with the canonical link, as R's
 * {@code glm.fit} and rms {@code lrm.fit}), optionally with Firth's penalty {@code ½ log det I(β)}
 * (Firth 1993, Biometrika 80:27–38; Heinze &amp; Schemper 2002, Stat Med 21:2409–2419, the method of R's logistf).
 *
 * <p>Each step solves {@code I(β) δ = U(β)} with {@code I = Xᵀ W X}, {@code W = diag(p(1-p))}; Firth's modified score
 * is {@code U* = Xᵀ (y - p + h (½ - p))} with {@code h} the diagonal of the hat matrix {@code W½ X I⁻¹ Xᵀ W½}.
 * A step that lowers the (penalised) log-likelihood is halved, up to 30 times (as glm.fit's step halving and
 * logistf's). Convergence: largest absolute step below {@code 1e-10 (1 + |β|)} and change in log-likelihood below
 * {@code 1e-13 (1 + |l|)} — tighter than glm's default {@code epsilon = 1e-8}, so estimates are the exact optimum.
 *
 * <p>Design matrices are row-major {@code x[i][j]}, the intercept column included by the caller. Package-private:
 * {@link LogisticRegression} is the API.
 */
final class Newton {

    static final int MAX_ITERATIONS = 100;

    /** Result of one fit: estimate, inverse information at the estimate, log-likelihood, convergence. */
    record Result(double[] beta, double[][] covariance, double logLik, double penalisedLogLik, int iterations,
                  boolean converged, double[] eta) {
    }

    /** Thrown when the information matrix is singular (collinear predictors). */
    static final class SingularException extends RuntimeException {
        /** The Newton iteration at which it happened: 0 means at the start, where it reflects collinearity. */
        final int iteration;
        /** The estimate at that iteration (set by {@link #fit}). */
        double[] beta;

        SingularException(int iteration) {
            super("information matrix is singular");
            this.iteration = iteration;
        }
    }

    private Newton() {
    }

    static Result fit(double[][] x, double[] y, double[] offset, boolean firth, double[] start) {
        int n = x.length;
        int k = x[0].length;
        double[] beta = start.clone();
        double[] eta = new double[n];
        double[] p = new double[n];
        linear(x, beta, offset, eta);
        double pl = objective(x, y, eta, p, firth);
        boolean converged = false;
        int it = 0;
        for (; it < MAX_ITERATIONS && !converged; it++) {
            double[][] info = information(x, p);
            CholeskyDecomposition chol;
            try {
                chol = cholesky(info, it);
            } catch (SingularException e) {
                e.beta = beta.clone();
                throw e;
            }
            double[] score = new double[k];
            double[] resid = new double[n];
            if (firth) {
                double[] h = hat(x, p, chol);
                for (int i = 0; i < n; i++) {
                    resid[i] = y[i] - p[i] + h[i] * (0.5 - p[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    resid[i] = y[i] - p[i];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    score[j] += x[i][j] * resid[i];
                }
            }
            double[] step = chol.getSolver().solve(MatrixUtils.createRealVector(score)).toArray();
            if (firth) {
                // logistf's maxstep = 5: no coefficient moves by more than 5 in one iteration
                double largest = 0;
                for (double s : step) {
                    largest = Math.max(largest, Math.abs(s));
                }
                if (largest > 5) {
                    for (int j = 0; j < k; j++) {
                        step[j] *= 5 / largest;
                    }
                }
            }
            double[] trial = new double[k];
            double newPl = Double.NaN;
            double scale = 1;
            for (int halving = 0; halving <= 30; halving++, scale /= 2) {
                for (int j = 0; j < k; j++) {
                    trial[j] = beta[j] + scale * step[j];
                }
                linear(x, trial, offset, eta);
                newPl = objective(x, y, eta, p, firth);
                if (newPl >= pl - 1e-12 * (1 + Math.abs(pl))) {
                    break;
                }
            }
            double maxStep = 0;
            double maxBeta = 0;
            for (int j = 0; j < k; j++) {
                maxStep = Math.max(maxStep, Math.abs(trial[j] - beta[j]));
                maxBeta = Math.max(maxBeta, Math.abs(trial[j]));
            }
            converged = maxStep <= 1e-10 * (1 + maxBeta) && Math.abs(newPl - pl) <= 1e-13 * (1 + Math.abs(pl));
            beta = trial;
            pl = newPl;
        }
        linear(x, beta, offset, eta);
        objective(x, y, eta, p, firth);
        double[][] cov = cholesky(information(x, p), it).getSolver().getInverse().getData();
        double ll = logLik(y, eta);
        return new Result(beta, cov, ll, pl, it, converged, eta.clone());
    }

    static void linear(double[][] x, double[] beta, double[] offset, double[] eta) {
        for (int i = 0; i < x.length; i++) {
            double s = offset == null ? 0 : offset[i];
            double[] xi = x[i];
            for (int j = 0; j < beta.length; j++) {
                s += xi[j] * beta[j];
            }
            eta[i] = s;
        }
    }

    /** Log-likelihood {@code Σ y η - log(1 + e^η)}, computed stably. */
    static double logLik(double[] y, double[] eta) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += y[i] * eta[i] - log1pExp(eta[i]);
        }
        return s;
    }

    static double log1pExp(double e) {
        return e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
    }

    static double expit(double e) {
        return e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
    }

    /** Fills {@code p} from {@code eta}; returns the (penalised) log-likelihood. */
    private static double objective(double[][] x, double[] y, double[] eta, double[] p, boolean firth) {
        for (int i = 0; i < eta.length; i++) {
            p[i] = expit(eta[i]);
        }
        double ll = logLik(y, eta);
        if (!firth) {
            return ll;
        }
        try {
            CholeskyDecomposition c = cholesky(information(x, p), 0);
            return ll + 0.5 * Math.log(c.getDeterminant());
        } catch (SingularException e) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    static double[][] information(double[][] x, double[] p) {
        int k = x[0].length;
        double[][] info = new double[k][k];
        for (int i = 0; i < x.length; i++) {
            double w = p[i] * (1 - p[i]);
            double[] xi = x[i];
            for (int a = 0; a < k; a++) {
                double wa = w * xi[a];
                for (int b = 0; b <= a; b++) {
                    info[a][b] += wa * xi[b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                info[a][b] = info[b][a];
            }
        }
        return info;
    }

    private static double[] hat(double[][] x, double[] p, CholeskyDecomposition chol) {
        RealMatrix inv = chol.getSolver().getInverse();
        int k = x[0].length;
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double q = 0;
            for (int a = 0; a < k; a++) {
                double s = 0;
                for (int b = 0; b < k; b++) {
                    s += inv.getEntry(a, b) * x[i][b];
                }
                q += x[i][a] * s;
            }
            h[i] = p[i] * (1 - p[i]) * q;
        }
        return h;
    }

    private static CholeskyDecomposition cholesky(double[][] m, int iteration) {
        CholeskyDecomposition c;
        try {
            c = new CholeskyDecomposition(MatrixUtils.createRealMatrix(m), 1e-14, 1e-300);
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new SingularException(iteration);
        }
        // relative pivot test: L_jj^2 / I_jj below 1e-12 means column j is (numerically) a combination of the others
        double[][] l = c.getL().getData();
        for (int j = 0; j < m.length; j++) {
            if (l[j][j] * l[j][j] < 1e-12 * m[j][j]) {
                throw new SingularException(iteration);
            }
        }
        return c;
    }
}
