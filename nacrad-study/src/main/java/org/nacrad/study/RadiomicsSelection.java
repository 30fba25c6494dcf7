package org.nacrad.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LassoPath;
import org.nacrad.stats.lasso.LogisticNet;

/**
 * Radiomics feature selection and the Rad-score, fitted on the training set only (an estimator: {@link #fit}
 * returns an immutable {@link Fitted} that scores any patient).
 *
 * <ol>
 *   <li>Features that are constant or not finite in the training set are dropped.</li>
 *   <li>z-scores with the training mean and SD (n − 1, as R's {@code scale}).</li>
 *   <li>Optional univariate filter: keep features whose training AUC differs from ½ by at least {@code minAucGap}
 *       (a rank filter, robust to the features' skewed distributions).</li>
 *   <li>Redundancy filter: features are ranked by |AUC − ½| and a feature is kept only if its |Pearson r| with every
 *       feature kept before it is ≤ the threshold (of a correlated pair, the more discriminating one stays).</li>
 *   <li>LASSO logistic regression ({@link LogisticNet}, glmnet's defaults) with K-fold stratified cross-validation
 *       (deviance); coefficients at {@code lambda.1se} (or {@code lambda.min}).</li>
 *   <li>Rad-score = a₀ + Σ βⱼ·zⱼ over the selected features: the LASSO model's linear predictor.</li>
 * </ol>
 */
public final class RadiomicsSelection {

    private final double correlationThreshold;
    private final double minAucGap;
    private final int folds;
    private final boolean oneSe;
    private final long seed;

    /**
     * @param correlationThreshold redundancy threshold on |r|
     * @param minAucGap            univariate filter on |AUC − ½| (0: none)
     * @param folds                CV folds
     * @param oneSe                lambda.1se (true) or lambda.min
     * @param seed                 fold seed
     */
    public RadiomicsSelection(double correlationThreshold, double minAucGap, int folds, boolean oneSe, long seed) {
        this.correlationThreshold = correlationThreshold;
        this.minAucGap = minAucGap;
        this.folds = folds;
        this.oneSe = oneSe;
        this.seed = seed;
    }

    /**
     * The fitted selection.
     *
     * @param names        every candidate feature, in input order
     * @param mean         training means of the candidates
     * @param sd           training SDs of the candidates
     * @param afterFilters features left after the constant, univariate and redundancy filters
     * @param cv           the LASSO cross-validation (path, CV curve, lambdas)
     * @param lambda       the lambda used
     * @param intercept    Rad-score intercept a₀
     * @param selected     selected feature → coefficient on the z-score
     * @param counts       features remaining after each step, for the report
     * @param note         empty, or why the lambda is not the configured one (see {@link #fit})
     */
    public record Fitted(List<String> names, double[] mean, double[] sd, List<String> afterFilters,
                         CrossValidation.Result cv, double lambda, double intercept, Map<String, Double> selected,
                         Map<String, Integer> counts, String note) {

        /** Rad-scores of rows given as feature name → value maps. */
        public double[] radScore(List<Map<String, Double>> rows) {
            double[] out = new double[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = radScore(rows.get(i));
            }
            return out;
        }

        /** Rad-score of one patient; an error names a missing or non-finite selected feature. */
        public double radScore(Map<String, Double> features) {
            double s = intercept;
            for (Map.Entry<String, Double> e : selected.entrySet()) {
                int j = names.indexOf(e.getKey());
                Double v = features.get(e.getKey());
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("radiomics feature " + e.getKey() + " is "
                            + (v == null ? "missing" : v.toString()));
                }
                s += e.getValue() * (v - mean[j]) / sd[j];
            }
            return s;
        }

