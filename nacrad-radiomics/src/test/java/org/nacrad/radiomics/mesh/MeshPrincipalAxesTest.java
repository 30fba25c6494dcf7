package org.nacrad.radiomics.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MeshPrincipalAxesTest {

    /** PrincipalAxes' worked example: two voxels side by side along x have variance ¼ along x only. */
    @Test
    void twoVoxels() {
        double[] ev = PrincipalAxes.eigenvalues(new boolean[] {true, true}, new int[] {2, 1, 1}, new double[] {1, 1, 1});
        assertThat(ev).containsExactly(0, 0, 0.25);
    }

    /** Jacobi on matrices with known spectra, including a rotated diagonal one and a repeated eigenvalue. */
    @Test
    void jacobiFindsKnownEigenvalues() {
        double[] ev = PrincipalAxes.symmetricEigenvalues(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}});
        Arrays.sort(ev);
        assertThat(ev).containsExactly(new double[] {1, 3, 5}, within(1e-14));
        // Q diag(1, 4, 9) Qᵀ with Q the rotation by 30° about z then 45° about x
        double c1 = Math.cos(Math.PI / 6), s1 = Math.sin(Math.PI / 6), c2 = Math.sqrt(0.5), s2 = Math.sqrt(0.5);
        double[][] q = {{c1, -s1 * c2, s1 * s2}, {s1, c1 * c2, -c1 * s2}, {0, s2, c2}};
        double[] d = {1, 4, 9};
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i][j] += q[i][k] * d[k] * q[j][k];
                }
            }
        }
        ev = PrincipalAxes.symmetricEigenvalues(a);
        Arrays.sort(ev);
        assertThat(ev).containsExactly(new double[] {1, 4, 9}, within(1e-13));
        ev = PrincipalAxes.symmetricEigenvalues(new double[][] {{3, 0, 0}, {0, 3, 0}, {0, 0, 3}});
        assertThat(ev).containsExactly(3, 3, 3);
    }

    /** A single-slice ROI has an exactly zero least moment (PyRadiomics: LeastAxisLength and Flatness exactly 0). */
    @Test
    void singleSliceHasExactZeroMoment() {
        boolean[] mask = {true, true, false, true, true, true};
        double[] ev = PrincipalAxes.eigenvalues(mask, new int[] {3, 2, 1}, new double[] {0.7, 0.9, 3.3});
        assertThat(ev[0]).isEqualTo(0.0);
        assertThat(ev[1]).isPositive();
    }
}
