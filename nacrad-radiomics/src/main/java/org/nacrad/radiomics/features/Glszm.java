package org.nacrad.radiomics.features;

import java.util.Arrays;
import java.util.List;

import org.nacrad.radiomics.FeatureInput;

/**
 * Grey Level Size Zone Matrix features, as PyRadiomics' {@code glszm} class computes them.
 *
 * <p>Worked example (PyRadiomics' documentation, also a unit test): the 5×5 image
 * <pre>
 *   5 2 5 4 4
 *   3 3 3 1 3
 *   2 1 1 1 3
 *   4 2 2 2 3
 *   3 5 3 3 2
 * </pre>
 * has, with 8-connected zones, the GLSZM (rows: grey level 1…5, columns: zone size 1…5)
 * <pre>
 *   0 0 0 1 0
 *   1 0 0 0 1
 *   1 0 1 0 1
 *   1 1 0 0 0
 *   3 0 0 0 0
 * </pre>
 * e.g. the four 1s form one zone of size 4; grey level 3 has a zone of size 1 (bottom left corner), one of size 3
 * (second row) and one of size 5 (the right column joined diagonally to the two 3s of the last row).
 *
 * <p>P(i,j) counts the zones (connected sets of ROI voxels of equal grey level) of grey level i and size j. Following
 * PyRadiomics ({@code calculate_glszm} in {@code cmatrices.c}):
 * <ul>
 *   <li>voxels are connected when their offset is one of the bidirectional distance-1 offsets of {@link Directions}:
 *       26-connectivity in 3D, 8-connectivity in-plane with {@code force2D}, and no connection along an axis on
 *       which the ROI box is one voxel thick; {@code distances} does not apply;</li>
 *   <li>one matrix for the whole ROI; grey levels and zone sizes that do not occur are removed, i and j keep their
 *       true values;</li>
 *   <li>zones are grown with an explicit stack over int arrays (no recursion), visiting voxels in PyRadiomics'
 *       order.</li>
 * </ul>
 *
 * <p>Notation: N<sub>z</sub> = Σ P(i,j) zones, N<sub>p</sub> = Σ j P(i,j) ROI voxels, p(i,j) = P(i,j)/N<sub>z</sub>,
 * p<sub>g</sub>(i) = Σⱼ P(i,j), p<sub>s</sub>(j) = Σᵢ P(i,j) (unnormalised marginals), ε = 2.2×10⁻¹⁶.
 *
 * <p>Reference: Thibault G, Fertil B, Navarro C, et al. Texture indexes and gray level size zone matrix: application
 * to cell nuclei classification. Pattern Recognition and Information Processing (PRIP) 2009:140–145.
 */
public final class Glszm extends TableFamily<Glszm.Matrix> {

    /** All 16 features (PyRadiomics has no deprecated or on-request GLSZM feature). */
    static final FeatureTable<Matrix> FEATURES = FeatureTable.<Matrix>of("glszm")
            .feature("GrayLevelNonUniformity", Matrix::grayLevelNonUniformity)
            .feature("GrayLevelNonUniformityNormalized", Matrix::grayLevelNonUniformityNormalized)
            .feature("GrayLevelVariance", Matrix::grayLevelVariance)
            .feature("HighGrayLevelZoneEmphasis", Matrix::highGrayLevelZoneEmphasis)
            .feature("LargeAreaEmphasis", Matrix::largeAreaEmphasis)
            .feature("LargeAreaHighGrayLevelEmphasis", Matrix::largeAreaHighGrayLevelEmphasis)
            .feature("LargeAreaLowGrayLevelEmphasis", Matrix::largeAreaLowGrayLevelEmphasis)
            .feature("LowGrayLevelZoneEmphasis", Matrix::lowGrayLevelZoneEmphasis)
            .feature("SizeZoneNonUniformity", Matrix::sizeZoneNonUniformity)
            .feature("SizeZoneNonUniformityNormalized", Matrix::sizeZoneNonUniformityNormalized)
            .feature("SmallAreaEmphasis", Matrix::smallAreaEmphasis)
            .feature("SmallAreaHighGrayLevelEmphasis", Matrix::smallAreaHighGrayLevelEmphasis)
            .feature("SmallAreaLowGrayLevelEmphasis", Matrix::smallAreaLowGrayLevelEmphasis)
            .feature("ZoneEntropy", Matrix::zoneEntropy)
            .feature("ZonePercentage", Matrix::zonePercentage)
            .feature("ZoneVariance", Matrix::zoneVariance)
            .build();

