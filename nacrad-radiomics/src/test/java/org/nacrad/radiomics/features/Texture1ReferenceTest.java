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
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * GLCM and GLRLM beyond PyRadiomics' baselines (distances [1,2] and [2], asymmetric GLCM, manhattan / euclidean /
 * infinity weighting on anisotropic voxels, force2Ddimension 1 and 2) against {@code texture1_reference.csv}: an
 * independent NumPy implementation written from PyRadiomics' documented definitions
 * ({@code src/test/fixtures-gen/texture1/texture1_reference.py}), which reproduces the baseline columns to 1e-12 and
 * whose per-direction matrices equal those of PyRadiomics' own C code (git 8ed5793) for every configuration.
 */
class Texture1ReferenceTest {

    /** The configurations of the reference script, as settings. */
    static final Map<String, Map<String, Object>> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put("distances12", Map.of("distances", List.of(1, 2)));
        CONFIGS.put("distances2", Map.of("distances", List.of(2)));
        CONFIGS.put("asymmetric", Map.of("symmetricalGLCM", false));
        CONFIGS.put("manhattan", Map.of("weightingNorm", "manhattan"));
        CONFIGS.put("euclidean", Map.of("weightingNorm", "euclidean"));
        CONFIGS.put("infinity", Map.of("weightingNorm", "infinity"));
        CONFIGS.put("force2Dy", Map.of("force2D", true, "force2Ddimension", 1));
        CONFIGS.put("force2Dx", Map.of("force2D", true, "force2Ddimension", 2));
        CONFIGS.put("distances12_euclidean_FBN", Map.of("distances", List.of(1, 2), "weightingNorm", "euclidean",
                "binCount", 32));
    }

    static List<String[]> cases() {
        List<String[]> out = new ArrayList<>();
        for (String c : new String[] {"breast1", "brain1"}) {
            for (String cfg : CONFIGS.keySet()) {
                out.add(new String[] {c, cfg});
            }
        }
        return out;
    }

    private static Map<String, Double> reference(String testCase, String config) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (InputStream in = Texture1ReferenceTest.class.getResourceAsStream("/texture1/texture1_reference.csv")) {
            assertThat(in).as("texture1_reference.csv on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",");
                if (f.length == 4 && f[0].equals(testCase) && f[1].equals(config)) {
                    out.put(f[2], Double.parseDouble(f[3]));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesTheIndependentReference(String testCase, String config) throws IOException {
        Map<String, Double> expected = reference(testCase, config);
        assertThat(expected).hasSize(24 + 16);
        FeatureInput in = BaselineCases.input(testCase, RadiomicsSettings.of(CONFIGS.get(config)));
        List<String> wrong = new ArrayList<>();
        double worst = 0;
        for (FeatureFamily family : new FeatureFamily[] {new Glcm(), new Glrlm()}) {
            Map<String, Double> got = family.compute(in, family.defaultFeatureNames());
            for (Map.Entry<String, Double> e : got.entrySet()) {
                double ref = expected.get(family.name() + "_" + e.getKey());
                double dev = ref == 0 ? Math.abs(e.getValue()) : Math.abs(e.getValue() - ref) / Math.abs(ref);
                worst = Math.max(worst, dev);
                if (!(dev <= 1e-9)) {
                    wrong.add(String.format("%s_%s: expected %.17g got %.17g", family.name(), e.getKey(), ref,
                            e.getValue()));
                }
            }
        }
        System.out.printf("agreement texture1 reference %s %s: largest relative deviation %.1e%n", testCase, config,
                worst);
        assertThat(wrong).isEmpty();
    }
}
