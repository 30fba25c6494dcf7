package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class GlcmTest {

    private final Glcm glcm = new Glcm();

    /** PyRadiomics' documented 5×5 example image (rows are j, columns i). */
    static final int[][] DOC_IMAGE = {
        {1, 2, 5, 2, 3},
        {3, 2, 1, 3, 1},
        {1, 3, 5, 5, 2},
        {1, 1, 1, 1, 2},
        {1, 2, 4, 3, 5}};

    static FeatureInput image2D(int[][] rows, RadiomicsSettings settings) {
        int ny = rows.length, nx = rows[0].length;
        int[] levels = new int[nx * ny];
        double[] values = new double[nx * ny];
        boolean[] mask = new boolean[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                levels[i + nx * j] = rows[j][i];
                values[i + nx * j] = rows[j][i];
                mask[i + nx * j] = rows[j][i] > 0;
            }
        }
        return new FeatureInput(new int[] {nx, ny, 1}, new double[] {1, 1, 1}, mask, values, levels, settings);
    }

    @Test
    void workedExampleMatrix() {
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        int[][] offsets = Directions.of(in, false);
        assertThat(offsets[3]).containsExactly(1, 0, 0); // θ = 0°: along the rows
        int[] c = Glcm.counts(in, new int[][] {offsets[3]}, 5)[0];
        int[] sym = new int[25];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                sym[i * 5 + j] = c[i * 5 + j] + c[j * 5 + i];
            }
        }
        assertThat(sym).containsExactly(
                6, 4, 3, 0, 0,
                4, 0, 2, 1, 3,
                3, 2, 0, 1, 2,
                0, 1, 1, 0, 0,
                0, 3, 2, 0, 2);
    }

    @Test
    void workedExampleFeaturesOfTheHorizontalMatrix() {
        // A one-row-direction setup: force2D on a 5×5 image still has 4 directions, so check the θ = 0° matrix.
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        Glcm.Matrix m = Glcm.matrices(in)[3];
        // Contrast = Σ(i−j)²P/40: off-diagonal pairs (1,2)4·1 (1,3)3·4 (2,3)2·1 (2,4)1·4 (2,5)3·9 (3,4)1·1 (3,5)2·4, twice
        double contrast = 2 * (4 * 1 + 3 * 4 + 2 * 1 + 1 * 4 + 3 * 9 + 1 * 1 + 2 * 4) / 40.0;
        assertThat(m.contrast()).isCloseTo(contrast, within(1e-15));
        // JointEnergy = Σ P²/40²
        int[] p = {6, 4, 3, 0, 0, 4, 0, 2, 1, 3, 3, 2, 0, 1, 2, 0, 1, 1, 0, 0, 0, 3, 2, 0, 2};
        double e = Arrays.stream(p).mapToDouble(v -> v * v).sum() / 1600.0;
        assertThat(m.jointEnergy()).isCloseTo(e, within(1e-15));
        assertThat(m.maximumProbability()).isEqualTo(6 / 40.0);
        // μx = Σ i·px(i): row sums 13, 10, 8, 2, 7
        assertThat(m.jointAverage()).isCloseTo((13 + 20 + 24 + 8 + 35) / 40.0, within(1e-15));
        assertThat(m.sumAverage()).isCloseTo(2 * m.jointAverage(), within(1e-14));
    }

    @Test
    void eigenvaluesOfASymmetricMatrix() {
        // tridiagonal (−1, 2, −1) of order 6: λₖ = 2 − 2cos(kπ/7)
        int n = 6;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 2;
            if (i + 1 < n) {
                a[i * n + i + 1] = -1;
                a[(i + 1) * n + i] = -1;
            }
        }
        double[] ev = GlcmEigen.symmetricEigenvalues(a, n);
        for (int k = 1; k <= n; k++) {
            assertThat(ev[k - 1]).isCloseTo(2 - 2 * Math.cos(k * Math.PI / 7), within(1e-14));
        }
        // a full matrix: [[4,1,2],[1,3,0],[2,0,5]] has characteristic polynomial λ³ − 12λ² + 42λ − 43
        double[] b = {4, 1, 2, 1, 3, 0, 2, 0, 5};
        for (double l : GlcmEigen.symmetricEigenvalues(b, 3)) {
            assertThat(((l - 12) * l + 42) * l - 43).isCloseTo(0, within(1e-12));
        }
        double[] sum = GlcmEigen.symmetricEigenvalues(b, 3);
        assertThat(sum[0] + sum[1] + sum[2]).isCloseTo(12, within(1e-13));
    }

    /**
     * Bisection's two largest eigenvalues (what MCC uses) against the closed form of the second-difference matrix
     * and against QL's on random MCC-like matrices S = W Wᵀ (W ≥ 0), within 2n·ulp(‖S‖) (both methods are backward
     * stable with errors of order n·ε·‖S‖).
     */
    @Test
    void bisectionFindsTheLargestEigenvaluesAsQl() {
        for (int n : new int[] {2, 3, 7, 40, 70}) {
            double[][] t = new double[n][n];
            for (int i = 0; i < n; i++) {
                t[i][i] = 2;
                if (i + 1 < n) {
                    t[i][i + 1] = -1;
                    t[i + 1][i] = -1;
                }
            }
            double[] top = GlcmEigen.largestEigenvalues(t, 2);
            assertThat(top[0]).isCloseTo(2 - 2 * Math.cos((n - 1) * Math.PI / (n + 1)), within(1e-14));
            assertThat(top[1]).isCloseTo(2 - 2 * Math.cos(n * Math.PI / (n + 1)), within(1e-14));
        }
        java.util.Random r = new java.util.Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + r.nextInt(60);
            double[] w = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w[i * n + j] = Math.abs(i - j) < 1 + trial % 7 ? r.nextDouble() / n : 0;
                }
            }
            double[] s = new double[n * n];
            double[][] rows = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double q = 0;
                    for (int k = 0; k < n; k++) {
                        q += w[i * n + k] * w[j * n + k];
                    }
                    s[i * n + j] = q;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i * n + j] = s[Math.min(i, j) * n + Math.max(i, j)]; // exactly symmetric, as MCC builds S
                    rows[i][j] = s[i * n + j];
                }
            }
            double[] ql = GlcmEigen.symmetricEigenvalues(s, n);
            double norm = Math.max(Math.abs(ql[0]), Math.abs(ql[n - 1]));
            double[] top = GlcmEigen.largestEigenvalues(rows, 2);
            assertThat(top[0]).as("n = %d", n).isCloseTo(ql[n - 2], within(2 * n * Math.ulp(norm)));
            assertThat(top[1]).as("n = %d", n).isCloseTo(ql[n - 1], within(2 * n * Math.ulp(norm)));
        }
        assertThat(GlcmEigen.largestEigenvalues(new double[][] {{Double.NaN, 0}, {0, 1}}, 2)).containsOnly(Double.NaN);
    }

    @Test
    void flatRegionGivesPyRadiomicsConventions() {
        FeatureInput in = image2D(new int[][] {{2, 2, 2}, {2, 2, 2}}, RadiomicsSettings.defaults());
        Map<String, Double> f = glcm.compute(in, List.of("MCC", "Correlation", "Imc1", "Imc2", "JointEnergy", "Idmn"));
        assertThat(f).containsEntry("MCC", 1.0).containsEntry("Correlation", 1.0).containsEntry("Imc1", 0.0)
                .containsEntry("Imc2", 0.0).containsEntry("JointEnergy", 1.0).containsEntry("Idmn", 1.0);
    }

    @Test
    void distancesGiveOneMatrixPerOffsetAveraged() {
        // 1 2 1 2 1 along x: at distance 1 every pair differs by 1, at distance 2 none does.
        int[][] row = {{1, 2, 1, 2, 1}};
        RadiomicsSettings d12 = RadiomicsSettings.defaults().with("distances", List.of(1, 2));
        Glcm.Matrix[] m = Glcm.matrices(image2D(row, d12));
        assertThat(m).hasSize(2);
        assertThat(m[0].contrast()).isEqualTo(0.0); // offset (2, 0, 0) first, as PyRadiomics orders them
        assertThat(m[1].contrast()).isEqualTo(1.0);
        // distance 2: pairs (1,1), (2,2), (1,1) → symmetric P = [[4, 0], [0, 2]]
        assertThat(m[0].p).containsExactly(4 / 6.0, 0, 0, 2 / 6.0);
        assertThat(glcm.compute(image2D(row, d12), List.of("Contrast"))).containsEntry("Contrast", 0.5);
    }

    @Test
    void asymmetricMatrixWhenSymmetricalGlcmIsOff() {
        // 1 2 2 along x: pairs (1,2), (2,2)
        int[][] row = {{1, 2, 2}};
        Glcm.Matrix asym = Glcm.matrices(image2D(row, RadiomicsSettings.defaults().with("symmetricalGLCM", false)))[0];
        assertThat(asym.p).containsExactly(0, 0.5, 0, 0.5);
        assertThat(asym.jointAverage()).isEqualTo(1.5);
        Glcm.Matrix sym = Glcm.matrices(image2D(row, RadiomicsSettings.defaults()))[0];
        assertThat(sym.p).containsExactly(0, 0.25, 0.25, 0.5);
        assertThat(sym.jointAverage()).isEqualTo(1.75);
    }

    @Test
    void equalWeightsMergeLikeNoWeighting() {
        // With unit spacing every distance-1 offset has infinity norm 1: the same weight for all directions.
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults().with("weightingNorm", "no_weighting"));
        FeatureInput inf = image2D(DOC_IMAGE, RadiomicsSettings.defaults().with("weightingNorm", "infinity"));
        Map<String, Double> a = glcm.compute(in, glcm.featureNames());
        Map<String, Double> b = glcm.compute(inf, glcm.featureNames());
        for (String f : glcm.featureNames()) {
            assertThat(b.get(f)).as(f).isCloseTo(a.get(f), within(1e-12 * Math.max(1, Math.abs(a.get(f)))));
        }
        assertThat(Glcm.matrices(inf)).hasSize(1);
        // but not like the per-direction mean
        assertThat(glcm.compute(image2D(DOC_IMAGE, RadiomicsSettings.defaults()), List.of("JointEnergy")).get(
                "JointEnergy")).isNotCloseTo(a.get("JointEnergy"), within(1e-6));
    }

    @Test
    void roiVoxelWithoutGreyLevelIsAnError() {
        FeatureInput in = new FeatureInput(new int[] {2, 1, 1}, new double[] {1, 1, 1}, new boolean[] {true, true},
                new double[] {1, 2}, new int[] {1, 0}, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> glcm.compute(in, List.of("Contrast"))).hasMessageContaining("grey level 0");
    }

    @Test
    void deprecatedAndUnknownNamesAreRefused() {
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> glcm.compute(in, List.of("SumVariance"))).hasMessageContaining("deprecated");
        assertThatThrownBy(() -> glcm.compute(in, List.of("Foo"))).hasMessageContaining("no feature 'Foo'");
        assertThat(glcm.featureNames()).hasSize(24).contains("SumAverage", "MCC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1", "breast1_2d", "brain1_2d", "breast1_FBN", "brain1_FBN",
        "breast1_combined", "brain1_combined", "breast1_flatRegion", "brain1_flatRegion"})
    void matchesPyRadiomicsBaseline(String column) {
        // flatRegion: binWidth 5000 with resegmentRange [0], which keeps every ROI voxel of these images.
        FirstOrderTest.assertMatchesBaseline(glcm, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        FirstOrderTest.assertMatchesCurrent(glcm, testCase);
    }
}
