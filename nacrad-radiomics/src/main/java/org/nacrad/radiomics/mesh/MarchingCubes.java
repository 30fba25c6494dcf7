package org.nacrad.radiomics.mesh;

import java.util.Arrays;

/**
 * Marching cubes on a binary mask, as PyRadiomics builds the mesh of its {@code shape} features
 * ({@code radiomics/src/cshape.c}, {@code calculate_coefficients}).
 *
 * <p>Worked example (also a unit test): a single voxel of 1 × 1 × 1 mm. Each of the 8 cubes around it has one
 * corner inside, and cuts that corner off with one triangle through the three edge midpoints, of area √3/8. The
 * mesh is the octahedron |x|+|y|+|z| ≤ ½: SurfaceArea = √3 ≈ 1.7320508, MeshVolume = 4/3 · (½)³ = 1/6, 6 vertices.
 *
 * <p>The method, exactly as PyRadiomics applies it:
 * <ol>
 *   <li>the mask is padded with one voxel of background on every side and a 2×2×2 cube marches over it; its
 *       corners p0…p7 (in z, y, x: (0,0,0), (0,0,1), (0,1,1), (0,1,0), (1,0,0), (1,0,1), (1,1,1), (1,1,0)) give
 *       bits 0…7 of the cube index;</li>
 *   <li>the isosurface lies half-way between a voxel inside and one outside, so every mesh vertex is the midpoint
 *       of one of the cube's 12 edges (edge e joins the corners {@link #EDGE_CORNERS}[e]);</li>
 *   <li>only cases 0…127 are tabulated: an index with p7 inside is replaced by its complement and the volume of
 *       its triangles is counted negatively (their orientation is reversed);</li>
 *   <li>MeshVolume = Σ sign · (a × b) · c / 6 over the triangles (a, b, c) (signed tetrahedra on the origin, with
 *       normals pointing outward); SurfaceArea = Σ |(a − c) × (b − c)| / 2.</li>
 * </ol>
 *
 * <p>The triangle table {@link #TRIANGLES} is the classic marching-cubes table of Lorensen &amp; Cline as
 * tabulated by Bourke (cases 0…127, the 12 edges numbered as above), written out for this class. It is standard
 * data, not derived here, because the triangulation of the non-planar polygons (cases such as 7, three corners of a
 * face) changes the surface area: PyRadiomics' numbers are those of this triangulation. {@code MarchingCubesTest}
 * checks every case independently: the boundary of its triangles is exactly the set of polygons traced from the
 * corner states (on a face with two diagonal corners inside, the inside corners are separated), every triangle is
 * oriented outward, and whole shapes (single voxel, boxes) have their exact volume.
 *
 * <p>The complement trick means a cube and its complement use the same surface, so on a face with two diagonal
 * corners inside, a cube with p7 outside separates the inside corners and one with p7 inside separates the outside
 * ones: the mesh can have small cracks. PyRadiomics accepts this; so does this class, to give its numbers.
 *
 * <p>Reference: Lorensen WE, Cline HE. Marching cubes: a high resolution 3D surface construction algorithm.
 * Comput Graph (SIGGRAPH '87) 1987;21(4):163-169. Bourke P. Polygonising a scalar field, 1994.
 */
public final class MarchingCubes {

    /** Corner offsets (z, y, x) of the cube, p0…p7. */
    static final int[][] CORNERS = {
            {0, 0, 0}, {0, 0, 1}, {0, 1, 1}, {0, 1, 0}, {1, 0, 0}, {1, 0, 1}, {1, 1, 1}, {1, 1, 0}};

    /** The two corners joined by each edge. */
    static final int[][] EDGE_CORNERS = {
            {0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}, {6, 7}, {7, 4}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};

    /** Doubled offsets (z, y, x) of each edge's midpoint: the sum of its corners' offsets. */
    static final int[][] EDGE_MIDPOINT_2X = new int[12][3];

