package org.nacrad.radiomics.features;

import java.util.List;

import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.settings.Limits;

/**
 * Grey Level Dependence Matrix features, as PyRadiomics' {@code gldm} class computes them.
 *
 * <p>Worked example (PyRadiomics' documentation, also a unit test): the 5×5 image
 * <pre>
 *   5 2 5 4 4
 *   3 3 3 1 3
 *   2 1 1 1 3
 *   4 2 2 2 3
 *   3 5 3 3 2
 * </pre>
 * with α = 0 and δ = 1 (8 in-plane neighbours) has the GLDM (rows: grey level 1…5, columns: dependence 1…4)
 * <pre>
 *   0 1 2 1
 *   1 2 3 0
 *   1 4 4 0
 *   1 2 0 0
 *   3 0 0 0
 * </pre>
 * e.g. the 1 in the second row has two neighbours of level 1 (below and below-left), dependence 3.
 *
 * <p>P(i,j) counts the ROI voxels of grey level i with dependence j: one plus the number of neighbours that are in
 * the ROI and differ from the voxel by at most α ({@code gldm_a}). Following PyRadiomics ({@code calculate_gldm} in
 * {@code cmatrices.c}):
 * <ul>
 *   <li>the neighbours are the bidirectional offsets of {@link Directions} for {@code distances}, {@code force2D}
 *       and the box size, so every voxel has a dependence, N<sub>z</sub> = N<sub>p</sub>;</li>
 *   <li>{@code gldm_a} is an integer ≥ 0 in PyRadiomics' schema (its C code compares integer differences);</li>
 *   <li>grey levels and dependence sizes that do not occur are removed; i and j keep their true values;</li>
 *   <li>the deprecated Dependence Percentage (always 1) and Gray Level Non-Uniformity Normalized (equal to first
 *       order Uniformity) have no value in PyRadiomics and are refused here.</li>
 * </ul>
 *
 * <p>Notation: N<sub>z</sub> = Σ P(i,j), p(i,j) = P(i,j)/N<sub>z</sub>, p<sub>g</sub>(i) = Σⱼ P(i,j),
 * p<sub>d</sub>(j) = Σᵢ P(i,j) (unnormalised marginals), ε = 2.2×10⁻¹⁶.
 *
 * <p>Reference: Sun C, Wee WG. Neighboring gray level dependence matrix for texture classification. Comput Vision
 * Graph Image Process 1983;23:341–352.
 */
public final class Gldm extends TableFamily<Gldm.Matrix> {

    static final FeatureTable<Matrix> FEATURES = FeatureTable.<Matrix>of("gldm")
            .feature("DependenceEntropy", Matrix::dependenceEntropy)
            .feature("DependenceNonUniformity", Matrix::dependenceNonUniformity)
            .feature("DependenceNonUniformityNormalized", Matrix::dependenceNonUniformityNormalized)
            .noValue("DependencePercentage", "it is always 1")
            .feature("DependenceVariance", Matrix::dependenceVariance)
            .feature("GrayLevelNonUniformity", Matrix::grayLevelNonUniformity)
            .noValue("GrayLevelNonUniformityNormalized", "it equals firstorder Uniformity")
            .feature("GrayLevelVariance", Matrix::grayLevelVariance)
            .feature("HighGrayLevelEmphasis", Matrix::highGrayLevelEmphasis)
            .feature("LargeDependenceEmphasis", Matrix::largeDependenceEmphasis)
            .feature("LargeDependenceHighGrayLevelEmphasis", Matrix::largeDependenceHighGrayLevelEmphasis)
            .feature("LargeDependenceLowGrayLevelEmphasis", Matrix::largeDependenceLowGrayLevelEmphasis)
            .feature("LowGrayLevelEmphasis", Matrix::lowGrayLevelEmphasis)
            .feature("SmallDependenceEmphasis", Matrix::smallDependenceEmphasis)
            .feature("SmallDependenceHighGrayLevelEmphasis", Matrix::smallDependenceHighGrayLevelEmphasis)
            .feature("SmallDependenceLowGrayLevelEmphasis", Matrix::smallDependenceLowGrayLevelEmphasis)
            .build();

