package org.nacrad.stats.harmonisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * ComBat harmonisation of features measured in several batches (centres, scanners): the location/scale model with
 * empirical Bayes shrinkage of Johnson, Li &amp; Rabinovic (Biostatistics 8:118–127, 2007), computing what R's
 * {@code sva::ComBat} (version 3.46) computes, but fitted once and then {@linkplain ComBatModel#apply applied} to
 * any rows of known batches, scikit-learn style, so a study can fit it on its training patients only.
 *
 * <p>Model, per feature f and patient i of batch b: x_if = α_f + Xᵢβ_f + γ_bf + δ_bf ε_if. Steps, as sva:
 * <ol>
 *   <li>Least squares of each feature on the design [batch indicators | covariates] (no separate intercept; with a
 *       reference batch its indicator column is all ones, making it the intercept).</li>
 *   <li>Grand mean α̂_f = Σ_b (n_b/n) β̂_bf, or the reference batch's coefficient; pooled variance σ̂²_f = mean of the
 *       squared residuals over all n patients (divisor n), or over the reference batch's patients only.</li>
 *   <li>Standardise: z_if = (x_if − α̂_f − Xᵢβ̂_f)/σ̂_f.</li>
 *   <li>Per batch, γ̂_bf = least squares of z on the batch columns (the batch mean of z; with a reference batch,
 *       the difference from the reference batch's mean) and δ̂²_bf = sample variance of z in the batch (1 for
 *       mean-only); then γ*, δ*² by {@link EmpiricalBayes} (parametric or non-parametric).</li>
 *   <li>Adjust: x*_if = (z_if − γ*_bf)/δ*_bf · σ̂_f + α̂_f + Xᵢβ̂_f; the reference batch is returned unchanged.</li>
 * </ol>
 * A feature whose variance is 0 within any batch is left unadjusted everywhere and excluded from the priors, as sva
 * does ("genes with uniform expression within a single batch"); {@link ComBatModel#unadjusted()} lists them.
 *
 * <p>Where nacrad refuses what sva accepts: a batch of one patient (sva silently switches every batch to the
 * mean-only model; nacrad asks for at least two patients per batch), missing values (sva fits around them; nacrad
 * names the row and column), fewer than two batches or two adjustable features (sva returns NaN).
 *
 * <p>Batches are ordered by name (as R orders the levels of a factor of ASCII names). Immutable; {@code with…}
 * return configured copies.
 */
public final class ComBat {

    /** The estimation of the batch-effect priors. */
    public enum Prior {
        /** Normal and inverse-gamma priors, iterated posterior means (sva {@code par.prior = TRUE}, the default). */
        PARAMETRIC,
        /** Likelihood-weighted averages over the other features (sva {@code par.prior = FALSE}). */
        NON_PARAMETRIC
    }

    private final Prior prior;
    private final boolean meanOnly;
    private final String referenceBatch;

    private ComBat(Prior prior, boolean meanOnly, String referenceBatch) {
        this.prior = prior;
        this.meanOnly = meanOnly;
        this.referenceBatch = referenceBatch;
    }

    /** sva's defaults: parametric priors, location and scale, no reference batch. */
    public static ComBat parametric() {
        return new ComBat(Prior.PARAMETRIC, false, null);
    }

    /** Non-parametric priors. */
    public static ComBat nonParametric() {
        return new ComBat(Prior.NON_PARAMETRIC, false, null);
    }

    public ComBat withPrior(Prior p) {
        return new ComBat(p, meanOnly, referenceBatch);
    }

    /** Adjust the location only (sva {@code mean.only = TRUE}): δ* = 1. */
    public ComBat withMeanOnly(boolean m) {
        return new ComBat(prior, m, referenceBatch);
    }

    /** Harmonise every batch to this batch, which stays unchanged (sva {@code ref.batch}); null for none. */
    public ComBat withReferenceBatch(String batch) {
        return new ComBat(prior, meanOnly, batch);
    }

    public Prior prior() {
        return prior;
    }

    public boolean meanOnly() {
        return meanOnly;
    }

    /** The reference batch, or null. */
    public String referenceBatch() {
        return referenceBatch;
    }

    /**
     * Fits ComBat.
     *
     * @param x          training features, one row per patient
     * @param batch      the batch (centre) of each row
     * @param covariates covariates whose effect is kept ({@link Covariates#none()} or {@link Covariates#forTraining})
     * @return the fitted model; {@code model.apply(x, batch, covariates)} gives sva's harmonised data
     * @throws IllegalArgumentException for bad input, naming the row and column
     */
    public ComBatModel fit(FeatureTable x, List<String> batch, Covariates covariates) {
        int n = x.rowCount();
        int nf = x.featureCount();
        checkInput(x, batch, covariates);
        // batches in name order, their rows
        TreeMap<String, List<Integer>> byBatch = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byBatch.computeIfAbsent(batch.get(i), k -> new ArrayList<>()).add(i);
        }
        List<String> batches = new ArrayList<>(byBatch.keySet());
        int nb = batches.size();
        if (nb < 2) {
            throw new IllegalArgumentException("ComBat: needs at least two batches, got " + batches);
        }
        for (Map.Entry<String, List<Integer>> e : byBatch.entrySet()) {
            if (e.getValue().size() < 2) {
                int r = e.getValue().get(0);
                throw new IllegalArgumentException("ComBat: batch '" + e.getKey() + "' has a single patient (row "
                        + (r + 1) + ", " + x.rows().get(r) + "); each batch needs at least two to estimate its effect "
                        + "(sva would silently switch every batch to the mean-only model)");
            }
        }
        int ref = -1;
        if (referenceBatch != null) {
            ref = batches.indexOf(referenceBatch);
            if (ref < 0) {
                throw new IllegalArgumentException("ComBat: reference batch '" + referenceBatch
                        + "' is not one of the batches " + batches);
            }
        }
        int[][] rowsOf = new int[nb][];
        for (int b = 0; b < nb; b++) {
            rowsOf[b] = byBatch.get(batches.get(b)).stream().mapToInt(Integer::intValue).toArray();
        }

        // the features as columns (each column contiguous), and per batch its rows
        double[][] col = new double[nf][n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < nf; f++) {
                col[f][i] = x.get(i, f);
            }
        }
        // features constant within a batch are left alone, as sva does
        boolean[] unadjusted = new boolean[nf];
        Map<String, String> why = new LinkedHashMap<>();
        for (int f = 0; f < nf; f++) {
            for (int b = 0; b < nb && !unadjusted[f]; b++) {
                if (EmpiricalBayes.variance(gather(col[f], rowsOf[b])) == 0) {
                    unadjusted[f] = true;
                    why.put(x.features().get(f), "constant within batch '" + batches.get(b) + "'");
                }
            }
        }
        int[] kept = java.util.stream.IntStream.range(0, nf).filter(f -> !unadjusted[f]).toArray();
        int nk = kept.length;
        if (nk < 2) {
            throw new IllegalArgumentException("ComBat: its empirical Bayes priors pool the features, so it needs at "
                    + "least two features that vary within every batch; got " + nk + " of " + nf
                    + (why.isEmpty() ? "" : " (unadjustable: " + why + ")"));
        }

        // 1. least squares on [batch indicators | covariates]
        int nc = covariates.count();
        int p = nb + nc;
        double[][] design = new double[n][p];
        for (int b = 0; b < nb; b++) {
            for (int i : rowsOf[b]) {
                design[i][b] = 1;
            }
        }
        if (ref >= 0) {
            for (int i = 0; i < n; i++) {
                design[i][ref] = 1;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < nc; c++) {
                design[i][nb + c] = covariates.get(i, c);
            }
        }
        checkRank(design, nb, covariates.names());
        double[][] y = new double[n][nk];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nk; k++) {
                y[i][k] = x.get(i, kept[k]);
            }
        }
        double[][] beta = leastSquares(design, y); // p × nk

        // 2. grand mean and pooled variance
        double[] grand = new double[nk];
        if (ref >= 0) {
            grand = beta[ref].clone();
        } else {
            for (int b = 0; b < nb; b++) {
                double w = (double) rowsOf[b].length / n;
                for (int k = 0; k < nk; k++) {
                    grand[k] += w * beta[b][k];
                }
            }
        }
        double[] pooled = new double[nk];
        int[] varRows = ref >= 0 ? rowsOf[ref] : java.util.stream.IntStream.range(0, n).toArray();
        for (int i : varRows) {
            for (int k = 0; k < nk; k++) {
                double fit = 0;
                for (int j = 0; j < p; j++) {
                    fit += design[i][j] * beta[j][k];
                }
                double r = y[i][k] - fit;
                pooled[k] += r * r * (1.0 / varRows.length); // sva: squared residuals %*% rep(1/n, n)
            }
        }
        for (int k = 0; k < nk; k++) {
            if (!(pooled[k] > 0)) {
                throw new IllegalArgumentException("ComBat: feature '" + x.features().get(kept[k])
                        + "' has no residual variance" + (ref >= 0 ? " in the reference batch" : "")
                        + " after the batch and covariate fit, so it cannot be standardised");
            }
        }
        double[][] covCoef = new double[nc][];
        for (int c = 0; c < nc; c++) {
            covCoef[c] = beta[nb + c].clone();
        }

        // 3. standardise; z[k][i], feature k of patient i
        double[][] z = new double[nk][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < nk; k++) {
                double stand = grand[k];
                for (int c = 0; c < nc; c++) {
                    stand += design[i][nb + c] * covCoef[c][k];
                }
                z[k][i] = (y[i][k] - stand) / Math.sqrt(pooled[k]);
            }
        }

        // 4. batch effects and their empirical Bayes estimates
        double[][] gammaStar = new double[nb][];
        double[][] deltaStar = new double[nb][];
        double[] refMean = ref >= 0 ? columnMeans(z, rowsOf[ref], nk) : null;
        for (int b = 0; b < nb; b++) {
            double[][] zb = new double[nk][]; // zb[k][r]: feature k of the batch's r-th patient
            for (int k = 0; k < nk; k++) {
                zb[k] = gather(z[k], rowsOf[b]);
            }
            double[] gammaHat = columnMeans(z, rowsOf[b], nk);
            if (ref >= 0 && b != ref) {
                for (int k = 0; k < nk; k++) {
                    gammaHat[k] -= refMean[k];
                }
            }
            double[] deltaHat = new double[nk];
            for (int k = 0; k < nk; k++) {
                if (meanOnly) {
                    deltaHat[k] = 1;
                } else {
                    deltaHat[k] = EmpiricalBayes.variance(zb[k]);
                }
            }
            EmpiricalBayes.Estimates e;
            if (b == ref) {
                e = new EmpiricalBayes.Estimates(new double[nk], filled(nk, 1), 0);
            } else if (prior == Prior.PARAMETRIC) {
                e = meanOnly ? EmpiricalBayes.parametricMeanOnly(gammaHat)
                        : EmpiricalBayes.parametric(zb, gammaHat, deltaHat);
            } else {
                e = EmpiricalBayes.nonParametric(zb, gammaHat, deltaHat);
            }
            gammaStar[b] = e.gamma();
            deltaStar[b] = e.delta();
            for (int k = 0; k < nk; k++) {
                if (!Double.isFinite(gammaStar[b][k]) || !(deltaStar[b][k] > 0) || Double.isInfinite(deltaStar[b][k])) {
                    throw new IllegalArgumentException("ComBat: batch '" + batches.get(b) + "', feature '"
                            + x.features().get(kept[k]) + "': the empirical Bayes estimate is not finite (γ* = "
                            + gammaStar[b][k] + ", δ*² = " + deltaStar[b][k] + ")");
                }
            }
        }
        return new ComBatModel(this, x.features(), batches, sizes(rowsOf), covariates.names(), kept, unadjusted, why,
                grand, pooled, covCoef, gammaStar, deltaStar);
    }

    private static void checkInput(FeatureTable x, List<String> batch, Covariates covariates) {
        int n = x.rowCount();
        if (batch.size() != n) {
            throw new IllegalArgumentException("ComBat: " + n + " rows but " + batch.size() + " batch labels");
        }
        if (!covariates.checkedAgainstOutcome()) {
            throw new IllegalArgumentException("ComBat: training covariates must be built with "
                    + "Covariates.forTraining(names, values, outcome), which refuses the outcome as a covariate");
        }
        if (covariates.count() > 0 && covariates.rowCount() != n) {
            throw new IllegalArgumentException("ComBat: " + n + " rows but " + covariates.rowCount()
                    + " rows of covariates");
        }
        for (int i = 0; i < n; i++) {
            String b = batch.get(i);
            if (b == null || b.isBlank()) {
                throw new IllegalArgumentException("ComBat: row " + (i + 1) + " (" + x.rows().get(i)
                        + "): no batch (centre)");
            }
            for (int f = 0; f < x.featureCount(); f++) {
                if (!Double.isFinite(x.get(i, f))) {
                    throw new IllegalArgumentException("ComBat: " + x.where(i, f) + ": value is " + x.get(i, f)
                            + " (every feature value must be present and finite)");
                }
            }
            for (int c = 0; c < covariates.count(); c++) {
                if (!Double.isFinite(covariates.get(i, c))) {
                    throw new IllegalArgumentException("ComBat: row " + (i + 1) + " (" + x.rows().get(i)
                            + "), covariate '" + covariates.names().get(c) + "': value is missing or not finite ("
                            + covariates.get(i, c) + ")");
                }
            }
        }
    }

    /**
     * Refuses a design without full column rank, naming the first covariate that depends on the batches and the
     * covariates before it (sva stops with "The covariate is confounded with batch!"). Modified Gram–Schmidt with
     * R's {@code qr} tolerance 1e-7 on the relative residual norm.
     */
    static void checkRank(double[][] design, int nb, List<String> covariateNames) {
        int n = design.length;
        int p = design[0].length;
        List<double[]> basis = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            double norm0 = 0;
            for (int i = 0; i < n; i++) {
                v[i] = design[i][j];
                norm0 += v[i] * v[i];
            }
            for (double[] q : basis) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[i] * v[i];
                }
                for (int i = 0; i < n; i++) {
                    v[i] -= dot * q[i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v[i] * v[i];
            }
            if (norm0 == 0 || Math.sqrt(norm / norm0) < 1e-7) {
                String what = j < nb ? "a batch indicator" : "covariate '" + covariateNames.get(j - nb) + "'";
                throw new IllegalArgumentException("ComBat: " + what + " is confounded with the batches"
                        + (j > nb ? " and the covariates before it" : "")
                        + " (constant within every batch, or a linear combination of the other columns): "
                        + "its effect cannot be told apart from the batch effect; remove it");
            }
            double s = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] /= s;
            }
            basis.add(v);
        }
    }

    /** Solves the normal equations (XᵀX)B = XᵀY, as sva's {@code solve(crossprod(design), ...)} (LU). */
    private static double[][] leastSquares(double[][] x, double[][] y) {
        DMatrixRMaj xm = new DMatrixRMaj(x);
        DMatrixRMaj ym = new DMatrixRMaj(y);
        DMatrixRMaj xtx = new DMatrixRMaj(xm.numCols, xm.numCols);
        CommonOps_DDRM.multTransA(xm, xm, xtx);
        DMatrixRMaj xty = new DMatrixRMaj(xm.numCols, ym.numCols);
        CommonOps_DDRM.multTransA(xm, ym, xty);
        DMatrixRMaj b = new DMatrixRMaj(xm.numCols, ym.numCols);
        if (!CommonOps_DDRM.solve(xtx, xty, b)) {
            throw new IllegalArgumentException("ComBat: the batch and covariate design is singular");
        }
        double[][] out = new double[b.numRows][b.numCols];
        for (int i = 0; i < b.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                out[i][j] = b.get(i, j);
            }
        }
        return out;
    }

    /** The mean of each column {@code z[k]} over the given rows, summed in row order. */
    private static double[] columnMeans(double[][] z, int[] rows, int nk) {
        double[] m = new double[nk];
        for (int k = 0; k < nk; k++) {
            double s = 0;
            for (int i : rows) {
                s += z[k][i];
            }
            m[k] = s / rows.length;
        }
        return m;
    }

    private static double[] gather(double[] v, int[] rows) {
        double[] g = new double[rows.length];
        for (int r = 0; r < g.length; r++) {
            g[r] = v[rows[r]];
        }
        return g;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static int[] sizes(int[][] rowsOf) {
        int[] s = new int[rowsOf.length];
        for (int b = 0; b < s.length; b++) {
            s[b] = rowsOf[b].length;
        }
        return s;
    }
}
