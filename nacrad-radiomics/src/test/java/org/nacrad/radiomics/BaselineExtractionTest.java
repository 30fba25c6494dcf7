package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * The whole pipeline against PyRadiomics' own baselines ({@code pyradiomics/baseline/*.csv}): for each column
 * (case × configuration) and each feature class whose CSV has that column, the extraction runs with the settings
 * parsed from the column's {@code diagnostics_Configuration_Settings}, and every feature row and the original
 * image/mask diagnostics (hashes, sizes, bounding box, voxel and volume counts, centre of mass, mean/min/max) must
 * match: 1e-6 relative, 1e-9 absolute where the reference is 0. Documented exception: brain1's original
 * MeshVolume, SurfaceArea, Sphericity, SurfaceVolumeRatio follow current PyRadiomics ({@code current/brain1_851.csv}).
 *
 * <p>Classes not yet implemented in this build are listed and the column is reported as aborted (not passed)
 * after the implemented classes have been checked.
 */
class BaselineExtractionTest {

    static final List<String> FAMILIES = FeatureFamilies.PYRADIOMICS_NAMES;

    static Stream<String> columns() {
        Set<String> cols = new LinkedHashSet<>();
        for (String cases : List.of("breast1", "brain1")) {
            for (String config : List.of("", "_2d", "_FBN", "_combined", "_flatRegion", "_normalization",
                    "_resampling", "_resegmentation", "_shape2D")) {
                cols.add(cases + config);
            }
        }
        return cols.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void column(String column) {
        String testCase = column.startsWith("breast1") ? "breast1" : "brain1";
        List<String> missing = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (String family : FAMILIES) {
            Map<String, Map<String, String>> table = BaselineCases.baseline(family);
            if (!table.get("diagnostics_Configuration_Settings").containsKey(column)) {
                continue;
            }
            if (FeatureFamilies.find(family).isEmpty()) {
                missing.add(family);
                continue;
            }
            Map<String, Double> expected = BaselineCases.baselineFeatures(family, column);
            if (column.equals("brain1") && family.equals("shape")) {
                Map<String, Double> current = BaselineCases.current851("brain1");
                for (String f : List.of("MeshVolume", "SurfaceArea", "Sphericity", "SurfaceVolumeRatio")) {
                    expected.put("original_shape_" + f, current.get("original_shape_" + f));
                }
            }
            List<String> names = new ArrayList<>();
            for (String name : expected.keySet()) {
                names.add(name.substring(name.lastIndexOf('_') + 1));
            }
            ParameterFile params = new ParameterFile(column, Map.of("Original", Map.of()), Map.of(family, names),
                    BaselineCases.radiomicsSettings(family, column), Map.of());
            RadiomicsResult r = new RadiomicsExtractor(params)
                    .execute(BaselineCases.image(testCase), BaselineCases.maskOfColumn(column));
            for (Map.Entry<String, Double> e : expected.entrySet()) {
                Double actual = r.features().get(e.getKey());
                compared++;
                if (actual == null) {
                    failures.add(e.getKey() + ": not computed");
                } else if (!close(actual, e.getValue())) {
                    failures.add(e.getKey() + ": " + actual + " vs PyRadiomics " + e.getValue());
                }
            }
            assertThat(r.features()).hasSize(expected.size());
            compareDiagnostics(table, column, r.diagnostics(), failures);
        }
        if (!failures.isEmpty()) {
            fail(column + ": " + failures.size() + " of " + compared + " differ:\n  " + String.join("\n  ", failures));
        }
        Assumptions.assumeTrue(missing.isEmpty(), column + ": " + compared + " features match; classes not yet "
                + "implemented: " + missing);
    }

    private static void compareDiagnostics(Map<String, Map<String, String>> table, String column,
                                           Map<String, Object> actual, List<String> failures) {
        for (String key : List.of("Image-original_Hash", "Mask-original_Hash", "Image-original_Spacing",
                "Image-original_Size", "Image-original_Mean", "Image-original_Minimum", "Image-original_Maximum",
                "Mask-original_Spacing", "Mask-original_Size", "Mask-original_BoundingBox", "Mask-original_VoxelNum",
                "Mask-original_VolumeNum", "Mask-original_CenterOfMassIndex", "Mask-original_CenterOfMass",
                "Mask-corrected_Size", "Mask-corrected_BoundingBox", "Mask-corrected_VoxelNum",
                "Mask-corrected_VolumeNum", "Mask-corrected_CenterOfMassIndex", "Mask-corrected_CenterOfMass",
                "Mask-corrected_Mean", "Mask-corrected_Minimum", "Mask-corrected_Maximum")) {
            Map<String, String> row = table.get("diagnostics_" + key);
            String want = row == null ? null : row.get(column);
            if (want == null || want.isEmpty()) {
                continue;
            }
            Object got = actual.get("diagnostics_" + key);
            if (got == null) {
                failures.add("diagnostics_" + key + ": missing");
            } else if (key.endsWith("Hash")) {
                if (!want.equals(got)) {
                    failures.add("diagnostics_" + key + ": " + got + " vs PyRadiomics " + want);
                }
            } else {
                double[] w = numbers(want);
                double[] a = numbers(String.valueOf(got));
                boolean ok = w.length == a.length;
                for (int n = 0; ok && n < w.length; n++) {
                    ok = close(a[n], w[n]);
                }
                if (!ok) {
                    failures.add("diagnostics_" + key + ": " + got + " vs PyRadiomics " + want);
                }
            }
        }
    }

    private static double[] numbers(String text) {
        String t = text.replaceAll("[()\\[\\] ]", "");
        return Stream.of(t.split(",")).filter(x -> !x.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }

    static boolean close(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == 0) {
            return Math.abs(actual) <= 1e-9;
        }
        return Math.abs(actual - expected) <= 1e-6 * Math.abs(expected);
    }

    /** Current PyRadiomics' default extraction (no parameter file): the original_* features of the 851. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"breast1", "brain1"})
    void defaultsMatchCurrentPyRadiomics(String testCase) {
        Map<String, Double> expected = new LinkedHashMap<>();
        BaselineCases.current851(testCase).forEach((k, v) -> {
            if (k.startsWith("original_")) {
                expected.put(k, v);
            }
        });
        RadiomicsResult r = new RadiomicsExtractor(ParameterFile.defaults())
                .execute(BaselineCases.image(testCase), BaselineCases.mask(testCase));
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            String family = e.getKey().split("_")[1];
            if (FeatureFamilies.find(family).isEmpty()) {
                if (!missing.contains(family)) {
                    missing.add(family);
                }
                continue;
            }
            compared++;
            Double a = r.features().get(e.getKey());
            if (a == null || !close(a, e.getValue())) {
                failures.add(e.getKey() + ": " + a + " vs " + e.getValue());
            }
        }
        if (!failures.isEmpty()) {
            fail(testCase + ": " + failures.size() + " of " + compared + " differ:\n  " + String.join("\n  ", failures));
        }
        // PyRadiomics' order: shape first, then firstorder, glcm, gldm, glrlm, glszm, ngtdm
        List<String> expectedOrder = expected.keySet().stream()
                .filter(k -> FeatureFamilies.find(k.split("_")[1]).isPresent()).toList();
        assertThat(r.features().keySet()).containsExactlyElementsOf(expectedOrder);
        Assumptions.assumeTrue(missing.isEmpty(), testCase + ": " + compared + " features match; classes not yet "
                + "implemented: " + missing);
    }
}
