package org.nacrad.radiomics.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.PythonRepr;
import org.nacrad.radiomics.RadiomicsSettings;

/** The settings schema: one definition read by the parser, the getters, the defaults and the with paths. */
class SettingTest {

    @Test
    void everySettingOfPyRadiomicsSchemaIsDefinedOnce() {
        // paramSchema.yaml (PyRadiomics 8ed5793): 37 general settings and 4 voxel settings, and nacrad's own standard
        assertThat(Setting.all(Setting.Section.SETTING)).hasSize(38);
        assertThat(Setting.all(Setting.Section.SETTING)).contains(Setting.STANDARD);
        assertThat(Setting.all(Setting.Section.VOXEL_SETTING)).extracting(Setting::name)
                .containsExactly("kernelRadius", "maskedKernel", "initValue", "voxelBatch");
        assertThat(Setting.named(Setting.Section.SETTING, "binWidth")).contains(Setting.BIN_WIDTH);
        assertThat(Setting.named(Setting.Section.SETTING, "kernelRadius")).isEmpty();
        for (Setting<?> s : Setting.all(Setting.Section.SETTING)) {
            assertThat(s.doc()).as(s.name()).isNotBlank();
        }
    }

    @Test
    void gettersReturnTypedValuesOrTheDefaults() {
        RadiomicsSettings d = RadiomicsSettings.defaults();
        assertThat(d.get(Setting.BIN_WIDTH)).isEqualTo(25);
        assertThat(d.get(Setting.INTERPOLATOR)).isEqualTo(SitkInterpolator.BSPLINE);
        assertThat(d.resegmentMode()).isEqualTo(ResegmentMode.ABSOLUTE);
        assertThat(d.weightingNorm()).isNull();
        assertThat(d.lbp2DSamples()).isEqualTo(8);
        RadiomicsSettings s = d.with(Map.of("weightingNorm", "manhattan", "resegmentMode", "sigma",
                "lbp2DMethod", "ror", "interpolator", 2));
        assertThat(s.weightingNorm()).isEqualTo(WeightingNorm.MANHATTAN);
        assertThat(s.resegmentMode()).isEqualTo(ResegmentMode.SIGMA);
        assertThat(s.lbp2DMethod()).isEqualTo(Lbp2DMethod.ROR);
        assertThat(s.get(Setting.INTERPOLATOR)).isEqualTo(SitkInterpolator.LINEAR);
        assertThat(d.with(Setting.WEIGHTING_NORM, WeightingNorm.INFINITY).weightingNorm())
                .isEqualTo(WeightingNorm.INFINITY);
        assertThat(s.with("weightingNorm", null).weightingNorm()).isNull();
    }

