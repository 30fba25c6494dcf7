package org.nacrad.radiomics.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarchingCubesTest {

    /** The Javadoc's worked example: one unit voxel gives the octahedron |x|+|y|+|z| ≤ ½. */
    @Test
    void singleVoxelIsAnOctahedron() {
        MeshMeasures m = MarchingCubes.mesh(new boolean[] {true}, new int[] {1, 1, 1}, new double[] {1, 1, 1});
        assertThat(m.surfaceArea()).isCloseTo(Math.sqrt(3), within(1e-15));
        assertThat(m.volume()).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(m.vertices().count()).isEqualTo(6);
    }

    /**
     * A box of a × b × c unit voxels, worked out by hand: the mesh is the box [−½, a−½] × … with its 12 edges
     * chamfered at 45° through the edge midpoints (a prism of cross-section ⅛ removed per unit of edge length) and
     * its 8 corners cut by the single-corner triangles. Volume = abc − (a+b+c)/2 + ⅔; area = 2Σ(a−1)(b−1) (flat
     * faces) + 4Σ(a−1)·√2/2 (chamfer strips) + √3 (corner triangles).
     */
    @ParameterizedTest
    @CsvSource({"1,1,1", "2,3,4", "1,1,5", "3,3,3", "7,2,5"})
    void boxHasItsExactVolumeAndArea(int a, int b, int c) {
        boolean[] mask = new boolean[a * b * c];
        java.util.Arrays.fill(mask, true);
        MeshMeasures m = MarchingCubes.mesh(mask, new int[] {a, b, c}, new double[] {1, 1, 1});
        double volume = a * b * c - (a + b + c) / 2.0 + 2.0 / 3;
        double area = 2.0 * ((a - 1) * (b - 1) + (b - 1) * (c - 1) + (a - 1) * (c - 1))
                + 4.0 * ((a - 1) + (b - 1) + (c - 1)) * Math.sqrt(2) / 2 + Math.sqrt(3);
        assertThat(m.volume()).isCloseTo(volume, within(1e-12 * volume));
        assertThat(m.surfaceArea()).isCloseTo(area, within(1e-12 * area));
        // Every voxel face on the outside carries one vertex at its centre.
        assertThat(m.vertices().count()).isEqualTo(2 * (a * b + b * c + a * c));
    }

    /** Spacing scales lengths: area by s², volume by s³ (here anisotropic: the box stretched along z). */
    @Test
    void spacingScalesPerAxis() {
        boolean[] mask = new boolean[2 * 3 * 4];
        java.util.Arrays.fill(mask, true);
        MeshMeasures unit = MarchingCubes.mesh(mask, new int[] {2, 3, 4}, new double[] {1, 1, 1});
        MeshMeasures scaled = MarchingCubes.mesh(mask, new int[] {2, 3, 4}, new double[] {2, 2, 2});
        MeshMeasures stretched = MarchingCubes.mesh(mask, new int[] {2, 3, 4}, new double[] {1, 1, 3});
        assertThat(scaled.surfaceArea()).isCloseTo(4 * unit.surfaceArea(), within(1e-12));
        assertThat(scaled.volume()).isCloseTo(8 * unit.volume(), within(1e-12));
        assertThat(stretched.volume()).isCloseTo(3 * unit.volume(), within(1e-12));
    }

    /**
     * Every tabulated case, checked against polygons traced independently from its corner states: on each cube face
     * (corners taken counter-clockwise seen from outside) each run of consecutive inside corners is cut off by one
     * segment, from the edge entering the run to the edge leaving it (so diagonal inside corners are separated). The
     * boundary of the case's triangles, as directed edges, must be exactly these segments (so the triangles close up
     * with the neighbouring cubes and are oriented outward), and every interior triangle edge must be shared by two
     * triangles in opposite directions.
     */
    @Test
    void everyCaseTriangulatesItsTracedPolygons() {
        int[][] faces = faceCycles();
        for (int idx = 0; idx < 128; idx++) {
            Set<Long> expected = new HashSet<>();
            for (int[] f : faces) {
                boolean[] in = new boolean[4];
                for (int q = 0; q < 4; q++) {
                    in[q] = (idx & (1 << f[q])) != 0;
                }
                for (int q = 0; q < 4; q++) {
                    if (in[q] && !in[(q + 3) % 4]) {
                        int last = q;
                        while (in[(last + 1) % 4]) {
                            last = (last + 1) % 4;
                        }
                        int enter = edge(f[(q + 3) % 4], f[q]);
                        int leave = edge(f[last], f[(last + 1) % 4]);
                        expected.add(directed(enter, leave));
                    }
                }
            }
            Map<Long, Integer> uses = new HashMap<>();
            int[] t = MarchingCubes.TRIANGLES[idx];
            assertThat(t.length % 3).isZero();
            for (int k = 0; k < t.length; k += 3) {
                for (int e = 0; e < 3; e++) {
                    uses.merge(directed(t[k + e], t[k + (e + 1) % 3]), 1, Integer::sum);
                }
            }
            Set<Long> boundary = new HashSet<>();
            for (Map.Entry<Long, Integer> u : uses.entrySet()) {
                assertThat(u.getValue()).as("case %d: edge used twice in one direction", idx).isEqualTo(1);
                if (!uses.containsKey(reverse(u.getKey()))) {
                    boundary.add(u.getKey());
                }
            }
            assertThat(boundary).as("case %d", idx).isEqualTo(expected);
        }
    }

    /** The faces of the cube as corner cycles, counter-clockwise seen from outside. */
    private static int[][] faceCycles() {
        int[][] faces = new int[6][];
        int n = 0;
        for (int axis = 0; axis < 3; axis++) {
            for (int side = 0; side < 2; side++) {
                int[] cyc = new int[4];
                int m = 0;
                // Start at a corner of the face and walk along cube edges within the face.
                for (int c = 0; c < 8 && m == 0; c++) {
                    if (MarchingCubes.CORNERS[c][axis] == side) {
                        cyc[m++] = c;
                    }
                }
                while (m < 4) {
                    for (int c = 0; c < 8; c++) {
                        if (MarchingCubes.CORNERS[c][axis] == side && !contains(cyc, m, c)
                                && edge(cyc[m - 1], c) >= 0) {
                            cyc[m++] = c;
                            break;
                        }
                    }
                }
                // Orient: (p1 − p0) × (p2 − p1) must point out of the cube along this axis.
                int[] p0 = MarchingCubes.CORNERS[cyc[0]], p1 = MarchingCubes.CORNERS[cyc[1]],
                        p2 = MarchingCubes.CORNERS[cyc[2]];
                int[] u = {p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]};
                int[] v = {p2[0] - p1[0], p2[1] - p1[1], p2[2] - p1[2]};
                int[] normal = {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
                if (normal[axis] * (side == 1 ? 1 : -1) < 0) {
                    cyc = new int[] {cyc[3], cyc[2], cyc[1], cyc[0]};
                }
                faces[n++] = cyc;
            }
        }
        return faces;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static int edge(int a, int b) {
        for (int e = 0; e < 12; e++) {
            int[] c = MarchingCubes.EDGE_CORNERS[e];
            if ((c[0] == a && c[1] == b) || (c[0] == b && c[1] == a)) {
                return e;
            }
        }
        return -1;
    }

    private static long directed(int from, int to) {
        return from * 16L + to;
    }

    private static long reverse(long d) {
        return (d % 16) * 16 + d / 16;
    }
}
