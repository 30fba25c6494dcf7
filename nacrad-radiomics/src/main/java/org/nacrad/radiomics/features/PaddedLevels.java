package org.nacrad.radiomics.features;

import org.nacrad.radiomics.FeatureInput;

/**
 * The grey levels of a feature input copied into a box padded with zeros, so that the neighbourhood walks of every
 * texture family ({@link Glcm}, {@link Glrlm}, {@link Glszm}, {@link Gldm}, {@link Ngtdm}) need no bounds checks: a
 * neighbour at any of the given offsets is either an ROI voxel (level ≥ 1) or not (level 0, outside the ROI or
 * outside the box).
 *
 * <p>PyRadiomics' C loops ({@code cmatrices.c}) instead test every neighbour index against the bounding box; a
 * zero border as wide as the largest offset along each axis is equivalent and keeps the inner loops to one array
 * read per neighbour. Voxel order is PyRadiomics' (NumPy C order over [z, y, x], i.e. i fastest), which fixes the
 * order in which zones are found and differences summed.
 *
 * <p>The padded grid depends on the input and the padding only, not on the offsets: it is made once per input and
 * padding ({@link FeatureInput#derived()}) and shared by the families (with the default distance 1, all five pad by
 * one voxel along each axis), only the steps are per call. The arrays are shared: readers must not write to them
 * ({@link Glszm}, which marks visited voxels, works on a copy).
 */
final class PaddedLevels {

    /** Grey level of each padded voxel, 0 outside the ROI. */
    final int[] levels;
    /** Linear index step of each offset in the padded box. */
    final int[] steps;
    /** Padded linear index of each ROI voxel, in PyRadiomics' order. */
    final int[] roi;
    /** Highest grey level in the ROI (PyRadiomics' N<sub>g</sub>). */
    final int maxLevel;

    private PaddedLevels(int[] levels, int[] steps, int[] roi, int maxLevel) {
        this.levels = levels;
        this.steps = steps;
        this.roi = roi;
        this.maxLevel = maxLevel;
    }

    /**
     * Pads the ROI of an input for the given offsets ({@code {di, dj, dk}}, as {@link Directions} returns them).
     *
     * @throws IllegalArgumentException if an ROI voxel has a grey level below 1
     */
    static PaddedLevels of(FeatureInput input, int[][] offsets) {
        int[] size = input.size();
        int[] pad = new int[3];
        for (int[] o : offsets) {
            for (int a = 0; a < 3; a++) {
                pad[a] = Math.max(pad[a], Math.abs(o[a]));
            }
        }
        Grid grid = input.derived().get(new GridKey(pad[0], pad[1], pad[2]), () -> Grid.of(input, pad));
        int[] steps = new int[offsets.length];
        for (int a = 0; a < offsets.length; a++) {
            steps[a] = Directions.linearStep(offsets[a], grid.paddedSize);
        }
        return new PaddedLevels(grid.levels, steps, grid.roi, grid.maxLevel);
    }

    /** The key of a padded grid among an input's derived data. */
    private record GridKey(int padI, int padJ, int padK) {
    }

    /** The padded grid of one input and padding: levels, ROI indices, N<sub>g</sub>, padded size. */
    private record Grid(int[] levels, int[] roi, int maxLevel, int[] paddedSize) {

        static Grid of(FeatureInput input, int[] pad) {
            int[] size = input.size();
            int px = size[0] + 2 * pad[0];
            int py = size[1] + 2 * pad[1];
            int pz = size[2] + 2 * pad[2];
            int[] padded = new int[px * py * pz];
            boolean[] mask = input.mask();
            int[] levels = input.levels();
            int[] roi = new int[levels.length]; // trimmed below: one pass over the box, not a count first
            int count = 0;
            int maxLevel = 0;
            for (int k = 0, n = 0; k < size[2]; k++) {
                for (int j = 0; j < size[1]; j++) {
                    int row = pad[0] + px * ((j + pad[1]) + py * (k + pad[2]));
                    for (int i = 0; i < size[0]; i++, n++) {
                        if (mask[n]) {
                            int gl = levels[n];
                            if (gl < 1) {
                                throw new IllegalArgumentException("ROI voxel (" + i + ", " + j + ", " + k
                                        + ") of the box has grey level " + gl + "; discretised levels start at 1");
                            }
                            padded[row + i] = gl;
                            roi[count++] = row + i;
                            maxLevel = Math.max(maxLevel, gl);
                        }
                    }
                }
            }
            return new Grid(padded, java.util.Arrays.copyOf(roi, count), maxLevel, new int[] {px, py, pz});
        }
    }
}
