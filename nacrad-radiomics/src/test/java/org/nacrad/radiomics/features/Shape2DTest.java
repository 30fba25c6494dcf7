package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class Shape2DTest {

    private static final RadiomicsSettings FORCE2D = RadiomicsSettings.of(Map.of("force2D", true));

    /** The Javadoc's worked example: one unit pixel. */
    @Test
    void singlePixel() {
        Shape2D s = new Shape2D();
        FeatureInput in = new FeatureInput(new int[] {1, 1, 1}, new double[] {1, 1, 1}, new boolean[] {true},
                new double[1], null, FORCE2D);
        Map<String, Double> f = s.compute(in, s.featureNames());
        assertThat(f.get("MeshSurface")).isCloseTo(0.5, within(1e-15));
        assertThat(f.get("PixelSurface")).isEqualTo(1.0);
        assertThat(f.get("Perimeter")).isCloseTo(2 * Math.sqrt(2), within(1e-15));
        assertThat(f.get("PerimeterSurfaceRatio")).isCloseTo(4 * Math.sqrt(2), within(1e-14));
        assertThat(f.get("Sphericity")).isCloseTo(Math.sqrt(Math.PI) / 2, within(1e-15));
        assertThat(f.get("SphericalDisproportion")).isCloseTo(2 / Math.sqrt(Math.PI), within(1e-15));
        assertThat(f.get("MaximumDiameter")).isEqualTo(1.0);
        assertThat(f.get("MajorAxisLength")).isEqualTo(0.0);
        assertThat(f.get("Elongation")).isNaN();
    }

    @Test
    void thickRoiIsAClearError() {
        FeatureInput in = new FeatureInput(new int[] {1, 1, 3}, new double[] {1, 1, 1}, new boolean[] {true, true, true},
                new double[3], null, FORCE2D);
        assertThatThrownBy(() -> new Shape2D().compute(in, List.of("Perimeter")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape2D needs an ROI on a single slice along z (force2Ddimension 0), but it spans 3 slices");
        FeatureInput no2D = new FeatureInput(new int[] {1, 1, 1}, new double[] {1, 1, 1}, new boolean[] {true},
                new double[1], null, RadiomicsSettings.defaults());
        assertThatThrownBy(() -> new Shape2D().compute(no2D, List.of("Perimeter")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("force2D");
    }

    /**
     * The same 2D mask placed in the x-y, x-z and y-z planes (force2Ddimension 0, 1, 2) gives the same features,
     * with PyRadiomics' axis order (rows are the slower of the kept axes).
     */
    @Test
    void allThreeForce2DDimensionsAgree() {
        SplittableRandom random = new SplittableRandom(3);
        int rows = 9, cols = 13;
        boolean[] plane = new boolean[rows * cols];
        for (int n = 0; n < plane.length; n++) {
            plane[n] = random.nextDouble() < 0.6;
        }
        double sr = 2.5, sc = 0.7;
        Shape2D s = new Shape2D();
        // force2Ddimension 0: rows = y, columns = x
        Map<String, Double> z = s.compute(new FeatureInput(new int[] {cols, rows, 1}, new double[] {sc, sr, 9},
                plane, new double[plane.length], null, FORCE2D), s.featureNames());
        // force2Ddimension 1: rows = z, columns = x
        Map<String, Double> y = s.compute(new FeatureInput(new int[] {cols, 1, rows}, new double[] {sc, 9, sr},
                plane, new double[plane.length], null, FORCE2D.with("force2Ddimension", 1)), s.featureNames());
        // force2Ddimension 2: rows = z, columns = y
        Map<String, Double> x = s.compute(new FeatureInput(new int[] {1, cols, rows}, new double[] {9, sc, sr},
                plane, new double[plane.length], null, FORCE2D.with("force2Ddimension", 2)), s.featureNames());
        assertThat(y).isEqualTo(z);
        assertThat(x).isEqualTo(z);
    }
}
