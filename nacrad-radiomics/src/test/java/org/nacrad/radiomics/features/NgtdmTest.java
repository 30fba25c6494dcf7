package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nacrad.radiomics.features.GlszmTest.image2D;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class NgtdmTest {

    private final Ngtdm ngtdm = new Ngtdm();

    /** PyRadiomics' 4×4 NGTDM example (no voxel of level 4). */
    static final int[][] DOC_IMAGE = {
        {1, 2, 5, 2},
        {3, 5, 1, 3},
        {1, 3, 5, 5},
        {3, 1, 1, 1}};

    @Test
    void workedExampleMatrix() {
        Ngtdm.Matrix m = Ngtdm.matrix(image2D(DOC_IMAGE, RadiomicsSettings.defaults()));
        assertThat(m.i).containsExactly(1, 2, 3, 5);
        assertThat(m.n).containsExactly(6, 2, 4, 4);
        assertThat(m.p).containsExactly(0.375, 0.125, 0.25, 0.25);
        double s1 = Math.abs(1 - 10 / 3.0) + Math.abs(1 - 30 / 8.0) + Math.abs(1 - 15 / 5.0) + Math.abs(1 - 13 / 5.0)
                + Math.abs(1 - 15 / 5.0) + Math.abs(1 - 11 / 3.0);
        double s3 = Math.abs(3 - 12 / 5.0) + Math.abs(3 - 18 / 5.0) + Math.abs(3 - 20 / 8.0) + Math.abs(3 - 5 / 3.0);
        // PyRadiomics' text writes s5 with 14/5 and 18/5; the neighbourhood sums are 13/5, 21/8, 20/8, 11/5 (its table's
        // 10.075 is right)
        double s5 = Math.abs(5 - 13 / 5.0) + Math.abs(5 - 21 / 8.0) + Math.abs(5 - 20 / 8.0) + Math.abs(5 - 11 / 5.0);
        assertThat(s1).isCloseTo(13.35, within(0.005));
        assertThat(s5).isCloseTo(10.075, within(1e-12));
        assertThat(m.s[0]).isCloseTo(s1, within(1e-13));
        assertThat(m.s[1]).isCloseTo(2, within(1e-13));
        assertThat(m.s[2]).isCloseTo(s3, within(1e-13));
        assertThat(m.s[3]).isCloseTo(s5, within(1e-13));
    }

    @Test
    void workedExampleFeatures() {
        Map<String, Double> f = ngtdm.compute(image2D(DOC_IMAGE, RadiomicsSettings.defaults()), ngtdm.featureNames());
        Ngtdm.Matrix m = Ngtdm.matrix(image2D(DOC_IMAGE, RadiomicsSettings.defaults()));
        double[] i = {1, 2, 3, 5};
        double[] p = {0.375, 0.125, 0.25, 0.25};
        double[] s = m.s;
        double ps = 0, sumS = 0;
        for (int x = 0; x < 4; x++) {
            ps += p[x] * s[x];
            sumS += s[x];
        }
        double c = 0, busy = 0, complexity = 0, strength = 0;
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                double d = i[x] - i[y];
                c += p[x] * p[y] * d * d;
                busy += Math.abs(i[x] * p[x] - i[y] * p[y]);
                complexity += Math.abs(d) * (p[x] * s[x] + p[y] * s[y]) / (p[x] + p[y]);
                strength += (p[x] + p[y]) * d * d;
            }
        }
        assertThat(f.get("Coarseness")).isCloseTo(1 / ps, within(1e-14));
        assertThat(f.get("Contrast")).isCloseTo(c / (4 * 3) * sumS / 16, within(1e-14));
        assertThat(f.get("Busyness")).isCloseTo(ps / busy, within(1e-14));
        assertThat(f.get("Complexity")).isCloseTo(complexity / 16, within(1e-14));
        assertThat(f.get("Strength")).isCloseTo(strength / sumS, within(1e-14));
    }

    @Test
    void voxelsWithoutNeighboursAndFlatRegions() {
        // 1 and 2 with a gap: neither has an ROI neighbour, s = 0, but both count in n and Nvp
        Ngtdm.Matrix m = Ngtdm.matrix(image2D(new int[][] {{1, 0, 2}}, RadiomicsSettings.defaults()));
        assertThat(m.n).containsExactly(1, 1);
        assertThat(m.s).containsExactly(0, 0);
        assertThat(m.nvp).isEqualTo(2);
        Map<String, Double> f = ngtdm.compute(image2D(new int[][] {{1, 0, 2}}, RadiomicsSettings.defaults()),
                ngtdm.featureNames());
        assertThat(f).containsEntry("Coarseness", 1e6).containsEntry("Contrast", 0.0)
                .containsEntry("Busyness", 0.0).containsEntry("Complexity", 0.0).containsEntry("Strength", 0.0);
        // a flat region: one grey level, every difference 0
        Map<String, Double> flat = ngtdm.compute(image2D(new int[][] {{4, 4}, {4, 4}}, RadiomicsSettings.defaults()),
                ngtdm.featureNames());
        assertThat(flat).containsEntry("Coarseness", 1e6).containsEntry("Contrast", 0.0)
                .containsEntry("Busyness", 0.0).containsEntry("Complexity", 0.0).containsEntry("Strength", 0.0);
    }

    @Test
    void distancesWidenTheNeighbourhood() {
        // row 1 2 3 6: with distances [1, 2] the first voxel averages 2 and 3
        FeatureInput in = image2D(new int[][] {{1, 2, 3, 6}},
                RadiomicsSettings.defaults().with("distances", List.of(1, 2)));
        Ngtdm.Matrix m = Ngtdm.matrix(in);
        assertThat(m.s).containsExactly(1.5, Math.abs(2 - 10 / 3.0), Math.abs(3 - 3.0), Math.abs(6 - 2.5));
    }

    @Test
    void unknownNamesAreRefused() {
        FeatureInput in = image2D(DOC_IMAGE, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> ngtdm.compute(in, List.of("Foo"))).hasMessageContaining("no feature 'Foo'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1", "breast1_2d", "brain1_2d", "breast1_FBN", "brain1_FBN",
        "breast1_flatRegion", "brain1_flatRegion"})
    void matchesPyRadiomicsBaseline(String column) {
        FirstOrderTest.assertMatchesBaseline(ngtdm, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        FirstOrderTest.assertMatchesCurrent(ngtdm, testCase);
    }
}
