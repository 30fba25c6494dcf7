package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * {@code preCrop}: cropping image and mask to the ROI plus padDistance before extraction leaves every Original
 * feature unchanged (PyRadiomics documents it as a memory optimisation with no effect on the Original image), and
 * the same holds for PyRadiomics' other path through a crop, resampling to the image's own spacing.
 */
class PreCropTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"breast1", "brain1"})
    void preCropAndSameSpacingResamplingChangeNoFeature(String testCase) {
        ParameterFile plain = ParameterFile.defaults();
        Map<String, Double> expected = new RadiomicsExtractor(plain)
                .execute(BaselineCases.image(testCase), BaselineCases.mask(testCase)).features();
        Map<String, Double> cropped = new RadiomicsExtractor(plain.withSetting("preCrop", true))
                .execute(BaselineCases.image(testCase), BaselineCases.mask(testCase)).features();
        assertThat(cropped).containsExactlyEntriesOf(expected);

        double[] sp = BaselineCases.image(testCase).geometry().spacing();
        RadiomicsResult same = new RadiomicsExtractor(plain.withSetting("resampledPixelSpacing",
                List.of(sp[0], sp[1], sp[2]))).execute(BaselineCases.image(testCase), BaselineCases.mask(testCase));
        assertThat(same.features()).containsExactlyEntriesOf(expected);
    }
}
