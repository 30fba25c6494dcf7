package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.testing.BaselineCases;

class FirstOrderTest {

    private final FirstOrder fo = new FirstOrder();

    /** The Javadoc's worked example: X = {1, 2, 2, 4, 6}, grey levels {1, 2, 2, 3, 4}, 1 mm voxels. */
    @Test
    void workedExample() {
        FeatureInput in = new FeatureInput(new int[] {5, 1, 1}, new double[] {1, 1, 1},
                new boolean[] {true, true, true, true, true}, new double[] {6, 2, 1, 4, 2}, new int[] {4, 2, 1, 3, 2},
                RadiomicsSettings.defaults());
        Map<String, Double> f = fo.compute(in, fo.featureNames());
        assertThat(f.get("Mean")).isEqualTo(3.0);
        assertThat(f.get("Variance")).isEqualTo(3.2);
        assertThat(f.get("StandardDeviation")).isEqualTo(Math.sqrt(3.2));
        assertThat(f.get("Median")).isEqualTo(2.0);
        assertThat(f.get("Minimum")).isEqualTo(1.0);
        assertThat(f.get("Maximum")).isEqualTo(6.0);
        assertThat(f.get("Range")).isEqualTo(5.0);
        assertThat(f.get("Energy")).isEqualTo(61.0);
        assertThat(f.get("TotalEnergy")).isEqualTo(61.0);
        assertThat(f.get("RootMeanSquared")).isEqualTo(Math.sqrt(61.0 / 5));
        // h = 4·0.1 = 0.4 → 1 + 0.4·(2 − 1); h = 3.6 → 4 + 0.6·(6 − 4)
        assertThat(f.get("10Percentile")).isCloseTo(1.4, within(1e-15));
        assertThat(f.get("90Percentile")).isCloseTo(5.2, within(1e-15));
        // P25 = 2 (h = 1), P75 = 4 (h = 3)
        assertThat(f.get("InterquartileRange")).isEqualTo(2.0);
        // |X − 3| = 2, 1, 1, 1, 3
        assertThat(f.get("MeanAbsoluteDeviation")).isEqualTo(8.0 / 5);
        // [1.4, 5.2] keeps {2, 2, 4}: mean 8/3, deviations 2/3, 2/3, 4/3
        assertThat(f.get("RobustMeanAbsoluteDeviation")).isCloseTo(8.0 / 9, within(1e-15));
        // central moments: μ2 = 16/5, μ3 = (−8 −1 −1 +1 +27)/5 = 18/5, μ4 = (16+1+1+1+81)/5 = 20
        assertThat(f.get("Skewness")).isCloseTo(3.6 / Math.pow(3.2, 1.5), within(1e-15));
        assertThat(f.get("Kurtosis")).isCloseTo(20 / (3.2 * 3.2), within(1e-14));
        // p = {0.2, 0.4, 0.2, 0.2}
        assertThat(f.get("Uniformity")).isCloseTo(0.28, within(1e-15));
        double h = -(3 * 0.2 * Math.log(0.2) + 0.4 * Math.log(0.4)) / Math.log(2);
        assertThat(f.get("Entropy")).isCloseTo(h, within(1e-12));
    }

    @Test
    void voxelArrayShiftOnlyMovesEnergyTotalEnergyAndRms() {
        FeatureInput in = new FeatureInput(new int[] {3, 1, 1}, new double[] {2, 1, 0.5},
                new boolean[] {true, true, false}, new double[] {-1, 3, 100}, new int[] {1, 2, 0},
                RadiomicsSettings.defaults().with("voxelArrayShift", 10));
        Map<String, Double> f = fo.compute(in, fo.featureNames());
        assertThat(f.get("Energy")).isEqualTo(81.0 + 169.0);
        assertThat(f.get("TotalEnergy")).isEqualTo(250.0);
        assertThat(f.get("RootMeanSquared")).isEqualTo(Math.sqrt(125.0));
        assertThat(f.get("Mean")).isEqualTo(1.0);
        assertThat(f.get("Maximum")).isEqualTo(3.0);
    }