        /** The Rad-score formula in words. */
        public String formula() {
            StringBuilder b = new StringBuilder("Rad-score = ").append(String.format(java.util.Locale.ROOT, "%.4f", intercept));
            for (Map.Entry<String, Double> e : selected.entrySet()) {
                double c = e.getValue();
                b.append(c < 0 ? " − " : " + ").append(String.format(java.util.Locale.ROOT, "%.4f", Math.abs(c)))
                        .append(" × z(").append(e.getKey()).append(')');
            }
            return b.toString();
        }
    }

    /**
     * Fits on the training rows.
     *
     * @param x     x[i][j]: training patient i, feature j
     * @param y     0/1 outcomes
     * @param names feature names
     */
    public Fitted fit(double[][] x, double[] y, List<String> names) {
        return fit(x, y, names, false);
    }

    /**
     * Fits on the training rows; with {@code allowEmpty} a LASSO that keeps no feature gives an empty selection
     * (a constant Rad-score) — what the bootstrap needs, where such a resample is a legitimate outcome of the
     * procedure and must not be dropped. Without it (the study's own fit), when cross-validation prefers the empty
     * model the signature is the non-empty model with the lowest CV deviance, and {@link Fitted#note()} says so:
     * stopping the whole study would hide the clinical results, and the report then shows how weak the signature is.
     */
    public Fitted fit(double[][] x, double[] y, List<String> names, boolean allowEmpty) {
        return fit(x, y, names, allowEmpty, null);
    }

    /**
     * As {@link #fit(double[][], double[], List, boolean)}, with a preprocessing of the raw features that is refitted
     * in every cross-validation fold: {@code refit.apply(fitRows)} returns all rows of x, in the same columns, as
     * transformed by the preprocessing fitted on the rows where {@code fitRows} is true (x itself being the transform
     * fitted on all rows). The fold's rows are then z-scored and filtered as x was. Used for ComBat, so the held-out
     * fold never informs the harmonisation its LASSO path is fitted on.
     *
     * @param refit null for none
     */
    public Fitted fit(double[][] x, double[] y, List<String> names, boolean allowEmpty,
                      java.util.function.Function<boolean[], double[][]> refit) {
        int n = x.length;
        int p = names.size();
        double[] mean = new double[p];
        double[] sd = new double[p];
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("extracted", p);
        List<Integer> usable = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double m = 0;
            boolean finite = true;
            for (double[] row : x) {
                finite &= Double.isFinite(row[j]);
                m += row[j];
            }
            m /= n;
            double ss = 0;
            for (double[] row : x) {
                ss += (row[j] - m) * (row[j] - m);
            }
            mean[j] = m;
            sd[j] = Math.sqrt(ss / (n - 1));
            if (finite && sd[j] > 0 && Double.isFinite(sd[j])) {
                usable.add(j);
            }
        }
        counts.put("non-constant", usable.size());
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j : usable) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
        }
        double[] gap = new double[p];
        for (int j : usable) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = z[i][j];
            }
            gap[j] = Math.abs(auc(col, y) - 0.5);
        }
        List<Integer> ranked = new ArrayList<>(usable);
        ranked.removeIf(j -> gap[j] < minAucGap);
        counts.put("univariate", ranked.size());
        ranked.sort(Comparator.<Integer>comparingDouble(j -> -gap[j]).thenComparingInt(j -> j));
        List<Integer> kept = new ArrayList<>();
        for (int j : ranked) {
            boolean redundant = false;
            for (int k : kept) {
                if (Math.abs(pearson(z, j, k)) > correlationThreshold) {
                    redundant = true;
                    break;
                }
            }
            if (!redundant) {
                kept.add(j);
            }
        }
        kept.sort(Integer::compare);
        counts.put("non-redundant", kept.size());
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no radiomics feature is left after the filters");
        }
        List<String> keptNames = new ArrayList<>();
        double[][] zk = new double[n][kept.size()];
        for (int c = 0; c < kept.size(); c++) {
            keptNames.add(names.get(kept.get(c)));
            for (int i = 0; i < n; i++) {
                zk[i][c] = z[i][kept.get(c)];
            }
        }
        int[] foldId = CrossValidation.stratifiedFolds(y, folds, seed);
        java.util.function.IntFunction<double[][]> foldX = refit == null ? null : f -> {
            boolean[] fitRows = new boolean[n];
            for (int i = 0; i < n; i++) {
                fitRows[i] = foldId[i] != f;
            }
            double[][] xf = refit.apply(fitRows);
            double[][] zf = new double[n][kept.size()];
            for (int c = 0; c < kept.size(); c++) {
                int j = kept.get(c);
                for (int i = 0; i < n; i++) {
                    zf[i][c] = (xf[i][j] - mean[j]) / sd[j];
                }
            }
            return zf;
        };
        CrossValidation.Result cv = CrossValidation.run(LogisticNet.lasso(), zk, foldX, y, keptNames, foldId,
                CrossValidation.Measure.DEVIANCE);
        double lambda = oneSe ? cv.lambda1se() : cv.lambdaMin();
        LassoPath path = cv.fit();
        double[] coef = path.coefficients(lambda);
        Map<String, Double> selected = new LinkedHashMap<>();
        for (int c = 0; c < keptNames.size(); c++) {
            if (coef[c + 1] != 0) {
                selected.put(keptNames.get(c), coef[c + 1]);
            }
        }
        if (selected.isEmpty() && oneSe) {
            lambda = cv.lambdaMin();
            coef = path.coefficients(lambda);
            for (int c = 0; c < keptNames.size(); c++) {
                if (coef[c + 1] != 0) {
                    selected.put(keptNames.get(c), coef[c + 1]);
                }
            }
        }
        String note = "";
        if (selected.isEmpty() && !allowEmpty) {
            // Cross-validation prefers the empty model: the training set shows no radiomics signal that beats the
            // outcome rate. Rather than stop the whole study, take the non-empty model with the lowest CV deviance
            // and say so everywhere the signature is shown; its validation AUC then tells the user what it is worth.
            int best = -1;
            for (int k = 0; k < cv.lambda().length; k++) {
                double[] ck = path.coefficients(cv.lambda()[k]);
                boolean any = false;
                for (int c = 1; c < ck.length && !any; c++) {
                    any = ck[c] != 0;
                }
                if (any && (best < 0 || cv.cvm()[k] < cv.cvm()[best])) {
                    best = k;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("LASSO selected no radiomics feature anywhere on its path: the "
                        + "training set shows no radiomics signal");
            }
            double chosen = cv.lambda()[best];
            coef = path.coefficients(chosen);
            for (int c = 0; c < keptNames.size(); c++) {
                if (coef[c + 1] != 0) {
                    selected.put(keptNames.get(c), coef[c + 1]);
                }
            }
            note = String.format(java.util.Locale.ROOT, "cross-validation preferred the empty model at lambda.%s = %.4g "
                    + "(no radiomics signal beyond the outcome rate in the training set); the signature is the "
                    + "non-empty model with the lowest CV deviance, lambda = %.4g (%.4f vs %.4f for lambda.%s), "
                    + "and should be read as weak", oneSe ? "1se" : "min", lambda, chosen, cv.cvm()[best],
                    cvmAt(cv, lambda), oneSe ? "1se" : "min");
            lambda = chosen;
        }
        counts.put("lasso", selected.size());
        return new Fitted(List.copyOf(names), mean, sd, List.copyOf(keptNames), cv, lambda, coef[0], selected, counts,
                note);
    }

    private static double cvmAt(CrossValidation.Result cv, double lambda) {
        for (int k = 0; k < cv.lambda().length; k++) {
            if (cv.lambda()[k] == lambda) {
                return cv.cvm()[k];
            }
        }
        return Double.NaN;
    }

    /** AUC by the Mann–Whitney statistic with ties counting ½. */
    static double auc(double[] score, double[] y) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double rankPos = 0;
        int nPos = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (y[order[k]] == 1) {
                    rankPos += mid;
                    nPos++;
                }
            }
            i = j + 1;
        }
        int nNeg = n - nPos;
        return (rankPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    private static double pearson(double[][] z, int a, int b) {
        // z-scored columns: r = Σ z_a z_b / (n − 1)
        double s = 0;
        for (double[] row : z) {
            s += row[a] * row[b];
        }
        return s / (z.length - 1);
    }
}