    public Gldm() {
        super(FEATURES);
    }

    @Override
    protected List<Matrix> prepare(FeatureInput input) {
        return List.of(matrix(input));
    }

    /** The GLDM of an input's ROI with its {@code distances}, {@code force2D} and {@code gldm_a}. */
    static Matrix matrix(FeatureInput input) {
        double a = input.settings().gldmA();
        if (!(a >= 0) || a != Math.rint(a)) {
            throw new IllegalArgumentException("gldm_a must be an integer ≥ 0 (as PyRadiomics' schema requires), got "
                    + a);
        }
        int alpha = (int) Math.min(a, Integer.MAX_VALUE);
        int[][] offsets = Directions.forMatrix(input, input.settings().distances(), true);
        PaddedLevels grid = PaddedLevels.of(input, offsets);
        int[] level = grid.levels;
        int[] steps = grid.steps;
        int nd = offsets.length + 1; // dependence 1 … Na + 1, stored at column dependence − 1
        double cells = (grid.maxLevel + 1.0) * nd;
        Limits.require(() -> "gldm: " + grid.maxLevel + " grey levels and " + offsets.length + " neighbours", cells, 12 * cells,
                Limits.FEWER_GREY_LEVELS + ", or use smaller distances");
        int[] p = new int[(grid.maxLevel + 1) * nd];
        for (int v : grid.roi) {
            int gl = level[v];
            int dep = 0;
            for (int step : steps) {
                int w = level[v + step];
                if (w != 0 && Math.abs(gl - w) <= alpha) {
                    dep++;
                }
            }
            p[gl * nd + dep]++;
        }
        return new Matrix(p, grid.maxLevel + 1, nd);
    }

    /**
     * A GLDM over the grey levels and dependence sizes present, with the features computed on it. Immutable.
     */
    static final class Matrix {
        /** N<sub>z</sub>. */
        final double nz;
        /** Grey levels present, dependence sizes present. */
        final double[] i, j;
        /** Counts P over (i, j) present, row-major, and the marginals p<sub>g</sub>, p<sub>d</sub>. */
        final double[] p, pg, pd;

