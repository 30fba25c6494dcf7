package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class GlrlmTest {

    private final Glrlm glrlm = new Glrlm();

    /** PyRadiomics' documented 5×5 GLRLM example image (rows are j, columns i). */
    static final int[][] DOC_IMAGE = {
        {5, 2, 5, 4, 4},
        {3, 3, 3, 1, 3},
        {2, 1, 1, 1, 3},
        {4, 2, 2, 2, 3},
        {3, 5, 3, 3, 2}};

    @Test
    void workedExampleMatrix() {
        FeatureInput in = GlcmTest.image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        int[][] offsets = Directions.of(in, new int[] {1}, false);
        assertThat(offsets[3]).containsExactly(1, 0, 0);
        int[] r = Glrlm.runs(in, new int[][] {offsets[3]}, 5)[0];
        assertThat(r).containsExactly(
                1, 0, 1, 0, 0,
                3, 0, 1, 0, 0,
                4, 1, 1, 0, 0,
                1, 1, 0, 0, 0,
                3, 0, 0, 0, 0);
    }

    @Test
    void workedExampleFeaturesOfTheHorizontalMatrix() {
        Glrlm.Matrix m = Glrlm.matrices(GlcmTest.image2D(DOC_IMAGE, RadiomicsSettings.defaults()))[3];
        // 17 runs; by length 12, 2, 3; by grey level 2, 4, 6, 2, 3; 25 voxels
        assertThat(m.runs).isEqualTo(17.0);
        assertThat(m.runPercentage()).isCloseTo(17 / 25.0, within(1e-15));
        assertThat(m.shortRunEmphasis()).isCloseTo((12 + 2 / 4.0 + 3 / 9.0) / 17, within(1e-15));
        assertThat(m.longRunEmphasis()).isCloseTo((12 + 2 * 4 + 3 * 9) / 17.0, within(1e-15));
        assertThat(m.grayLevelNonUniformity()).isCloseTo((4 + 16 + 36 + 4 + 9) / 17.0, within(1e-15));
        assertThat(m.runLengthNonUniformityNormalized()).isCloseTo((144 + 4 + 9) / 289.0, within(1e-15));
        // μ = (2·1 + 4·2 + 6·3 + 2·4 + 3·5)/17 = 51/17 = 3
        assertThat(m.grayLevelVariance()).isCloseTo((2 * 4 + 4 * 1 + 0 + 2 * 1 + 3 * 4) / 17.0, within(1e-15));
    }

    @Test
    void runsAreBrokenByTheMaskAndSingleVoxelDirectionsDropped() {
        // 1 1 0 1 along x: two runs of 1 (lengths 2 and 1); no column holds two ROI voxels along y.
        FeatureInput in = GlcmTest.image2D(new int[][] {{1, 1, 0, 1}}, RadiomicsSettings.defaults());
        int[][] offsets = Directions.of(in, new int[] {1}, false);
        assertThat(offsets).hasNumberOfRows(1); // a 4×1×1 box has only the x direction
        int[] r = Glrlm.runs(in, offsets, 1)[0];
        assertThat(r).containsExactly(1, 1, 0, 0);
        FeatureInput col = GlcmTest.image2D(new int[][] {{1, 0}, {0, 1}}, RadiomicsSettings.defaults());
        int[][] dirs = Directions.of(col, new int[] {1}, false);
        int[][] runs = Glrlm.runs(col, dirs, 1);
        // (1,1) diagonal holds both voxels: kept; the other three directions only single voxels: emptied
        int kept = 0;
        for (int a = 0; a < dirs.length; a++) {
            if (runs[a][0] + runs[a][1] > 0) {
                kept++;
                assertThat(dirs[a]).containsExactly(1, 1, 0);
                assertThat(runs[a]).containsExactly(0, 1); // one run of length 2
            }
        }
        assertThat(kept).isEqualTo(1);
        Map<String, Double> f = glrlm.compute(col, List.of("RunPercentage"));
        assertThat(f.get("RunPercentage")).isEqualTo(0.5);
    }

    @Test
    void unitWeightsMergeLikeNoWeighting() {
        // With unit spacing every distance-1 offset has infinity norm 1: weight 1, the plain sum.
        FeatureInput none = GlcmTest.image2D(DOC_IMAGE, RadiomicsSettings.defaults().with("weightingNorm", "no_weighting"));
        FeatureInput inf = GlcmTest.image2D(DOC_IMAGE, RadiomicsSettings.defaults().with("weightingNorm", "infinity"));
        assertThat(glrlm.compute(inf, glrlm.featureNames())).isEqualTo(glrlm.compute(none, glrlm.featureNames()));
        // Euclidean weights √2 on the diagonals: the merged matrix is Σ w·P
        FeatureInput euc = GlcmTest.image2D(DOC_IMAGE, RadiomicsSettings.defaults().with("weightingNorm", "euclidean"));
        Glrlm.Matrix[] per = Glrlm.matrices(GlcmTest.image2D(DOC_IMAGE, RadiomicsSettings.defaults()));
        double expectedRuns = 0;
        for (int a = 0; a < 4; a++) {
            boolean diagonal = a == 0 || a == 2; // (1,1,0) and (−1,1,0)
            expectedRuns += per[a].runs * (diagonal ? Math.sqrt(2) : 1);
        }
        assertThat(Glrlm.matrices(euc)[0].runs).isCloseTo(expectedRuns, within(1e-12));
    }

    @Test
    void unknownNamesAreRefused() {
        assertThatThrownBy(() -> glrlm.compute(null, List.of("RunLength"))).hasMessageContaining("no feature");
        assertThat(glrlm.featureNames()).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1", "breast1_2d", "brain1_2d", "breast1_FBN", "brain1_FBN",
        "breast1_combined", "brain1_combined", "breast1_flatRegion", "brain1_flatRegion"})
    void matchesPyRadiomicsBaseline(String column) {
        FirstOrderTest.assertMatchesBaseline(glrlm, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        FirstOrderTest.assertMatchesCurrent(glrlm, testCase);
    }

    /**
     * Runs found from the ROI voxels equal runs found by walking every line through the box (the definition), for
     * random boxes and ROIs: solid, sparse with gaps, single-slice and single-row ones (where directions must be
     * dropped), all 13 directions.
     */
    @Test
    void runsFromRoiVoxelsEqualRunsAlongEveryLine() {
        java.util.Random r = new java.util.Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int[] size = {1 + r.nextInt(6), 1 + r.nextInt(6), 1 + r.nextInt(4)};
            int len = size[0] * size[1] * size[2];
            boolean[] mask = new boolean[len];
            int[] levels = new int[len];
            double fill = new double[] {0.2, 0.6, 1.0}[trial % 3];
            int ng = 1 + r.nextInt(4);
            for (int n = 0; n < len; n++) {
                mask[n] = r.nextDouble() < fill;
                levels[n] = mask[n] ? 1 + r.nextInt(ng) : 0;
            }
            FeatureInput in = new FeatureInput(size, new double[] {1, 1, 1}, mask, new double[len], levels,
                    RadiomicsSettings.defaults());
            int[][] offsets = Directions.of(in, new int[] {1}, false);
            int[][] runs = Glrlm.runs(in, offsets, ng);
            for (int a = 0; a < offsets.length; a++) {
                assertThat(runs[a]).as("trial %d, direction %d", trial, a)
                        .containsExactly(runsAlongLines(size, mask, levels, offsets[a], ng));
            }
        }
    }

    /** The definition: every line through the box along o, runs of equal level broken by non-ROI voxels. */
    private static int[] runsAlongLines(int[] size, boolean[] mask, int[] levels, int[] o, int ng) {
        int nx = size[0], ny = size[1], nz = size[2];
        int maxRun = Math.max(nx, Math.max(ny, nz));
        int[] out = new int[ng * maxRun];
        boolean multi = false;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int pi = i - o[0], pj = j - o[1], pk = k - o[2];
                    if (pi >= 0 && pi < nx && pj >= 0 && pj < ny && pk >= 0 && pk < nz) {
                        continue; // not the first voxel of its line
                    }
                    int gl = 0, run = 0, elements = 0;
                    for (int x = i, y = j, z = k; x >= 0 && x < nx && y >= 0 && y < ny && z >= 0 && z < nz;
                         x += o[0], y += o[1], z += o[2]) {
                        int n = x + nx * (y + ny * z);
                        int v = mask[n] ? levels[n] : 0;
                        elements += mask[n] ? 1 : 0;
                        if (v == gl) {
                            run++;
                        } else {
                            if (gl > 0) {
                                out[(gl - 1) * maxRun + run - 1]++;
                            }
                            gl = v;
                            run = 1;
                        }
                    }
                    if (gl > 0) {
                        out[(gl - 1) * maxRun + run - 1]++;
                    }
                    multi |= elements > 1;
                }
            }
        }
        return multi ? out : new int[ng * maxRun];
    }
}
