package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.FeatureFamilies;
import org.nacrad.radiomics.FeatureFamily;

/** Each family's feature table: PyRadiomics' order, its default features, and the names it refuses. */
class FeatureTableTest {

    @Test
    void tablesAreInPyRadiomicsMethodOrder() {
        for (String name : FeatureFamilies.names()) {
            FeatureFamily f = FeatureFamilies.byName(name);
            // PyRadiomics lists a class's features by the name of their get<Name>FeatureValue method
            assertThat(f.featureNames()).as(name)
                    .isSortedAccordingTo(Comparator.comparing((String n) -> n + "FeatureValue"));
            assertThat(f.featureNames()).as(name).containsAll(f.defaultFeatureNames());
        }
    }

    @Test
    void defaultAndOnRequestFeaturesAsInPyRadiomics() {
        // default features of PyRadiomics 8ed5793 (107 in all); on request: StandardDeviation, Compactness1/2,
        // SphericalDisproportion (shape and shape2D)
        Map<String, int[]> counts = Map.of("firstorder", new int[] {18, 19}, "shape", new int[] {14, 17},
                "shape2D", new int[] {9, 10}, "glcm", new int[] {24, 24}, "glrlm", new int[] {16, 16},
                "glszm", new int[] {16, 16}, "gldm", new int[] {14, 14}, "ngtdm", new int[] {5, 5});
        counts.forEach((name, n) -> {
            FeatureFamily f = FeatureFamilies.byName(name);
            assertThat(f.defaultFeatureNames()).as(name).hasSize(n[0]);
            assertThat(f.featureNames()).as(name).hasSize(n[1]);
        });
        assertThat(new FirstOrder().defaultFeatureNames()).doesNotContain("StandardDeviation");
        assertThat(new Shape().defaultFeatureNames()).doesNotContain("Compactness1", "SphericalDisproportion");
    }
}
