package org.nacrad.radiomics.ibsi.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The convex hull of points on an integer lattice (the doubled coordinates of marching-cubes vertices, which lie on
 * the half-voxel grid), by the incremental algorithm with exact integer orientation tests (de Berg et al.,
 * Computational Geometry, 3rd ed., §11.2, without the conflict graph), and its volume and surface area after
 * scaling each axis.
 *
 * <p>Exact arithmetic makes the degenerate configurations of lattice points (many coplanar and collinear points)
 * safe: a point is added only when it lies strictly outside a face, so coplanar points never split faces. Only
 * points extreme on their lattice line along x, y and z can be hull vertices (a point between two others on a line
 * is inside their segment), so the others are dropped first. Written by hand: no Java library in the project's
 * dependencies computes 3D hulls.
 *
 * <p>Worked example (also a unit test): the 8 corners of a 2 × 3 × 4 box plus its centre: 12 triangles, volume 24,
 * area 2(6 + 8 + 12) = 52.
 */
public final class ConvexHull3D {

    private final long[] pts;
    private final List<int[]> faces;

    /**
     * @param coordinates x, y, z of each point, point after point (integers; |values| below 2²⁰)
     * @param count       number of points
     */
    public ConvexHull3D(int[] coordinates, int count) {
        int[] keep = extremePoints(coordinates, count);
        pts = new long[3 * keep.length];
        for (int i = 0; i < keep.length; i++) {
            for (int a = 0; a < 3; a++) {
                pts[3 * i + a] = coordinates[3 * keep[i] + a];
            }
        }
        faces = build(keep.length);
    }

