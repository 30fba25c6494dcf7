package org.nacrad.radiomics.features;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.settings.Limits;

/**
 * Grey Level Run Length Matrix features, as PyRadiomics' {@code glrlm} class computes them.
 *
 * <p>Worked example (PyRadiomics' documentation, also a unit test): the 5×5 image
 * <pre>
 *   5 2 5 4 4
 *   3 3 3 1 3
 *   2 1 1 1 3
 *   4 2 2 2 3
 *   3 5 3 3 2
 * </pre>
 * along the rows (θ = 0°) has the run length matrix (rows: grey level 1…5, columns: run length 1…5)
 * <pre>
 *   1 0 1 0 0
 *   3 0 1 0 0
 *   4 1 1 0 0
 *   1 1 0 0 0
 *   3 0 0 0 0
 * </pre>
 * e.g. grey level 3 has four runs of length 1, one of length 2 (row 5) and one of length 3 (row 2).
 *
 * <p>P(i,j|θ) counts the runs (maximal sets of consecutive ROI voxels of equal grey level) of grey level i and length
 * j along direction θ: the 13 directions of {@link Directions} at distance 1 (4 in-plane ones with {@code force2D});
 * the {@code distances} setting is ignored. As in PyRadiomics:
 * <ul>
 *   <li>a run is broken by any voxel outside the ROI;</li>
 *   <li>a direction in which no line through the box holds more than one ROI voxel is dropped (its matrix emptied),
 *       as are directions without runs;</li>
 *   <li>features are computed per direction (N<sub>r</sub>(θ) = Σ P(i,j|θ) runs) and averaged, skipping NaN; with
 *       {@code weightingNorm} the matrices are first summed with weights equal to the direction's length in that
 *       norm ({@link Directions#distance});</li>
 *   <li>grey levels absent from the ROI are removed, i keeps its bin number; N<sub>p</sub>(θ) = Σ P(i,j|θ) j.</li>
 * </ul>
 *
 * <p>Notation: p(i,j|θ) = P(i,j|θ)/N<sub>r</sub>(θ), p<sub>g</sub>(i) = Σⱼ P(i,j|θ), p<sub>r</sub>(j) = Σᵢ P(i,j|θ),
 * ε = 2.2×10⁻¹⁶.
 *
 * <p>References: Galloway MM. Texture analysis using gray level run lengths. Comput Graph Image Process
 * 1975;4(2):172–179. Chu A, Sehgal CM, Greenleaf JF. Use of gray value distribution of run length for texture
 * analysis. Pattern Recognit Lett 1990;11(6):415–419. Tang X. Texture information in run-length matrices. IEEE Trans
 * Image Process 1998;7(11):1602–1609.
 */
public final class Glrlm extends TableFamily<Glrlm.Matrix> {

    static final FeatureTable<Matrix> FEATURES = FeatureTable.<Matrix>of("glrlm")
            .feature("GrayLevelNonUniformity", Matrix::grayLevelNonUniformity)
            .feature("GrayLevelNonUniformityNormalized", Matrix::grayLevelNonUniformityNormalized)
            .feature("GrayLevelVariance", Matrix::grayLevelVariance)
            .feature("HighGrayLevelRunEmphasis", Matrix::highGrayLevelRunEmphasis)
            .feature("LongRunEmphasis", Matrix::longRunEmphasis)
            .feature("LongRunHighGrayLevelEmphasis", m -> m.joint(2, 2))
            .feature("LongRunLowGrayLevelEmphasis", m -> m.joint(-2, 2))
            .feature("LowGrayLevelRunEmphasis", Matrix::lowGrayLevelRunEmphasis)
            .feature("RunEntropy", Matrix::runEntropy)
            .feature("RunLengthNonUniformity", Matrix::runLengthNonUniformity)
            .feature("RunLengthNonUniformityNormalized", Matrix::runLengthNonUniformityNormalized)
            .feature("RunPercentage", Matrix::runPercentage)
            .feature("RunVariance", Matrix::runVariance)
            .feature("ShortRunEmphasis", Matrix::shortRunEmphasis)
            .feature("ShortRunHighGrayLevelEmphasis", m -> m.joint(2, -2))
            .feature("ShortRunLowGrayLevelEmphasis", m -> m.joint(-2, -2))
            .build();

