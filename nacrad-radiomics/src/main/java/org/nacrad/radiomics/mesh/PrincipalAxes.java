package org.nacrad.radiomics.mesh;

import java.util.Arrays;

/**
 * Principal moments of the voxel centres of a mask, as PyRadiomics computes them for the axis lengths: the
 * eigenvalues of the population covariance of the physical voxel-centre coordinates, sorted ascending; the axis
 * lengths are 4√λ.
 *
 * <p>Worked example (also a unit test): two voxels side by side along x, spacing 1: the coordinates are x = 0, 1,
 * variance ¼ along x and 0 across, so λ = (0, 0, ¼) and MajorAxisLength = 4·½ = 2.
 *
 * <p>Numerical method: cyclic Jacobi rotations on the symmetric n × n matrix (n ≤ 3) until the off-diagonal is
 * zero to machine precision (Golub GH, Van Loan CF. Matrix Computations, 4th ed., §8.5.2). Written by hand because
 * the matrix is at most 3 × 3; PyRadiomics uses LAPACK's general {@code numpy.linalg.eigvals}, which agrees to
 * rounding. A coordinate that is constant over the ROI (a single-slice ROI) has an exactly zero row and column, so its
 * eigenvalue is exactly 0 (Jacobi never rotates a zero off-diagonal), as PyRadiomics' LeastAxisLength and Flatness
 * are.
 */
public final class PrincipalAxes {

    private PrincipalAxes() {
    }

    /**
     * Eigenvalues of the covariance of the voxel-centre coordinates of a mask.
     *
     * @param mask    true inside, column-major as {@code size} (first axis fastest)
     * @param size    voxels along each axis (1 to 3 axes), first axis fastest in {@code mask}
     * @param spacing voxel size along each axis in mm
     * @return eigenvalues in mm², ascending, one per axis; tiny negative round-off (> −1e−10) set to 0
     */
    public static double[] eigenvalues(boolean[] mask, int[] size, double[] spacing) {
        int dim = size.length;
        if (dim < 1 || dim > 3) {
            throw new IllegalArgumentException("1 to 3 axes expected, got " + dim);
        }
        int nx = size[0], ny = dim > 1 ? size[1] : 1, nz = dim > 2 ? size[2] : 1;
        long count = 0, sx = 0, sy = 0, sz = 0;
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (mask[n]) {
                        count++;
                        sx += i;
                        sy += j;
                        sz += k;
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("empty mask: no voxel inside");
        }
        // Centre in index space (exact integer sums), then scale: a constant coordinate centres to exactly 0.
        double mx = (double) sx / count, my = (double) sy / count, mz = (double) sz / count;
        double fx = spacing[0], fy = dim > 1 ? spacing[1] : 0, fz = dim > 2 ? spacing[2] : 0;
        double cxx = 0, cxy = 0, cxz = 0, cyy = 0, cyz = 0, czz = 0;
        for (int k = 0, n = 0; k < nz; k++) {
            double z = (k - mz) * fz;
            for (int j = 0; j < ny; j++) {
                double y = (j - my) * fy;
                for (int i = 0; i < nx; i++, n++) {
                    if (mask[n]) {
                        double x = (i - mx) * fx;
                        cxx += x * x;
                        cxy += x * y;
                        cxz += x * z;
                        cyy += y * y;
                        cyz += y * z;
                        czz += z * z;
                    }
                }
            }
        }
        double[][] full = {{cxx, cxy, cxz}, {cxy, cyy, cyz}, {cxz, cyz, czz}};
        double[][] cov = new double[dim][dim];
        for (int a = 0; a < dim; a++) {
            for (int b = 0; b < dim; b++) {
                cov[a][b] = full[a][b] / count;
            }
        }
        double[] ev = symmetricEigenvalues(cov);
        for (int i = 0; i < ev.length; i++) {
            if (ev[i] < 0 && ev[i] > -1e-10) {
                ev[i] = 0;
            }
        }
        Arrays.sort(ev);
        return ev;
    }

    /** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (unsorted). The input is not modified. */
    static double[] symmetricEigenvalues(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    // Rotation annihilating a[p][q] (Golub & Van Loan Algorithm 8.5.1, sym.schur2).
                    double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
                    if (tau == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t), s = t * c;
                    for (int k = 0; k < n; k++) { // A ← A J
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // A ← Jᵀ A
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    a[p][q] = 0;
                    a[q][p] = 0;
                }
            }
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = a[i][i];
        }
        return ev;
    }
}
