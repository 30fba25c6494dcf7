package org.nacrad.stats.glm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Binary logistic regression by maximum likelihood (as R's {@code glm(family = binomial)} and rms {@code lrm}) or by
 * Firth's penalised likelihood (as R's {@code logistf}, point estimates and Wald statistics).
 *
 * <p>An estimator in the scikit-learn sense: configure, then {@link #fit} returns an immutable {@link LogisticFit}.
 * Newton–Raphson (= IRLS for the canonical link) is in {@link Newton}.
 *
 * <p>Bad input is refused with a message naming the predictor: an outcome with one class only, a constant predictor,
 * a predictor that separates the outcome completely (maximum-likelihood estimates do not exist, use Firth), and
 * collinear predictors. When the Newton iterations diverge (quasi-complete separation by a combination of
 * predictors) the message names the predictor whose standardised coefficient is largest.
 *
 * <p>Worked example (a unit test): one binary predictor with the 2×2 table {@code y=1: 8 of 10 at x=1, 3 of 10 at
 * x=0}: ML slope {@code log((8·7)/(2·3)) = 2.2336}; Firth slope {@code log((8.5·7.5)/(2.5·3.5)) = 1.9870} (Firth's
 * estimate for a single binary covariate is the log odds ratio with ½ added to each cell).
 */
public final class LogisticRegression {

    private final boolean firth;

    private LogisticRegression(boolean firth) {
        this.firth = firth;
    }

    /** Maximum likelihood, as {@code glm(y ~ ., binomial)}. */
    public static LogisticRegression maximumLikelihood() {
        return new LogisticRegression(false);
    }

    /** Firth's bias-reduced penalised likelihood (Heinze &amp; Schemper 2002), as {@code logistf}. */
    public static LogisticRegression firth() {
        return new LogisticRegression(true);
    }

    /** Whether this estimator maximises Firth's penalised likelihood. */
    public boolean isFirth() {
        return firth;
    }

    /**
     * Fits the model.
     *
     * @param x          design {@code x[row][predictor]}, without an intercept column
     * @param y          outcome, 0 or 1
     * @param predictors names of the columns of {@code x}
     */
    public LogisticFit fit(double[][] x, double[] y, List<String> predictors) {
        int n = y.length;
        int p = predictors.size();
        check(x, y, predictors);
        double[][] design = withIntercept(x);
        double ybar = Arrays.stream(y).sum() / n;
        double[] start = new double[p + 1];
        start[0] = Math.log(ybar / (1 - ybar));
        Newton.Result r;
        try {
            r = Newton.fit(design, y, null, firth, start);
        } catch (Newton.SingularException e) {
            if (e.iteration > 0 && !firth) {
                throw separation(x, predictors, e.beta);
            }
            throw new IllegalArgumentException("predictors " + predictors
                    + " are collinear (the information matrix is singular); drop one of them");
        }
        if (!firth) {
            checkDivergence(r, x, predictors);
        }
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j <= p; j++) {
            coefs.add(Coefficient.of(j == 0 ? "(Intercept)" : predictors.get(j - 1), r.beta()[j],
                    Math.sqrt(r.covariance()[j][j])));
        }
        double nullDev = -2 * n * (ybar * Math.log(ybar) + (1 - ybar) * Math.log(1 - ybar));
        double brier = 0;
        for (int i = 0; i < n; i++) {
            double d = Newton.expit(r.eta()[i]) - y[i];
            brier += d * d;
        }
        return new LogisticFit(predictors, coefs, r.covariance(), -2 * r.logLik(), nullDev, n, firth,
                r.iterations(), Concordance.cIndex(r.eta(), y), brier / n);
    }

    /**
     * Profile-likelihood confidence interval for coefficient {@code j} (0 = intercept): the values {@code b} where
     * {@code D(b) - D(β̂) = χ²₁(level)}, {@code D(b)} the deviance maximised over the other coefficients with
     * {@code β_j = b} fixed (Venzon &amp; Moolgavkar 1988). R's {@code confint} (MASS {@code confint.glm}, in stats
     * since R 4.4) approximates the same roots by spline interpolation of the profile on a grid; this method solves
     * them exactly (Brent, tolerance 1e-11), so agrees with {@code confint} to its interpolation error (~1e-4) and
     * with an exact {@code uniroot} in R to 1e-8. A bound that does not exist (the profile never reaches the cut-off,
     * as with separated data) is infinite; R reports {@code NA} there.
     */
    public double[] profileInterval(LogisticFit fit, double[][] x, double[] y, int j, double level) {
        double[][] design = withIntercept(x);
        int k = design[0].length;
        double[][] reduced = new double[design.length][k - 1];
        double[] col = new double[design.length];
        for (int i = 0; i < design.length; i++) {
            for (int a = 0, b = 0; a < k; a++) {
                if (a == j) {
                    col[i] = design[i][a];
                } else {
                    reduced[i][b++] = design[i][a];
                }
            }
        }
        double cut = ChiSquaredDistribution.of(1).inverseCumulativeProbability(level);
        double bhat = fit.beta()[j];
        double se = fit.coefficients().get(j).se();
        double[] startOthers = new double[k - 1];
        for (int a = 0, b = 0; a < k; a++) {
            if (a != j) {
                startOthers[b++] = fit.beta()[a];
            }
        }
        java.util.function.DoubleUnaryOperator excess = b -> {
            double[] off = new double[col.length];
            for (int i = 0; i < off.length; i++) {
                off[i] = b * col[i];
            }
            double dev = -2 * Newton.fit(reduced, y, off, false, startOthers).logLik();
            return dev - fit.deviance() - cut;
        };
        double[] out = new double[2];
        BrentSolver brent = new BrentSolver(1e-11, 1e-11);
        for (int side = 0; side < 2; side++) {
            double dir = side == 0 ? -1 : 1;
            double inner = bhat;
            double outer = bhat + dir * se;
            double f = excess.applyAsDouble(outer);
            int tries = 0;
            while (f < 0 && tries < 12) {
                inner = outer;
                outer = bhat + dir * se * Math.pow(2, ++tries);
                f = excess.applyAsDouble(outer);
            }
            if (f < 0) {
                out[side] = dir * Double.POSITIVE_INFINITY;
                continue;
            }
            double lo = Math.min(inner, outer);
            double hi = Math.max(inner, outer);
            out[side] = brent.solve(200, excess::applyAsDouble, lo, hi);
        }
        return out;
    }

    static double[][] withIntercept(double[][] x) {
        double[][] d = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            d[i] = new double[x[i].length + 1];
            d[i][0] = 1;
            System.arraycopy(x[i], 0, d[i], 1, x[i].length);
        }
        return d;
    }

    private void check(double[][] x, double[] y, List<String> predictors) {
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException(x.length + " design rows but " + n + " outcomes");
        }
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("row " + (i + 1) + ": outcome must be 0 or 1, found " + y[i]);
            }
            if (x[i].length != predictors.size()) {
                throw new IllegalArgumentException("row " + (i + 1) + " has " + x[i].length + " values for "
                        + predictors.size() + " predictors");
            }
            events += (int) y[i];
        }
        if (events == 0 || events == n) {
            throw new IllegalArgumentException("the outcome has one class only (all " + n + " rows are "
                    + (events == 0 ? 0 : 1) + "); a logistic model needs both");
        }
        for (int j = 0; j < predictors.size(); j++) {
            double min0 = Double.POSITIVE_INFINITY, max0 = Double.NEGATIVE_INFINITY;
            double min1 = Double.POSITIVE_INFINITY, max1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = x[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + (i + 1) + ", predictor '" + predictors.get(j)
                            + "': missing or non-finite value");
                }
                if (y[i] == 1) {
                    min1 = Math.min(min1, v);
                    max1 = Math.max(max1, v);
                } else {
                    min0 = Math.min(min0, v);
                    max0 = Math.max(max0, v);
                }
            }
            String name = predictors.get(j);
            if (Math.min(min0, min1) == Math.max(max0, max1)) {
                throw new IllegalArgumentException("predictor '" + name + "' is constant (every row is " + min0
                        + "); it has no coefficient");
            }
            if (!firth && (max0 < min1 || max1 < min0)) {
                throw new IllegalArgumentException("predictor '" + name + "' separates the outcome completely (every y="
                        + (max0 < min1 ? "1 has " + name + " >= " + min1 + ", every y=0 has " + name + " <= " + max0
                                : "0 has " + name + " >= " + min0 + ", every y=1 has " + name + " <= " + max1)
                        + "): maximum-likelihood estimates do not exist; use Firth's penalised likelihood");
            }
        }
    }

    private static void checkDivergence(Newton.Result r, double[][] x, List<String> predictors) {
        if (!r.converged()) {
            throw separation(x, predictors, r.beta());
        }
    }

    private static IllegalArgumentException separation(double[][] x, List<String> predictors, double[] beta) {
        int worst = 0;
        double largest = -1;
        for (int j = 0; j < predictors.size(); j++) {
            double m = 0, s = 0;
            for (double[] row : x) {
                m += row[j];
            }
            m /= x.length;
            for (double[] row : x) {
                s += (row[j] - m) * (row[j] - m);
            }
            double std = Math.abs(beta[j + 1]) * Math.sqrt(s / x.length);
            if (std > largest) {
                largest = std;
                worst = j;
            }
        }
        return new IllegalArgumentException("the outcome is (quasi-)completely separated: the coefficient of '"
                + predictors.get(worst) + "' diverges (fitted probabilities reach 0 or 1); maximum-likelihood "
                + "estimates do not exist; use Firth's penalised likelihood");
    }
}