    public Glrlm() {
        super(FEATURES);
    }

    @Override
    protected List<Matrix> prepare(FeatureInput input) {
        return List.of(matrices(input));
    }

    /** The mean over the directions' matrices, NaN skipped (PyRadiomics' {@code np.nanmean}). */
    @Override
    protected double value(String feature, ToDoubleFunction<Matrix> formula, List<Matrix> matrices) {
        return meanOverDirections(formula, matrices, true);
    }

    // ---- Matrices -------------------------------------------------------------------------------------------

    /**
     * The run counts of each direction, {@code runs[a][(i−1)·maxRun + (j−1)]} for grey level i in 1…ng and run
     * length j in 1…maxRun (maxRun = the largest box dimension). A direction whose lines through the box never hold
     * two ROI voxels is all zeros.
     *
     * <p>Runs are found from the ROI voxels only, on the grey levels padded with a zero border ({@link
     * PaddedLevels}): a voxel starts a run when the voxel one step back differs from it (a different level,
     * outside the ROI, or the border), and the run is then followed forward while the level stays the same. Each run
     * is counted once, as when every line through the box is walked, but the voxels outside the ROI (most of the box)
     * are never visited.
     */
    static int[][] runs(FeatureInput in, int[][] offsets, int ng) {
        int maxRun = Math.max(in.nx(), Math.max(in.ny(), in.nz()));
        PaddedLevels grid = PaddedLevels.of(in, offsets);
        int[] lv = grid.levels;
        int[] roi = grid.roi;
        int[][] runs = new int[offsets.length][ng * maxRun];
        for (int a = 0; a < offsets.length; a++) {
            int step = grid.steps[a];
            int[] r = runs[a];
            boolean multiElement = false;
            for (int n : roi) {
                int gl = lv[n];
                if (lv[n - step] == gl) {
                    continue; // inside a run that started earlier
                }
                int len = 1;
                for (int m = n + step; lv[m] == gl; m += step) {
                    len++;
                }
                r[(gl - 1) * maxRun + len - 1]++;
                multiElement |= len > 1;
            }
            if (!multiElement && !lineHoldsTwoRoiVoxels(in, offsets[a])) {
                Arrays.fill(r, 0);
            }
        }
        return runs;
    }

