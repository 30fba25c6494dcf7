package org.nacrad.radiomics.features;

import java.util.Arrays;

/**
 * Eigenvalues of a small dense symmetric matrix, for the GLCM's Maximal Correlation Coefficient.
 *
 * <p>Numerical method: Householder reduction to tridiagonal form (Golub &amp; Van Loan, <i>Matrix Computations</i>,
 * 4th ed., §8.3; Wilkinson &amp; Reinsch, <i>Handbook for Automatic Computation II</i>, procedure tred1), then either
 * all eigenvalues by the implicit QL algorithm with Wilkinson-type shifts (procedure tql1), or only the few largest by
 * bisection on Sturm sequence counts (Barth, Martin &amp; Wilkinson, Numer. Math. 9 (1967) 386–393, the method of
 * LAPACK's {@code dstebz}). MCC needs only the second largest: bisection finds it in O(n) work per step, about 30
 * steps of three counts, where QL's rotations cost O(n²) with a square root and two divisions each. The two agree to
 * rounding (within 2n·ulp(‖S‖), tested); QL ({@link #symmetricEigenvalues}) stays as the reference for all
 * eigenvalues.
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
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalise(rows(a, n), d, e);
        ql(d, e, n);
        Arrays.sort(d);
        return d;
    }

    /**
     * The {@code count} largest eigenvalues of the symmetric matrix {@code a} (n rows of n; overwritten), in
     * ascending order (see {@link #eigenvaluesOfRank}).
     */
    static double[] largestEigenvalues(double[][] a, int count) {
        int k = Math.min(count, a.length);
        int[] ranks = new int[k];
        for (int r = 0; r < k; r++) {
            ranks[r] = a.length - k + r;
        }
        return eigenvaluesOfRank(a, ranks);
    }

    /**
     * The eigenvalues of the given 0-based ascending ranks of the symmetric matrix {@code a} (n rows of n;
     * overwritten), by bisection: each is the point where the number of eigenvalues below x (a Sturm count on the
     * tridiagonal form) passes its rank, narrowed until the bracket is two adjacent doubles.
     */
    static double[] eigenvaluesOfRank(double[][] a, int... ranks) {
        int n = a.length;
        double[] d = new double[n];
        double[] e = new double[n];
        tridiagonalise(a, d, e);
        // Gershgorin bounds of the tridiagonal matrix, and LAPACK's pivot floor for the Sturm recurrence
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] e2 = new double[n];
        double maxE2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
            lo = Math.min(lo, d[i] - r);
            hi = Math.max(hi, d[i] + r);
            if (i < n - 1) {
                e2[i] = e[i] * e[i];
                maxE2 = Math.max(maxE2, e2[i]);
            }
        }
        double pivmin = Double.MIN_NORMAL * Math.max(1, maxE2);
        double slack = 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))) + pivmin;
        lo -= slack;
        hi += slack;
        double[] out = new double[ranks.length];
        if (!(Math.abs(lo) <= Double.MAX_VALUE && Math.abs(hi) <= Double.MAX_VALUE)) {
            Arrays.fill(out, Double.NaN); // a NaN or infinite entry: no bracket to bisect
            return out;
        }
        for (int r = 0; r < ranks.length; r++) {
            out[r] = bisect(d, e2, n, ranks[r], lo, hi, pivmin);
        }
        return out;
    }

    /**
     * The eigenvalue of 0-based ascending rank {@code rank} in [lo, hi]: keeps below(lo) ≤ rank &lt; below(hi) and
     * narrows the bracket until its midpoint is one of its ends. Each step counts at the three quarter points at once
     * (three independent recurrences, which the processor overlaps, where one alone waits on its divisions) and
     * keeps the quarter holding the eigenvalue: about 30 steps for values near 1 instead of 60 halvings. The count is
     * monotone in x (Demmel, Dhillon &amp; Ren 1995), so the bracket converges to the same two adjacent doubles either
     * way.
     */
    private static double bisect(double[] d, double[] e2, int n, int rank, double lo, double hi, double pivmin) {
        int[] counts = new int[3];
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return mid;
            }
            double q1 = 0.5 * (lo + mid);
            double q3 = 0.5 * (mid + hi);
            below(d, e2, n, q1, mid, q3, pivmin, counts);
            if (counts[0] > rank) {
                hi = q1;
            } else if (counts[1] > rank) {
                lo = q1;
                hi = mid;
            } else if (counts[2] > rank) {
                lo = mid;
                hi = q3;
            } else {
                lo = q3;
            }
        }
    }

    /**
     * Numbers of eigenvalues of the tridiagonal matrix (diagonal d, squared sub-diagonal e2) below x1, x2 and x3: the
     * negative pivots of the LDLᵀ factorisations of T − xI, a pivot smaller than {@code pivmin} in magnitude replaced
     * by −pivmin (LAPACK {@code dlaebz}).
     */
    private static void below(double[] d, double[] e2, int n, double x1, double x2, double x3, double pivmin,
                              int[] counts) {
        int c1 = 0, c2 = 0, c3 = 0;
        double q1 = 1, q2 = 1, q3 = 1;
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                q1 = d[0] - x1;
                q2 = d[0] - x2;
                q3 = d[0] - x3;
            } else {
                q1 = d[i] - x1 - e2[i - 1] / q1;
                q2 = d[i] - x2 - e2[i - 1] / q2;
                q3 = d[i] - x3 - e2[i - 1] / q3;
            }
            q1 = Math.abs(q1) <= pivmin ? -pivmin : q1;
            q2 = Math.abs(q2) <= pivmin ? -pivmin : q2;
            q3 = Math.abs(q3) <= pivmin ? -pivmin : q3;
            c1 += q1 < 0 ? 1 : 0;
            c2 += q2 < 0 ? 1 : 0;
            c3 += q3 < 0 ? 1 : 0;
        }
        counts[0] = c1;
        counts[1] = c2;
        counts[2] = c3;
    }

    /** A copy of the row-major n×n matrix a as n rows. */
    private static double[][] rows(double[] a, int n) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOfRange(a, i * n, i * n + n);
        }
        return m;
    }

    /**
     * Householder tridiagonalisation of the symmetric matrix {@code m} (n rows of n, overwritten): on return d holds
     * the diagonal and e[0..n−2] the sub-diagonal of a tridiagonal matrix orthogonally similar to it.
     *
     * <p>The matrix is held as one array per row: the inner loops then index the row and the vectors alike
     * (m[i][j], v[j], p[j]), which HotSpot's C2 compiles to SIMD instructions; with a flat array (m[i·n + j]) it
     * did not, and this step ran 2× slower. The arithmetic is the same either way.
     */
    private static void tridiagonalise(double[][] m, double[] d, double[] e) {
        int n = m.length;
        double[] v = new double[n];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            // x = m[k+1.., k]; reflect it onto alpha·e1
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                norm2 += m[i][k] * m[i][k];
            }
            double x0 = m[k + 1][k];
            double alpha = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
            for (int i = k + 1; i < n; i++) {
                v[i] = m[i][k];
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
                double[] row = m[j];
                double vj = v[j];
                for (int i = k + 1; i < n; i++) {
                    p[i] += row[i] * vj;
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
                double[] row = m[i];
                double vi = v[i];
                double pi = p[i];
                for (int j = k + 1; j < n; j++) {
                    row[j] -= vi * p[j] + pi * v[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = m[i][i];
        }
        if (n >= 2) {
            e[n - 2] = m[n - 1][n - 2];
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