    static {
        for (int e = 0; e < 12; e++) {
            for (int d = 0; d < 3; d++) {
                EDGE_MIDPOINT_2X[e][d] = CORNERS[EDGE_CORNERS[e][0]][d] + CORNERS[EDGE_CORNERS[e][1]][d];
            }
        }
    }

    /**
     * Triangles of cases 0…127, as edge numbers, three per triangle, counter-clockwise seen from outside the
     * inside corners.
     */
    static final int[][] TRIANGLES = {
            {},
            {0, 8, 3},
            {0, 1, 9},
            {1, 8, 3, 9, 8, 1},
            {1, 2, 10},
            {0, 8, 3, 1, 2, 10},
            {9, 2, 10, 0, 2, 9},
            {2, 8, 3, 2, 10, 8, 10, 9, 8},
            {3, 11, 2},
            {0, 11, 2, 8, 11, 0},
            {1, 9, 0, 2, 3, 11},
            {1, 11, 2, 1, 9, 11, 9, 8, 11},
            {3, 10, 1, 11, 10, 3},
            {0, 10, 1, 0, 8, 10, 8, 11, 10},
            {3, 9, 0, 3, 11, 9, 11, 10, 9},
            {9, 8, 10, 10, 8, 11},
            {4, 7, 8},
            {4, 3, 0, 7, 3, 4},
            {0, 1, 9, 8, 4, 7},
            {4, 1, 9, 4, 7, 1, 7, 3, 1},
            {1, 2, 10, 8, 4, 7},
            {3, 4, 7, 3, 0, 4, 1, 2, 10},
            {9, 2, 10, 9, 0, 2, 8, 4, 7},
            {2, 10, 9, 2, 9, 7, 2, 7, 3, 7, 9, 4},
            {8, 4, 7, 3, 11, 2},
            {11, 4, 7, 11, 2, 4, 2, 0, 4},
            {9, 0, 1, 8, 4, 7, 2, 3, 11},
            {4, 7, 11, 9, 4, 11, 9, 11, 2, 9, 2, 1},
            {3, 10, 1, 3, 11, 10, 7, 8, 4},
            {1, 11, 10, 1, 4, 11, 1, 0, 4, 7, 11, 4},
            {4, 7, 8, 9, 0, 11, 9, 11, 10, 11, 0, 3},
            {4, 7, 11, 4, 11, 9, 9, 11, 10},
            {9, 5, 4},
            {9, 5, 4, 0, 8, 3},
            {0, 5, 4, 1, 5, 0},
            {8, 5, 4, 8, 3, 5, 3, 1, 5},
            {1, 2, 10, 9, 5, 4},
            {3, 0, 8, 1, 2, 10, 4, 9, 5},
            {5, 2, 10, 5, 4, 2, 4, 0, 2},
            {2, 10, 5, 3, 2, 5, 3, 5, 4, 3, 4, 8},
            {9, 5, 4, 2, 3, 11},
            {0, 11, 2, 0, 8, 11, 4, 9, 5},
            {0, 5, 4, 0, 1, 5, 2, 3, 11},
            {2, 1, 5, 2, 5, 8, 2, 8, 11, 4, 8, 5},
            {10, 3, 11, 10, 1, 3, 9, 5, 4},
            {4, 9, 5, 0, 8, 1, 8, 10, 1, 8, 11, 10},
            {5, 4, 0, 5, 0, 11, 5, 11, 10, 11, 0, 3},
            {5, 4, 8, 5, 8, 10, 10, 8, 11},
            {9, 7, 8, 5, 7, 9},
            {9, 3, 0, 9, 5, 3, 5, 7, 3},
            {0, 7, 8, 0, 1, 7, 1, 5, 7},
            {1, 5, 3, 3, 5, 7},
            {9, 7, 8, 9, 5, 7, 10, 1, 2},
            {10, 1, 2, 9, 5, 0, 5, 3, 0, 5, 7, 3},
            {8, 0, 2, 8, 2, 5, 8, 5, 7, 10, 5, 2},
            {2, 10, 5, 2, 5, 3, 3, 5, 7},
            {7, 9, 5, 7, 8, 9, 3, 11, 2},
            {9, 5, 7, 9, 7, 2, 9, 2, 0, 2, 7, 11},
            {2, 3, 11, 0, 1, 8, 1, 7, 8, 1, 5, 7},
            {11, 2, 1, 11, 1, 7, 7, 1, 5},
            {9, 5, 8, 8, 5, 7, 10, 1, 3, 10, 3, 11},
            {5, 7, 0, 5, 0, 9, 7, 11, 0, 1, 0, 10, 11, 10, 0},
            {11, 10, 0, 11, 0, 3, 10, 5, 0, 8, 0, 7, 5, 7, 0},
            {11, 10, 5, 7, 11, 5},
            {10, 6, 5},
            {0, 8, 3, 5, 10, 6},
            {9, 0, 1, 5, 10, 6},
            {1, 8, 3, 1, 9, 8, 5, 10, 6},
            {1, 6, 5, 2, 6, 1},
            {1, 6, 5, 1, 2, 6, 3, 0, 8},
            {9, 6, 5, 9, 0, 6, 0, 2, 6},
            {5, 9, 8, 5, 8, 2, 5, 2, 6, 3, 2, 8},
            {2, 3, 11, 10, 6, 5},
            {11, 0, 8, 11, 2, 0, 10, 6, 5},
            {0, 1, 9, 2, 3, 11, 5, 10, 6},
            {5, 10, 6, 1, 9, 2, 9, 11, 2, 9, 8, 11},
            {6, 3, 11, 6, 5, 3, 5, 1, 3},
            {0, 8, 11, 0, 11, 5, 0, 5, 1, 5, 11, 6},
            {3, 11, 6, 0, 3, 6, 0, 6, 5, 0, 5, 9},
            {6, 5, 9, 6, 9, 11, 11, 9, 8},
            {5, 10, 6, 4, 7, 8},
            {4, 3, 0, 4, 7, 3, 6, 5, 10},
            {1, 9, 0, 5, 10, 6, 8, 4, 7},
            {10, 6, 5, 1, 9, 7, 1, 7, 3, 7, 9, 4},
            {6, 1, 2, 6, 5, 1, 4, 7, 8},
            {1, 2, 5, 5, 2, 6, 3, 0, 4, 3, 4, 7},
            {8, 4, 7, 9, 0, 5, 0, 6, 5, 0, 2, 6},
            {7, 3, 9, 7, 9, 4, 3, 2, 9, 5, 9, 6, 2, 6, 9},
            {3, 11, 2, 7, 8, 4, 10, 6, 5},
            {5, 10, 6, 4, 7, 2, 4, 2, 0, 2, 7, 11},
            {0, 1, 9, 4, 7, 8, 2, 3, 11, 5, 10, 6},
            {9, 2, 1, 9, 11, 2, 9, 4, 11, 7, 11, 4, 5, 10, 6},
            {8, 4, 7, 3, 11, 5, 3, 5, 1, 5, 11, 6},
            {5, 1, 11, 5, 11, 6, 1, 0, 11, 7, 11, 4, 0, 4, 11},
            {0, 5, 9, 0, 6, 5, 0, 3, 6, 11, 6, 3, 8, 4, 7},
            {6, 5, 9, 6, 9, 11, 4, 7, 9, 7, 11, 9},
            {10, 4, 9, 6, 4, 10},
            {4, 10, 6, 4, 9, 10, 0, 8, 3},
            {10, 0, 1, 10, 6, 0, 6, 4, 0},
            {8, 3, 1, 8, 1, 6, 8, 6, 4, 6, 1, 10},
            {1, 4, 9, 1, 2, 4, 2, 6, 4},
            {3, 0, 8, 1, 2, 9, 2, 4, 9, 2, 6, 4},
            {0, 2, 4, 4, 2, 6},
            {8, 3, 2, 8, 2, 4, 4, 2, 6},
            {10, 4, 9, 10, 6, 4, 11, 2, 3},
            {0, 8, 2, 2, 8, 11, 4, 9, 10, 4, 10, 6},
            {3, 11, 2, 0, 1, 6, 0, 6, 4, 6, 1, 10},
            {6, 4, 1, 6, 1, 10, 4, 8, 1, 2, 1, 11, 8, 11, 1},
            {9, 6, 4, 9, 3, 6, 9, 1, 3, 11, 6, 3},
            {8, 11, 1, 8, 1, 0, 11, 6, 1, 9, 1, 4, 6, 4, 1},
            {3, 11, 6, 3, 6, 0, 0, 6, 4},
            {6, 4, 8, 11, 6, 8},
            {7, 10, 6, 7, 8, 10, 8, 9, 10},
            {0, 7, 3, 0, 10, 7, 0, 9, 10, 6, 7, 10},
            {10, 6, 7, 1, 10, 7, 1, 7, 8, 1, 8, 0},
            {10, 6, 7, 10, 7, 1, 1, 7, 3},
            {1, 2, 6, 1, 6, 8, 1, 8, 9, 8, 6, 7},
            {2, 6, 9, 2, 9, 1, 6, 7, 9, 0, 9, 3, 7, 3, 9},
            {7, 8, 0, 7, 0, 6, 6, 0, 2},
            {7, 3, 2, 6, 7, 2},
            {2, 3, 11, 10, 6, 8, 10, 8, 9, 8, 6, 7},
            {2, 0, 7, 2, 7, 11, 0, 9, 7, 6, 7, 10, 9, 10, 7},
            {1, 8, 0, 1, 7, 8, 1, 10, 7, 6, 7, 10, 2, 3, 11},
            {11, 2, 1, 11, 1, 7, 10, 6, 1, 6, 7, 1},
            {8, 9, 6, 8, 6, 7, 9, 1, 6, 11, 6, 3, 1, 3, 6},
            {0, 9, 1, 11, 6, 7},
            {7, 8, 0, 7, 0, 6, 3, 11, 0, 11, 6, 0},
            {7, 11, 6},
    };

