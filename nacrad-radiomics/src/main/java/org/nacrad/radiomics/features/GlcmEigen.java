package org.nacrad.radiomics.features;

import java.util.Arrays;

/**
 * Eigenvalues of a small dense symmetric matrix, for the GLCM's Maximal Correlation Coefficient.
 *
 * <p>Numerical method: Householder reduction to tridiagonal form followed by the implicit QL algorithm with
 * Wilkinson-type shifts (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §8.3; Wilkinson &amp; Reinsch,
 * <i>Handbook for Automatic Computation II</i>, procedures tred1/tql1). Cost about 4n³/3 flops; eigenvalues only.
 *
 * <p>Written by hand because {@code nacrad-radiomics} has no linear-algebra dependency and the matrices are tiny
 * (one per direction, order = number of grey levels); EJML's {@code SymmetricQRAlgorithmDecomposition_DDRM} computes
 * the same and could replace this class.
 */
final class GlcmEigen {

    private GlcmEigen() {
    }

    /**
     * The eigenvalues of the symmetric matrix {@code a} (row-major, n×n; only read), in ascending order.
     */
    static double[] symmetricEigenvalues(double[] a, int n) {
        double[] m = a.clone();
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalise(m, n, d, e);
        ql(d, e, n);
        Arrays.sort(d);
        return d;
    }

    /**
     * Householder tridiagonalisation: on return d holds the diagonal and e[0..n−2] the sub-diagonal of a
     * tridiagonal matrix orthogonally similar to m (m is overwritten).
     */
    private static void tridiagonalise(double[] m, int n, double[] d, double[] e) {
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            // x = m[k+1.., k]; reflect it onto alpha·e1
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                norm2 += m[i * n + k] * m[i * n + k];
            }
            double x0 = m[(k + 1) * n + k];
            double alpha = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            for (int i = k + 1; i < n; i++) {
                v[i] = m[i * n + k];
            }
            v[k + 1] -= alpha;
            double vv = 0;
            for (int i = k + 1; i < n; i++) {
                vv += v[i] * v[i];
            }
            e[k] = alpha;
            if (vv == 0) {
                e[k] = x0;
                continue;
            }
            double beta = 2 / vv;
            // p = beta·M'v over the trailing block, w = p − (beta·pᵀv/2)·v, M' −= v wᵀ + w vᵀ.
            // M' stays exactly symmetric (each update adds the same two products to m[i][j] and m[j][i]), so
            // (M'v)ᵢ = Σⱼ m[j][i]·v[j] is accumulated row by row, j outer: the same terms in the same order for each
            // i as a dot product of row i, but independent additions across i instead of one dependent chain.
            Arrays.fill(p, k + 1, n, 0);
            for (int j = k + 1; j < n; j++) {
                double vj = v[j];
                for (int i = k + 1, ji = j * n + k + 1; i < n; i++, ji++) {
                    p[i] += m[ji] * vj;
                }
            }
            double pv = 0;
            for (int i = k + 1; i < n; i++) {
                p[i] = beta * p[i];
                pv += p[i] * v[i];
            }
            double c = beta * pv / 2;
            for (int i = k + 1; i < n; i++) {
                p[i] -= c * v[i];
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    m[i * n + j] -= v[i] * p[j] + p[i] * v[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = m[i * n + i];
        }
        if (n >= 2) {
            e[n - 2] = m[(n - 1) * n + n - 2];
        }
        e[n - 1] = 0;
    }

    /**
     * √(a² + b²) without undue overflow or underflow. The direct formula where a² + b² is far from both limits (every
     * GLCM case: entries are probabilities), else {@link Math#hypot}, which is exact to 1 ulp everywhere but, being
     * StrictMath's software routine, took half of the QL time.
     */
    static double hypot(double a, double b) {
        double s = a * a + b * b;
        return s > 0x1p-900 && s < 0x1p900 ? Math.sqrt(s) : Math.hypot(a, b);
    }

    /**
     * Implicit QL iterations on the symmetric tridiagonal matrix (diagonal d, sub-diagonal e[0..n−2]); on return d
     * holds the eigenvalues (unordered).
     */
    private static void ql(double[] d, double[] e, int n) {
        final double ulp = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                // Find a negligible sub-diagonal element to split the matrix at.
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= ulp * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (++iter > 60) {
                        throw new ArithmeticException("GLCM eigenvalues: QL iteration did not converge");
                    }
                    // Shift from the leading 2×2 block, then chase the bulge from m up to l with Givens rotations.
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1, c = 1, p = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                    }
                    if (underflow) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }
}
