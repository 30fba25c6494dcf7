package org.nacrad.radiomics.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;

/** Square, SquareRoot, Logarithm, Exponential against NumPy ({@code fixtures-gen/filters/intensity_fixtures.py}). */
class IntensityFiltersTest {

    @ParameterizedTest
    @CsvSource({"signed,Square,square", "signed,SquareRoot,squareroot", "signed,Logarithm,logarithm",
        "signed,Exponential,exponential", "positive,Square,square", "positive,SquareRoot,squareroot",
        "positive,Logarithm,logarithm", "positive,Exponential,exponential"})
    void matchesNumpy(String volume, String imageType, String prefix) throws IOException {
        Npy input = Npy.resource("intensity/" + volume + "-input.npy");
        Npy expected = Npy.resource("intensity/" + volume + "-" + prefix + ".npy");
        int[] s = input.shape();
        Volume image = new Volume(Geometry.of(new int[] {s[2], s[1], s[0]}, new double[] {1, 1, 1}, new double[3]),
                PixelType.INT16, input.values());
        List<Filtered> out = ImageFilters.byName(imageType).apply(image, null, RadiomicsSettings.defaults());
        assertThat(out).hasSize(1);
        assertEquals(prefix, out.get(0).prefix());
        double[] got = out.get(0).image().data();
        for (int n = 0; n < got.length; n++) {
            double e = expected.values()[n];
            assertEquals(e, got[n], 1e-13 * Math.max(1, Math.abs(e)), imageType + " voxel " + n);
        }
        // the box variant crops the whole-image result (these filters scale by the whole image's range)
        List<Filtered> box = ImageFilters.byName(imageType).apply(image, null, RadiomicsSettings.defaults(),
                new int[] {1, 2, 1}, new int[] {2, 2, 2});
        assertThat(box.get(0).image().data()).containsExactly(out.get(0).image().region(new int[] {1, 2, 1},
                new int[] {2, 2, 2}, 0).data());
    }

    /** The worked examples of the Javadoc. */
    @Test
    void workedExamples() {
        assertThat(run("Square", -2, 1, 4)).containsExactly(1, 0.25, 4);
        assertThat(run("SquareRoot", -4, 0, 1, 16)).containsExactly(-8, 0, 4, 16);
        assertThat(run("Logarithm", -1, 0, 3)).containsExactly(new double[] {-1.5, 0, 3},
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(run("Exponential", 0, 2, 4)).containsExactly(new double[] {1, 2, 4},
                org.assertj.core.data.Offset.offset(1e-14));
    }

    private static double[] run(String type, double... values) {
        Volume v = new Volume(Geometry.of(new int[] {values.length, 1, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, values);
        return ImageFilters.byName(type).apply(v, null, RadiomicsSettings.defaults()).get(0).image().data();
    }
}
