package org.nacrad.stats.lasso;

import java.util.ArrayList;
import java.util.List;

/**
 * Lasso and elastic-net penalised logistic regression along a path of penalties, computing what R's
 * {@code glmnet(x, y, family = "binomial")} computes (Friedman, Hastie &amp; Tibshirani 2010, J Stat Softw 33(1),
 * "Regularization paths for generalized linear models via coordinate descent").
 *
 * <p>For each {@code λ} it minimises
 * <pre>  -(1/n) Σ [y_i η_i - log(1 + e^{η_i})] + λ Σ_j [(1-α)/2 β_j² + α |β_j|],   η = β₀ + z β</pre>
 * on the standardised design {@code z_ij = (x_ij - x̄_j) / s_j}, {@code s_j² = (1/n) Σ (x_ij - x̄_j)²} (the 1/n
 * variance, not 1/(n-1)). The intercept is not penalised; coefficients are returned on the original scale
 * ({@code β_j / s_j}, {@code β₀ - Σ β_j x̄_j / s_j}).
 *
 * <p>Algorithm, as glmnet's {@code lognet} (written here from the paper and glmnet's documented behaviour, not
 * translated): an outer Newton (IRLS) loop builds the weighted least-squares approximation with weights
 * {@code v_i = p_i(1-p_i)/n}; an inner loop of cyclic coordinate descent with soft-thresholding solves it, first over
 * the variables allowed by the sequential strong rule ({@code |∇_j| > α(2λ - λ_prev)}), then repeatedly over the
 * active set; after convergence every excluded variable is checked against the KKT condition {@code |∇_j| ≤ αλ} and
 * the loop resumes if one violates it. Convergence: the largest {@code v-weighted} squared coefficient change
 * {@code max_j xv_j Δβ_j²} below {@code thresh × D₀} (glmnet's {@code thresh}, {@code D₀} the null deviance per
 * observation / 2). Warm starts along the path.
 *
 * <p>Default path: {@code λ_max = max_j |(1/n) Σ z_ij (y_i - ȳ)| / max(α, 0.001)}, then {@code nlambda} values
 * decreasing geometrically to {@code λ_max × lambda.min.ratio}, {@code lambda.min.ratio = 0.01} when
 * {@code n < p}, else {@code 1e-4}. The path stops early (from the 5th lambda on, default path only) when the
 * deviance ratio exceeds 0.999 or increases by less than 1e-5 from the previous lambda, or when the fitted
 * probabilities all reach 0 or 1 (glmnet.control's {@code devmax}, {@code fdev}, {@code mnlam}).
 *
 * <p>When the budget of coordinate-descent passes (glmnet's {@code maxit}, 100 000 over the path) runs out, the
 * path ends at the last converged lambda, as glmnet returns "solutions for larger lambdas" with a warning.
 *
 * <p>A penalty off the path: {@link LassoPath#coefficients} interpolates linearly between path points, as glmnet's
 * {@code coef(fit, s)} does; {@link #fitAt} solves the problem at that penalty, as {@code coef(fit, s, exact = TRUE)}.
 *
 * <p>Immutable; the {@code with…} methods return configured copies. Not thread-hostile: {@link #fit} keeps no state.
 */
public final class LogisticNet {

    static final double PMIN = 1e-9;
    static final double DEVMAX = 0.999;
    static final double FDEV = 1e-5;
    static final int MNLAM = 5;
    static final double MIN_FLMIN = 1e-6;
    static final double BIG = 9.9e35;
    /**
     * Convergence threshold of {@link #fitAt}: coordinate descent stops when no weighted squared coefficient change
     * exceeds {@code 1e-24 × D₀}, i.e. changes of about 1e-12, which leaves the KKT conditions satisfied to well
     * below 1e-9 (tested).
     */
    public static final double EXACT_THRESH = 1e-24;

    private final double alpha;
    private final boolean standardize;
    private final int nlambda;
    private final double lambdaMinRatio;
    private final double thresh;
    private final double[] lambda;
    private final int maxPasses;

    private LogisticNet(double alpha, boolean standardize, int nlambda, double lambdaMinRatio, double thresh,
                        double[] lambda, int maxPasses) {
        this.alpha = alpha;
        this.standardize = standardize;
        this.nlambda = nlambda;
        this.lambdaMinRatio = lambdaMinRatio;
        this.thresh = thresh;
        this.lambda = lambda;
        this.maxPasses = maxPasses;
    }

    /** The lasso with glmnet's defaults: alpha 1, standardize, 100 lambdas, thresh 1e-7. */
    public static LogisticNet lasso() {
        return new LogisticNet(1, true, 100, Double.NaN, 1e-7, null, 100_000);
    }

