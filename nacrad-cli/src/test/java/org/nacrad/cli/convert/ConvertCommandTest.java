package org.nacrad.cli.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.testkit.ReferenceData;

/** {@code nacrad convert} in-process: the IBSI CT phantom's DICOM to NIfTI/NRRD against IBSI's own NIfTI. */
class ConvertCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = NacradCli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path ibsi(String... more) {
        String[] p = new String[more.length + 1];
        p[0] = "ct_phantom";
        System.arraycopy(more, 0, p, 1, more.length);
        return ReferenceData.file("ibsi", p);
    }

    private static void assertSameVoxels(Volume a, Volume b) {
        assertThat(a.geometry().mismatch(b.geometry(), 1e-5)).isNull();
        assertThat(a.data()).hasSameSizeAs(b.data());
        int differing = 0;
        for (int n = 0; n < a.data().length; n++) {
            differing += a.data()[n] == b.data()[n] ? 0 : 1;
        }
        assertThat(differing).as("differing voxels").isZero();
    }

    @Test
    void dicomSeriesToNifti() throws Exception {
        Path out = dir.resolve("image.nii.gz");
        Run r = run("convert", ibsi("dicom", "image").toString(), out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + out + " [204, 201, 60]");
        assertSameVoxels(ImageIO.read(out), ImageIO.read(ibsi("nifti", "image.nii.gz")));
    }

    @Test
    void rtstructToNrrd() throws Exception {
        Path out = dir.resolve("mask.nrrd");
        Run r = run("convert", ibsi("dicom", "mask", "DCM_RS_00060.dcm").toString(), out.toString(),
                "--reference", ibsi("dicom", "image").toString(), "--segment", "GTV-1");
        assertThat(r.code()).as(r.err()).isZero();
        assertSameVoxels(ImageIO.read(out), ImageIO.read(ibsi("nifti", "mask.nii.gz")));
    }

    @Test
    void multiPhaseSeriesTo4dNifti() throws Exception {
        Path dce = Path.of("..", "nacrad-image", "src", "test", "resources", "dicom", "dce");
        Path out = dir.resolve("dce.nii");
        Run r = run("convert", dce.toString(), out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("× 2 volumes");
        List<Volume> written = ImageIO.readSeries(out);
        List<Volume> read = ImageIO.readSeries(dce);
        assertThat(written).hasSize(2);
        for (int t = 0; t < 2; t++) {
            assertSameVoxels(written.get(t), read.get(t));
        }
    }

    @Test
    void maskWithoutReferenceIsAClearError() {
        Path rs = ibsi("dicom", "mask", "DCM_RS_00060.dcm");
        Run r = run("convert", rs.toString(), dir.resolve("m.nrrd").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("nacrad convert: " + rs + " is a DICOM-SEG or RTSTRUCT: give --reference IMAGE");
    }

    @Test
    void unknownRoiIsNamed() {
        Path rs = ibsi("dicom", "mask", "DCM_RS_00060.dcm");
        Run r = run("convert", rs.toString(), dir.resolve("m.nrrd").toString(), "--reference",
                ibsi("dicom", "image").toString(), "--segment", "GTV-2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nacrad convert: " + rs + ": no ROI \"GTV-2\" (available: 1 \"GTV-1\")");
    }
}
