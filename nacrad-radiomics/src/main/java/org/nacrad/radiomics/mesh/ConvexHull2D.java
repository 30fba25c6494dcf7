package org.nacrad.radiomics.mesh;

/**
 * Vertices of the convex hull of integer points in the plane: Andrew's monotone chain, in exact integer arithmetic.
 *
 * <p>Worked example (also a unit test): of the 3 × 3 grid {0, 1, 2}², only the four corners are hull vertices;
 * points on the hull's edges are not vertices (collinear points are dropped).
 *
 * <p>Reference: Andrew AM. Another efficient algorithm for convex hulls in two dimensions. Inf Process Lett
 * 1979;9(5):216-219. Written by hand: it is a dozen lines on exact integer coordinates, which is what the exact
 * diameters need, where the library hulls (Commons Math {@code MonotoneChain}) work in floating point.
 */
public final class ConvexHull2D {

    private ConvexHull2D() {
    }

    /**
     * Hull vertices of points sorted by (u, v), distinct.
     *
     * @param u    first coordinates, sorted ascending (ties broken by v ascending), |u| < 2³⁰
     * @param v    second coordinates, |v| < 2³⁰
     * @param from first point (inclusive)
     * @param to   last point (exclusive)
     * @param out  receives the indices of the hull vertices (capacity ≥ to − from + 1)
     * @return number of hull vertices written to {@code out} (all points if fewer than 3 and distinct)
     */
    public static int vertices(int[] u, int[] v, int from, int to, int[] out) {
        int n = to - from;
        if (n <= 2) {
            for (int i = 0; i < n; i++) {
                out[i] = from + i;
            }
            return n;
        }
        int k = 0;
        for (int i = from; i < to; i++) { // lower chain
            while (k >= 2 && cross(u, v, out[k - 2], out[k - 1], i) <= 0) {
                k--;
            }
            out[k++] = i;
        }
        for (int i = to - 2, lower = k + 1; i >= from; i--) { // upper chain
            while (k >= lower && cross(u, v, out[k - 2], out[k - 1], i) <= 0) {
                k--;
            }
            out[k++] = i;
        }
        return k - 1; // the first point was added again at the end
    }

    /** (b − a) × (c − a), positive for a counter-clockwise turn. */
    private static long cross(int[] u, int[] v, int a, int b, int c) {
        return (long) (u[b] - u[a]) * (v[c] - v[a]) - (long) (v[b] - v[a]) * (u[c] - u[a]);
    }
}