    @Test
    void flatRegionHasZeroSkewnessAndKurtosis() {
        FeatureInput in = new FeatureInput(new int[] {2, 1, 1}, new double[] {1, 1, 1}, new boolean[] {true, true},
                new double[] {7, 7}, new int[] {1, 1}, RadiomicsSettings.defaults());
        Map<String, Double> f = fo.compute(in, List.of("Skewness", "Kurtosis", "Entropy", "Uniformity"));
        assertThat(f).containsEntry("Skewness", 0.0).containsEntry("Kurtosis", 0.0).containsEntry("Uniformity", 1.0);
        assertThat(f.get("Entropy")).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void namesAndErrors() {
        assertThat(fo.name()).isEqualTo("firstorder");
        assertThat(fo.featureNames()).hasSize(19).contains("StandardDeviation");
        assertThat(fo.defaultFeatureNames()).hasSize(18).doesNotContain("StandardDeviation");
        FeatureInput noLevels = new FeatureInput(new int[] {1, 1, 1}, new double[] {1, 1, 1}, new boolean[] {true},
                new double[] {3}, null, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> fo.compute(noLevels, List.of("Mode"))).hasMessageContaining("no feature 'Mode'");
        assertThatThrownBy(() -> fo.compute(noLevels, List.of("Entropy"))).hasMessageContaining("grey levels");
        assertThat(fo.compute(noLevels, List.of("Mean"))).containsEntry("Mean", 3.0);
        assertThatThrownBy(() -> new Glcm().compute(noLevels, List.of("Contrast"))).hasMessageContaining("grey levels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesPyRadiomicsBaseline(String column) {
        assertMatchesBaseline(fo, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        assertMatchesCurrent(fo, testCase);
    }

    // ---- shared with GlcmTest and GlrlmTest -----------------------------------------------------------------

    /** Every feature of the family in a baseline column, to 1e-6 relative (1e-9 absolute where it is 0). */
    static void assertMatchesBaseline(FeatureFamily family, String column) {
        RadiomicsSettings settings = BaselineCases.radiomicsSettings(family.name(), column);
        String testCase = column.contains("_") ? column.substring(0, column.indexOf('_')) : column;
        FeatureInput in = BaselineCases.input(testCase, settings);
        Map<String, Double> expected = BaselineCases.baselineFeatures(family.name(), column);
        assertSameValues(family, in, expected, "original_" + family.name() + "_", column);
    }

    /** Every original feature of the family in current PyRadiomics' 851 (default settings). */
    static void assertMatchesCurrent(FeatureFamily family, String testCase) {
        FeatureInput in = BaselineCases.input(testCase, RadiomicsSettings.defaults());
        assertSameValues(family, in, BaselineCases.current851(testCase), "original_" + family.name() + "_",
                testCase + "_851");
    }

    private static void assertSameValues(FeatureFamily family, FeatureInput in, Map<String, Double> expected,
                                         String prefix, String what) {
        List<String> names = new ArrayList<>();
        for (String key : expected.keySet()) {
            if (key.startsWith(prefix)) {
                names.add(key.substring(prefix.length()));
            }
        }
        assertThat(names).as("features of %s in %s", family.name(), what)
                .containsExactlyInAnyOrderElementsOf(family.defaultFeatureNames());
        Map<String, Double> got = family.compute(in, names);
        List<String> wrong = new ArrayList<>();
        double worst = 0;
        for (String n : names) {
            double e = expected.get(prefix + n), g = got.get(n);
            double tol = e == 0 ? 1e-9 : 1e-6 * Math.abs(e);
            worst = Math.max(worst, e == 0 ? Math.abs(g) : Math.abs(g - e) / Math.abs(e));
            if (!(Math.abs(g - e) <= tol)) {
                wrong.add(String.format("%s: expected %.17g got %.17g (rel %.2e)", n, e, g, Math.abs(g - e) / Math.abs(e)));
            }
        }
        System.out.printf("agreement %s %s: %d features, largest relative deviation %.1e%n", family.name(), what,
                names.size(), worst);
        assertThat(wrong).as("%s %s", family.name(), what).isEmpty();
    }
}
