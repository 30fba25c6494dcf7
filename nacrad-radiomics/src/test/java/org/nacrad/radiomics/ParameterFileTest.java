package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Parameter files validated as PyRadiomics' paramSchema.yaml / schemaFuncs.py, merged as its extractor merges them. */
class ParameterFileTest {

    private static ParameterFile parse(String yaml) {
        return ParameterFile.parse(yaml, "p.yaml");
    }

    @Test
    void imageTypeSettingsOverrideGeneralOnesForThatTypeOnly() {
        ParameterFile p = parse("""
                setting:
                  binWidth: 25
                  label: 2
                imageType:
                  Original: {}
                  Wavelet:
                    binWidth: 10
                featureClass:
                  firstorder: [Mean, Median]
                  glcm:
                """);
        assertThat(p.imageTypes().keySet()).containsExactly("Original", "Wavelet");
        assertThat(p.settingsFor("Original").binWidth()).isEqualTo(25);
        assertThat(p.settingsFor("Wavelet").binWidth()).isEqualTo(10);
        assertThat(p.settingsFor("Wavelet").label()).isEqualTo(2);
        assertThat(p.enabledFeatures().get("firstorder")).containsExactly("Mean", "Median");
        // glcm enabled without a list: its defaults, in PyRadiomics' (method name) order
        assertThat(p.enabledFeatures().get("glcm")).startsWith("Autocorrelation", "ClusterProminence");
    }

    @Test
    void jsonIsAccepted() {
        ParameterFile p = parse("{\"setting\": {\"binCount\": 64}, \"imageType\": {\"Original\": {}}}");
        assertThat(p.settings().binCount()).isEqualTo(64);
    }

    @Test
    void defaultsAreOriginalAndEveryClass() {
        ParameterFile p = parse("setting:\n  binWidth: 5\n");
        assertThat(p.imageTypes().keySet()).containsExactly("Original");
        assertThat(p.enabledFeatures().keySet()).startsWith("firstorder", "glcm");
        assertThat(ParameterFile.defaults().settings().given()).isEmpty();
    }

    @Test
    void nullEntriesMeanDefaults() {
        ParameterFile p = parse("setting:\n  resampledPixelSpacing:\n  weightingNorm:\n");
        assertThat(p.settings().resampledPixelSpacing()).isNull();
        assertThat(p.settings().given()).isEmpty();
    }

    @Test
    void interpolatorNumbersAreSimpleItkEnumValues() {
        assertThat(parse("setting:\n  interpolator: 2\n").settings().interpolator()).isEqualTo("sitkLinear");
    }

    @Test
    void errorsNameTheFileAndKey() {
        assertError("setting:\n  binwidth: 25\n", "p.yaml: setting.binwidth: unknown setting");
        assertError("setting:\n  binWidth: -5\n", "p.yaml: setting.binWidth: must be > 0, got -5");
        assertError("setting:\n  binWidth: true\n", "p.yaml: setting.binWidth: expected a number, got true");
        assertError("setting:\n  label: 1.5\n", "p.yaml: setting.label: expected an integer, got 1.5");
        assertError("setting:\n  minimumROIDimensions: 4\n", "p.yaml: setting.minimumROIDimensions: must be <= 3, got 4");
        assertError("setting:\n  normalize: yes please\n",
                "p.yaml: setting.normalize: expected true or false, got 'yes please'");
        assertError("setting:\n  distances: [1, 0]\n", "p.yaml: setting.distances[1]: must be > 0, got 0");
        assertError("setting:\n  resegmentMode: percent\n",
                "p.yaml: setting.resegmentMode: must be one of [absolute, relative, sigma], got 'percent'");
        assertError("setting:\n  interpolator: sitkCubic\n", "p.yaml: setting.interpolator: must be one of");
        assertError("setting:\n  weightingNorm: l2\n", "p.yaml: setting.weightingNorm: must be one of");
        assertError("setting:\n  wavelet: coif99\n", "p.yaml: setting.wavelet: not a PyWavelets discrete wavelet name");
        assertError("imageType:\n  Wavelet:\n    levl: 2\n", "p.yaml: imageType.Wavelet.levl: unknown setting");
        assertError("imageType:\n  Fourier: {}\n", "p.yaml: imageType.Fourier: unknown image type");
        assertError("featureClass:\n  glcmm:\n", "p.yaml: featureClass.glcmm: unknown feature class");
        assertError("featureClass:\n  firstorder: [Mean, Avg]\n", "p.yaml: featureClass.firstorder: unknown feature 'Avg'");
        assertError("settings:\n  binWidth: 25\n", "p.yaml: unknown key 'settings'");
        assertError("voxelSetting:\n  kernelRadius: 0\n", "p.yaml: voxelSetting.kernelRadius: must be > 0, got 0");
        assertError("setting: [1, 2\n", "p.yaml: not valid YAML/JSON");
    }

    private static void assertError(String yaml, String messageStart) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ParameterFile.InvalidParametersException.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void nac851IsOnTheClasspath() {
        ParameterFile p = ParameterFile.nac851OrDefaults();
        assertThat(p.source()).isEqualTo("nac-851.yaml");
        assertThat(p.imageTypes().keySet()).containsExactly("Original", "Wavelet");
        assertThat(p.featureClasses().keySet()).containsAll(List.of("shape", "firstorder", "glcm"));
    }
}
