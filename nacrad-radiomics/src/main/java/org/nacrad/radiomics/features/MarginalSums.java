package org.nacrad.radiomics.features;

/**
 * Sums over a marginal of a texture matrix (grey levels, run lengths, zone sizes or dependence sizes), shared by
 * {@link Glrlm}, {@link Glszm} and {@link Gldm}, whose features have the same forms over their own marginals. Each
 * takes the marginal counts c and their indices x over the entries present.
 */
final class MarginalSums {

    private MarginalSums() {
    }

    /** Σ c(x) x<sup>power</sup> for power ±2. */
    static double weighted(double[] c, double[] x, int power) {
        double s = 0;
        for (int n = 0; n < c.length; n++) {
            double x2 = x[n] * x[n];
            s += power > 0 ? c[n] * x2 : c[n] / x2;
        }
        return s;
    }

    /** Σ c(x)². */
    static double squares(double[] c) {
        double s = 0;
        for (double v : c) {
            s += v * v;
        }
        return s;
    }

    /** Σ (c(x)/N)(x − μ)² with μ = Σ (c(x)/N) x: the variance of x under the normalised marginal. */
    static double variance(double[] c, double[] x, double total) {
        double mu = 0;
        for (int n = 0; n < c.length; n++) {
            mu += c[n] / total * x[n];
        }
        double v = 0;
        for (int n = 0; n < c.length; n++) {
            double d = x[n] - mu;
            v += c[n] / total * d * d;
        }
        return v;
    }
}
