package org.nacrad.stats.lasso;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.nacrad.stats.glm.Concordance;

/**
 * K-fold cross-validation of a {@link LogisticNet} path, computing what R's
 * {@code cv.glmnet(x, y, family = "binomial", foldid = ...)} computes.
 *
 * <p>As cv.glmnet: the full data are fitted first and give the lambda sequence; each fold's training part is then
 * fitted <em>on its own default path</em> (its own {@code λ_max}, its own early stop), and its held-out rows are
 * predicted at the full-data lambdas by linear interpolation in lambda between the fold's path points (constant
 * beyond its ends; {@link LassoPath#coefficients}). Measures:
 * <ul>
 *   <li>{@code DEVIANCE}: {@code -2 [y log p + (1-y) log(1-p)]} with {@code p} clipped to {@code [1e-5, 1-1e-5]},
 *       averaged within each fold ("grouped"), then {@code cvm} is the fold-size-weighted mean of the fold means and
 *       {@code cvsd = sqrt(Σ_k n_k (m_k - cvm)² / Σ n_k / (K - 1))}. With fewer than 3 observations per fold R
 *       ungroups: each observation is its own unit and {@code K} becomes {@code n}.</li>
 *   <li>{@code AUC}: the AUC of each held-out fold (ties count ½), combined as above; needs at least 10
 *       observations per fold (R then silently switches to deviance; here it is an error).</li>
 * </ul>
 * {@code lambda.min} is the largest lambda reaching the best {@code cvm}; {@code lambda.1se} the largest lambda whose
 * {@code cvm} is within one {@code cvsd} (at lambda.min) of it (R's {@code getOptcv.glmnet}).
 */
public final class CrossValidation {

    /** The cross-validated loss. */
    public enum Measure { DEVIANCE, AUC }

    /**
     * The result of {@link #run}.
     *
     * @param fit       the full-data path
     * @param lambda    its lambdas
     * @param cvm       mean cross-validated measure at each lambda
     * @param cvsd      its standard error
     * @param lambdaMin lambda with the best cvm
     * @param lambda1se largest lambda within one standard error of the best
     * @param measure   the measure
     * @param foldId    the fold of each row, 1..K
     */
    public record Result(LassoPath fit, double[] lambda, double[] cvm, double[] cvsd, double lambdaMin,
                         double lambda1se, Measure measure, int[] foldId) {
        public Result {
            lambda = lambda.clone();
            cvm = cvm.clone();
            cvsd = cvsd.clone();
            foldId = foldId.clone();
        }
    }

    private CrossValidation() {
    }

    /** Cross-validates with the given fold ids (1..K, every fold non-empty). */
    public static Result run(LogisticNet net, double[][] x, double[] y, List<String> predictors, int[] foldId,
                             Measure measure) {
        return run(net, x, null, y, predictors, foldId, measure);
    }

