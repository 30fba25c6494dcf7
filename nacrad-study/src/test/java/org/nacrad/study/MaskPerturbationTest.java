package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/** The segmentation perturbations change the ROI exactly as documented, and deterministically for a seed. */
class MaskPerturbationTest {

    /** A cube of side s (voxels) at offset o in an n×n×n image. */
    private static boolean[] cube(int n, int o, int s) {
        boolean[] m = new boolean[n * n * n];
        for (int k = o; k < o + s; k++) {
            for (int j = o; j < o + s; j++) {
                for (int i = o; i < o + s; i++) {
                    m[i + n * (j + n * k)] = true;
                }
            }
        }
        return m;
    }

    @Test
    void theWorkedExample() {
        boolean[] c = cube(7, 2, 3);
        assertThat(MaskPerturbation.count(c)).isEqualTo(27);
        boolean[] e = MaskPerturbation.erode(c, 7, 7, 7);
        assertThat(MaskPerturbation.count(e)).isEqualTo(1);
        assertThat(e[3 + 7 * (3 + 7 * 3)]).isTrue();
        assertThat(MaskPerturbation.count(MaskPerturbation.dilate(c, 7, 7, 7))).isEqualTo(27 + 6 * 9);
    }

    @Test
    void erosionAndDilationOfALargerCubeAndAtTheBorder() {
        // 5³ = 125 erodes to 3³ = 27; dilates to 125 + 6·25 = 275
        boolean[] c = cube(9, 2, 5);
        assertThat(MaskPerturbation.count(MaskPerturbation.erode(c, 9, 9, 9))).isEqualTo(27);
        assertThat(MaskPerturbation.count(MaskPerturbation.dilate(c, 9, 9, 9))).isEqualTo(275);
        // outside the image counts as outside the ROI: a 3×3×3 image that is all ROI erodes to its centre
        boolean[] full = cube(3, 0, 3);
        assertThat(MaskPerturbation.count(MaskPerturbation.erode(full, 3, 3, 3))).isEqualTo(1);
        assertThat(MaskPerturbation.count(MaskPerturbation.dilate(full, 3, 3, 3))).isEqualTo(27);
        // dilation is clipped at the border: a cube in the image corner grows on its three inner faces only
        boolean[] corner = cube(6, 0, 3);
        assertThat(MaskPerturbation.count(MaskPerturbation.dilate(corner, 6, 6, 6))).isEqualTo(27 + 3 * 9);
    }

    @Test
    void contourRandomisationIsDeterministicAndOnlyMovesTheBoundary() {
        int n = 24;
        boolean[] sphere = new boolean[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double r2 = Math.pow(i - 11.3, 2) + Math.pow(j - 12.1, 2) + Math.pow(k - 11.7, 2);
                    sphere[i + n * (j + n * k)] = r2 <= 49;
                }
            }
        }
        boolean[] a = MaskPerturbation.randomiseContour(sphere, n, n, n, 7);
        boolean[] b = MaskPerturbation.randomiseContour(sphere, n, n, n, 7);
        boolean[] c = MaskPerturbation.randomiseContour(sphere, n, n, n, 8);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(sphere);
        boolean[] inner = box(sphere, n, true);
        boolean[] outer = box(sphere, n, false);
        int changed = 0;
        for (int v = 0; v < sphere.length; v++) {
            // a 2×2×2 cell lies within the 3×3×3 box around each of its voxels: a voxel whose box is all ROI is in a
            // cell wholly inside (kept); one whose box holds no ROI voxel is in a cell wholly outside (never added)
            if (inner[v]) {
                assertThat(a[v]).as("voxel %d deep inside", v).isTrue();
            }
            if (!outer[v]) {
                assertThat(a[v]).as("voxel %d far outside", v).isFalse();
            }
            changed += a[v] != sphere[v] ? 1 : 0;
        }
        assertThat(changed).isPositive();
        // expected volume is kept: each cell joins with probability equal to its overlap fraction
        assertThat((double) MaskPerturbation.count(a) / MaskPerturbation.count(sphere)).isBetween(0.85, 1.15);
    }

    /** Voxels whose 3×3×3 box is all ROI (all = true) or holds some ROI voxel (all = false). */
    private static boolean[] box(boolean[] roi, int n, boolean all) {
        boolean[] out = new boolean[roi.length];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    boolean every = true;
                    boolean some = false;
                    for (int dk = -1; dk <= 1; dk++) {
                        for (int dj = -1; dj <= 1; dj++) {
                            for (int di = -1; di <= 1; di++) {
                                int a = i + di, b = j + dj, c = k + dk;
                                boolean in = a >= 0 && b >= 0 && c >= 0 && a < n && b < n && c < n
                                        && roi[a + n * (b + n * c)];
                                every &= in;
                                some |= in;
                            }
                        }
                    }
                    out[i + n * (j + n * k)] = all ? every : some;
                }
            }
        }
        return out;
    }

    @Test
    void aLabelMapKeepsItsLabelAndGridAndAnEmptyResultIsAnError() {
        int n = 7;
        double[] data = new double[n * n * n];
        boolean[] c = cube(n, 2, 3);
        for (int v = 0; v < data.length; v++) {
            data[v] = c[v] ? 2 : (v == 0 ? 1 : 0); // label 2 is the ROI; label 1 elsewhere is dropped
        }
        Volume mask = new Volume(Geometry.of(new int[] {n, n, n}, new double[] {0.7, 0.7, 2}, new double[] {1, 2, 3}),
                PixelType.UINT8, data);
        Volume d = MaskPerturbation.apply(MaskPerturbation.Kind.DILATION, mask, 2, 1);
        assertThat(d.geometry().mismatch(mask.geometry(), 0)).isNull();
        assertThat(MaskPerturbation.count(d.labelMask(2))).isEqualTo(81);
        assertThat(MaskPerturbation.count(d.labelMask(1))).isZero();
        double[] one = new double[n * n * n];
        one[100] = 2;
        assertThatThrownBy(() -> MaskPerturbation.apply(MaskPerturbation.Kind.EROSION, mask.withData(one,
                PixelType.UINT8), 2, 1)).hasMessageContaining("erosion by one voxel leaves no voxel of label 2");
    }

    @Test
    void patientSeedsDependOnTheSeedAndTheIdOnly() {
        assertThat(MaskPerturbation.patientSeed(42, "P001")).isEqualTo(MaskPerturbation.patientSeed(42, "P001"))
                .isNotEqualTo(MaskPerturbation.patientSeed(42, "P002"))
                .isNotEqualTo(MaskPerturbation.patientSeed(43, "P001"));
    }
}
