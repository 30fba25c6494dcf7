package org.nacrad.radiomics.mesh;

import java.util.Arrays;

/**
 * Marching squares on a 2D binary mask, as PyRadiomics builds the contour of its {@code shape2D} features
 * ({@code radiomics/src/cshape.c}, {@code calculate_coefficients2D}).
 *
 * <p>Worked example (also a unit test): a single pixel of 1 × 1 mm. Each of the 4 squares around it cuts its inside
 * corner off with a segment of length √2/2 joining two edge midpoints; the contour is the diamond |r| + |c| ≤ ½:
 * Perimeter = 2√2 ≈ 2.8284271, Surface = ½, MaximumDiameter = 1, 4 vertices.
 *
 * <p>The mask is padded with one pixel of background and a 2×2 square marches over it; its corners p0…p3 (row,
 * column: (0,0), (0,1), (1,1), (1,0)) give bits 0…3 of the square index. Edge e joins corners e and e+1 (mod 4); a
 * contour vertex is the midpoint of an edge whose corners differ. Each run of consecutive inside corners (cyclic
 * order) is cut off by one segment from the edge before the run to the edge after it, so on a square with two
 * diagonal corners inside the two corners are separated (the 16 cases are generated from this rule, {@link #LINES}).
 * Surface = Σ (a × b) / 2 over the segments (a, b) (shoelace formula: segments run counter-clockwise around the
 * inside in (row, column) axes), Perimeter = Σ |b − a|.
 */
public final class MarchingSquares {

    /** Corner offsets (row, column) of the square, p0…p3. */
    static final int[][] CORNERS = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};

    /** Doubled offsets (row, column) of each edge's midpoint; edge e joins corners e and (e + 1) mod 4. */
    static final int[][] EDGE_MIDPOINT_2X = new int[4][2];

    /** Segments of each case as pairs of edge numbers (from, to). */
    static final int[][] LINES = new int[16][];

    static {
        for (int e = 0; e < 4; e++) {
            for (int d = 0; d < 2; d++) {
                EDGE_MIDPOINT_2X[e][d] = CORNERS[e][d] + CORNERS[(e + 1) % 4][d];
            }
        }
        for (int idx = 0; idx < 16; idx++) {
            int[] lines = new int[4];
            int n = 0;
            if (idx != 15) {
                for (int c = 0; c < 4; c++) {
                    boolean in = (idx & (1 << c)) != 0;
                    boolean previousIn = (idx & (1 << ((c + 3) % 4))) != 0;
                    if (in && !previousIn) {
                        int last = c;
                        while ((idx & (1 << ((last + 1) % 4))) != 0) {
                            last = (last + 1) % 4;
                        }
                        lines[n++] = (c + 3) % 4; // edge before the run: joins corners c-1 and c
                        lines[n++] = last;        // edge after the run: joins corners last and last+1
                    }
                }
            }
            LINES[idx] = Arrays.copyOf(lines, n);
        }
    }

    private MarchingSquares() {
    }

    /**
     * Contours a 2D mask.
     *
     * @param mask    true inside, {@code rows · columns} entries, column index fastest
     * @param rows    pixels along the first (slow) axis
     * @param columns pixels along the second (fast) axis
     * @param spacing pixel size along rows and columns, in that order, in mm
     * @return perimeter, enclosed surface and the vertices (row, column), each once
     */
    public static ContourMeasures contour(boolean[] mask, int rows, int columns, double[] spacing) {
        if (mask.length != rows * columns) {
            throw new IllegalArgumentException("mask has " + mask.length + " pixels, " + rows + " × " + columns
                    + " needs " + rows * columns);
        }
        int pr = rows + 2, pc = columns + 2;
        byte[] grid = new byte[pr * pc];
        for (int r = 0, n = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++, n++) {
                if (mask[n]) {
                    grid[(r + 1) * pc + c + 1] = 1;
                }
            }
        }
        int[] cornerOffset = new int[4];
        for (int q = 0; q < 4; q++) {
            cornerOffset[q] = CORNERS[q][0] * pc + CORNERS[q][1];
        }
        double s0 = spacing[0], s1 = spacing[1];
        double perimeter = 0;
        double surface2 = 0;
        int[] vertices = new int[2 * 64];
        int nv = 0;
        for (int iy = 0; iy < pr - 1; iy++) {
            for (int ix = 0; ix < pc - 1; ix++) {
                int base = iy * pc + ix;
                int idx = 0;
                for (int q = 0; q < 4; q++) {
                    idx |= grid[base + cornerOffset[q]] << q;
                }
                if (idx == 0 || idx == 0xF) {
                    continue;
                }
                int[] lines = LINES[idx];
                for (int t = 0; t < lines.length; t += 2) {
                    int[] ea = EDGE_MIDPOINT_2X[lines[t]], eb = EDGE_MIDPOINT_2X[lines[t + 1]];
                    double a0 = (iy + ea[0] * 0.5) * s0, a1 = (ix + ea[1] * 0.5) * s1;
                    double b0 = (iy + eb[0] * 0.5) * s0, b1 = (ix + eb[1] * 0.5) * s1;
                    surface2 += a0 * b1 - b0 * a1;
                    double d0 = a0 - b0, d1 = a1 - b1;
                    perimeter += Math.sqrt(d0 * d0 + d1 * d1);
                }
                // Vertices on edges 3 and 2 (meeting at p3): each grid edge belongs to one square this way.
                if (idx > 7) {
                    idx ^= 0xF;
                }
                if (nv + 4 > vertices.length) {
                    vertices = Arrays.copyOf(vertices, 2 * vertices.length);
                }
                if ((idx & 1) != 0) {
                    vertices[nv++] = 2 * iy + EDGE_MIDPOINT_2X[3][0];
                    vertices[nv++] = 2 * ix + EDGE_MIDPOINT_2X[3][1];
                }
                if ((idx & 4) != 0) {
                    vertices[nv++] = 2 * iy + EDGE_MIDPOINT_2X[2][0];
                    vertices[nv++] = 2 * ix + EDGE_MIDPOINT_2X[2][1];
                }
            }
        }
        return new ContourMeasures(perimeter, surface2 / 2, new HalfGridPoints(2, vertices, nv / 2,
                new double[] {s0, s1}));
    }
}