    /**
     * Cross-validates with fold-specific data, for preprocessing that must be fitted without the held-out fold
     * (e.g. ComBat harmonisation, which pools its estimates over patients): when fold f is held out, its path is
     * fitted on, and its held-out rows scored with, {@code foldX.apply(f)} — the n rows of x, row for row, as
     * transformed by a preprocessing fitted on the rows outside fold f. The full-data path uses x.
     *
     * @param foldX the rows for each fold f = 1..K (null: x for every fold, as {@link #run(LogisticNet, double[][],
     *              double[], List, int[], Measure)})
     */
    public static Result run(LogisticNet net, double[][] x, java.util.function.IntFunction<double[][]> foldX,
                             double[] y, List<String> predictors, int[] foldId, Measure measure) {
        int n = y.length;
        if (foldId.length != n) {
            throw new IllegalArgumentException(foldId.length + " fold ids for " + n + " rows");
        }
        int k = 0;
        for (int f : foldId) {
            if (f < 1) {
                throw new IllegalArgumentException("fold ids must be 1, 2, ..., K; found " + f);
            }
            k = Math.max(k, f);
        }
        int[] size = new int[k + 1];
        for (int f : foldId) {
            size[f]++;
        }
        for (int f = 1; f <= k; f++) {
            if (size[f] == 0) {
                throw new IllegalArgumentException("fold " + f + " of " + k + " has no rows (fold ids must be 1..K)");
            }
        }
        if (k < 3) {
            throw new IllegalArgumentException("cross-validation needs at least 3 folds, got " + k);
        }
        if (measure == Measure.AUC && n / (double) k < 10) {
            throw new IllegalArgumentException("AUC needs at least 10 rows per fold (" + n + " rows in " + k
                    + " folds); use fewer folds or the deviance");
        }
        // the full-data path and the K fold paths are independent: fit them on all cores (as cv.glmnet's
        // parallel = TRUE does); each fold then fills only its own test rows, so the result does not depend on
        // the order in which they finish
        int folds = k;
        LassoPath[] paths = new LassoPath[k + 1];
        RuntimeException[] errors = new RuntimeException[k + 1];
        List<List<Integer>> tests = new ArrayList<>();
        tests.add(List.of());
        for (int f = 1; f <= k; f++) {
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (foldId[i] == f) {
                    test.add(i);
                }
            }
            tests.add(test);
        }
        double[][][] xs = new double[k + 1][][];
        IntStream.rangeClosed(0, folds).parallel().forEach(f -> {
            try {
                xs[f] = f == 0 || foldX == null ? x : foldX.apply(f);
                if (xs[f].length != n) {
                    throw new IllegalArgumentException("fold " + f + ": " + xs[f].length + " rows, not " + n);
                }
                paths[f] = f == 0 ? net.fit(x, y, predictors) : foldPath(net, xs[f], y, predictors, foldId, f);
            } catch (RuntimeException e) {
                errors[f] = e;
            }
        });
        for (RuntimeException e : errors) {
            if (e != null) {
                throw e;
            }
        }
        LassoPath full = paths[0];
        double[] lam = full.lambda();
        int nl = lam.length;
        double[][] link = new double[n][nl];
        for (int f = 1; f <= k; f++) {
            LassoPath fold = paths[f];
            for (int l = 0; l < nl; l++) {
                double[] c = fold.coefficients(lam[l]);
                for (int i : tests.get(f)) {
                    double eta = c[0];
                    for (int j = 0; j < c.length - 1; j++) {
                        eta += c[j + 1] * xs[f][i][j];
                    }
                    link[i][l] = eta;
                }
            }
        }
        double[][] raw;   // unit x lambda
        double[] weight;  // unit weights
        if (measure == Measure.AUC) {
            raw = new double[k][nl];
            weight = new double[k];
            for (int f = 1; f <= k; f++) {
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (foldId[i] == f) {
                        test.add(i);
                    }
                }
                double[] yy = new double[test.size()];
                double[] s = new double[test.size()];
                for (int l = 0; l < nl; l++) {
                    for (int t = 0; t < s.length; t++) {
                        yy[t] = y[test.get(t)];
                        s[t] = link[test.get(t)][l];
                    }
                    raw[f - 1][l] = Concordance.cIndex(s, yy);
                }
                weight[f - 1] = size[f];
            }
        } else {
            double[][] dev = new double[n][nl];
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < nl; l++) {
                    double pr = 1 / (1 + Math.exp(-link[i][l]));
                    pr = Math.min(Math.max(pr, 1e-5), 1 - 1e-5);
                    dev[i][l] = -2 * (y[i] * Math.log(pr) + (1 - y[i]) * Math.log(1 - pr));
                }
            }
            if (n / (double) k < 3) {
                raw = dev;
                weight = new double[n];
                java.util.Arrays.fill(weight, 1);
            } else {
                raw = new double[k][nl];
                weight = new double[k];
                for (int i = 0; i < n; i++) {
                    for (int l = 0; l < nl; l++) {
                        raw[foldId[i] - 1][l] += dev[i][l];
                    }
                }
                for (int f = 1; f <= k; f++) {
                    for (int l = 0; l < nl; l++) {
                        raw[f - 1][l] /= size[f];
                    }
                    weight[f - 1] = size[f];
                }
            }
        }
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        double wsum = 0;
        for (double w : weight) {
            wsum += w;
        }
        int units = raw.length;
        for (int l = 0; l < nl; l++) {
            double m = 0;
            for (int u = 0; u < units; u++) {
                m += weight[u] * raw[u][l];
            }
            m /= wsum;
            double s = 0;
            for (int u = 0; u < units; u++) {
                double d = raw[u][l] - m;
                s += weight[u] * d * d;
            }
            cvm[l] = m;
            cvsd[l] = Math.sqrt(s / wsum / (units - 1));
        }
        double sign = measure == Measure.AUC ? -1 : 1;
        int idMin = 0;
        for (int l = 1; l < nl; l++) {
            if (sign * cvm[l] < sign * cvm[idMin]) {
                idMin = l;
            }
        }
        double bound = sign * cvm[idMin] + cvsd[idMin];
        int id1se = idMin;
        for (int l = 0; l < nl; l++) {
            if (sign * cvm[l] <= bound) {
                id1se = l;
                break;
            }
        }
        return new Result(full, lam, cvm, cvsd, lam[idMin], lam[id1se], measure, foldId);
    }

    /**
     * Stratified fold ids, reproducible from {@code seed}: the rows of each class are shuffled (Fisher–Yates,
     * commons-rng {@code SPLIT_MIX_64} seeded with {@code seed}) and dealt to folds 1..K in turn, so each fold has
     * nearly the same class balance. (R's cv.glmnet draws {@code sample(rep(1:K, length = n))}, unstratified;
     * pass its fold ids to reproduce R exactly.)
     */
    public static int[] stratifiedFolds(double[] y, int k, long seed) {
        int n = y.length;
        if (k < 3) {
            throw new IllegalArgumentException("cross-validation needs at least 3 folds, got " + k);
        }
        if (n < k) {
            throw new IllegalArgumentException("cannot make " + k + " folds from " + n + " rows (need at least one row"
                    + " per fold)");
        }
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        int[] fold = new int[n];
        int next = 0;
        for (double cls : new double[] {0, 1}) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (y[i] == cls) {
                    rows.add(i);
                }
            }
            int[] perm = PermutationSampler.natural(rows.size());
            PermutationSampler.shuffle(rng, perm);
            for (int t : perm) {
                fold[rows.get(t)] = next % k + 1;
                next++;
            }
        }
        return fold;
    }

    /** The path fitted on the rows outside fold {@code f}, on its own lambda sequence as cv.glmnet fits it. */
    private static LassoPath foldPath(LogisticNet net, double[][] x, double[] y, List<String> predictors, int[] foldId,
                                      int f) {
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (foldId[i] != f) {
                train.add(i);
            }
        }
        double[][] xt = new double[train.size()][];
        double[] yt = new double[train.size()];
        for (int t = 0; t < xt.length; t++) {
            xt[t] = x[train.get(t)];
            yt[t] = y[train.get(t)];
        }
        try {
            return net.withLambda(null).fit(xt, yt, predictors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fold " + f + ": training rows: " + e.getMessage(), e);
        }
    }
}
