package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * Shape and shape2D against PyRadiomics' own numbers: its baseline CSVs (PyRadiomics 2.x) and current PyRadiomics'
 * 851-feature output (git 8ed5793), to 1e-6 relative.
 */
class ShapeBaselineTest {

    private static final double REL = 1e-6;

    /**
     * brain1's MeshVolume, SurfaceArea and the two features derived from them: current PyRadiomics is the reference.
     * The baseline values were regenerated in September 2018 (PyRadiomics commit 1642170) and moved only for brain1
     * (SurfaceArea 6438.821603779402 in the March 2018 baseline, 617ddcc, equal to current PyRadiomics and to this
     * code; 6433.7343171 since). cshape.c's mesh code and triangle table are the same at both commits and today, and
     * no flip or permutation of brain1's axes reproduces the September numbers, so they come from the build that
     * generated them, not from any committed PyRadiomics; PyRadiomics' own tests accept 3 % and never flagged it.
     */
    private static final Set<String> BRAIN1_STALE = Set.of("MeshVolume", "SurfaceArea", "Sphericity",
            "SurfaceVolumeRatio");

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesBaselineShape(String testCase) {
        RadiomicsSettings settings = BaselineCases.radiomicsSettings("shape", testCase);
        FeatureInput input = BaselineCases.input(testCase, settings);
        Map<String, Double> expected = new LinkedHashMap<>();
        BaselineCases.baselineFeatures("shape", testCase).forEach((k, v) -> expected.put(strip(k, "original_shape_"), v));
        if (testCase.equals("brain1")) {
            Map<String, Double> current = BaselineCases.current851(testCase);
            for (String f : BRAIN1_STALE) {
                expected.put(f, current.get("original_shape_" + f));
            }
        }
        assertThat(expected).hasSize(14);
        Map<String, Double> actual = new Shape().compute(input, expected.keySet());
        expected.forEach((f, v) -> assertThat(actual.get(f)).as(testCase + " " + f).isCloseTo(v, within(REL * Math.abs(v))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesCurrentPyRadiomics(String testCase) {
        FeatureInput input = BaselineCases.input(testCase, RadiomicsSettings.defaults());
        Map<String, Double> expected = new LinkedHashMap<>();
        BaselineCases.current851(testCase).forEach((k, v) -> {
            if (k.startsWith("original_shape_")) {
                expected.put(strip(k, "original_shape_"), v);
            }
        });
        assertThat(expected).hasSize(14);
        Map<String, Double> actual = new Shape().compute(input, expected.keySet());
        expected.forEach((f, v) -> assertThat(actual.get(f)).as(testCase + " " + f).isCloseTo(v, within(REL * Math.abs(v))));
    }

    /**
     * The baseline brain1 values the current code does not reproduce: documents the size of the discrepancy (the
     * old baseline is off by up to 9e-4 relative), so a change in it is noticed.
     */
    @org.junit.jupiter.api.Test
    void brain1StaleBaselineDiffersAsDocumented() {
        FeatureInput input = BaselineCases.input("brain1", BaselineCases.radiomicsSettings("shape", "brain1"));
        Map<String, Double> old = BaselineCases.baselineFeatures("shape", "brain1");
        Map<String, Double> actual = new Shape().compute(input, BRAIN1_STALE);
        for (String f : BRAIN1_STALE) {
            double rel = Math.abs(actual.get(f) / old.get("original_shape_" + f) - 1);
            assertThat(rel).as(f).isBetween(1e-4, 1e-3);
        }
    }

    /**
     * shape2D columns: the 2D test masks are the single slices k = 16 (brain1) and k = 9 (breast1) of label 1 of the
     * 3D label maps (their diagnostics give the same voxel counts, 984 and 82, bounding boxes and centres of mass).
     */
    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void matchesBaselineShape2D(String testCase) {
        String column = testCase + "_shape2D";
        int slice = testCase.equals("brain1") ? 16 : 9;
        RadiomicsSettings settings = BaselineCases.radiomicsSettings("shape2D", column);
        assertThat(settings.force2D()).isTrue();
        FeatureInput input = sliceInput(BaselineCases.mask(testCase), settings, slice);
        Map<String, Double> expected = new LinkedHashMap<>();
        BaselineCases.baselineFeatures("shape2D", column).forEach((k, v) -> expected.put(strip(k, "original_shape2D_"), v));
        assertThat(expected).hasSize(9);
        Map<String, Double> actual = new Shape2D().compute(input, expected.keySet());
        expected.forEach((f, v) -> assertThat(actual.get(f)).as(column + " " + f).isCloseTo(v, within(REL * Math.abs(v))));
    }

    /** The label voxels of one z slice, cropped to their bounding box. */
    static FeatureInput sliceInput(Volume mask, RadiomicsSettings settings, int slice) {
        boolean[] roi = mask.labelMask(settings.label());
        int nx = mask.geometry().nx(), ny = mask.geometry().ny();
        int i0 = nx, i1 = -1, j0 = ny, j1 = -1;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                if (roi[(slice * ny + j) * nx + i]) {
                    i0 = Math.min(i0, i);
                    i1 = Math.max(i1, i);
                    j0 = Math.min(j0, j);
                    j1 = Math.max(j1, j);
                }
            }
        }
        int[] size = {i1 - i0 + 1, j1 - j0 + 1, 1};
        boolean[] box = new boolean[size[0] * size[1]];
        for (int j = 0; j < size[1]; j++) {
            for (int i = 0; i < size[0]; i++) {
                box[j * size[0] + i] = roi[(slice * ny + j + j0) * nx + i + i0];
            }
        }
        return new FeatureInput(size, mask.geometry().spacing(), box, new double[box.length], null, settings);
    }

    private static String strip(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    static List<String> names(Map<String, ?> m) {
        return List.copyOf(m.keySet());
    }
}
