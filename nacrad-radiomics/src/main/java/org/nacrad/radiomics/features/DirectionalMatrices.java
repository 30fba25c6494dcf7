package org.nacrad.radiomics.features;

import org.nacrad.radiomics.settings.WeightingNorm;

/**
 * What PyRadiomics does with the per-direction matrices of {@link Glcm} and {@link Glrlm} before computing features
 * ({@code _applyMatrixOptions} and the start of {@code _calculateCoefficients}), in this order:
 * <ol>
 *   <li>with {@code weightingNorm}, the matrices are summed into one, each weighted by its direction's weight in
 *       that norm (GLCM: exp(−d²), {@link Directions#weight}; GLRLM: d, {@link Directions#distance});</li>
 *   <li>a direction whose matrix is all zeros is dropped, unless it is the only matrix;</li>
 *   <li>each matrix's total ΣP is what the family normalises by (GLCM divides its cells by it, GLRLM keeps the
 *       counts and divides in its formulas); an all-zero single matrix has total NaN, so its features are NaN.</li>
 * </ol>
 */
final class DirectionalMatrices {

    private DirectionalMatrices() {
    }

    /** A direction's weight in a norm: {@link Directions#weight} or {@link Directions#distance}. */
    @FunctionalInterface
    interface Weight {
        double of(int[] offset, double[] spacing, WeightingNorm norm);
    }

    /** One matrix the features are computed on: its cells and their total (NaN when all are zero). */
    record Kept(double[] cells, double total) {
    }

    /**
     * Steps 1–3 above.
     *
     * @param perDirection each direction's cells, as counted
     * @param cells        the number of cells of each matrix
     * @param offsets      the direction of each matrix
     * @param spacing      voxel size along i, j, k (mm)
     * @param norm         {@code weightingNorm}, or null for none
     * @param weight       how a direction weighs in the norm
     * @return the matrices kept, in direction order (one when weighted)
     */
    static Kept[] weightAndDropEmpty(double[][] perDirection, int cells, int[][] offsets, double[] spacing,
                                     WeightingNorm norm, Weight weight) {
        double[][] p = perDirection;
        if (norm != null) {
            double[] sum = new double[cells];
            for (int a = 0; a < offsets.length; a++) {
                double w = weight.of(offsets[a], spacing, norm);
                for (int x = 0; x < sum.length; x++) {
                    sum[x] += p[a][x] * w;
                }
            }
            p = new double[][] {sum};
        }
        int kept = 0;
        double[] totals = new double[p.length];
        for (int a = 0; a < p.length; a++) {
            for (double v : p[a]) {
                totals[a] += v;
            }
            if (totals[a] != 0 || p.length == 1) {
                kept++;
            }
        }
        Kept[] out = new Kept[kept];
        for (int a = 0, b = 0; a < p.length; a++) {
            if (totals[a] != 0 || p.length == 1) {
                out[b++] = new Kept(p[a], totals[a] == 0 ? Double.NaN : totals[a]);
            }
        }
        return out;
    }
}