    /**
     * Whether some line through the box along offset o holds more than one ROI voxel (PyRadiomics keeps a direction
     * only then). Only asked when no two ROI voxels of equal level are adjacent along o, so it walks every line.
     */
    private static boolean lineHoldsTwoRoiVoxels(FeatureInput in, int[] o) {
        int nx = in.nx(), ny = in.ny(), nz = in.nz();
        boolean[] mask = in.mask();
        int step = Directions.linearStep(o, in.size());
        for (int k = 0; k < nz; k++) {
            boolean kStart = k - o[2] < 0 || k - o[2] >= nz;
            for (int j = 0; j < ny; j++) {
                boolean jStart = kStart || j - o[1] < 0 || j - o[1] >= ny;
                // A line starts where stepping back leaves the box: every i on a start row, else only the
                // first i along the direction (none when the direction does not move along i).
                int iFrom = 0, iTo = nx;
                if (!jStart) {
                    if (o[0] == 0) {
                        continue;
                    }
                    iFrom = o[0] > 0 ? 0 : nx - 1;
                    iTo = iFrom + 1;
                }
                for (int i = iFrom; i < iTo; i++) {
                    int n = i + nx * (j + ny * k);
                    int steps = Math.min(lineLength(i, o[0], nx),
                            Math.min(lineLength(j, o[1], ny), lineLength(k, o[2], nz)));
                    int elements = 0;
                    for (int t = 0; t < steps; t++, n += step) {
                        if (mask[n] && ++elements > 1) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Voxels from index c to the box edge moving by o (∈ {−1, 0, 1}) along an axis of size: unbounded for o = 0. */
    private static int lineLength(int c, int o, int size) {
        return o > 0 ? size - c : o < 0 ? c + 1 : Integer.MAX_VALUE;
    }

    /** The matrices features are computed on: one per direction with runs, or one when weighted. */
    static Matrix[] matrices(FeatureInput in) {
        RadiomicsSettings s = in.settings();
        GreyLevels g = GreyLevels.of(in);
        int[][] offsets = Directions.forMatrix(in, new int[] {1}, false);
        int maxRun = Math.max(in.nx(), Math.max(in.ny(), in.nz()));
        int[] present = g.present();
        int n = present.length;
        Limits.require(() -> "glrlm: " + g.ng() + " grey levels and runs up to " + maxRun + " voxels",
                (double) g.ng() * maxRun, offsets.length * (4.0 * g.ng() + 8.0 * n) * maxRun, Limits.FEWER_GREY_LEVELS);
        int[][] runs = runs(in, offsets, g.ng());
        double[][] p = new double[offsets.length][];
        for (int a = 0; a < offsets.length; a++) {
            double[] q = new double[n * maxRun];
            for (int x = 0; x < n; x++) {
                System.arraycopy(toDouble(runs[a], (present[x] - 1) * maxRun, maxRun), 0, q, x * maxRun, maxRun);
            }
            p[a] = q;
        }
        DirectionalMatrices.Kept[] kept = DirectionalMatrices.weightAndDropEmpty(p, n * maxRun, offsets,
                in.spacing(), s.weightingNorm(), Directions::distance);
        Matrix[] out = new Matrix[kept.length];
        for (int b = 0; b < kept.length; b++) {
            out[b] = new Matrix(kept[b].cells(), present, maxRun, kept[b].total());
        }
        return out;
    }

    private static double[] toDouble(int[] a, int from, int len) {
        double[] d = new double[len];
        for (int x = 0; x < len; x++) {
            d[x] = a[from + x];
        }
        return d;
    }

    /**
     * One run length matrix P (grey levels present × run lengths 1…maxRun, row-major) with its marginals, and the
     * features computed on it.
     */
    static final class Matrix {
        final double[] p;
        final int ng;
        final int nr;
        final double[] level;
        final double[] pg;
        final double[] pr;
        /** Number of runs N<sub>r</sub>(θ) (NaN for an empty matrix). */
        final double runs;

        Matrix(double[] p, int[] present, int maxRun, double runs) {
            this.p = p;
            this.ng = present.length;
            this.nr = maxRun;
            this.runs = runs;
            level = new double[ng];
            pg = new double[ng];
            pr = new double[nr];
            for (int x = 0; x < ng; x++) {
                level[x] = present[x];
                for (int j = 0; j < nr; j++) {
                    double v = p[x * nr + j];
                    pg[x] += v;
                    pr[j] += v;
                }
            }
        }

        /** ShortRunEmphasis = Σⱼ p<sub>r</sub>(j)/j² / N<sub>r</sub>. */
        double shortRunEmphasis() {
            double s = 0;
            for (int j = 0; j < nr; j++) {
                s += pr[j] / ((j + 1.0) * (j + 1.0));
            }
            return s / runs;
        }

        /** LongRunEmphasis = Σⱼ p<sub>r</sub>(j) j² / N<sub>r</sub>. */
        double longRunEmphasis() {
            double s = 0;
            for (int j = 0; j < nr; j++) {
                s += pr[j] * (j + 1.0) * (j + 1.0);
            }
            return s / runs;
        }

        /** GrayLevelNonUniformity = Σᵢ p<sub>g</sub>(i)² / N<sub>r</sub>. */
        double grayLevelNonUniformity() {
            return MarginalSums.squares(pg) / runs;
        }

        /** GrayLevelNonUniformityNormalized = Σᵢ p<sub>g</sub>(i)² / N<sub>r</sub>². */
        double grayLevelNonUniformityNormalized() {
            return MarginalSums.squares(pg) / (runs * runs);
        }

        /** RunLengthNonUniformity = Σⱼ p<sub>r</sub>(j)² / N<sub>r</sub>. */
        double runLengthNonUniformity() {
            return MarginalSums.squares(pr) / runs;
        }

        /** RunLengthNonUniformityNormalized = Σⱼ p<sub>r</sub>(j)² / N<sub>r</sub>². */
        double runLengthNonUniformityNormalized() {
            return MarginalSums.squares(pr) / (runs * runs);
        }

        /** RunPercentage = N<sub>r</sub>/N<sub>p</sub> with N<sub>p</sub> = Σⱼ p<sub>r</sub>(j) j (per direction). */
        double runPercentage() {
            double np = 0;
            for (int j = 0; j < nr; j++) {
                np += pr[j] * (j + 1.0);
            }
            return runs / np;
        }

        /** GrayLevelVariance = Σᵢ (p<sub>g</sub>(i)/N<sub>r</sub>)(i − μ)², μ = Σᵢ (p<sub>g</sub>(i)/N<sub>r</sub>) i. */
        double grayLevelVariance() {
            return MarginalSums.variance(pg, level, runs);
        }

        /** RunVariance = Σⱼ (p<sub>r</sub>(j)/N<sub>r</sub>)(j − μ)², μ = Σⱼ (p<sub>r</sub>(j)/N<sub>r</sub>) j. */
        double runVariance() {
            double[] j = new double[nr];
            for (int x = 0; x < nr; x++) {
                j[x] = x + 1;
            }
            return MarginalSums.variance(pr, j, runs);
        }

        /** RunEntropy = −Σᵢ Σⱼ p(i,j) log₂(p(i,j) + ε). */
        double runEntropy() {
            double h = 0;
            for (double v : p) {
                if (v != 0) { // a zero term adds exactly 0
                    double q = v / runs;
                    h -= q * Entropy.log2(q + Entropy.EPS);
                }
            }
            return h;
        }

        /** LowGrayLevelRunEmphasis = Σᵢ p<sub>g</sub>(i)/i² / N<sub>r</sub>. */
        double lowGrayLevelRunEmphasis() {
            double s = 0;
            for (int x = 0; x < ng; x++) {
                s += pg[x] / (level[x] * level[x]);
            }
            return s / runs;
        }

        /** HighGrayLevelRunEmphasis = Σᵢ p<sub>g</sub>(i) i² / N<sub>r</sub>. */
        double highGrayLevelRunEmphasis() {
            double s = 0;
            for (int x = 0; x < ng; x++) {
                s += pg[x] * level[x] * level[x];
            }
            return s / runs;
        }

        /**
         * The joint emphases Σᵢ Σⱼ P(i,j) i<sup>a</sup> j<sup>b</sup> / N<sub>r</sub>: ShortRunLowGrayLevelEmphasis (a = b =
         * −2), ShortRunHighGrayLevelEmphasis (a = 2, b = −2), LongRunLowGrayLevelEmphasis (a = −2, b = 2),
         * LongRunHighGrayLevelEmphasis (a = b = 2).
         */
        double joint(int a, int b) {
            double s = 0;
            for (int x = 0; x < ng; x++) {
                double i2 = level[x] * level[x];
                double wi = a > 0 ? i2 : 1 / i2;
                for (int j = 0; j < nr; j++) {
                    double v = p[x * nr + j];
                    if (v != 0) {
                        double j2 = (j + 1.0) * (j + 1.0);
                        s += v * wi * (b > 0 ? j2 : 1 / j2);
                    }
                }
            }
            return s / runs;
        }
    }
}
