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

/**
 * LBP3D against SciPy 1.10 ({@code fixtures-gen/filters/lbp3d_fixtures.py}: map_coordinates order 3, sph_harm,
 * kurtosis, following PyRadiomics' getLBP3DImage), int16 and float32, levels 1–3, radius 1 and 1.5,
 * subdivisions 0–2, an ROI voxel on the image border.
 */
class LBP3DFilterTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(String line) throws IOException {
        String[] f = line.split(" ");
        Npy input = Npy.resource("lbp3d/" + f[1] + "-input.npy");
        Npy maskNpy = Npy.resource("lbp3d/mask.npy");
        Npy expected = Npy.resource("lbp3d/" + f[0] + ".npy");
        int levels = Integer.parseInt(f[2]);
        int[] s = input.shape();
        Volume image = new Volume(Geometry.of(new int[] {s[2], s[1], s[0]}, new double[] {1, 1, 1}, new double[3]),
                f[1].equals("int16") ? PixelType.INT16 : PixelType.FLOAT32, input.values());
        boolean[] mask = new boolean[maskNpy.values().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = maskNpy.values()[i] == 1;
        }
        RadiomicsSettings settings = RadiomicsSettings.of(Map.of("lbp3DLevels", levels,
                "lbp3DIcosphereRadius", Double.parseDouble(f[3]),
                "lbp3DIcosphereSubdivision", Integer.parseInt(f[4])));
        List<Filtered> out = ImageFilters.byName("LBP3D").apply(image, mask, settings);
        assertThat(out).hasSize(levels + 1);
        int n = expected.shape()[1];
        for (int b = 0; b <= levels; b++) {
            assertEquals(b < levels ? "lbp-3D-m" + (b + 1) : "lbp-3D-k", out.get(b).prefix());
            double[] got = WaveletFilterTest.inMask(out.get(b).image().data(), mask);
            assertEquals(n, got.length);
            for (int v = 0; v < n; v++) {
                double e = expected.values()[b * n + v];
                assertEquals(e, got[v], 1e-12 * Math.max(1, Math.abs(e)), out.get(b).prefix() + " voxel " + v);
            }
        }
    }

    static List<String> cases() throws IOException {
        List<String> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LBP3DFilterTest.class.getResourceAsStream("/filters/lbp3d/index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    cases.add(line);
                }
            }
        }
        assertThat(cases).hasSize(4);
        return cases;
    }

    /** Javadoc example: Y_0^0 = 1/(2√π); and the icosphere of one subdivision has 42 vertices of radius R. */
    @Test
    void harmonicsAndIcosphere() {
        assertEquals(0.5 / Math.sqrt(Math.PI), SphericalHarmonics.scipy(0, 0, 0.3, 1.1)[0], 1e-15);
        double[][] v = LBP3DFilter.icosphere(1, 2.0);
        assertThat(v).hasNumberOfRows(42);
        for (double[] p : v) {
            assertEquals(2.0, Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]), 1e-14);
        }
    }
}
