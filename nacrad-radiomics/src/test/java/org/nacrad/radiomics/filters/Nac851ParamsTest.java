package org.nacrad.radiomics.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.testkit.ReferenceData;

/**
 * {@code params/nac-851.yaml} against PyRadiomics' 851 features of breast1 and brain1
 * ({@code pyradiomics/current/*_851.csv}): the image types and feature classes it enables give exactly the CSV's
 * feature prefixes, and its Wavelet settings reproduce PyRadiomics' sub-bands, checked through the first-order
 * features that depend on the filtered values alone (Mean, Minimum, Maximum, Median, Variance of each band inside
 * the ROI).
 */
class Nac851ParamsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> params() throws IOException {
        try (InputStream in = Nac851ParamsTest.class.getResourceAsStream("/org/nacrad/radiomics/params/nac-851.yaml")) {
            assertThat(in).as("params/nac-851.yaml on the classpath").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void waveletSubBandsGiveThe851Features(String caseName) throws IOException {
        Map<String, Object> params = params();
        Map<String, Object> imageTypes = (Map<String, Object>) params.get("imageType");
        Map<String, Object> classes = (Map<String, Object>) params.get("featureClass");
        assertThat(imageTypes.keySet()).containsExactly("Original", "Wavelet");
        assertThat(classes.keySet()).containsExactlyInAnyOrder("shape", "firstorder", "glcm", "glrlm", "glszm",
                "gldm", "ngtdm");
        assertThat(classes.values()).containsOnlyNulls(); // every feature of each class

        Map<String, Double> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ReferenceData.file("pyradiomics", "current", caseName + "_851.csv"))) {
            if (!line.startsWith("featureName")) {
                String[] f = line.split(",");
                expected.put(f[0], Double.parseDouble(f[1]));
            }
        }
        assertEquals(851, expected.size());

        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) params.get("setting"));
        merged.values().removeIf(v -> v == null);
        merged.putAll((Map<String, Object>) imageTypes.get("Wavelet"));
        RadiomicsSettings settings = RadiomicsSettings.of(merged);

        Volume image = NrrdReader.read(ReferenceData.file("pyradiomics", caseName + "_image.nrrd"));
        Volume label = NrrdReader.read(ReferenceData.file("pyradiomics", caseName + "_label.nrrd"));
        boolean[] mask = label.labelMask(settings.label());
        int[][] box = WaveletFilterTest.boundingBox(mask, image.geometry());
        boolean[] boxMask = label.region(box[0], box[1], 0).labelMask(settings.label());
        List<Filtered> bands = ImageFilters.byName("Wavelet").apply(image, mask, settings, box[0], box[1]);

        Set<String> prefixes = new TreeSet<>();
        prefixes.add("original");
        bands.forEach(b -> prefixes.add(b.prefix()));
        Set<String> csvPrefixes = new TreeSet<>();
        expected.keySet().forEach(k -> csvPrefixes.add(k.substring(0, k.indexOf('_'))));
        assertThat(prefixes).isEqualTo(csvPrefixes);

        for (Filtered band : bands) {
            double[] v = WaveletFilterTest.inMask(band.image().data(), boxMask);
            Arrays.sort(v);
            double mean = Arrays.stream(v).sum() / v.length;
            double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
            int n = v.length;
            double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            String p = band.prefix() + "_firstorder_";
            check(expected.get(p + "Mean"), mean, p + "Mean");
            check(expected.get(p + "Minimum"), v[0], p + "Minimum");
            check(expected.get(p + "Maximum"), v[n - 1], p + "Maximum");
            check(expected.get(p + "Median"), median, p + "Median");
            check(expected.get(p + "Variance"), var, p + "Variance");
        }
    }

    private static void check(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }
}
