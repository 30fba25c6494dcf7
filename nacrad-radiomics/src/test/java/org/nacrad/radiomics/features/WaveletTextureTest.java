package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.radiomics.filters.ImageFilters;
import org.nacrad.radiomics.preprocess.Discretiser;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * firstorder, glcm and glrlm of the eight coif1 wavelet sub-bands of breast1 and brain1 against current PyRadiomics'
 * values ({@code pyradiomics/current/*_851.csv}, default settings: binWidth 25 on each band).
 */
class WaveletTextureTest {

    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void waveletBandsMatchCurrentPyRadiomics(String testCase) {
        RadiomicsSettings settings = RadiomicsSettings.defaults();
        Volume image = BaselineCases.image(testCase);
        Volume label = BaselineCases.mask(testCase);
        boolean[] mask = label.labelMask(settings.label());
        int nx = label.geometry().nx(), ny = label.geometry().ny(), nz = label.geometry().nz();
        int[] lo = {nx, ny, nz};
        int[] hi = {-1, -1, -1};
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (mask[n]) {
                        int[] c = {i, j, k};
                        for (int d = 0; d < 3; d++) {
                            lo[d] = Math.min(lo[d], c[d]);
                            hi[d] = Math.max(hi[d], c[d]);
                        }
                    }
                }
            }
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        boolean[] boxMask = label.region(lo, size, 0).labelMask(settings.label());
        List<Filtered> bands = ImageFilters.byName("Wavelet").apply(image, mask, settings, lo, size);
        assertThat(bands).hasSize(8);
        Map<String, Double> expected = BaselineCases.current851(testCase);
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        double worst = 0;
        for (Filtered band : bands) {
            double[] values = band.image().data();
            int[] levels = Discretiser.discretise(values, boxMask, settings.binWidth(), settings.binCount()).levels();
            FeatureInput in = new FeatureInput(size, image.geometry().spacing(), boxMask, values, levels, settings);
            for (FeatureFamily family : new FeatureFamily[] {new FirstOrder(), new Glcm(), new Glrlm()}) {
                String prefix = band.prefix() + "_" + family.name() + "_";
                Map<String, Double> got = family.compute(in, family.defaultFeatureNames());
                for (Map.Entry<String, Double> e : got.entrySet()) {
                    Double ref = expected.get(prefix + e.getKey());
                    assertThat(ref).as(prefix + e.getKey()).isNotNull();
                    double tol = ref == 0 ? 1e-9 : 1e-6 * Math.abs(ref);
                    compared++;
                    worst = Math.max(worst, ref == 0 ? Math.abs(e.getValue()) : Math.abs(e.getValue() - ref) / Math.abs(ref));
                    if (!(Math.abs(e.getValue() - ref) <= tol)) {
                        wrong.add(String.format("%s%s: expected %.17g got %.17g", prefix, e.getKey(), ref,
                                e.getValue()));
                    }
                }
            }
        }
        System.out.printf("agreement wavelet %s: %d values, largest relative deviation %.1e%n", testCase, compared,
                worst);
        assertThat(compared).isEqualTo(8 * (18 + 24 + 16));
        assertThat(wrong).isEmpty();
    }
}
