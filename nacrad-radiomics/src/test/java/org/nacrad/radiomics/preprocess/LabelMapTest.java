package org.nacrad.radiomics.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.ParameterFile;
import org.nacrad.radiomics.RadiomicsExtractor;
import org.nacrad.radiomics.RadiomicsResult;
import org.nacrad.radiomics.testing.BaselineCases;
import org.nacrad.testkit.ReferenceData;

/** The compact label map answers as the label map's own values do. */
class LabelMapTest {

    private static Volume line(PixelType type, double... v) {
        return new Volume(Geometry.of(new int[] {v.length, 1, 1}, new double[] {1, 1, 1}, new double[3]), type, v);
    }

    @Test
    void compactOnlyForWholeLabelsFromZeroTo255() {
        assertThat(LabelMap.of(line(PixelType.UINT8, 0, 1, 2, 255)).isCompact()).isTrue();
        assertThat(LabelMap.of(line(PixelType.FLOAT32, 0, 1, -0.0)).isCompact()).isTrue();
        assertThat(LabelMap.of(line(PixelType.UINT16, 0, 1, 256)).isCompact()).isFalse();
        assertThat(LabelMap.of(line(PixelType.INT16, 0, 1, -1)).isCompact()).isFalse();
        assertThat(LabelMap.of(line(PixelType.FLOAT32, 0, 1.5)).isCompact()).isFalse();
        assertThat(LabelMap.of(line(PixelType.FLOAT32, 0, Double.NaN)).isCompact()).isFalse();
        assertThat(LabelMap.wrap(line(PixelType.UINT8, 0, 1)).isCompact()).isFalse();
    }

    @Test
    void sameRoiHashLabelCheckAndValuesAsTheDoubleLabelMap() {
        double[] v = new double[10_000];
        for (int n = 0; n < v.length; n++) {
            v[n] = n % 7 == 0 ? 1 : n % 11 == 0 ? 2 : n % 997 == 0 ? 255 : 0;
        }
        Volume lm = line(PixelType.UINT8, v);
        LabelMap compact = LabelMap.of(lm);
        LabelMap wrapped = LabelMap.wrap(lm);
        assertThat(compact.isCompact()).isTrue();
        for (int label : new int[] {0, 1, 2, 3, 255, 256, -1}) {
            assertThat(compact.roi(label)).as("label %d", label).containsExactly(Masks.roi(lm, label));
        }
        assertThat(compact.sha1UInt32()).isEqualTo(wrapped.sha1UInt32())
                .isEqualTo(SitkHash.sha1(v, PixelType.UINT32));
        compact.checkLabel(255);
        assertThatThrownBy(() -> compact.checkLabel(3)).hasMessage("label 3 not present in mask; labels present: "
                + "[1, 2, 255]");
        assertThatThrownBy(() -> LabelMap.of(line(PixelType.UINT8, 0, 0)).checkLabel(1))
                .hasMessage("mask is empty (no voxel is labelled)");
        Volume back = compact.toVolume();
        assertThat(back.data()).containsExactly(v);
        assertThat(back.pixelType()).isEqualTo(PixelType.UINT8);
        assertThat(back.geometry()).isEqualTo(lm.geometry());
    }

    /** Files (mask read first and made compact) and volumes give the same diagnostics and features. */
    @ParameterizedTest
    @ValueSource(strings = {"breast1", "brain1"})
    void extractionFromFilesEqualsExtractionFromVolumes(String testCase) throws IOException {
        Path image = ReferenceData.file("pyradiomics", testCase + "_image.nrrd");
        Path mask = ReferenceData.file("pyradiomics", testCase + "_label.nrrd");
        RadiomicsExtractor x = new RadiomicsExtractor(ParameterFile.nac851OrDefaults());
        RadiomicsResult fromFiles = x.execute(image, mask);
        RadiomicsResult fromVolumes = x.execute(BaselineCases.image(testCase), BaselineCases.mask(testCase));
        assertThat(fromFiles.diagnostics()).isEqualTo(fromVolumes.diagnostics());
        assertThat(fromFiles.features()).isEqualTo(fromVolumes.features());
    }
}
