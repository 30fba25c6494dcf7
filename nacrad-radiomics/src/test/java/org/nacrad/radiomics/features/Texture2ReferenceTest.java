package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * GLSZM, GLDM and NGTDM on breast1 and brain1 with settings PyRadiomics' baselines do not cover (distances > 1,
 * gldm_a > 0, force2Ddimension 1 and 2), against an independent NumPy/SciPy implementation of the definitions
 * ({@code src/test/fixtures-gen/texture2/texture2_reference.py}, which reproduces the baseline columns to 4e-16 and
 * checks its GLSZM, GLDM and NGTDM matrices for every configuration against PyRadiomics' own C code (cmatrices, git
 * 8ed5793, built outside the project) before writing {@code texture2/texture2_reference.csv}). Every feature to 1e-9
 * relative (1e-12 absolute at 0).
 */
class Texture2ReferenceTest {

    private static final Map<String, Map<String, Object>> CONFIGS = Map.of(
            "distances12", Map.of("distances", List.of(1, 2)),
            "alpha1", Map.of("gldm_a", 1),
            "alpha2_FBN", Map.of("gldm_a", 2, "binCount", 32),
            "force2Ddim1", Map.of("force2D", true, "force2Ddimension", 1),
            "force2Ddim2_distances13", Map.of("force2D", true, "force2Ddimension", 2, "distances", List.of(1, 3)),
            "distances2_force2D", Map.of("force2D", true, "distances", List.of(2)));

    @ParameterizedTest
    @CsvSource({"breast1, distances12", "brain1, distances12", "breast1, alpha1", "brain1, alpha1",
        "breast1, alpha2_FBN", "brain1, alpha2_FBN", "breast1, force2Ddim1", "brain1, force2Ddim1",
        "breast1, force2Ddim2_distances13", "brain1, force2Ddim2_distances13", "breast1, distances2_force2D",
        "brain1, distances2_force2D"})
    void matchesIndependentReference(String testCase, String configuration) throws IOException {
        Map<String, Double> expected = reference(testCase, configuration);
        FeatureInput in = BaselineCases.input(testCase, RadiomicsSettings.of(CONFIGS.get(configuration)));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (FeatureFamily family : List.of(new Glszm(), new Gldm(), new Ngtdm())) {
            Map<String, Double> got = family.compute(in, family.featureNames());
            for (String name : family.featureNames()) {
                Double e = expected.get(family.name() + "_" + name);
                assertThat(e).as("reference value of %s_%s", family.name(), name).isNotNull();
                double g = got.get(name);
                double tol = e == 0 ? 1e-12 : 1e-9 * Math.abs(e);
                if (!(Math.abs(g - e) <= tol)) {
                    wrong.add(String.format("%s_%s: expected %.17g got %.17g", family.name(), name, e, g));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(35);
        assertThat(wrong).as("%s %s", testCase, configuration).isEmpty();
    }

    private static Map<String, Double> reference(String testCase, String configuration) throws IOException {
        try (InputStream s = Texture2ReferenceTest.class.getResourceAsStream("/texture2/texture2_reference.csv")) {
            assertThat(s).as("texture2_reference.csv on the test class path").isNotNull();
            Map<String, Double> out = new LinkedHashMap<>();
            for (String line : new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (f.length == 4 && f[0].equals(testCase) && f[1].equals(configuration)) {
                    out.put(f[2], Double.parseDouble(f[3]));
                }
            }
            return out;
        }
    }
}
