package org.nacrad.stats.harmonisation;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;

/**
 * The empirical Bayes estimates of ComBat's batch effects (Johnson, Li &amp; Rabinovic, Biostatistics 8:118–127,
 * 2007, section 3.2 and appendix), as small pure functions with {@code sva::ComBat}'s conventions.
 *
 * <p>For one batch, the standardised data {@code z[f][k]} (feature f, patient k of the batch) give per-feature
 * estimates γ̂_f (location) and δ̂²_f (scale). The parametric priors are γ_f ~ N(γ̄, τ²) with γ̄ and τ² the mean and
 * variance (n − 1 divisor) of the γ̂_f over features, and δ²_f ~ InverseGamma(λ, θ) fitted to the δ̂²_f by the
 * method of moments: with m and s² their mean and variance, λ = (2s² + m²)/s², θ = (m·s² + m³)/s². The posterior
 * means are found by iterating
 * <pre>  γ*_f = (n τ² γ̂_f + δ*²_f γ̄)/(n τ² + δ*²_f),   δ*²_f = (θ + ½ Σ_k (z_kf − γ*_f)²)/(n/2 + λ − 1)</pre>
 * from δ*² = δ̂² until the largest relative change {@code max(|new − old|/old)} over both is at most 1e-4 (sva's
 * {@code conv}; the ratio is signed, as in sva, so a negative γ's change does not hold the loop back).
 *
 * <p>The non-parametric estimate of feature f is the average of the other features' (γ̂_g, δ̂²_g) weighted by the
 * likelihood of feature f's data under each: w_g = (2π δ̂²_g)^(−n/2) exp(−Σ_k (z_kf − γ̂_g)²/(2 δ̂²_g)). The weights
 * are computed in log space and scaled by the largest before exponentiating (sva multiplies them out directly,
 * which underflows to 0/0 for large batches; where sva's weights are representable both give the same result to
 * rounding). The sum of squares uses Σ(z − γ)² = Σ(z − z̄)² + n(z̄ − γ)², so each feature pair costs O(1).
 */
final class EmpiricalBayes {

    /** sva's convergence criterion of the parametric iteration. */
    static final double CONVERGENCE = 1e-4;
    /** A bound sva does not have, so that a pathological batch fails instead of looping forever. */
    static final int MAX_ITERATIONS = 100_000;

    private EmpiricalBayes() {
    }

    /** Posterior estimates of one batch. */
    record Estimates(double[] gamma, double[] delta, int iterations) {
    }

    static double mean(double[] v) {
        return Mean.of(v).getAsDouble();
    }

    /** Sample variance (n − 1 divisor), R's {@code var}. */
    static double variance(double[] v) {
        return Variance.of(v).getAsDouble();
    }

    /** Inverse-gamma shape λ from the moments of the δ̂² (sva's {@code aprior}). */
    static double priorShape(double[] deltaHat) {
        double m = mean(deltaHat);
        double s2 = variance(deltaHat);
        return (2 * s2 + m * m) / s2;
    }

    /** Inverse-gamma scale θ from the moments of the δ̂² (sva's {@code bprior}). */
    static double priorScale(double[] deltaHat) {
        double m = mean(deltaHat);
        double s2 = variance(deltaHat);
        return (m * s2 + m * m * m) / s2;
    }

    /** Posterior mean of γ (sva's {@code postmean}). */
    static double posteriorMean(double gammaHat, double gammaBar, double n, double delta, double tau2) {
        return (tau2 * n * gammaHat + delta * gammaBar) / (tau2 * n + delta);
    }

    /** Posterior mean of δ² (sva's {@code postvar}). */
    static double posteriorVariance(double sumSquares, double n, double shape, double scale) {
        return (0.5 * sumSquares + scale) / (n / 2 + shape - 1);
    }

