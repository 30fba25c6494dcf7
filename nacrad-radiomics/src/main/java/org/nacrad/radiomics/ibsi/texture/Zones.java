package org.nacrad.radiomics.ibsi.texture;

/**
 * The zones of an ROI: maximal sets of intensity-mask voxels of one grey level joined through linked neighbours
 * (GLSZM and GLDZM share them), with each zone's grey level, size and smallest distance to the ROI edge.
 *
 * <p>Zones are grown from each unvisited voxel with an explicit int stack (no recursion). With in-plane link steps
 * (2D and 2.5D) a zone never leaves its slice, so labelling the whole grid once gives every slice's zones, listed
 * slice by slice in raster order.
 */
final class Zones {

    /** Number of zones. */
    final int count;
    /** Per zone: grey level, voxel count, smallest distance-map value (0 when no distance map was given). */
    final int[] level, size, distance;
    /** Per padded slice z: the zones of that slice are {@code sliceStart[z] .. sliceStart[z + 1] − 1} (2D). */
    final int[] sliceStart;

    private Zones(int count, int[] level, int[] size, int[] distance, int[] sliceStart) {
        this.count = count;
        this.level = level;
        this.size = size;
        this.distance = distance;
        this.sliceStart = sliceStart;
    }

    /**
     * Labels the zones of a grid.
     *
     * @param g        the ROI grid
     * @param links    index steps of the linked neighbours (symmetric set)
     * @param distance distance-map value per padded voxel, or {@code null}
     */
    static Zones of(RoiGrid g, int[] links, int[] distance) {
        int[] level = g.level;
        int[] roi = g.roi;
        boolean[] seen = new boolean[level.length];
        int[] stack = new int[Math.max(1, roi.length)];
        int[] zl = new int[Math.max(1, roi.length)];
        int[] zs = new int[zl.length];
        int[] zd = new int[zl.length];
        int[] sliceStart = new int[g.nz + 1];
        int zones = 0;
        for (int z = 0; z < g.nz; z++) {
            sliceStart[z] = zones;
            for (int r = g.sliceStart[z]; r < g.sliceStart[z + 1]; r++) {
                int seed = roi[r];
                if (seen[seed]) {
                    continue;
                }
                int a = level[seed];
                int top = 0;
                stack[top++] = seed;
                seen[seed] = true;
                int n = 0;
                int dmin = Integer.MAX_VALUE;
                while (top > 0) {
                    int v = stack[--top];
                    n++;
                    if (distance != null) {
                        dmin = Math.min(dmin, distance[v]);
                    }
                    for (int step : links) {
                        int w = v + step;
                        if (!seen[w] && level[w] == a) {
                            seen[w] = true;
                            stack[top++] = w;
                        }
                    }
                }
                zl[zones] = a;
                zs[zones] = n;
                zd[zones] = distance == null ? 0 : dmin;
                zones++;
            }
        }
        sliceStart[g.nz] = zones;
        return new Zones(zones, zl, zs, zd, sliceStart);
    }

    /**
     * The distance of each voxel of the morphological mask to the mask's edge, in steps between face neighbours
     * (Manhattan distance to the nearest voxel outside the mask, outside the grid counting as outside): 1 for a voxel
     * on the edge, 0 outside the mask. This is IBSI's distance map, the number of erosions with the 4- (2D) or
     * 6-connected (3D) structuring element a voxel survives plus one, computed exactly by the two raster passes of
     * Rosenfeld and Pfaltz's city-block distance transform.
     *
     * <p>Reference: Rosenfeld A, Pfaltz JL. Sequential operations in digital picture processing. J ACM
     * 1966;13(4):471–494.
     *
     * @param inPlane distances within each slice (2D, 2.5D) instead of in the volume (3D)
     */
    static int[] distanceMap(RoiGrid g, boolean inPlane) {
        boolean[] morph = g.morph;
        int[] d = new int[morph.length];
        int far = Integer.MAX_VALUE / 2;
        for (int v = 0; v < d.length; v++) {
            d[v] = morph[v] ? far : 0;
        }
        int sx = 1, sy = g.nx, sz = inPlane ? 0 : g.nx * g.ny;
        // the padding is outside the mask (distance 0), so the passes skip it and never index past the array
        for (int z = 1; z < g.nz - 1; z++) {
            for (int y = 1; y < g.ny - 1; y++) {
                for (int x = 1, v = g.offset(1, y, z); x < g.nx - 1; x++, v++) {
                    if (d[v] != 0) {
                        int m = Math.min(d[v - sx], d[v - sy]);
                        if (sz != 0) {
                            m = Math.min(m, d[v - sz]);
                        }
                        d[v] = Math.min(d[v], m + 1);
                    }
                }
            }
        }
        for (int z = g.nz - 2; z >= 1; z--) {
            for (int y = g.ny - 2; y >= 1; y--) {
                for (int x = g.nx - 2, v = g.offset(x, y, z); x >= 1; x--, v--) {
                    if (d[v] != 0) {
                        int m = Math.min(d[v + sx], d[v + sy]);
                        if (sz != 0) {
                            m = Math.min(m, d[v + sz]);
                        }
                        d[v] = Math.min(d[v], m + 1);
                    }
                }
            }
        }
        return d;
    }
}
