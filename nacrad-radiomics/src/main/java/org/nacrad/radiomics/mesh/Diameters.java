package org.nacrad.radiomics.mesh;

import java.util.Arrays;

/**
 * Maximum distances between mesh vertices, as PyRadiomics defines them ({@code calculate_meshDiameter}): the largest
 * distance between any two vertices (Maximum3DDiameter), and between two vertices with equal z (Slice), equal y
 * (Column) or equal x (Row).
 *
 * <p>Worked example (also a unit test): a box of 2 × 3 × 4 voxels of 1 mm along x, y, z (voxel centres x ∈ {0, 1},
 * y ∈ {0, 1, 2}, z ∈ {0, …, 3}). Its vertices are the centres of its outer voxel faces. Maximum3DDiameter:
 * (x, y, z) = (0, 0, −½)–(1, 2, 3½), √(1 + 4 + 16) = √21; Slice (equal z): (0, −½)–(1, 2½) in (x, y), √10; Column
 * (equal y): (0, −½)–(1, 3½) in (x, z), √17; Row (equal x): (0, −½)–(2, 3½) in (y, z), √20.
 *
 * <p>PyRadiomics compares all pairs of vertices, O(n²). The same maxima are found exactly from far fewer points:
 * <ul>
 *   <li>the largest distance within a set is attained between two vertices of its convex hull (the distance to a
 *       fixed point is a convex function, so its maximum over a polytope is attained at a vertex);</li>
 *   <li>a point that is not a vertex of the 2D hull of the vertices in its own plane (z, y or x constant) is a
 *       convex combination of other vertices of that plane, so it is not a vertex of the 3D hull either; in
 *       particular a point strictly between two others on an axis-parallel line is not.</li>
 * </ul>
 * So: one O(n) pass keeps the two ends of each axis-parallel line of vertices; the 2D diameters are taken over the 2D
 * hull vertices of each plane ({@link ConvexHull2D}, exact integer arithmetic on the doubled coordinates; spacing
 * only scales each axis, which preserves hulls); the 3D diameter over the points that are 2D hull vertices in all
 * three of their planes (124 of brain1's 5 094 vertices). Distances are computed as PyRadiomics computes them
 * (squared differences summed in z, y, x order, square root of the maximum), so the results equal PyRadiomics' to
 * the last bit ({@code DiametersTest} compares them with all pairs).
 */
public final class Diameters {

    private Diameters() {
    }

