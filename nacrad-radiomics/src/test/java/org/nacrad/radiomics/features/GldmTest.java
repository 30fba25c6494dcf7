package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nacrad.radiomics.features.GlszmTest.DOC_IMAGE;
import static org.nacrad.radiomics.features.GlszmTest.image2D;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class GldmTest {

    private final Gldm gldm = new Gldm();

    @Test
    void workedExampleMatrix() {
        Gldm.Matrix m = Gldm.matrix(image2D(DOC_IMAGE, RadiomicsSettings.defaults()));
        int[][] expected = {
            {0, 1, 2, 1},
            {1, 2, 3, 0},
            {1, 4, 4, 0},
            {1, 2, 0, 0},
            {3, 0, 0, 0}};
        for (int level = 1; level <= 5; level++) {
            for (int dep = 1; dep <= 4; dep++) {
                assertThat(m.count(level, dep)).as("P(%d,%d)", level, dep).isEqualTo(expected[level - 1][dep - 1]);
            }
        }
        assertThat(m.j).containsExactly(1, 2, 3, 4);
        assertThat(m.nz).isEqualTo(25);
    }

    @Test
    void workedExampleFeatures() {
        Map<String, Double> f = gldm.compute(image2D(DOC_IMAGE, RadiomicsSettings.defaults()), gldm.featureNames());
        // p_d = (6, 9, 9, 1) over dependence 1…4, p_g = (4, 6, 9, 3, 3)
        assertThat(f.get("SmallDependenceEmphasis")).isCloseTo((6 + 9 / 4.0 + 9 / 9.0 + 1 / 16.0) / 25,
                within(1e-15));
        assertThat(f.get("LargeDependenceEmphasis")).isCloseTo((6 + 9 * 4 + 9 * 9 + 16) / 25.0, within(1e-14));
        assertThat(f.get("DependenceNonUniformity")).isCloseTo((36 + 81 + 81 + 1) / 25.0, within(1e-14));
        assertThat(f.get("DependenceNonUniformityNormalized")).isCloseTo((36 + 81 + 81 + 1) / 625.0, within(1e-15));
        assertThat(f.get("GrayLevelNonUniformity")).isCloseTo((16 + 36 + 81 + 9 + 9) / 25.0, within(1e-14));
        assertThat(f.get("LowGrayLevelEmphasis")).isCloseTo((4 + 6 / 4.0 + 9 / 9.0 + 3 / 16.0 + 3 / 25.0) / 25,
                within(1e-15));
        double mu = (6 + 2 * 9 + 3 * 9 + 4) / 25.0;
        double dv = (6 * Math.pow(1 - mu, 2) + 9 * Math.pow(2 - mu, 2) + 9 * Math.pow(3 - mu, 2)
                + Math.pow(4 - mu, 2)) / 25;
        assertThat(f.get("DependenceVariance")).isCloseTo(dv, within(1e-14));
    }

    @Test
    void alphaAndDistancesAsPyRadiomics() {
        // one row 1 2 4: with α = 1 the 1 and the 2 depend on each other
        FeatureInput row = image2D(new int[][] {{1, 2, 4}}, RadiomicsSettings.defaults().with("gldm_a", 1));
        Gldm.Matrix m = Gldm.matrix(row);
        assertThat(m.count(1, 2)).isEqualTo(1);
        assertThat(m.count(2, 2)).isEqualTo(1);
        assertThat(m.count(4, 1)).isEqualTo(1);
        // a row of four equal voxels: distances [1, 2] give offsets ±1 and ±2 along the row
        int[][] flat = {{3, 3, 3, 3}};
        Gldm.Matrix d12 = Gldm.matrix(image2D(flat, RadiomicsSettings.defaults().with("distances", List.of(1, 2))));
        assertThat(d12.count(3, 3)).isEqualTo(2); // the ends: 2 neighbours + 1
        assertThat(d12.count(3, 4)).isEqualTo(2); // the middle voxels: 3 neighbours + 1
        Gldm.Matrix d2 = Gldm.matrix(image2D(flat, RadiomicsSettings.defaults().with("distances", List.of(2))));
        assertThat(d2.count(3, 2)).isEqualTo(4);
        // a neighbour outside the ROI is not dependent
        assertThat(Gldm.matrix(image2D(new int[][] {{3, 0, 3}}, RadiomicsSettings.defaults())).count(3, 1))
                .isEqualTo(2);
    }

    @Test
    void badSettingsAndNamesAreRefused() {
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> gldm.compute(in, List.of("DependencePercentage")))
                .hasMessageContaining("deprecated");
        assertThatThrownBy(() -> gldm.compute(in, List.of("GrayLevelNonUniformityNormalized")))
                .hasMessageContaining("Uniformity");
        assertThatThrownBy(() -> gldm.compute(in, List.of("Foo"))).hasMessageContaining("no feature 'Foo'");
        FeatureInput half = image2D(DOC_IMAGE, RadiomicsSettings.defaults().with("gldm_a", 0.5));
        assertThatThrownBy(() -> gldm.compute(half, List.of("DependenceEntropy"))).hasMessageContaining("gldm_a");
        assertThat(gldm.featureNames()).hasSize(14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1", "breast1_2d", "brain1_2d", "breast1_FBN", "brain1_FBN",
        "breast1_flatRegion", "brain1_flatRegion"})
    void matchesPyRadiomicsBaseline(String column) {
        FirstOrderTest.assertMatchesBaseline(gldm, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        FirstOrderTest.assertMatchesCurrent(gldm, testCase);
    }
}
