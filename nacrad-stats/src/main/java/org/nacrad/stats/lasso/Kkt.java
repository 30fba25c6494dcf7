package org.nacrad.stats.lasso;

/**
 * The Karush–Kuhn–Tucker conditions of the penalised logistic problem of {@link LogisticNet}, as an independent
 * check that a path point is the exact minimiser. With {@code g_j = (1/n) Σ z_ij (y_i - p_i)} the gradient of the
 * average log-likelihood on the standardised scale:
 * <pre>  Σ (y_i - p_i) = 0;   g_j - λ(1-α) β_j = λ α sign(β_j) if β_j ≠ 0;   |g_j| ≤ λ α if β_j = 0.</pre>
 */
public final class Kkt {

    private Kkt() {
    }

    /** The largest violation of the conditions at path point {@code k} (0 at the exact minimiser). */
    public static double maxViolation(LassoPath path, double[][] x, double[] y, int k) {
        int n = y.length;
        double lam = path.lambda()[k];
        double alpha = path.alpha();
        double[] eta = path.linearPredictor(x, lam);
        double[] res = new double[n];
        double worst = 0;
        double interceptGrad = 0;
        for (int i = 0; i < n; i++) {
            res[i] = y[i] - 1 / (1 + Math.exp(-eta[i]));
            interceptGrad += res[i] / n;
        }
        worst = Math.abs(interceptGrad);
        double[] bs = path.standardisedBeta(k);
        for (int j = 0; j < bs.length; j++) {
            double s = path.xScale()[j];
            if (s == 0) {
                continue;
            }
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += (x[i][j] - path.xMean()[j]) / s * res[i];
            }
            g /= n;
            double v = bs[j] != 0
                    ? Math.abs(g - lam * (1 - alpha) * bs[j] - lam * alpha * Math.signum(bs[j]))
                    : Math.max(0, Math.abs(g) - lam * alpha);
            worst = Math.max(worst, v);
        }
        return worst;
    }
}