    public LogisticNet withAlpha(double a) {
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + a);
        }
        return new LogisticNet(a, standardize, nlambda, lambdaMinRatio, thresh, lambda, maxPasses);
    }

    public LogisticNet withStandardize(boolean s) {
        return new LogisticNet(alpha, s, nlambda, lambdaMinRatio, thresh, lambda, maxPasses);
    }

    public LogisticNet withNlambda(int k) {
        if (k < 3) {
            throw new IllegalArgumentException("nlambda must be at least 3, got " + k);
        }
        return new LogisticNet(alpha, standardize, k, lambdaMinRatio, thresh, lambda, maxPasses);
    }

    /** {@code lambda.min.ratio}; NaN restores glmnet's default (0.01 when n &lt; p, else 1e-4). */
    public LogisticNet withLambdaMinRatio(double r) {
        return new LogisticNet(alpha, standardize, nlambda, r, thresh, lambda, maxPasses);
    }

    public LogisticNet withThresh(double t) {
        return new LogisticNet(alpha, standardize, nlambda, lambdaMinRatio, t, lambda, maxPasses);
    }

    /** A user-given decreasing lambda sequence (no early stop, as glmnet with {@code lambda = ...}); null: default. */
    public LogisticNet withLambda(double[] l) {
        double[] copy = l == null ? null : l.clone();
        if (copy != null) {
            for (int k = 1; k < copy.length; k++) {
                if (!(copy[k] < copy[k - 1])) {
                    throw new IllegalArgumentException("lambda must be strictly decreasing: lambda[" + k + "] = "
                            + copy[k] + " after " + copy[k - 1]);
                }
            }
        }
        return new LogisticNet(alpha, standardize, nlambda, lambdaMinRatio, thresh, copy, maxPasses);
    }

    public double alpha() {
        return alpha;
    }

    public double thresh() {
        return thresh;
    }

    /**
     * The exact minimiser of the penalised objective at each penalty {@code s} (R's {@code coef(fit, s = s, exact =
     * TRUE, x = x, y = y)}): as glmnet does, the path of {@link #fit} is refitted with the penalties {@code s}
     * inserted among its lambdas (warm starts from the larger ones), here at the convergence threshold
     * {@link #EXACT_THRESH} whatever this estimator's {@code thresh}, and the solutions at {@code s} are returned. Not
     * the linear interpolation between path points of {@link LassoPath#coefficients}, which differs from the
     * minimiser between them (by 4e-3 relative on a data set of ours).
     *
     * @param s penalties, any order, each &gt; 0
     * @return a path holding exactly the distinct penalties of {@code s}, in decreasing order
     * @throws IllegalArgumentException when no solution is reached at some penalty (the fitted probabilities reach
     *                                  0 or 1 before it, as on a separable outcome)
     */
    public LassoPath fitAt(double[][] x, double[] y, List<String> predictors, double... s) {
        if (s.length == 0) {
            throw new IllegalArgumentException("fitAt needs at least one lambda");
        }
        java.util.TreeSet<Double> wanted = new java.util.TreeSet<>();
        for (double v : s) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("lambda must be positive and finite, got " + v);
            }
            wanted.add(v);
        }
        java.util.TreeSet<Double> all = new java.util.TreeSet<>(wanted);
        for (double l : withLambda(null).fit(x, y, predictors).lambda()) {
            all.add(l);
        }
        double[] union = all.descendingSet().stream().mapToDouble(Double::doubleValue).toArray();
        LassoPath full = withLambda(union).withThresh(EXACT_THRESH).fit(x, y, predictors);
        double[] lam = wanted.descendingSet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] a0 = new double[lam.length];
        double[][] beta = new double[lam.length][];
        double[] dev = new double[lam.length];
        for (int k = 0; k < lam.length; k++) {
            int at = -1;
            for (int j = 0; j < full.size() && at < 0; j++) {
                if (full.lambda()[j] == lam[k]) {
                    at = j;
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException("no solution at lambda = " + lam[k] + ": the path stopped at a "
                        + "larger lambda (the fitted probabilities reached 0 or 1, or coordinate descent ran out of "
                        + "passes)");
            }
            a0[k] = full.intercept()[at];
            beta[k] = full.beta()[at];
            dev[k] = full.devRatio()[at];
        }
        LassoPath out = new LassoPath(predictors, lam, a0, beta, dev, full.nullDeviance(), alpha, full.xMean(),
                full.xScale());
        for (int k = 0; k < lam.length; k++) {
            // a saturated fit (probabilities clipped to 0 or 1) is not the minimiser: say so rather than return it
            double v = Kkt.maxViolation(out, x, y, k);
            if (!(v < KKT_LIMIT)) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "no solution at lambda = %s: "
                        + "the fitted probabilities reach 0 or 1 (KKT violation %.2g; the outcome is separable at this "
                        + "penalty)", lam[k], v));
            }
        }
        return out;
    }

    /** The largest KKT violation {@link #fitAt} accepts; its solutions reach about 1e-12. */
    static final double KKT_LIMIT = 1e-7;

    /** Fits the path. {@code x[i][j]} row-major without intercept column, {@code y} 0/1. */
    public LassoPath fit(double[][] x, double[] y, List<String> predictors) {
        int n = y.length;
        int p = predictors.size();
        if (x.length != n) {
            throw new IllegalArgumentException(x.length + " design rows but " + n + " outcomes");
        }
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": outcome must be 0 or 1, found " + y[i]);
            }
            ybar += y[i];
        }
        ybar /= n;
        if (ybar <= PMIN || ybar >= 1 - PMIN) {
            throw new IllegalArgumentException("the outcome has one class only (all " + n + " rows are "
                    + (ybar <= PMIN ? 0 : 1) + "); a logistic model needs both");
        }
        // column-major standardised design; constant columns are excluded (glmnet's ju)
        double[] mean = new double[p];
        double[] scale = new double[p];
        double[][] z = new double[p][n];
        boolean[] usable = new boolean[p];
        for (int j = 0; j < p; j++) {
            double m = 0;
            double first = x[0][j];
            boolean constant = true;
            for (int i = 0; i < n; i++) {
                double v = x[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + (i + 1) + ", predictor '" + predictors.get(j)
                            + "': missing or non-finite value");
                }
                constant &= v == first;
                m += v;
            }
            m /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i][j] - m;
                ss += d * d;
            }
            mean[j] = m;
            usable[j] = !constant;
            scale[j] = constant ? 0 : standardize ? Math.sqrt(ss / n) : 1;
            if (usable[j]) {
                double s = scale[j];
                double[] zj = z[j];
                for (int i = 0; i < n; i++) {
                    zj[i] = (x[i][j] - m) / s;
                }
            }
        }
        Solver solver = new Solver(z, y, usable, alpha, thresh, maxPasses);
        double flmin = lambda != null ? 1.0 : Double.isNaN(lambdaMinRatio) ? (n < p ? 0.01 : 1e-4) : lambdaMinRatio;
        int nlam = lambda != null ? lambda.length : nlambda;
        List<double[]> betas = new ArrayList<>();
        List<Double> a0s = new ArrayList<>();
        List<Double> lams = new ArrayList<>();
        List<Double> devs = new ArrayList<>();
        double alf = flmin < 1 ? Math.pow(Math.max(MIN_FLMIN, flmin), 1.0 / (nlam - 1)) : 1;
        double lambdaMax = solver.lambdaMax();
        for (int k = 0; k < nlam; k++) {
            double al = lambda != null ? lambda[k] : lambdaMax * Math.pow(alf, k);
            if (lambda == null && k == 0) {
                al = lambdaMax;
            }
            try {
                if (lambda == null && k == 0) {
                    // the first point of the default path is the null model itself (glmnet solves it at an infinite
                    // penalty, so no coefficient can leave zero through rounding at exactly lambda_max)
                    solver.solve(BIG, BIG);
                } else {
                    solver.solve(al, k == 0 ? lambdaMax : lams.get(k - 1));
                }
            } catch (Solver.NotConverged e) {
                if (k == 0) {
                    throw new IllegalArgumentException("lasso path: " + e.getMessage() + " at the first lambda");
                }
                break; // as glmnet: the solutions for the larger lambdas are returned
            }
            double[] b = new double[p];
            double a0 = solver.b0;
            for (int j = 0; j < p; j++) {
                if (usable[j] && solver.b[j] != 0) {
                    b[j] = solver.b[j] / scale[j];
                    a0 -= b[j] * mean[j];
                }
            }
            betas.add(b);
            a0s.add(a0);
            lams.add(al);
            double dev = solver.devRatio();
            devs.add(dev);
            if (solver.saturated()) {
                break;
            }
            if (k + 1 < MNLAM || lambda != null) {
                continue;
            }
            if (dev > DEVMAX || dev - devs.get(k - 1) < FDEV) {
                break;
            }
        }
        return new LassoPath(predictors, lams.stream().mapToDouble(Double::doubleValue).toArray(),
                a0s.stream().mapToDouble(Double::doubleValue).toArray(), betas.toArray(new double[0][]),
                devs.stream().mapToDouble(Double::doubleValue).toArray(), 2 * n * solver.dev0, alpha, mean, scale);
    }
}
