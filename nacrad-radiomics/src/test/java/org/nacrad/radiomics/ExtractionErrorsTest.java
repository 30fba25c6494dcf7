package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.radiomics.testing.TestImages;

/**
 * Bad input: each problem gives one line naming the file and what is wrong (no stack trace needed to understand
 * it).
 */
class ExtractionErrorsTest {

    static final int[] SIZE = {6, 6, 6};
    static final double[] SPACING = {1, 1, 1};

    @TempDir
    Path dir;

    private Path image() throws IOException {
        return TestImages.nrrdShort(dir.resolve("image.nrrd"), SIZE, SPACING, TestImages.ramp(), false);
    }

    private Path mask(double[] values) throws IOException {
        return TestImages.nrrdShort(dir.resolve("mask.nrrd"), SIZE, SPACING, values, false);
    }

    private static String message(Throwable t) {
        assertThat(t.getMessage()).doesNotContain("\n");
        return t.getMessage();
    }

    private Throwable extract(Path image, Path mask) {
        try {
            new RadiomicsExtractor(ParameterFile.defaults()).execute(image, mask);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("no error");
    }

    @Test
    void validInputExtracts() throws IOException {
        RadiomicsResult r = new RadiomicsExtractor(ParameterFile.defaults()).execute(image(), mask(TestImages.cube()));
        // the 2×2×2 cube at i, j, k = 2..3 of the ramp n = i + 6j + 36k: mean of 86, 87, 92, 93, 122, 123, 128, 129
        assertThat(r.features().get("original_firstorder_Mean")).isEqualTo(107.5);
        assertThat(r.features().get("original_shape_VoxelVolume")).isEqualTo(8.0);
        assertThat(r.diagnostics().get("diagnostics_Mask-original_BoundingBox")).isEqualTo("(2, 2, 2, 2, 2, 2)");
        assertThat(r.diagnostics().get("diagnostics_Mask-original_CenterOfMassIndex")).isEqualTo("(2.5, 2.5, 2.5)");
    }

    @Test
    void missingFile() throws IOException {
        Path missing = dir.resolve("nothere.nrrd");
        assertThat(message(extract(missing, mask(TestImages.cube())))).startsWith(missing.toString())
                .contains("not found");
    }

    @Test
    void truncatedGzip() throws IOException {
        Path p = TestImages.nrrdShort(dir.resolve("gz.nrrd"), SIZE, SPACING, TestImages.ramp(), true);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(b, b.length - 40));
        assertThat(message(extract(p, mask(TestImages.cube())))).startsWith(p.toString());
    }

    @Test
    void badNiftiHeader() throws IOException {
        Path p = dir.resolve("bad.nii");
        Files.write(p, new byte[400]); // sizeof_hdr 0: neither NIfTI-1 (348) nor NIfTI-2 (540)
        assertThat(message(extract(p, mask(TestImages.cube())))).startsWith(p.toString());
    }

    @Test
    void maskOfAnotherSize() throws IOException {
        Path m = TestImages.nrrdShort(dir.resolve("small.nrrd"), new int[] {5, 6, 6}, SPACING, new double[180], false);
        double[] v = new double[180];
        v[50] = 1;
        v[51] = 1;
        TestImages.nrrdShort(m, new int[] {5, 6, 6}, SPACING, v, false);
        assertThat(message(extract(image(), m))).startsWith(m.toString()).contains("not on the same grid")
                .contains("size");
    }

    @Test
    void maskOfAnotherSpacing() throws IOException {
        Path m = TestImages.nrrdShort(dir.resolve("spaced.nrrd"), SIZE, new double[] {1, 1, 2}, TestImages.cube(), false);
        assertThat(message(extract(image(), m))).startsWith(m.toString()).contains("spacing");
    }

    @Test
    void emptyMask() throws IOException {
        Path m = mask(new double[216]);
        assertThat(message(extract(image(), m))).isEqualTo(m + ": mask is empty (no voxel is labelled)");
    }

    @Test
    void labelAbsent() throws IOException {
        double[] v = TestImages.cube();
        for (int n = 0; n < v.length; n++) {
            v[n] *= 2;
        }
        Path m = mask(v);
        assertThat(message(extract(image(), m))).isEqualTo(m + ": label 1 not present in mask; labels present: [2]");
    }

    @Test
    void oneVoxelRoi() throws IOException {
        double[] v = new double[216];
        v[100] = 1;
        Path m = mask(v);
        assertThat(message(extract(image(), m))).isEqualTo(m + ": ROI (label 1) is a single voxel; features need at least two");
    }

    @Test
    void nanVoxelsInRoi() throws IOException {
        double[] im = TestImages.ramp();
        im[2 + 6 * (2 + 6 * 3)] = Double.NaN;
        Path p = TestImages.nrrdDouble(dir.resolve("nan.nrrd"), SIZE, SPACING, im);
        assertThat(message(extract(p, mask(TestImages.cube()))))
                .isEqualTo(p + ": 1 voxel(s) inside the ROI (label 1) are NaN or infinite, first at index (2, 2, 3)");
    }
}
