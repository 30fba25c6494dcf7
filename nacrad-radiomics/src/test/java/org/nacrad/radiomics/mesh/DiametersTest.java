package org.nacrad.radiomics.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DiametersTest {

    /**
     * The Javadoc's worked example: a box of 2 × 3 × 4 unit voxels (x, y, z). Its vertices are the centres of its
     * outer voxel faces. Worked out by hand (voxel centres at x ∈ {0, 1}, y ∈ {0, 1, 2}, z ∈ {0, …, 3}):
     * 3D: (0, 0, −½)–(1, 2, 3½), √(1 + 4 + 16) = √21; Slice (equal z): (0, −½)–(1, 2½), √10; Column (equal y):
     * (0, −½)–(1, 3½) in (x, z), √17; Row (equal x): (0, −½)–(2, 3½) in (y, z), √20.
     */
    @Test
    void boxDiameters() {
        boolean[] mask = new boolean[2 * 3 * 4];
        Arrays.fill(mask, true);
        double[] d = Diameters.feret3D(MarchingCubes.mesh(mask, new int[] {2, 3, 4}, new double[] {1, 1, 1}).vertices());
        assertThat(d[0]).isCloseTo(Math.sqrt(10), within(1e-14));
        assertThat(d[1]).isCloseTo(Math.sqrt(17), within(1e-14));
        assertThat(d[2]).isCloseTo(Math.sqrt(20), within(1e-14));
        assertThat(d[3]).isCloseTo(Math.sqrt(21), within(1e-14));
    }

    /**
     * The hull-restricted search gives bit-identical maxima to PyRadiomics' definition (all pairs of vertices), on
     * random blobs with anisotropic spacing, including several components and holes.
     */
    @Test
    void equalsAllPairsOnRandomMasks() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int trial = 0; trial < 40; trial++) {
            int[] size = {1 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(8)};
            boolean[] mask = new boolean[size[0] * size[1] * size[2]];
            double fill = 0.2 + 0.7 * random.nextDouble();
            for (int n = 0; n < mask.length; n++) {
                mask[n] = random.nextDouble() < fill;
            }
            mask[random.nextInt(mask.length)] = true;
            double[] spacing = {0.5 + random.nextDouble(), 0.5 + random.nextDouble(), 1 + 4 * random.nextDouble()};
            HalfGridPoints v = MarchingCubes.mesh(mask, size, spacing).vertices();
            assertThat(Diameters.feret3D(v)).as("trial %d", trial).containsExactly(allPairs(v));
        }
    }

    @Test
    void equals2DAllPairsOnRandomMasks() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 40; trial++) {
            int rows = 1 + random.nextInt(15), cols = 1 + random.nextInt(15);
            boolean[] mask = new boolean[rows * cols];
            for (int n = 0; n < mask.length; n++) {
                mask[n] = random.nextDouble() < 0.5;
            }
            mask[random.nextInt(mask.length)] = true;
            double[] spacing = {0.5 + random.nextDouble(), 0.5 + random.nextDouble()};
            HalfGridPoints v = MarchingSquares.contour(mask, rows, cols, spacing).vertices();
            double max = 0;
            for (int a = 0; a < v.count(); a++) {
                for (int b = 0; b < a; b++) {
                    double d0 = v.coordinate(a, 0) - v.coordinate(b, 0), d1 = v.coordinate(a, 1) - v.coordinate(b, 1);
                    max = Math.max(max, d0 * d0 + d1 * d1);
                }
            }
            assertThat(Diameters.feret2D(v)).as("trial %d", trial).isEqualTo(Math.sqrt(max));
        }
    }

    /** PyRadiomics' calculate_meshDiameter, literally: every pair, squared distance summed z, y, x. */
    private static double[] allPairs(HalfGridPoints v) {
        double[] d = new double[4];
        for (int a = 0; a < v.count(); a++) {
            for (int b = 0; b < a; b++) {
                double dz = v.coordinate(a, 0) - v.coordinate(b, 0);
                double dy = v.coordinate(a, 1) - v.coordinate(b, 1);
                double dx = v.coordinate(a, 2) - v.coordinate(b, 2);
                double dist = dz * dz + dy * dy + dx * dx;
                if (v.coordinate(a, 0) == v.coordinate(b, 0)) {
                    d[0] = Math.max(d[0], dist);
                }
                if (v.coordinate(a, 1) == v.coordinate(b, 1)) {
                    d[1] = Math.max(d[1], dist);
                }
                if (v.coordinate(a, 2) == v.coordinate(b, 2)) {
                    d[2] = Math.max(d[2], dist);
                }
                d[3] = Math.max(d[3], dist);
            }
        }
        for (int i = 0; i < 4; i++) {
            d[i] = Math.sqrt(d[i]);
        }
        return d;
    }

    /** ConvexHull2D's worked example: of the 3 × 3 grid only the 4 corners are hull vertices. */
    @Test
    void hullOfGridIsItsCorners() {
        int[] u = new int[9], v = new int[9];
        for (int n = 0; n < 9; n++) {
            u[n] = n / 3;
            v[n] = n % 3;
        }
        int[] out = new int[10];
        int m = ConvexHull2D.vertices(u, v, 0, 9, out);
        assertThat(Arrays.stream(out, 0, m).sorted().toArray()).containsExactly(0, 2, 6, 8);
    }
}