        /**
         * @param counts row-major counts over grey level 0…rows−1 and dependence 1…cols (column = dependence − 1)
         */
        Matrix(int[] counts, int rows, int cols) {
            double[] byLevel = new double[rows];
            double[] byDep = new double[cols];
            double total = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    byLevel[r] += counts[r * cols + c];
                    byDep[c] += counts[r * cols + c];
                    total += counts[r * cols + c];
                }
            }
            int[] levelIndex = presentIndices(byLevel);
            int[] depIndex = presentIndices(byDep);
            i = new double[levelIndex.length];
            pg = new double[levelIndex.length];
            for (int n = 0; n < levelIndex.length; n++) {
                i[n] = levelIndex[n];
                pg[n] = byLevel[levelIndex[n]];
            }
            j = new double[depIndex.length];
            pd = new double[depIndex.length];
            for (int n = 0; n < depIndex.length; n++) {
                j[n] = depIndex[n] + 1;
                pd[n] = byDep[depIndex[n]];
            }
            p = new double[i.length * j.length];
            for (int x = 0; x < i.length; x++) {
                for (int y = 0; y < j.length; y++) {
                    p[x * j.length + y] = counts[levelIndex[x] * cols + depIndex[y]];
                }
            }
            nz = total == 0 ? 1 : total; // PyRadiomics sets an empty matrix's sum to 1
        }

        private static int[] presentIndices(double[] counts) {
            int n = 0;
            for (double v : counts) {
                if (v > 0) {
                    n++;
                }
            }
            int[] out = new int[n];
            for (int x = 0, y = 0; x < counts.length; x++) {
                if (counts[x] > 0) {
                    out[y++] = x;
                }
            }
            return out;
        }

        /** P(level, dependence); 0 for a level or dependence that does not occur. */
        int count(int level, int dependence) {
            for (int x = 0; x < i.length; x++) {
                for (int y = 0; y < j.length; y++) {
                    if (i[x] == level && j[y] == dependence) {
                        return (int) p[x * j.length + y];
                    }
                }
            }
            return 0;
        }

        /** SDE = Σⱼ p<sub>d</sub>(j)/j² / N<sub>z</sub>. */
        double smallDependenceEmphasis() {
            return MarginalSums.weighted(pd, j, -2) / nz;
        }

        /** LDE = Σⱼ p<sub>d</sub>(j) j² / N<sub>z</sub>. */
        double largeDependenceEmphasis() {
            return MarginalSums.weighted(pd, j, 2) / nz;
        }

        /** GLN = Σᵢ p<sub>g</sub>(i)² / N<sub>z</sub>. */
        double grayLevelNonUniformity() {
            return MarginalSums.squares(pg) / nz;
        }

        /** DN = Σⱼ p<sub>d</sub>(j)² / N<sub>z</sub>. */
        double dependenceNonUniformity() {
            return MarginalSums.squares(pd) / nz;
        }

        /** DNN = Σⱼ p<sub>d</sub>(j)² / N<sub>z</sub>². */
        double dependenceNonUniformityNormalized() {
            return MarginalSums.squares(pd) / (nz * nz);
        }

        /** GLV = Σᵢ (p<sub>g</sub>(i)/N<sub>z</sub>)(i − μ)², μ = Σᵢ (p<sub>g</sub>(i)/N<sub>z</sub>) i. */
        double grayLevelVariance() {
            return MarginalSums.variance(pg, i, nz);
        }

        /** DV = Σⱼ (p<sub>d</sub>(j)/N<sub>z</sub>)(j − μ)², μ = Σⱼ (p<sub>d</sub>(j)/N<sub>z</sub>) j. */
        double dependenceVariance() {
            return MarginalSums.variance(pd, j, nz);
        }

        /** DE = −Σᵢ Σⱼ p(i,j) log₂(p(i,j) + ε), over every cell of the trimmed matrix (zeros add nothing). */
        double dependenceEntropy() {
            double h = 0;
            for (double count : p) {
                double q = count / nz;
                h -= q * Entropy.log2(q + Entropy.EPS);
            }
            return h;
        }

        /** LGLE = Σᵢ p<sub>g</sub>(i)/i² / N<sub>z</sub>. */
        double lowGrayLevelEmphasis() {
            return MarginalSums.weighted(pg, i, -2) / nz;
        }

        /** HGLE = Σᵢ p<sub>g</sub>(i) i² / N<sub>z</sub>. */
        double highGrayLevelEmphasis() {
            return MarginalSums.weighted(pg, i, 2) / nz;
        }

        /** SDLGLE = Σᵢ Σⱼ P(i,j)/(i² j²) / N<sub>z</sub>. */
        double smallDependenceLowGrayLevelEmphasis() {
            return joint(-2, -2);
        }

        /** SDHGLE = Σᵢ Σⱼ P(i,j) i²/j² / N<sub>z</sub>. */
        double smallDependenceHighGrayLevelEmphasis() {
            return joint(2, -2);
        }

        /** LDLGLE = Σᵢ Σⱼ P(i,j) j²/i² / N<sub>z</sub>. */
        double largeDependenceLowGrayLevelEmphasis() {
            return joint(-2, 2);
        }

        /** LDHGLE = Σᵢ Σⱼ P(i,j) i² j² / N<sub>z</sub>. */
        double largeDependenceHighGrayLevelEmphasis() {
            return joint(2, 2);
        }

        /**
         * Σᵢ Σⱼ P(i,j) i<sup>a</sup> j<sup>b</sup> / N<sub>z</sub> with a, b = ±2: SDLGLE (−2, −2), SDHGLE (2, −2),
         * LDLGLE (−2, 2), LDHGLE (2, 2).
         */
        private double joint(int a, int b) {
            double s = 0;
            for (int x = 0; x < i.length; x++) {
                double i2 = i[x] * i[x];
                for (int y = 0; y < j.length; y++) {
                    double j2 = j[y] * j[y];
                    s += p[x * j.length + y] * (a > 0 ? i2 : 1 / i2) * (b > 0 ? j2 : 1 / j2);
                }
            }
            return s / nz;
        }
    }
}