    /** Indices of the points extreme (first or last) on their lattice line along each axis. */
    private static int[] extremePoints(int[] c, int count) {
        boolean[] keep = new boolean[count];
        java.util.Arrays.fill(keep, true);
        for (int a = 0; a < 3; a++) {
            int b = (a + 1) % 3, d = (a + 2) % 3;
            Map<Long, int[]> ends = new HashMap<>();
            for (int i = 0; i < count; i++) {
                long key = ((long) c[3 * i + b] << 32) ^ (c[3 * i + d] & 0xffffffffL);
                int[] e = ends.get(key);
                if (e == null) {
                    ends.put(key, new int[] {i, i});
                } else {
                    if (c[3 * i + a] < c[3 * e[0] + a]) {
                        e[0] = i;
                    }
                    if (c[3 * i + a] > c[3 * e[1] + a]) {
                        e[1] = i;
                    }
                }
            }
            boolean[] extreme = new boolean[count];
            for (int[] e : ends.values()) {
                extreme[e[0]] = true;
                extreme[e[1]] = true;
            }
            for (int i = 0; i < count; i++) {
                keep[i] &= extreme[i];
            }
        }
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        int[] out = new int[n];
        for (int i = 0, j = 0; i < count; i++) {
            if (keep[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** Six times the signed volume of (a, b, c, d): positive when d is above the plane of a, b, c (right-hand rule). */
    private long orient(int a, int b, int c, int d) {
        long ax = pts[3 * a], ay = pts[3 * a + 1], az = pts[3 * a + 2];
        long bx = pts[3 * b] - ax, by = pts[3 * b + 1] - ay, bz = pts[3 * b + 2] - az;
        long cx = pts[3 * c] - ax, cy = pts[3 * c + 1] - ay, cz = pts[3 * c + 2] - az;
        long dx = pts[3 * d] - ax, dy = pts[3 * d + 1] - ay, dz = pts[3 * d + 2] - az;
        return (by * cz - bz * cy) * dx + (bz * cx - bx * cz) * dy + (bx * cy - by * cx) * dz;
    }

    private List<int[]> build(int n) {
        List<int[]> result = new ArrayList<>();
        if (n < 4) {
            return result;
        }
        // a non-degenerate tetrahedron
        int p0 = 0, p1 = -1, p2 = -1, p3 = -1;
        for (int i = 1; i < n && p1 < 0; i++) {
            if (pts[3 * i] != pts[0] || pts[3 * i + 1] != pts[1] || pts[3 * i + 2] != pts[2]) {
                p1 = i;
            }
        }
        if (p1 < 0) {
            return result;
        }
        for (int i = 0; i < n && p2 < 0; i++) {
            long ux = pts[3 * p1] - pts[0], uy = pts[3 * p1 + 1] - pts[1], uz = pts[3 * p1 + 2] - pts[2];
            long vx = pts[3 * i] - pts[0], vy = pts[3 * i + 1] - pts[1], vz = pts[3 * i + 2] - pts[2];
            if (uy * vz - uz * vy != 0 || uz * vx - ux * vz != 0 || ux * vy - uy * vx != 0) {
                p2 = i;
            }
        }
        if (p2 < 0) {
            return result;
        }
        for (int i = 0; i < n && p3 < 0; i++) {
            if (orient(p0, p1, p2, i) != 0) {
                p3 = i;
            }
        }
        if (p3 < 0) {
            return result; // all coplanar: no volume
        }
        List<int[]> f = new ArrayList<>();
        if (orient(p0, p1, p2, p3) > 0) {
            int t = p1;
            p1 = p2;
            p2 = t;
        }
        f.add(new int[] {p0, p1, p2});
        f.add(new int[] {p0, p3, p1});
        f.add(new int[] {p1, p3, p2});
        f.add(new int[] {p2, p3, p0});
        for (int i = 0; i < n; i++) {
            if (i == p0 || i == p1 || i == p2 || i == p3) {
                continue;
            }
            List<int[]> visible = new ArrayList<>();
            List<int[]> kept = new ArrayList<>(f.size());
            for (int[] face : f) {
                if (orient(face[0], face[1], face[2], i) > 0) {
                    visible.add(face);
                } else {
                    kept.add(face);
                }
            }
            if (visible.isEmpty()) {
                continue;
            }
            // horizon: edges of visible faces whose reverse belongs to no visible face
            java.util.Set<Long> visibleEdges = new java.util.HashSet<>();
            for (int[] face : visible) {
                for (int e = 0; e < 3; e++) {
                    visibleEdges.add(edge(face[e], face[(e + 1) % 3]));
                }
            }
            for (int[] face : visible) {
                for (int e = 0; e < 3; e++) {
                    int a = face[e], b = face[(e + 1) % 3];
                    if (!visibleEdges.contains(edge(b, a))) {
                        kept.add(new int[] {a, b, i});
                    }
                }
            }
            f = kept;
        }
        return f;
    }

    private static long edge(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /** Number of triangles of the hull (0 when the points are coplanar). */
    public int faceCount() {
        return faces.size();
    }

    /** The hull's vertices as indices into the kept points' coordinates, each once. */
    public int[] vertexCoordinates() {
        java.util.BitSet used = new java.util.BitSet();
        for (int[] face : faces) {
            for (int v : face) {
                used.set(v);
            }
        }
        int[] out = new int[3 * used.cardinality()];
        int j = 0;
        for (int v = used.nextSetBit(0); v >= 0; v = used.nextSetBit(v + 1)) {
            for (int a = 0; a < 3; a++) {
                out[j++] = (int) pts[3 * v + a];
            }
        }
        return out;
    }

    /** Volume after multiplying coordinate a by {@code scale[a]}. */
    public double volume(double[] scale) {
        double v = 0;
        for (int[] face : faces) {
            double[] a = point(face[0], scale), b = point(face[1], scale), c = point(face[2], scale);
            v += a[0] * (b[1] * c[2] - b[2] * c[1]) + a[1] * (b[2] * c[0] - b[0] * c[2])
                    + a[2] * (b[0] * c[1] - b[1] * c[0]);
        }
        return Math.abs(v) / 6;
    }

    /** Surface area after multiplying coordinate a by {@code scale[a]}. */
    public double area(double[] scale) {
        double s = 0;
        for (int[] face : faces) {
            double[] a = point(face[0], scale), b = point(face[1], scale), c = point(face[2], scale);
            double ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
            double vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
            double x = uy * vz - uz * vy, y = uz * vx - ux * vz, z = ux * vy - uy * vx;
            s += 0.5 * Math.sqrt(x * x + y * y + z * z);
        }
        return s;
    }

    private double[] point(int i, double[] scale) {
        return new double[] {pts[3 * i] * scale[0], pts[3 * i + 1] * scale[1], pts[3 * i + 2] * scale[2]};
    }
}
