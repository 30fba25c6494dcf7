package org.nacrad.radiomics.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * LoG and Gradient against ITK 5.2 itself ({@code fixtures-gen/filters/itk_filters.cxx}, run by
 * {@code itk_fixtures.py}): LaplacianRecursiveGaussianImageFilter with NormalizeAcrossScale and
 * GradientMagnitudeImageFilter, int16 and float32 inputs, anisotropic spacing, σ from 0.5 to 3 mm, a 4-voxel
 * minimum-size image.
 */
class ItkFiltersTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesItk(String line) throws IOException {
        String[] f = line.split(" ");
        String op = f[1];
        int[] size = {Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])};
        double[] spacing = {Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8])};
        double parameter = Double.parseDouble(f[10]);
        double[] input = readLE(f[9] + ".f64", size[0] * size[1] * size[2], false);
        double[] expected = readLE(f[0] + ".f32", input.length, true);
        Volume image = new Volume(Geometry.of(size, spacing, new double[3]),
                f[2].equals("short") ? PixelType.INT16 : PixelType.FLOAT32, input);

        List<Filtered> out;
        if (op.equals("log")) {
            out = ImageFilters.byName("LoG").apply(image, null, RadiomicsSettings.of(Map.of("sigma", List.of(parameter))));
            assertThat(out).hasSize(1);
            assertEquals("log-sigma-" + LoGFilter.pythonStr(parameter).replace('.', '-') + "-mm-3D",
                    out.get(0).prefix());
        } else {
            out = ImageFilters.byName("Gradient").apply(image, null,
                    RadiomicsSettings.of(Map.of("gradientUseSpacing", parameter != 0)));
            assertEquals("gradient", out.get(0).prefix());
        }
        double[] got = out.get(0).image().data();
        assertThat(out.get(0).image().pixelType()).isEqualTo(PixelType.FLOAT32);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        int identical = 0;
        for (int n = 0; n < got.length; n++) {
            // 1e-6 relative to the value; values that are sums of cancelling terms are compared on the image's scale
            double tol = 1e-6 * Math.max(Math.abs(expected[n]), 1e-3 * scale);
            assertEquals(expected[n], got[n], tol, f[0] + " voxel " + n);
            if (expected[n] == got[n]) {
                identical++;
            }
        }
        // the arithmetic is ITK's: all but a few voxels (libm last-bit differences) are bit-identical
        assertThat(identical).isGreaterThanOrEqualTo(got.length * 9 / 10);
    }

    static List<String> cases() throws IOException {
        List<String> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ItkFiltersTest.class.getResourceAsStream("/filters/itk/index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    cases.add(line);
                }
            }
        }
        assertThat(cases).hasSize(10);
        return cases;
    }

    @Test
    void logNamesAndSkippedSigmas() {
        Volume image = new Volume(Geometry.of(new int[] {6, 6, 4}, new double[] {1, 1, 2}, new double[3]),
                PixelType.INT16, new double[144]);
        // 3.0 → "3-0", integer 2 → "2"; σ = 7 needs ⌈7/2⌉ + 1 = 5 > 4 slices: skipped; σ ≤ 0 skipped
        List<Filtered> out = new LoGFilter().apply(image, null,
                RadiomicsSettings.of(Map.of("sigma", List.of(3.0, 2, 0.5, 7.0, -1.0))));
        assertThat(out.stream().map(Filtered::prefix))
                .containsExactly("log-sigma-3-0-mm-3D", "log-sigma-2-mm-3D", "log-sigma-0-5-mm-3D");
        Volume thin = new Volume(Geometry.of(new int[] {6, 6, 3}, new double[] {1, 1, 1}, new double[3]),
                PixelType.INT16, new double[108]);
        assertThat(new LoGFilter().apply(thin, null, RadiomicsSettings.of(Map.of("sigma", List.of(1.0))))).isEmpty();
    }

    /** The Javadoc example: a linear ramp has zero Laplacian away from the borders. */
    @Test
    void rampHasZeroLaplacian() {
        int n = 40;
        double[] ramp = new double[n * n * n];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i % n;
        }
        Volume image = new Volume(Geometry.of(new int[] {n, n, n}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT32, ramp);
        double[] log = new LoGFilter().apply(image, null, RadiomicsSettings.of(Map.of("sigma", List.of(1.0))))
                .get(0).image().data();
        assertEquals(0, log[20 + n * (20 + n * 20)], 1e-4);
    }

    @Test
    void gradientWorkedExample() {
        Volume image = new Volume(Geometry.of(new int[] {3, 1, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, new double[] {0, 2, 6});
        assertThat(new GradientFilter().apply(image, null, RadiomicsSettings.defaults()).get(0).image().data())
                .containsExactly(1, 3, 2);
    }

    private static double[] readLE(String name, int count, boolean single) throws IOException {
        try (InputStream in = ItkFiltersTest.class.getResourceAsStream("/filters/itk/" + name)) {
            assertThat(in).as(name).isNotNull();
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = single ? b.getFloat() : b.getDouble();
            }
            assertEquals(0, b.remaining(), name + " size");
            return v;
        }
    }
}
