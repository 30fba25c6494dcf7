package org.nacrad.radiomics.ibsi.texture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Grey level run length matrix (GLRLM) features as IBSI-1 defines them (IBSI family TP0I).
 *
 * <p>Worked example (IBSI-1, figure "GLRLM"; a unit test): the 4 × 4 image
 * <pre>
 *   1 2 2 3
 *   1 2 3 3
 *   4 2 4 1
 *   4 1 2 3
 * </pre>
 * has along direction m = (1, 0) (rows: grey level i = 1..4, columns: run length j = 1..4)
 * <pre>
 *   4 0 0 0
 *   3 1 0 0
 *   2 1 0 0
 *   3 0 0 0      (14 runs over 16 pixels)
 * </pre>
 * e.g. the first row holds a run of two 2s and a single 1 and 3. Then short runs emphasis = (12 + 2/4)/14 = 0.893,
 * long runs emphasis = (12 + 2·4)/14 = 1.429, run percentage = 14/16 = 0.875, grey level non-uniformity =
 * (4² + 4² + 3² + 3²)/14 = 3.571.
 *
 * <p>Construction (IBSI-1 "Grey level run length based features"):
 * <ul>
 *   <li>a matrix per direction, with the direction vectors of {@link Glcm} (13 in 3D, 4 in-plane per slice in 2D
 *       and 2.5D); a run is a maximal line of intensity-mask voxels of equal grey level along the direction;</li>
 *   <li>N<sub>v</sub> is the number of intensity-mask voxels the matrix was built from (the slice's in 2D); merging
 *       adds counts and N<sub>v</sub> alike, so the run percentage of a merged matrix is N<sub>s</sub> over the
 *       summed N<sub>v</sub>;</li>
 *   <li>the six aggregations of {@link Aggregation}; a slice without voxels has no matrices.</li>
 * </ul>
 *
 * <p>Notation: r<sub>ij</sub> the number of runs of grey level i and length j, N<sub>s</sub> = Σ r<sub>ij</sub>,
 * r<sub>i.</sub>, r<sub>.j</sub> the marginal sums, p<sub>ij</sub> = r<sub>ij</sub>/N<sub>s</sub>.
 *
 * <p>References: Galloway MM. Texture analysis using gray level run lengths. Comput Graph Image Process
 * 1975;4(2):172–179. IBSI-1 reference manual (arXiv:1612.07003).
 */
final class Glrlm {

    private Glrlm() {
    }

    /** The 16 GLRLM features in the order of the IBSI tables, with their IBSI codes. */
    static final List<Feature<CountMatrix>> FEATURES = List.of(
            new Feature<>("sre", "22OV", Glrlm::shortRunsEmphasis),
            new Feature<>("lre", "W4KF", Glrlm::longRunsEmphasis),
            new Feature<>("lgre", "V3SW", Glrlm::lowGreyLevelRunEmphasis),
            new Feature<>("hgre", "G3QZ", Glrlm::highGreyLevelRunEmphasis),
            new Feature<>("srlge", "HTZT", Glrlm::shortRunLowGreyLevelEmphasis),
            new Feature<>("srhge", "GD3A", Glrlm::shortRunHighGreyLevelEmphasis),
            new Feature<>("lrlge", "IVPO", Glrlm::longRunLowGreyLevelEmphasis),
            new Feature<>("lrhge", "3KUM", Glrlm::longRunHighGreyLevelEmphasis),
            new Feature<>("glnu", "R5YN", Glrlm::greyLevelNonUniformity),
            new Feature<>("glnu_norm", "OVBL", Glrlm::normalisedGreyLevelNonUniformity),
            new Feature<>("rlnu", "W92Y", Glrlm::runLengthNonUniformity),
            new Feature<>("rlnu_norm", "IC23", Glrlm::normalisedRunLengthNonUniformity),
            new Feature<>("r_perc", "9ZK5", Glrlm::runPercentage),
            new Feature<>("gl_var", "8CE5", Glrlm::greyLevelVariance),
            new Feature<>("rl_var", "SXLW", Glrlm::runLengthVariance),
            new Feature<>("rl_entr", "HJ9O", Glrlm::runEntropy));

    /** F<sub>rlm.sre</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> r<sub>.j</sub> / j². */
    static double shortRunsEmphasis(CountMatrix m) {
        return m.smallJEmphasis();
    }

    /** F<sub>rlm.lre</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> j² r<sub>.j</sub>. */
    static double longRunsEmphasis(CountMatrix m) {
        return m.largeJEmphasis();
    }

    /** F<sub>rlm.lgre</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> r<sub>i.</sub> / i². */
    static double lowGreyLevelRunEmphasis(CountMatrix m) {
        return m.lowGreyEmphasis();
    }

    /** F<sub>rlm.hgre</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> i² r<sub>i.</sub>. */
    static double highGreyLevelRunEmphasis(CountMatrix m) {
        return m.highGreyEmphasis();
    }

    /** F<sub>rlm.srlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> r<sub>ij</sub> / (i² j²). */
    static double shortRunLowGreyLevelEmphasis(CountMatrix m) {
        return m.smallJLowGreyEmphasis();
    }

    /** F<sub>rlm.srhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² r<sub>ij</sub> / j². */
    static double shortRunHighGreyLevelEmphasis(CountMatrix m) {
        return m.smallJHighGreyEmphasis();
    }

    /** F<sub>rlm.lrlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² r<sub>ij</sub> / i². */
    static double longRunLowGreyLevelEmphasis(CountMatrix m) {
        return m.largeJLowGreyEmphasis();
    }

    /** F<sub>rlm.lrhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² r<sub>ij</sub>. */
    static double longRunHighGreyLevelEmphasis(CountMatrix m) {
        return m.largeJHighGreyEmphasis();
    }

    /** F<sub>rlm.glnu</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> r<sub>i.</sub>². */
    static double greyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformity();
    }

    /** F<sub>rlm.glnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>i</sub> r<sub>i.</sub>². */
    static double normalisedGreyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformityNormalised();
    }

    /** F<sub>rlm.rlnu</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> r<sub>.j</sub>². */
    static double runLengthNonUniformity(CountMatrix m) {
        return m.jNonUniformity();
    }

    /** F<sub>rlm.rlnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>j</sub> r<sub>.j</sub>². */
    static double normalisedRunLengthNonUniformity(CountMatrix m) {
        return m.jNonUniformityNormalised();
    }

    /** F<sub>rlm.r.perc</sub> = N<sub>s</sub> / N<sub>v</sub>. */
    static double runPercentage(CountMatrix m) {
        return m.percentage();
    }

    /** F<sub>rlm.gl.var</sub> = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ i p<sub>ij</sub>. */
    static double greyLevelVariance(CountMatrix m) {
        return m.greyVariance();
    }

    /** F<sub>rlm.rl.var</sub> = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ j p<sub>ij</sub>. */
    static double runLengthVariance(CountMatrix m) {
        return m.jVariance();
    }

    /** F<sub>rlm.rl.entr</sub> = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>. */
    static double runEntropy(CountMatrix m) {
        return m.entropy();
    }

    /**
     * Counts the runs along {@code step} that start at voxels roi[from..to) into {@code counts} (cell (i, j) at
     * {@code (i − 1) * width + j}). A voxel starts a run when the voxel before it along the direction has another
     * grey level (or lies outside the intensity mask); the run is followed to its end.
     */
    static void count(RoiGrid g, int from, int to, int step, double[] counts, int width) {
        int[] level = g.level;
        int[] roi = g.roi;
        for (int r = from; r < to; r++) {
            int v = roi[r];
            int a = level[v];
            if (level[v - step] == a) {
                continue;
            }
            int length = 1;
            for (int u = v + step; level[u] == a; u += step) {
                length++;
            }
            counts[(a - 1) * width + length]++;
        }
    }

    /** The feature vectors of the requested dimensions' aggregations. */
    static void compute(RoiGrid g, TextureSettings s, Map<Aggregation, double[]> out) {
        int ng = g.levelCount;
        int width = g.longestLine + 1;
        int n = FEATURES.size();
        boolean d2 = s.dimensions().contains(TextureSettings.Dimension.D2);
        boolean d25 = s.dimensions().contains(TextureSettings.Dimension.D2_5);
        if (d2 || d25) {
            int[] steps = g.steps(RoiGrid.DIRECTIONS_2D, 1);
            FeatureMean perDirection = new FeatureMean(n);
            FeatureMean perSlice = new FeatureMean(n);
            double[][] directionMerged = new double[steps.length][ng * width];
            double[] m = new double[ng * width];
            double[] slice = new double[ng * width];
            double totalVoxels = 0;
            for (int z = 0; z < g.nz; z++) {
                int nv = g.sliceVoxels(z);
                if (nv == 0) {
                    continue;
                }
                totalVoxels += nv;
                Arrays.fill(slice, 0);
                for (int d = 0; d < steps.length; d++) {
                    Arrays.fill(m, 0);
                    count(g, g.sliceStart[z], g.sliceStart[z + 1], steps[d], m, width);
                    if (d2) {
                        perDirection.add(Feature.values(FEATURES, CountMatrix.dense(m, ng, width, nv)));
                        Feature.add(slice, m);
                    }
                    Feature.add(directionMerged[d], m);
                }
                if (d2) {
                    perSlice.add(Feature.values(FEATURES,
                            CountMatrix.dense(slice, ng, width, (double) nv * steps.length)));
                }
            }
            if (d2) {
                out.put(Aggregation.AVG_2D, perDirection.mean());
                out.put(Aggregation.COMB_2D, perSlice.mean());
            }
            if (d25) {
                merged(directionMerged, ng, width, totalVoxels, out, Aggregation.AVG_2_5D, Aggregation.COMB_2_5D);
            }
        }
        if (s.dimensions().contains(TextureSettings.Dimension.D3)) {
            int[] steps = g.steps(RoiGrid.DIRECTIONS_3D, 1);
            double[][] perDirection = new double[steps.length][ng * width];
            for (int d = 0; d < steps.length; d++) {
                count(g, 0, g.roi.length, steps[d], perDirection[d], width);
            }
            merged(perDirection, ng, width, g.roi.length, out, Aggregation.AVG_3D, Aggregation.COMB_3D);
        }
    }

    /**
     * The average over per-direction matrices (each of {@code voxels} voxels) and the features of their sum
     * (N<sub>v</sub> summed over the directions).
     */
    private static void merged(double[][] perDirection, int ng, int width, double voxels,
            Map<Aggregation, double[]> out, Aggregation averaged, Aggregation merged) {
        int n = FEATURES.size();
        if (voxels == 0) {
            out.put(averaged, Feature.undefined(n));
            out.put(merged, Feature.undefined(n));
            return;
        }
        FeatureMean mean = new FeatureMean(n);
        double[] sum = new double[ng * width];
        for (double[] m : perDirection) {
            mean.add(Feature.values(FEATURES, CountMatrix.dense(m, ng, width, voxels)));
            Feature.add(sum, m);
        }
        out.put(averaged, mean.mean());
        out.put(merged, Feature.values(FEATURES, CountMatrix.dense(sum, ng, width, voxels * perDirection.length)));
    }
}