    /**
     * The parametric estimates of one batch (sva's {@code it.sol}).
     *
     * @param z        standardised data of the batch, {@code z[f][k]}: feature f of the batch's k-th patient
     * @param gammaHat γ̂_f
     * @param deltaHat δ̂²_f
     */
    static Estimates parametric(double[][] z, double[] gammaHat, double[] deltaHat) {
        int nf = gammaHat.length;
        double n = z[0].length;
        double gammaBar = mean(gammaHat);
        double tau2 = variance(gammaHat);
        double shape = priorShape(deltaHat);
        double scale = priorScale(deltaHat);
        double[] gOld = gammaHat.clone();
        double[] dOld = deltaHat.clone();
        double[] gNew = new double[nf];
        double[] dNew = new double[nf];
        int count = 0;
        double change = 1;
        while (change > CONVERGENCE) {
            if (++count > MAX_ITERATIONS) {
                throw new IllegalStateException("ComBat: the parametric empirical Bayes iteration did not converge in "
                        + MAX_ITERATIONS + " iterations");
            }
            change = Double.NEGATIVE_INFINITY;
            for (int f = 0; f < nf; f++) {
                gNew[f] = posteriorMean(gammaHat[f], gammaBar, n, dOld[f], tau2);
            }
            for (int f = 0; f < nf; f++) {
                double ss = 0;
                for (double v : z[f]) {
                    double d = v - gNew[f];
                    ss += d * d;
                }
                dNew[f] = posteriorVariance(ss, n, shape, scale);
            }
            for (int f = 0; f < nf; f++) {
                change = Math.max(change, Math.abs(gNew[f] - gOld[f]) / gOld[f]);
            }
            for (int f = 0; f < nf; f++) {
                change = Math.max(change, Math.abs(dNew[f] - dOld[f]) / dOld[f]);
            }
            System.arraycopy(gNew, 0, gOld, 0, nf);
            System.arraycopy(dNew, 0, dOld, 0, nf);
            if (Double.isNaN(change)) {
                throw new IllegalStateException("ComBat: the parametric empirical Bayes iteration gave NaN "
                        + "(a batch location estimate of exactly 0, or a degenerate prior)");
            }
        }
        return new Estimates(gNew, dNew, count);
    }

    /** Parametric, location only (sva with {@code mean.only = TRUE}: postmean with n = 1 and δ² = 1). */
    static Estimates parametricMeanOnly(double[] gammaHat) {
        double gammaBar = mean(gammaHat);
        double tau2 = variance(gammaHat);
        double[] g = new double[gammaHat.length];
        double[] d = new double[gammaHat.length];
        for (int f = 0; f < g.length; f++) {
            g[f] = posteriorMean(gammaHat[f], gammaBar, 1, 1, tau2);
            d[f] = 1;
        }
        return new Estimates(g, d, 0);
    }

    /**
     * The non-parametric estimates of one batch (sva's {@code int.eprior}), {@code z[f][k]} as for {@link #parametric};
     * for the mean-only version pass δ̂² = 1.
     */
    static Estimates nonParametric(double[][] z, double[] gammaHat, double[] deltaHat) {
        int nf = gammaHat.length;
        int n = z[0].length;
        double[] g = new double[nf];
        double[] d = new double[nf];
        double[] logW = new double[nf];
        double[] logNorm = new double[nf];
        for (int j = 0; j < nf; j++) {
            logNorm[j] = -0.5 * n * Math.log(2 * Math.PI * deltaHat[j]);
        }
        for (int f = 0; f < nf; f++) {
            double zbar = 0;
            for (double v : z[f]) {
                zbar += v;
            }
            zbar /= n;
            double within = 0;
            for (double v : z[f]) {
                within += (v - zbar) * (v - zbar);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < nf; j++) {
                if (j == f) {
                    continue;
                }
                double ss = within + n * (zbar - gammaHat[j]) * (zbar - gammaHat[j]);
                logW[j] = logNorm[j] - ss / (2 * deltaHat[j]);
                max = Math.max(max, logW[j]);
            }
            double sw = 0;
            double sg = 0;
            double sd = 0;
            for (int j = 0; j < nf; j++) {
                if (j == f) {
                    continue;
                }
                double w = Math.exp(logW[j] - max);
                sw += w;
                sg += gammaHat[j] * w;
                sd += deltaHat[j] * w;
            }
            g[f] = sg / sw;
            d[f] = sd / sw;
        }
        return new Estimates(g, d, 0);
    }
}
