package org.nacrad.radiomics.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;

/** LBP2D against scikit-image 0.19.3 ({@code fixtures-gen/filters/lbp2d_fixtures.py}). */
class LBP2DFilterTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitImage(String line) throws IOException {
        String[] f = line.split(" ");
        Npy input = Npy.resource("lbp2d/" + f[1] + "-input.npy");
        Npy expected = Npy.resource("lbp2d/" + f[0] + ".npy");
        int[] s = input.shape();
        Volume image = new Volume(Geometry.of(new int[] {s[2], s[1], s[0]}, new double[] {1, 1, 1}, new double[3]),
                f[1].equals("int16") ? PixelType.INT16 : PixelType.FLOAT32, input.values());
        RadiomicsSettings settings = RadiomicsSettings.of(Map.of("force2D", true,
                "force2Ddimension", Integer.parseInt(f[2]), "lbp2DRadius", Double.parseDouble(f[3]),
                "lbp2DSamples", Integer.parseInt(f[4]), "lbp2DMethod", f[5]));
        List<Filtered> out = ImageFilters.byName("LBP2D").apply(image, null, settings);
        assertEquals("lbp-2D", out.get(0).prefix());
        assertThat(out.get(0).image().pixelType()).isEqualTo(image.pixelType());
        double[] got = out.get(0).image().data();
        for (int n = 0; n < got.length; n++) {
            double e = expected.values()[n];
            assertEquals(e, got[n], 1e-12 * Math.max(1, Math.abs(e)), line + " voxel " + n);
        }
    }

    static List<String> cases() throws IOException {
        List<String> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LBP2DFilterTest.class.getResourceAsStream("/filters/lbp2d/index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    cases.add(line);
                }
            }
        }
        assertThat(cases).hasSize(9);
        return cases;
    }

    /** The Javadoc example: P = 4, R = 1, all neighbours below the centre give uniform code 0. */
    @Test
    void workedExample() {
        Volume v = new Volume(Geometry.of(new int[] {3, 3, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, new double[] {0, 1, 0, 1, 5, 2, 0, 3, 0});
        double[] out = new LBP2DFilter().apply(v, null,
                RadiomicsSettings.of(Map.of("lbp2DSamples", 4, "lbp2DRadius", 1.0))).get(0).image().data();
        assertEquals(0, out[4]);
    }
}
