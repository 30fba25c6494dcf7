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

class GlszmTest {

    private final Glszm glszm = new Glszm();

    /** The 5×5 example of PyRadiomics' GLSZM and GLDM documentation (rows are j, columns i). */
    static final int[][] DOC_IMAGE = {
        {5, 2, 5, 4, 4},
        {3, 3, 3, 1, 3},
        {2, 1, 1, 1, 3},
        {4, 2, 2, 2, 3},
        {3, 5, 3, 3, 2}};

    /** A one-slice input from rows of grey levels (0 = outside the ROI), spacing 1. */
    static FeatureInput image2D(int[][] rows, RadiomicsSettings settings) {
        return image3D(new int[][][] {rows}, settings);
    }

    /** An input from slices (k) of rows (j) of grey levels (i); 0 = outside the ROI. */
    static FeatureInput image3D(int[][][] slices, RadiomicsSettings settings) {
        int nz = slices.length, ny = slices[0].length, nx = slices[0][0].length;
        int[] levels = new int[nx * ny * nz];
        double[] values = new double[levels.length];
        boolean[] mask = new boolean[levels.length];
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    levels[n] = slices[k][j][i];
                    values[n] = slices[k][j][i];
                    mask[n] = slices[k][j][i] > 0;
                }
            }
        }
        return new FeatureInput(new int[] {nx, ny, nz}, new double[] {1, 1, 1}, mask, values, levels, settings);
    }

    @Test
    void workedExampleMatrix() {
        Glszm.Matrix m = Glszm.matrix(image2D(DOC_IMAGE, RadiomicsSettings.defaults()));
        int[][] expected = {
            {0, 0, 0, 1, 0},
            {1, 0, 0, 0, 1},
            {1, 0, 1, 0, 1},
            {1, 1, 0, 0, 0},
            {3, 0, 0, 0, 0}};
        for (int level = 1; level <= 5; level++) {
            for (int size = 1; size <= 5; size++) {
                assertThat(m.count(level, size)).as("P(%d,%d)", level, size)
                        .isEqualTo(expected[level - 1][size - 1]);
            }
        }
        assertThat(m.nz).isEqualTo(11);
        assertThat(m.np).isEqualTo(25);
    }

    @Test
    void workedExampleFeatures() {
        Map<String, Double> f = glszm.compute(image2D(DOC_IMAGE, RadiomicsSettings.defaults()), glszm.featureNames());
        // zone sizes: 1 ×6, 2 ×1, 3 ×1, 4 ×1, 5 ×2; zones per level: 1, 2, 3, 2, 3
        assertThat(f.get("ZonePercentage")).isCloseTo(11 / 25.0, within(1e-15));
        assertThat(f.get("SmallAreaEmphasis")).isCloseTo((6 + 1 / 4.0 + 1 / 9.0 + 1 / 16.0 + 2 / 25.0) / 11,
                within(1e-15));
        assertThat(f.get("LargeAreaEmphasis")).isCloseTo((6 + 4 + 9 + 16 + 2 * 25) / 11.0, within(1e-14));
        assertThat(f.get("GrayLevelNonUniformity")).isCloseTo((1 + 4 + 9 + 4 + 9) / 11.0, within(1e-15));
        assertThat(f.get("SizeZoneNonUniformityNormalized")).isCloseTo((36 + 1 + 1 + 1 + 4) / 121.0, within(1e-15));
        double mu = (1 + 2 * 2 + 3 * 3 + 4 * 2 + 5 * 3) / 11.0;
        double glv = (Math.pow(1 - mu, 2) + 2 * Math.pow(2 - mu, 2) + 3 * Math.pow(3 - mu, 2)
                + 2 * Math.pow(4 - mu, 2) + 3 * Math.pow(5 - mu, 2)) / 11;
        assertThat(f.get("GrayLevelVariance")).isCloseTo(glv, within(1e-14));
        // 9 cells: eight of one zone, one (level 5, size 1) of three
        double ze = -(8 * (1 / 11.0) * Math.log(1 / 11.0) + (3 / 11.0) * Math.log(3 / 11.0)) / Math.log(2);
        assertThat(f.get("ZoneEntropy")).isCloseTo(ze, within(1e-14));
        // LAHGLE: Σ P i² j² / Nz over the cells (1,4) (2,1) (2,5) (3,1) (3,3) (3,5) (4,1) (4,2) (5,1)×3
        double lahgle = (16 + 4 + 100 + 9 + 81 + 225 + 16 + 64 + 3 * 25) / 11.0;
        assertThat(f.get("LargeAreaHighGrayLevelEmphasis")).isCloseTo(lahgle, within(1e-13));
    }

    @Test
    void zonesConnectDiagonallyAcrossSlicesUnlessForce2D() {
        int[][][] img = {{{1, 2}, {2, 2}}, {{2, 2}, {2, 1}}};
        Glszm.Matrix m3 = Glszm.matrix(image3D(img, RadiomicsSettings.defaults()));
        assertThat(m3.count(1, 2)).isEqualTo(1); // (0,0,0) and (1,1,1) are 26-neighbours
        assertThat(m3.count(2, 6)).isEqualTo(1);
        Glszm.Matrix m2 = Glszm.matrix(image3D(img, RadiomicsSettings.defaults().with("force2D", true)));
        assertThat(m2.count(1, 1)).isEqualTo(2);
        assertThat(m2.count(2, 3)).isEqualTo(2);
        // distances do not apply to zones
        Glszm.Matrix far = Glszm.matrix(image2D(new int[][] {{1, 2, 1}},
                RadiomicsSettings.defaults().with("distances", List.of(2))));
        assertThat(far.count(1, 1)).isEqualTo(2);
    }

    @Test
    void unknownNamesAreRefused() {
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> glszm.compute(in, List.of("Foo"))).hasMessageContaining("no feature 'Foo'");
        assertThat(glszm.featureNames()).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1", "breast1_2d", "brain1_2d", "breast1_FBN", "brain1_FBN",
        "breast1_flatRegion", "brain1_flatRegion"})
    void matchesPyRadiomicsBaseline(String column) {
        FirstOrderTest.assertMatchesBaseline(glszm, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        FirstOrderTest.assertMatchesCurrent(glszm, testCase);
    }
}