    public Glszm() {
        super(FEATURES);
    }

    @Override
    protected List<Matrix> prepare(FeatureInput input) {
        return List.of(matrix(input));
    }

    /** The GLSZM of an input's ROI. */
    static Matrix matrix(FeatureInput input) {
        int[][] offsets = Directions.forMatrix(input, new int[] {1}, true);
        PaddedLevels grid = PaddedLevels.of(input, offsets);
        int[] level = grid.levels.clone(); // voxels are set to 0 once they belong to a zone; the grid is shared
        int[] steps = grid.steps;
        int[] stack = new int[grid.roi.length];
        // Each zone as one long: grey level in the high half, size in the low half (sorted later into cells).
        long[] zones = new long[grid.roi.length];
        int nz = 0;
        for (int start : grid.roi) {
            int gl = level[start];
            if (gl == 0) {
                continue; // already in a zone
            }
            int top = 0;
            stack[top++] = start;
            level[start] = 0;
            int size = 0;
            while (top > 0) {
                int v = stack[--top];
                size++;
                for (int step : steps) {
                    int w = v + step;
                    if (level[w] == gl) {
                        level[w] = 0;
                        stack[top++] = w;
                    }
                }
            }
            zones[nz++] = ((long) gl << 32) | size;
        }
        return new Matrix(Arrays.copyOf(zones, nz), grid.roi.length);
    }

    /**
     * A GLSZM held sparsely: its non-zero cells and marginals over the grey levels and zone sizes present, with the
     * features computed on it. Immutable.
     */
    static final class Matrix {
        /** N<sub>z</sub> and N<sub>p</sub>. */
        final double nz, np;
        /** Grey level, zone size and count of each non-zero cell, grey level then size ascending. */
        final int[] cellLevel, cellSize, cellCount;
        /** Grey levels present and p<sub>g</sub> of each. */
        final double[] i, pg;
        /** Zone sizes present and p<sub>s</sub> of each. */
        final double[] j, ps;

        Matrix(long[] zones, int voxels) {
            long[] sorted = zones.clone();
            Arrays.sort(sorted);
            int cells = 0;
            for (int z = 0; z < sorted.length; z++) {
                if (z == 0 || sorted[z] != sorted[z - 1]) {
                    cells++;
                }
            }
            cellLevel = new int[cells];
            cellSize = new int[cells];
            cellCount = new int[cells];
            int maxLevel = 0;
            int c = -1;
            for (int z = 0; z < sorted.length; z++) {
                if (z == 0 || sorted[z] != sorted[z - 1]) {
                    c++;
                    cellLevel[c] = (int) (sorted[z] >>> 32);
                    cellSize[c] = (int) sorted[z];
                    maxLevel = Math.max(maxLevel, cellLevel[c]);
                }
                cellCount[c]++;
            }
            double[] byLevel = new double[maxLevel + 1];
            double[] bySize = new double[voxels + 1];
            for (int n = 0; n < cells; n++) {
                byLevel[cellLevel[n]] += cellCount[n];
                bySize[cellSize[n]] += cellCount[n];
            }
            double[][] g = present(byLevel);
            double[][] s = present(bySize);
            i = g[0];
            pg = g[1];
            j = s[0];
            ps = s[1];
            nz = zones.length == 0 ? 1 : zones.length; // PyRadiomics sets an empty matrix's sums to 1
            np = voxels == 0 ? 1 : voxels;
        }

        /** The indices with a non-zero entry and those entries. */
        private static double[][] present(double[] counts) {
            int n = 0;
            for (double v : counts) {
                if (v > 0) {
                    n++;
                }
            }
            double[] index = new double[n];
            double[] value = new double[n];
            for (int x = 0, y = 0; x < counts.length; x++) {
                if (counts[x] > 0) {
                    index[y] = x;
                    value[y++] = counts[x];
                }
            }
            return new double[][] {index, value};
        }

        /** P(level, size): the number of zones of that grey level and size. */
        int count(int level, int size) {
            for (int n = 0; n < cellLevel.length; n++) {
                if (cellLevel[n] == level && cellSize[n] == size) {
                    return cellCount[n];
                }
            }
            return 0;
        }

