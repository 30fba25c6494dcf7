package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class ShapeTest {

    private static FeatureInput input(boolean[] mask, int[] size, double[] spacing) {
        return new FeatureInput(size, spacing, mask, new double[mask.length], null, RadiomicsSettings.defaults());
    }

    /** The Javadoc's worked example: one unit voxel. */
    @Test
    void singleVoxel() {
        Shape shape = new Shape();
        Map<String, Double> f = shape.compute(input(new boolean[] {true}, new int[] {1, 1, 1}, new double[] {1, 1, 1}),
                shape.featureNames());
        assertThat(f.get("MeshVolume")).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(f.get("SurfaceArea")).isCloseTo(Math.sqrt(3), within(1e-15));
        assertThat(f.get("VoxelVolume")).isEqualTo(1.0);
        assertThat(f.get("SurfaceVolumeRatio")).isCloseTo(6 * Math.sqrt(3), within(1e-13));
        assertThat(f.get("Sphericity")).isCloseTo(Math.cbrt(Math.PI) / Math.sqrt(3), within(1e-15));
        assertThat(f.get("SphericalDisproportion")).isCloseTo(Math.sqrt(3) / Math.cbrt(Math.PI), within(1e-15));
        assertThat(f.get("Compactness2")).isCloseTo(Math.PI / (3 * Math.sqrt(3)), within(1e-15)); // Sphericity³
        assertThat(f.get("Compactness1")).isCloseTo((1.0 / 6) / (Math.pow(3, 0.75) * Math.sqrt(Math.PI)), within(1e-15));
        for (String d : List.of("Maximum3DDiameter", "Maximum2DDiameterSlice", "Maximum2DDiameterColumn",
                "Maximum2DDiameterRow")) {
            assertThat(f.get(d)).as(d).isEqualTo(1.0);
        }
        assertThat(f.get("MajorAxisLength")).isEqualTo(0.0);
        assertThat(f.get("LeastAxisLength")).isEqualTo(0.0);
        assertThat(f.get("Elongation")).isNaN(); // √(0/0), as PyRadiomics
    }

    @Test
    void singleSliceRoiHasZeroLeastAxisAndFlatness() {
        boolean[] mask = {true, true, true, true, false, true};
        Map<String, Double> f = new Shape().compute(input(mask, new int[] {3, 2, 1}, new double[] {0.7, 0.7, 2.5}),
                List.of("LeastAxisLength", "Flatness", "MinorAxisLength"));
        assertThat(f.get("LeastAxisLength")).isEqualTo(0.0);
        assertThat(f.get("Flatness")).isEqualTo(0.0);
        assertThat(f.get("MinorAxisLength")).isPositive();
    }

    @Test
    void namesAndDefaults() {
        Shape shape = new Shape();
        assertThat(shape.name()).isEqualTo("shape");
        assertThat(shape.featureNames()).hasSize(17);
        assertThat(shape.defaultFeatureNames()).hasSize(14)
                .doesNotContain("Compactness1", "Compactness2", "SphericalDisproportion");
    }

    @Test
    void unknownFeatureAndEmptyRoiAreClearErrors() {
        FeatureInput one = input(new boolean[] {true}, new int[] {1, 1, 1}, new double[] {1, 1, 1});
        assertThatThrownBy(() -> new Shape().compute(one, List.of("Volume")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Volume'");
        FeatureInput none = input(new boolean[] {false}, new int[] {1, 1, 1}, new double[] {1, 1, 1});
        assertThatThrownBy(() -> new Shape().compute(none, List.of("MeshVolume")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
