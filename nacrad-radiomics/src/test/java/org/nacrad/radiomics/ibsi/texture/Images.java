package org.nacrad.radiomics.ibsi.texture;

/** Small test images as {@link TextureInput}s. */
final class Images {

    private Images() {
    }

    /** IBSI-1's 4 × 4 example image of the texture sections (rows top to bottom: y = 0..3). */
    static final int[][] IBSI_EXAMPLE = {
        {1, 2, 2, 3},
        {1, 2, 3, 3},
        {4, 2, 4, 1},
        {4, 1, 2, 3}};

    /**
     * One slice, row r at y = r, column c at x = c; level 0 is outside both masks. N_g is the largest level unless
     * given.
     */
    static TextureInput slice(int[][] rows, int levelCount) {
        return volume(new int[][][] {rows}, levelCount);
    }

    static TextureInput slice(int[][] rows) {
        return slice(rows, max(new int[][][] {rows}));
    }

    /** Slices z = 0.., each with rows y = 0.. and columns x = 0..; level 0 is outside both masks. */
    static TextureInput volume(int[][][] slices, int levelCount) {
        int nz = slices.length, ny = slices[0].length, nx = slices[0][0].length;
        int[] levels = new int[nx * ny * nz];
        boolean[] morph = new boolean[levels.length];
        for (int z = 0, v = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++, v++) {
                    levels[v] = slices[z][y][x];
                    morph[v] = levels[v] > 0;
                }
            }
        }
        return new TextureInput(nx, ny, nz, levels, levelCount, morph);
    }

    static int max(int[][][] slices) {
        int m = 1;
        for (int[][] s : slices) {
            for (int[] r : s) {
                for (int v : r) {
                    m = Math.max(m, v);
                }
            }
        }
        return m;
    }
}
