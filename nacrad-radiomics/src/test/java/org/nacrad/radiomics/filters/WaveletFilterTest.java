package org.nacrad.radiomics.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.testkit.ReferenceData;

class WaveletFilterTest {

    private static final WaveletFilter WAVELET = new WaveletFilter();
    private static final List<String> NPY_ORDER = List.of("HHH", "HHL", "HLH", "HLL", "LHH", "LHL", "LLH", "LLL");

    /** The Javadoc example of StationaryWavelet: haar along x of [1, 2, 3, 4] (y, z of one voxel, padded to 2). */
    @Test
    void haarWorkedExample() {
        Volume v = new Volume(Geometry.of(new int[] {4, 1, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, new double[] {1, 2, 3, 4});
        Map<String, Volume> bands = byName(WAVELET.apply(v, null, RadiomicsSettings.defaults().with("wavelet", "haar")));
        double r2 = Math.sqrt(2);
        // L along x: [3, 5, 7, 5]/√2; low pass along y and z of a constant pair multiplies by √2 each
        assertThat(bands.get("wavelet-LLL").data()).containsExactly(new double[] {3 * r2, 5 * r2, 7 * r2, 5 * r2},
                org.assertj.core.data.Offset.offset(1e-12));
        // H along x: dec_hi = [−1/√2, 1/√2], y[n] = (x[n] − x[n+1 mod 4])/√2 = [−1, −1, −1, 3]/√2, times √2·√2
        assertThat(bands.get("wavelet-HLL").data()).containsExactly(new double[] {-r2, -r2, -r2, 3 * r2},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(bands.get("wavelet-LHL").data()).containsOnly(0.0);
        assertThat(bands.keySet()).containsExactly("wavelet-LLH", "wavelet-LHL", "wavelet-LHH", "wavelet-HLL",
                "wavelet-HLH", "wavelet-HHL", "wavelet-HHH", "wavelet-LLL");
    }

    /**
     * PyRadiomics' wavelet test images: coif1 level 1 inside the mask, on the whole image, on the ROI box window
     * and pre-cropped with padDistance 6, against the PyWavelets sub-bands of {@code wavelet_testimages.py}.
     * (PyRadiomics' own {@code wavelet.npy} does not hold sub-bands, see {@link #pyradiomicsBaselineIsTheImage}.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"37x37x37", "64x64x64"})
    void pyradiomicsWaveletTestImages(String size) throws IOException {
        Volume image = NrrdReader.read(ReferenceData.file("pyradiomics", "wavelet", "test-image_" + size + ".nrrd"));
        Volume maskVol = NrrdReader.read(ReferenceData.file("pyradiomics", "wavelet", "test-mask_" + size + ".nrrd"));
        Npy expected = Npy.resource("wavelet/testimage-" + size + "-inmask.npy");
        boolean[] mask = maskVol.labelMask(1);
        int n = expected.shape()[1];
        assertEquals(8, expected.shape()[0]);
        RadiomicsSettings settings = RadiomicsSettings.defaults();

        // whole image, then the values inside the mask
        assertMatches(byName(WAVELET.apply(image, mask, settings)), mask, expected, n);

        // ROI box only (the window computation)
        int[][] box = boundingBox(mask, image.geometry());
        Map<String, Volume> boxed = byName(WAVELET.apply(image, mask, settings, box[0], box[1]));
        assertMatches(boxed, crop(maskVol, box[0], box[1]).labelMask(1), expected, n);

        // pre-cropped to the mask with padDistance 6, as PyRadiomics' preCrop does
        int[] start = new int[3];
        int[] cropSize = new int[3];
        for (int a = 0; a < 3; a++) {
            start[a] = Math.max(0, box[0][a] - 6);
            int end = Math.min(image.geometry().size(a), box[0][a] + box[1][a] + 6);
            cropSize[a] = end - start[a];
        }
        Volume croppedMask = crop(maskVol, start, cropSize);
        assertMatches(byName(WAVELET.apply(crop(image, start, cropSize), null, settings)),
                croppedMask.labelMask(1), expected, n);
    }

    /**
     * PyRadiomics' {@code data/baseline/wavelet.npy} is uint8 and each of its 8 rows is the unfiltered image inside
     * the mask ({@code test_wavelet.py} compares the input image, not the sub-band, to it). This pins down that
     * reading: the NRRD reader and the z, y, x mask order reproduce it exactly for both test images.
     */
    @ParameterizedTest
    @ValueSource(strings = {"37x37x37", "64x64x64"})
    void pyradiomicsBaselineIsTheImage(String size) throws IOException {
        Volume image = NrrdReader.read(ReferenceData.file("pyradiomics", "wavelet", "test-image_" + size + ".nrrd"));
        Volume maskVol = NrrdReader.read(ReferenceData.file("pyradiomics", "wavelet", "test-mask_" + size + ".nrrd"));
        Npy baseline = Npy.read(ReferenceData.file("pyradiomics", "wavelet", "wavelet.npy"));
        assertEquals("|u1", baseline.dtype());
        int n = baseline.shape()[1];
        double[] inside = inMask(image.data(), maskVol.labelMask(1));
        for (int b = 0; b < 8; b++) {
            assertThat(java.util.Arrays.copyOfRange(baseline.values(), b * n, (b + 1) * n)).containsExactly(inside);
        }
    }

    private static void assertMatches(Map<String, Volume> bands, boolean[] mask, Npy expected, int n) {
        for (int b = 0; b < NPY_ORDER.size(); b++) {
            double[] got = inMask(bands.get("wavelet-" + NPY_ORDER.get(b)).data(), mask);
            assertEquals(n, got.length);
            for (int v = 0; v < n; v++) {
                double e = expected.values()[b * n + v];
                assertEquals(e, got[v], 1e-12 * Math.max(1, Math.abs(e)), NPY_ORDER.get(b) + " voxel " + v);
            }
        }
    }

    /** Every fixture of wavelet_fixtures.py (PyWavelets swtn): whole image, and windows matching whole-image crops. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureCases")
    void pywaveletsFixtures(String line) throws IOException {
        String[] f = line.split(" ");
        String caseName = f[0];
        RadiomicsSettings settings = RadiomicsSettings.of(Map.of("wavelet", f[1],
                "start_level", Integer.parseInt(f[2]), "level", Integer.parseInt(f[3])));
        boolean single = f[4].equals("float32");
        Npy input = Npy.resource("wavelet/" + caseName + "-input.npy");
        Npy output = Npy.resource("wavelet/" + caseName + "-output.npy");
        int[] shape = input.shape(); // z, y, x: C order is x fastest, the Volume layout
        Volume image = new Volume(Geometry.of(new int[] {shape[2], shape[1], shape[0]}, new double[] {1, 1, 1},
                new double[3]), single ? PixelType.FLOAT32 : PixelType.FLOAT64, input.values());
        List<Filtered> result = WAVELET.apply(image, null, settings);
        int voxels = input.values().length;
        assertEquals(f.length - 6, result.size());
        for (int b = 0; b < result.size(); b++) {
            Filtered band = result.get(b);
            assertEquals(f[6 + b], band.prefix());
            assertThat(band.image().pixelType()).isEqualTo(single ? PixelType.FLOAT32 : PixelType.FLOAT64);
            double[] got = band.image().data();
            for (int v = 0; v < voxels; v++) {
                double e = output.values()[b * voxels + v];
                if (single) {
                    // same float32 arithmetic in the same order: bit-identical
                    assertEquals(e, got[v], 0.0, band.prefix() + " voxel " + v);
                } else {
                    assertEquals(e, got[v], 1e-12 * Math.max(1, Math.abs(e)), band.prefix() + " voxel " + v);
                }
            }
        }
        // a window (including one touching the wrap-around border) equals the crop of the whole result
        int[] start = {shape[2] > 2 ? 1 : 0, 0, shape[0] > 1 ? shape[0] - 2 : 0};
        int[] size = {Math.min(3, shape[2] - start[0]), shape[1], shape[0] - start[2]};
        List<Filtered> window = WAVELET.apply(image, null, settings, start, size);
        for (int b = 0; b < result.size(); b++) {
            assertThat(window.get(b).image().data())
                    .containsExactly(result.get(b).image().region(start, size, 0).data());
            assertThat(window.get(b).image().geometry()).isEqualTo(image.geometry().region(start, size));
        }
    }

    static List<String> fixtureCases() throws IOException {
        List<String> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                WaveletFilterTest.class.getResourceAsStream("/filters/wavelet/index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    cases.add(line);
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(60);
        return cases;
    }

    @Test
    void force2DTransformsTwoAxes() throws IOException {
        Npy input = Npy.resource("wavelet/levels-coif1-input.npy");
        int[] s = input.shape();
        Volume image = new Volume(Geometry.of(new int[] {s[2], s[1], s[0]}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, input.values());
        List<Filtered> out = WAVELET.apply(image, null,
                RadiomicsSettings.of(Map.of("force2D", true, "force2Ddimension", 0)));
        assertThat(out.stream().map(Filtered::prefix))
                .containsExactly("wavelet-LH", "wavelet-HL", "wavelet-HH", "wavelet-LL");
        // slice k of the 2D transform equals the 3D transform of that slice alone (z of one voxel is not filtered)
        int k = 4;
        Volume slice = image.region(new int[] {0, 0, k}, new int[] {s[2], s[1], 1}, 0);
        List<Filtered> alone = WAVELET.apply(slice, null,
                RadiomicsSettings.of(Map.of("force2D", true, "force2Ddimension", 0)));
        for (int b = 0; b < out.size(); b++) {
            assertThat(out.get(b).image().region(new int[] {0, 0, k}, new int[] {s[2], s[1], 1}, 0).data())
                    .containsExactly(alone.get(b).image().data());
        }
    }

    @Test
    void unknownWaveletIsAClearError() {
        Volume v = new Volume(Geometry.of(new int[] {2, 2, 2}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, new double[8]);
        assertThatThrownBy(() -> WAVELET.apply(v, null, RadiomicsSettings.of(Map.of("wavelet", "coif99"))))
                .hasMessageContaining("unknown wavelet 'coif99'");
    }

    static Map<String, Volume> byName(List<Filtered> filtered) {
        Map<String, Volume> m = new java.util.LinkedHashMap<>();
        filtered.forEach(f -> m.put(f.prefix(), f.image()));
        return m;
    }

    static double[] inMask(double[] values, boolean[] mask) {
        return java.util.stream.IntStream.range(0, values.length).filter(i -> mask[i])
                .mapToDouble(i -> values[i]).toArray();
    }

    static Volume crop(Volume v, int[] start, int[] size) {
        return v.region(start, size, 0);
    }

    static int[][] boundingBox(boolean[] mask, Geometry g) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (mask[g.index(i, j, k)]) {
                        int[] p = {i, j, k};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                        }
                    }
                }
            }
        }
        return new int[][] {lo, {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1}};
    }
}