    private MarchingCubes() {
    }

    /**
     * Meshes a mask.
     *
     * @param mask    true inside, {@code size[0]·size[1]·size[2]} entries, x (i) fastest, then y (j), then z (k)
     * @param size    voxels along x, y, z
     * @param spacing voxel size along x, y, z in mm
     * @return surface area, volume and the vertices (in z, y, x order, each edge's vertex once)
     */
    public static MeshMeasures mesh(boolean[] mask, int[] size, double[] spacing) {
        int nx = size[0], ny = size[1], nz = size[2];
        if (mask.length != nx * ny * nz) {
            throw new IllegalArgumentException("mask has " + mask.length + " voxels, size " + Arrays.toString(size)
                    + " needs " + nx * ny * nz);
        }
        // Padded copy, one voxel of background on each side.
        int px = nx + 2, py = ny + 2, pz = nz + 2;
        byte[] grid = new byte[px * py * pz];
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int row = ((k + 1) * py + j + 1) * px + 1;
                for (int i = 0; i < nx; i++, n++) {
                    if (mask[n]) {
                        grid[row + i] = 1;
                    }
                }
            }
        }
        int plane = px * py;
        double sz = spacing[2], sy = spacing[1], sx = spacing[0];

        double area = 0;
        double volume6 = 0;
        int[] vertices = new int[3 * 64];
        int nv = 0;
        double[] a = new double[3], b = new double[3], c = new double[3];
        for (int iz = 0; iz < pz - 1; iz++) {
            for (int iy = 0; iy < py - 1; iy++) {
                int base = (iz * py + iy) * px;
                // Corners p0, p3, p4, p7 (at x) are the previous cube's p1, p2, p5, p6 (at x + 1); only those at
                // x + 1 are read. Before the first cube they are padding (0).
                int corners = 0;
                for (int ix = 0; ix < px - 1; ix++) {
                    int next = base + ix + 1;
                    corners = (corners & 0x22) >> 1 | (corners & 0x44) << 1
                            | grid[next] << 1 | grid[next + px] << 2
                            | grid[next + plane] << 5 | grid[next + plane + px] << 6;
                    int idx = corners;
                    if (idx == 0 || idx == 0xff) {
                        continue;
                    }
                    int sign = 1;
                    if ((idx & 0x80) != 0) {
                        idx ^= 0xff;
                        sign = -1;
                    }
                    // Vertices on the edges 6, 7 and 11 (all meeting at p7, which is now outside): each grid edge
                    // belongs to exactly one cube this way, so every vertex is stored once.
                    if (nv + 9 > vertices.length) {
                        vertices = Arrays.copyOf(vertices, 2 * vertices.length);
                    }
                    if ((idx & (1 << 6)) != 0) {
                        nv = put(vertices, nv, iz, iy, ix, 6);
                    }
                    if ((idx & (1 << 4)) != 0) {
                        nv = put(vertices, nv, iz, iy, ix, 7);
                    }
                    if ((idx & (1 << 3)) != 0) {
                        nv = put(vertices, nv, iz, iy, ix, 11);
                    }
                    int[] tri = TRIANGLES[idx];
                    for (int t = 0; t < tri.length; t += 3) {
                        point(a, iz, iy, ix, tri[t], sz, sy, sx);
                        point(b, iz, iy, ix, tri[t + 1], sz, sy, sx);
                        point(c, iz, iy, ix, tri[t + 2], sz, sy, sx);
                        volume6 += sign * tripleProduct(a, b, c);
                        area += triangleArea(a, b, c);
                    }
                }
            }
        }
        return new MeshMeasures(area, volume6 / 6, new HalfGridPoints(3, vertices, nv / 3, new double[] {sz, sy, sx}));
    }

    private static int put(int[] v, int nv, int iz, int iy, int ix, int edge) {
        int[] m = EDGE_MIDPOINT_2X[edge];
        v[nv] = 2 * iz + m[0];
        v[nv + 1] = 2 * iy + m[1];
        v[nv + 2] = 2 * ix + m[2];
        return nv + 3;
    }

    /** Physical position (z, y, x) of an edge's midpoint in the cube at (iz, iy, ix). */
    private static void point(double[] p, int iz, int iy, int ix, int edge, double sz, double sy, double sx) {
        int[] m = EDGE_MIDPOINT_2X[edge];
        p[0] = (iz + m[0] * 0.5) * sz;
        p[1] = (iy + m[1] * 0.5) * sy;
        p[2] = (ix + m[2] * 0.5) * sx;
    }

    /** (a × b) · c, six times the signed volume of the tetrahedron (O, a, b, c). */
    static double tripleProduct(double[] a, double[] b, double[] c) {
        double x = a[1] * b[2] - b[1] * a[2];
        double y = a[2] * b[0] - b[2] * a[0];
        double z = a[0] * b[1] - b[0] * a[1];
        return x * c[0] + y * c[1] + z * c[2];
    }

    /** |(a − c) × (b − c)| / 2. */
    static double triangleArea(double[] a, double[] b, double[] c) {
        double ax = a[0] - c[0], ay = a[1] - c[1], az = a[2] - c[2];
        double bx = b[0] - c[0], by = b[1] - c[1], bz = b[2] - c[2];
        double x = ay * bz - by * az;
        double y = az * bx - bz * ax;
        double z = ax * by - bx * ay;
        return 0.5 * Math.sqrt(x * x + y * y + z * z);
    }
}
