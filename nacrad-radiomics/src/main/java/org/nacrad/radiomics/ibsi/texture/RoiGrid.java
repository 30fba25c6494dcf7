package org.nacrad.radiomics.ibsi.texture;

import java.util.ArrayList;
import java.util.List;

import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;

/**
 * The discretised ROI cropped to the bounding box of its masks and padded with {@code pad} empty voxels on every
 * side, so that every neighbour lookup within the families' reach lands inside the array (no bounds checks in the
 * hot loops). Grey level 0 marks a voxel outside the intensity mask, including the padding.
 *
 * <p>The intensity-mask voxels are listed in raster order (x fastest, z slowest), so the voxels of slice z are
 * {@code roi[sliceStart[z]] … roi[sliceStart[z + 1] − 1]}. All indices are into the padded grid.
 */
final class RoiGrid {

    /** Padded grid size. */
    final int nx, ny, nz;
    /** Width of the empty border. */
    final int pad;
    /** N_g. */
    final int levelCount;
    /** Grey level per padded voxel, 0 outside the intensity mask. */
    final int[] level;
    /** The morphological mask per padded voxel. */
    final boolean[] morph;
    /** Padded indices of the intensity-mask voxels, in raster order. */
    final int[] roi;
    /** {@code roi} index where each padded slice starts; length {@code nz + 1}. */
    final int[] sliceStart;
    /** The longest line through the cropped box: bounds run lengths. */
    final int longestLine;

    private RoiGrid(int nx, int ny, int nz, int pad, int levelCount, int[] level, boolean[] morph, int[] roi,
            int[] sliceStart, int longestLine) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.pad = pad;
        this.levelCount = levelCount;
        this.level = level;
        this.morph = morph;
        this.roi = roi;
        this.sliceStart = sliceStart;
        this.longestLine = longestLine;
    }

    /**
     * Crops and pads an input.
     *
     * @throws IllegalArgumentException when a grey level lies outside 0..N_g, or a voxel of the intensity mask lies
     *                                  outside the morphological mask
     */
    static RoiGrid of(TextureInput in, int pad) {
        int ng = in.levelCount();
        int[] lv = in.levels();
        boolean[] mm = in.morphMask();
        int sx = in.nx(), sy = in.ny(), sz = in.nz();
        int x0 = sx, y0 = sy, z0 = sz, x1 = -1, y1 = -1, z1 = -1;
        for (int z = 0, row = 0; z < sz; z++) {
            for (int y = 0; y < sy; y++, row += sx) {
                // the bounding box of both masks, one row at a time: most rows of a full image are empty
                int first = -1;
                int last = -1;
                for (int x = 0; x < sx; x++) {
                    if (lv[row + x] != 0 || mm[row + x]) {
                        if (first < 0) {
                            first = x;
                        }
                        last = x;
                    }
                }
                if (first < 0) {
                    continue;
                }
                for (int x = first; x <= last; x++) {
                    int g = lv[row + x];
                    if (g < 0 || g > ng) {
                        throw new IllegalArgumentException("grey level " + g + " at voxel (" + x + ", " + y + ", " + z
                                + ") is outside 0..N_g = " + ng);
                    }
                    if (g > 0 && !mm[row + x]) {
                        throw new IllegalArgumentException("voxel (" + x + ", " + y + ", " + z + ") is in the "
                                + "intensity mask but not in the morphological mask");
                    }
                }
                x0 = Math.min(x0, first);
                x1 = Math.max(x1, last);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                z0 = Math.min(z0, z);
                z1 = Math.max(z1, z);
            }
        }
        if (x1 < 0) {
            x0 = y0 = z0 = 0;
            x1 = y1 = z1 = 0;
        }
        int bx = x1 - x0 + 1, by = y1 - y0 + 1, bz = z1 - z0 + 1;
        int nx = bx + 2 * pad, ny = by + 2 * pad, nz = bz + 2 * pad;
        long total = (long) nx * ny * nz;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ROI bounding box " + bx + "x" + by + "x" + bz + " is too large");
        }
        int[] level = new int[(int) total];
        boolean[] morph = new boolean[(int) total];
        int count = 0;
        for (int z = 0; z < bz; z++) {
            for (int y = 0; y < by; y++) {
                int src = in.index(x0, y0 + y, z0 + z);
                int dst = pad + nx * (pad + y + ny * (pad + z));
                for (int x = 0; x < bx; x++) {
                    level[dst + x] = lv[src + x];
                    morph[dst + x] = mm[src + x];
                    if (lv[src + x] > 0) {
                        count++;
                    }
                }
            }
        }
        int[] roi = new int[count];
        int[] sliceStart = new int[nz + 1];
        int r = 0;
        int slice = nx * ny;
        for (int z = 0; z < nz; z++) {
            sliceStart[z] = r;
            for (int v = z * slice, end = v + slice; v < end; v++) {
                if (level[v] > 0) {
                    roi[r++] = v;
                }
            }
        }
        sliceStart[nz] = r;
        return new RoiGrid(nx, ny, nz, pad, ng, level, morph, roi, sliceStart, Math.max(bx, Math.max(by, bz)));
    }

    /** The index step of offset (dx, dy, dz). */
    int offset(int dx, int dy, int dz) {
        return dx + nx * (dy + ny * dz);
    }

    /** The number of intensity-mask voxels of padded slice z. */
    int sliceVoxels(int z) {
        return sliceStart[z + 1] - sliceStart[z];
    }

    /**
     * The index steps of a neighbourhood: all offsets m ≠ 0 with ‖m‖ ≤ δ under the norm, in-plane (m<sub>z</sub> = 0)
     * when {@code inPlane}.
     */
    int[] neighbourhood(Norm norm, int delta, boolean inPlane) {
        if (delta > pad) {
            throw new IllegalStateException("neighbourhood " + delta + " exceeds the padding " + pad);
        }
        List<Integer> steps = new ArrayList<>();
        int dzMax = inPlane ? 0 : delta;
        for (int dz = -dzMax; dz <= dzMax; dz++) {
            for (int dy = -delta; dy <= delta; dy++) {
                for (int dx = -delta; dx <= delta; dx++) {
                    if ((dx != 0 || dy != 0 || dz != 0) && norm.within(dx, dy, dz, delta)) {
                        steps.add(offset(dx, dy, dz));
                    }
                }
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 13 direction vectors of Chebyshev length 1 in 3D (one of each ± pair), as IBSI lists them. */
    static final int[][] DIRECTIONS_3D = {
        {0, 0, 1}, {0, 1, 0}, {1, 0, 0}, {0, 1, 1}, {0, 1, -1}, {1, 0, 1}, {1, 0, -1}, {1, 1, 0}, {1, -1, 0},
        {1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}};

    /** The 4 in-plane direction vectors (1,0), (1,1), (0,1), (−1,1), as IBSI lists them. */
    static final int[][] DIRECTIONS_2D = {{1, 0, 0}, {1, 1, 0}, {0, 1, 0}, {-1, 1, 0}};

    /** The index steps of direction vectors multiplied by δ. */
    int[] steps(int[][] directions, int delta) {
        if (delta > pad) {
            throw new IllegalStateException("distance " + delta + " exceeds the padding " + pad);
        }
        int[] s = new int[directions.length];
        for (int d = 0; d < s.length; d++) {
            s[d] = offset(delta * directions[d][0], delta * directions[d][1], delta * directions[d][2]);
        }
        return s;
    }
}