    /**
     * Diameters of 3D mesh vertices.
     *
     * @param p vertices in z, y, x order
     * @return {Slice (equal z), Column (equal y), Row (equal x), 3D}, in mm; zeros for fewer than 2 vertices
     */
    public static double[] feret3D(HalfGridPoints p) {
        if (p.dimension() != 3) {
            throw new IllegalArgumentException("feret3D needs 3D points, got " + p.dimension() + "D");
        }
        int n = p.count();
        double[] out = new double[4];
        if (n < 2) {
            return out;
        }
        int[] h = p.halfCoordinates();
        double[] s = p.spacing();
        boolean[][] extreme = lineEnds(h, n);
        // A point is a 3D hull candidate when it is a 2D hull vertex in its z-, y- and x-plane.
        long[][] hullVertices = new long[3][];
        for (int axis = 0; axis < 3; axis++) {
            int u = axis == 0 ? 1 : 0;
            int v = axis == 2 ? 1 : 2;
            // Only a point at an end of both in-plane lines through it can be a vertex of its plane's hull.
            long[] keys = new long[n];
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (extreme[u][i] && extreme[v][i]) {
                    keys[kept++] = pack(h[3 * i + axis], h[3 * i + u], h[3 * i + v]);
                }
            }
            Arrays.sort(keys, 0, kept);
            int[] cu = new int[kept], cv = new int[kept], idx = new int[kept + 1];
            for (int i = 0; i < kept; i++) {
                cu[i] = unpack(keys[i], 1);
                cv[i] = unpack(keys[i], 2);
            }
            long[] found = new long[kept];
            int nf = 0;
            double planeMax = 0;
            int[] full = new int[3];
            for (int start = 0; start < kept; ) {
                int plane = unpack(keys[start], 0);
                int end = start + 1;
                while (end < kept && unpack(keys[end], 0) == plane) {
                    end++;
                }
                int m = ConvexHull2D.vertices(cu, cv, start, end, idx);
                double[][] xyz = new double[m][3];
                for (int q = 0; q < m; q++) {
                    full[axis] = plane;
                    full[u] = cu[idx[q]];
                    full[v] = cv[idx[q]];
                    found[nf++] = pack(full[0], full[1], full[2]);
                    for (int d = 0; d < 3; d++) {
                        xyz[q][d] = full[d] * 0.5 * s[d];
                    }
                }
                planeMax = Math.max(planeMax, maxSquaredDistance(xyz, m));
                start = end;
            }
            out[axis] = Math.sqrt(planeMax);
            hullVertices[axis] = Arrays.copyOf(found, nf);
            Arrays.sort(hullVertices[axis]);
        }
        long[] candidates = intersect(intersect(hullVertices[0], hullVertices[1]), hullVertices[2]);
        double[][] xyz = new double[candidates.length][3];
        for (int q = 0; q < candidates.length; q++) {
            for (int d = 0; d < 3; d++) {
                xyz[q][d] = unpack(candidates[q], d) * 0.5 * s[d];
            }
        }
        out[3] = Math.sqrt(maxSquaredDistance(xyz, candidates.length));
        return out;
    }

    /**
     * For each axis d and point i, whether i is the first or last point (smallest or largest coordinate d) among the
     * points on the line through it parallel to axis d. A point strictly between two others on such a line is not a
     * hull vertex of any point set containing that line's points. O(n) with dense per-line arrays.
     */
    private static boolean[][] lineEnds(int[] h, int n) {
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i < 3 * n; i++) {
            min[i % 3] = Math.min(min[i % 3], h[i]);
            max[i % 3] = Math.max(max[i % 3], h[i]);
        }
        boolean[][] ends = new boolean[3][n];
        for (int d = 0; d < 3; d++) {
            int a = (d + 1) % 3, b = (d + 2) % 3;
            int stride = max[b] - min[b] + 1;
            int lines = (max[a] - min[a] + 1) * stride;
            int[] lo = new int[lines], hi = new int[lines];
            Arrays.fill(lo, Integer.MAX_VALUE);
            Arrays.fill(hi, Integer.MIN_VALUE);
            for (int i = 0; i < n; i++) {
                int line = (h[3 * i + a] - min[a]) * stride + h[3 * i + b] - min[b];
                lo[line] = Math.min(lo[line], h[3 * i + d]);
                hi[line] = Math.max(hi[line], h[3 * i + d]);
            }
            for (int i = 0; i < n; i++) {
                int line = (h[3 * i + a] - min[a]) * stride + h[3 * i + b] - min[b];
                ends[d][i] = h[3 * i + d] == lo[line] || h[3 * i + d] == hi[line];
            }
        }
        return ends;
    }

    /**
     * Diameter of 2D contour vertices (largest distance between any two).
     *
     * @param p vertices (row, column)
     * @return the diameter in mm; 0 for fewer than 2 vertices
     */
    public static double feret2D(HalfGridPoints p) {
        if (p.dimension() != 2) {
            throw new IllegalArgumentException("feret2D needs 2D points, got " + p.dimension() + "D");
        }
        int n = p.count();
        if (n < 2) {
            return 0;
        }
        int[] h = p.halfCoordinates();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = pack(0, h[2 * i], h[2 * i + 1]);
        }
        Arrays.sort(keys);
        int[] cu = new int[n], cv = new int[n], idx = new int[n + 1];
        for (int i = 0; i < n; i++) {
            cu[i] = unpack(keys[i], 1);
            cv[i] = unpack(keys[i], 2);
        }
        int m = ConvexHull2D.vertices(cu, cv, 0, n, idx);
        double[][] xy = new double[m][2];
        for (int q = 0; q < m; q++) {
            xy[q][0] = cu[idx[q]] * 0.5 * p.spacing()[0];
            xy[q][1] = cv[idx[q]] * 0.5 * p.spacing()[1];
        }
        return Math.sqrt(maxSquaredDistance(xy, m));
    }

    /** Largest squared distance over all pairs, the squares summed in coordinate order. */
    static double maxSquaredDistance(double[][] pts, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double[] a = pts[i];
            for (int j = i + 1; j < n; j++) {
                double[] b = pts[j];
                double d = 0;
                for (int k = 0; k < a.length; k++) {
                    double t = a[k] - b[k];
                    d += t * t;
                }
                if (d > max) {
                    max = d;
                }
            }
        }
        return max;
    }

    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;

    private static long pack(int a, int b, int c) {
        if ((a | b | c) < 0 || a > MASK || b > MASK || c > MASK) {
            throw new IllegalArgumentException("mesh too large for diameters: coordinate beyond 2^20 voxels");
        }
        return ((long) a << (2 * BITS)) | ((long) b << BITS) | c;
    }

    private static int unpack(long key, int which) {
        return (int) ((key >>> ((2 - which) * BITS)) & MASK);
    }

    private static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
