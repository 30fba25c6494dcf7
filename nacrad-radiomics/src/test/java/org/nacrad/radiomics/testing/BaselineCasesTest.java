package org.nacrad.radiomics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

class BaselineCasesTest {

    @Test
    void breast1LoadsWithTheBaselineGeometryAndBoundingBox() {
        Volume img = BaselineCases.image("breast1");
        assertThat(img.geometry().size()).containsExactly(45, 120, 21);
        assertThat(img.geometry().spacing()).containsExactly(0.664062, 0.664062, 2.1);
        // diagnostics_Mask-original_BoundingBox "(21, 64, 8, 9, 12, 3)" and VoxelNum 143
        FeatureInput in = BaselineCases.input("breast1", RadiomicsSettings.defaults());
        assertThat(in.size()).containsExactly(9, 12, 3);
        assertThat(in.roiVoxels()).isEqualTo(143);
        // diagnostics_Image-original_Minimum/Maximum are of the whole image: 6 and 248 (first order max 162 in ROI)
        double max = Double.NEGATIVE_INFINITY;
        for (double v : img.data()) {
            max = Math.max(max, v);
        }
        assertThat(max).isEqualTo(248);
    }

    @Test
    void settingsOfABaselineColumnParse() {
        Map<String, Object> s = BaselineCases.settings("glcm", "brain1_FBN");
        assertThat(s).containsEntry("binCount", 64).containsEntry("force2D", false).containsEntry("label", 1);
        assertThat(s.get("distances")).isEqualTo(List.of(1));
        assertThat(s.get("resampledPixelSpacing")).isNull();
        RadiomicsSettings rs = BaselineCases.radiomicsSettings("glcm", "brain1_FBN");
        assertThat(rs.binCount()).isEqualTo(64);
    }

    @Test
    void baselineAndCurrentValuesRead() {
        assertThat(BaselineCases.baselineFeatures("firstorder", "breast1"))
                .containsEntry("original_firstorder_Mean", 131.12587412587413);
        assertThat(BaselineCases.current851("breast1")).hasSize(851)
                .containsEntry("original_shape_VoxelVolume", 132.42579545515324);
    }
}