    @Test
    void everyWithPathIsChecked() {
        RadiomicsSettings d = RadiomicsSettings.defaults();
        assertThatThrownBy(() -> d.with("label", 0)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("label: must be > 0, got 0");
        assertThatThrownBy(() -> d.with("binWidth", "25")).hasMessage("binWidth: expected a number, got '25'");
        assertThatThrownBy(() -> d.with("distances", List.of(1, -2))).hasMessage("distances[1]: must be > 0, got -2");
        assertThatThrownBy(() -> d.with("binwidth", 5)).hasMessage("binwidth: unknown setting");
        assertThatThrownBy(() -> d.with("weightingNorm", "l2"))
                .hasMessage("weightingNorm: must be one of [euclidean, manhattan, infinity, no_weighting], got 'l2'");
        assertThatThrownBy(() -> RadiomicsSettings.of(Map.of("force2Ddimension", 3)))
                .hasMessage("force2Ddimension: must be <= 2, got 3");
        assertThatThrownBy(() -> d.with("binCount", 3_000_000_000L))
                .hasMessageStartingWith("binCount: is too large for an integer setting");
        assertThatThrownBy(() -> d.with("binWidth", Double.NaN)).hasMessage("binWidth: expected a number, got NaN");
        assertThatThrownBy(() -> ParameterFile.defaults().withSetting("label", -1))
                .hasMessage("label: must be > 0, got -1");
        assertThatThrownBy(() -> new ParameterFile("x", Map.of("Original", Map.of("binWidth", 0)), Map.of(),
                RadiomicsSettings.defaults(), Map.of())).hasMessage("binWidth: must be > 0, got 0");
    }

    /** PyRadiomics' code accepts a little more than its parameter-file schema; so does nacrad, and says where. */
    @Test
    void parameterFilesFollowPyRadiomicsStricterSchema() {
        RadiomicsSettings code = RadiomicsSettings.of(Map.of("sigma", List.of(1.0, -1.0), "gldm_a", 0.5,
                "lbp2DMethod", "nri_uniform", "wavelet", "coif99"));
        assertThat(code.sigma()).containsExactly(1.0, -1.0);
        assertThat(code.gldmA()).isEqualTo(0.5);
        assertThat(code.lbp2DMethod()).isEqualTo(Lbp2DMethod.NRI_UNIFORM);
        assertParameterError("setting:\n  sigma: [1.0, -1.0]\n", "p.yaml: setting.sigma[1]: must be > 0, got -1.0");
        assertParameterError("setting:\n  gldm_a: 0.5\n", "p.yaml: setting.gldm_a: expected an integer, got 0.5");
        assertParameterError("imageType:\n  LBP2D: {lbp2DMethod: nri_uniform}\n",
                "p.yaml: imageType.LBP2D.lbp2DMethod: must be one of [default, ror, uniform, var], got 'nri_uniform'");
    }

    @Test
    void labelChannelZeroIsTheScalarMaskAnyOtherIsRefused() {
        assertThat(ParameterFile.parse("setting:\n  label_channel: 0\n", "p.yaml").settings()
                .get(Setting.LABEL_CHANNEL)).isZero();
        assertParameterError("setting:\n  label_channel: 2\n", "p.yaml: setting.label_channel: nacrad reads scalar "
                + "masks only (one component, channel 0); label_channel selects a layer of a vector "
                + "(segmentation-object) mask: save that layer as a label map and use label instead (got 2)");
        assertThatThrownBy(() -> RadiomicsSettings.defaults().with("label_channel", 1))
                .hasMessageStartingWith("label_channel: nacrad reads scalar masks only");
    }

    /** diagnostics_Configuration_Settings: PyRadiomics' extractor defaults, then what was given, as written. */
    @Test
    void configurationShowsExtractorDefaultsThenGivenSettingsAsWritten() {
        String defaults = "{'minimumROIDimensions': 2, 'minimumROISize': None, 'normalize': False, "
                + "'normalizeScale': 1, 'removeOutliers': None, 'resampledPixelSpacing': None, "
                + "'interpolator': 'sitkBSpline', 'preCrop': False, 'padDistance': 5, 'distances': [1], "
                + "'force2D': False, 'force2Ddimension': 0, 'resegmentRange': None, 'label': 1, "
                + "'additionalInfo': True";
        assertThat(PythonRepr.of(RadiomicsSettings.defaults().pyRadiomicsConfiguration())).isEqualTo(defaults + "}");
        ParameterFile p = ParameterFile.parse("setting:\n  binWidth: 25\n  normalizeScale: 2.0\n  interpolator: 1\n"
                + "  weightingNorm: euclidean\n", "p.yaml");
        assertThat(PythonRepr.of(p.settings().pyRadiomicsConfiguration())).isEqualTo(defaults
                .replace("'normalizeScale': 1", "'normalizeScale': 2.0")
                .replace("'sitkBSpline'", "'sitkNearestNeighbor'") + ", 'binWidth': 25, 'weightingNorm': 'euclidean'}");
    }

    private static void assertParameterError(String yaml, String message) {
        assertThatThrownBy(() -> ParameterFile.parse(yaml, "p.yaml"))
                .isInstanceOf(ParameterFile.InvalidParametersException.class).hasMessage(message);
    }
}
