package org.nacrad.radiomics.features;

/**
 * The entropy every family computes as PyRadiomics does: H = −Σ p log₂(p + ε), with ε = NumPy's {@code np.spacing(1)}
 * added so that log₂ never sees 0.
 */
final class Entropy {

    /** Machine epsilon for doubles, NumPy's {@code np.spacing(1)} = 2.2×10⁻¹⁶. */
    static final double EPS = Math.ulp(1.0);

    private static final double LN2 = Math.log(2);

    private Entropy() {
    }

    /** log₂ v, as ln v / ln 2. */
    static double log2(double v) {
        return Math.log(v) / LN2;
    }

    /** −Σ p log₂(p + ε) over probabilities p ≥ 0; a zero term adds exactly 0 and is skipped. */
    static double of(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v != 0) {
                h -= v * log2(v + EPS);
            }
        }
        return h;
    }
}