        /** SAE = Σⱼ p<sub>s</sub>(j)/j² / N<sub>z</sub>. */
        double smallAreaEmphasis() {
            return MarginalSums.weighted(ps, j, -2) / nz;
        }

        /** LAE = Σⱼ p<sub>s</sub>(j) j² / N<sub>z</sub>. */
        double largeAreaEmphasis() {
            return MarginalSums.weighted(ps, j, 2) / nz;
        }

        /** GLN = Σᵢ p<sub>g</sub>(i)² / N<sub>z</sub>. */
        double grayLevelNonUniformity() {
            return MarginalSums.squares(pg) / nz;
        }

        /** GLNN = Σᵢ p<sub>g</sub>(i)² / N<sub>z</sub>². */
        double grayLevelNonUniformityNormalized() {
            return MarginalSums.squares(pg) / (nz * nz);
        }

        /** SZN = Σⱼ p<sub>s</sub>(j)² / N<sub>z</sub>. */
        double sizeZoneNonUniformity() {
            return MarginalSums.squares(ps) / nz;
        }

        /** SZNN = Σⱼ p<sub>s</sub>(j)² / N<sub>z</sub>². */
        double sizeZoneNonUniformityNormalized() {
            return MarginalSums.squares(ps) / (nz * nz);
        }

        /** ZP = N<sub>z</sub> / N<sub>p</sub>. */
        double zonePercentage() {
            return nz / np;
        }

        /** GLV = Σᵢ (p<sub>g</sub>(i)/N<sub>z</sub>)(i − μ)², μ = Σᵢ (p<sub>g</sub>(i)/N<sub>z</sub>) i. */
        double grayLevelVariance() {
            return MarginalSums.variance(pg, i, nz);
        }

        /** ZV = Σⱼ (p<sub>s</sub>(j)/N<sub>z</sub>)(j − μ)², μ = Σⱼ (p<sub>s</sub>(j)/N<sub>z</sub>) j. */
        double zoneVariance() {
            return MarginalSums.variance(ps, j, nz);
        }

        /** ZE = −Σᵢ Σⱼ p(i,j) log₂(p(i,j) + ε). */
        double zoneEntropy() {
            double h = 0;
            for (int count : cellCount) {
                double p = count / nz;
                h -= p * Entropy.log2(p + Entropy.EPS);
            }
            return h;
        }

        /** LGLZE = Σᵢ p<sub>g</sub>(i)/i² / N<sub>z</sub>. */
        double lowGrayLevelZoneEmphasis() {
            return MarginalSums.weighted(pg, i, -2) / nz;
        }

        /** HGLZE = Σᵢ p<sub>g</sub>(i) i² / N<sub>z</sub>. */
        double highGrayLevelZoneEmphasis() {
            return MarginalSums.weighted(pg, i, 2) / nz;
        }

        /** SALGLE = Σᵢ Σⱼ P(i,j)/(i² j²) / N<sub>z</sub>. */
        double smallAreaLowGrayLevelEmphasis() {
            return joint(-2, -2);
        }

        /** SAHGLE = Σᵢ Σⱼ P(i,j) i²/j² / N<sub>z</sub>. */
        double smallAreaHighGrayLevelEmphasis() {
            return joint(2, -2);
        }

        /** LALGLE = Σᵢ Σⱼ P(i,j) j²/i² / N<sub>z</sub>. */
        double largeAreaLowGrayLevelEmphasis() {
            return joint(-2, 2);
        }

        /** LAHGLE = Σᵢ Σⱼ P(i,j) i² j² / N<sub>z</sub>. */
        double largeAreaHighGrayLevelEmphasis() {
            return joint(2, 2);
        }

        /**
         * Σᵢ Σⱼ P(i,j) i<sup>a</sup> j<sup>b</sup> / N<sub>z</sub> with a, b = ±2: SALGLE (−2, −2), SAHGLE (2, −2),
         * LALGLE (−2, 2), LAHGLE (2, 2).
         */
        private double joint(int a, int b) {
            double s = 0;
            for (int n = 0; n < cellCount.length; n++) {
                double i2 = (double) cellLevel[n] * cellLevel[n];
                double j2 = (double) cellSize[n] * cellSize[n];
                s += cellCount[n] * (a > 0 ? i2 : 1 / i2) * (b > 0 ? j2 : 1 / j2);
            }
            return s / nz;
        }
    }
}
