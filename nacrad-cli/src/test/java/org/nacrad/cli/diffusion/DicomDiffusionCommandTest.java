package org.nacrad.cli.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.diffusion.SignalModels;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.testkit.DicomTestWriter;

import picocli.CommandLine;

/**
 * {@code nacrad diffusion} with DICOM input: one multi-b DICOM MR series (b-values in DiffusionBValue, written in
 * shuffled b order), the tumour as a segment of a two-segment DICOM-SEG and the reference tissue as an RTSTRUCT ROI
 * gives exactly the output of the same voxels as a 4D NIfTI with NIfTI masks and a .bval file. The signals are
 * rounded to multiples of 1/32 so that int16 stored values with RescaleSlope 1/32 hold them exactly.
 */
class DicomDiffusionCommandTest {

    static final double[] B = {0, 50, 800, 1500, 2000};
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeBothForms() throws Exception {
        Geometry g = Geometry.of(new int[] {10, 8, 3}, new double[] {1.6, 1.6, 4}, new double[] {-8, 6, 2});
        int n = (int) g.voxelCount();
        List<Volume> vols = new ArrayList<>();
        List<double[]> shuffled = new ArrayList<>();
        double[] shuffledB = new double[B.length];
        int[] order = {3, 0, 4, 2, 1};
        for (double b : B) {
            double[] s = new double[n];
            for (int v = 0; v < n; v++) {
                int i = v % 10;
                double signal = i < 4 ? SignalModels.kurtosis(700, 0.9e-3, 1.1, b)
                        : SignalModels.kurtosis(900, 1.8e-3, 0.55, b) * (1 + 0.01 * (v % 7));
                s[v] = Math.rint(signal * 32) / 32;
            }
            vols.add(new Volume(g, PixelType.FLOAT32, s));
        }
        for (int q = 0; q < order.length; q++) {
            shuffled.add(vols.get(order[q]).data());
            shuffledB[q] = B[order[q]];
        }
        ImageIO.writeSeries(vols, dir.resolve("dwi.nii.gz"));
        Files.writeString(dir.resolve("dwi.bval"), "0 50 800 1500 2000\n");
        double[] t = new double[n];
        double[] r = new double[n];
        for (int v = 0; v < n; v++) {
            t[v] = v % 10 < 4 ? 1 : 0;
            r[v] = v % 10 >= 6 && v % 3 != 0 ? 1 : 0;
        }
        ImageIO.write(new Volume(g, PixelType.UINT8, t), dir.resolve("tumour.nii.gz"));
        ImageIO.write(new Volume(g, PixelType.UINT8, r), dir.resolve("reference.nii.gz"));

        DicomTestWriter.Grid grid = new DicomTestWriter.Grid(g.size(), g.spacing(), g.origin(), g.direction());
        DicomTestWriter.Ids ids = DicomTestWriter.Ids.fresh();
        DicomTestWriter.writeMrSeries(dir.resolve("dwi"), grid, ids, "P1", shuffled, shuffledB, 1.0 / 32, 0);
        DicomTestWriter.writeSeg(dir.resolve("masks.seg.dcm"), grid, ids, "P1", List.of(
                new DicomTestWriter.Segment(1, "reference", r), new DicomTestWriter.Segment(2, "tumour", t)));
        DicomTestWriter.writeRtStruct(dir.resolve("reference.rt.dcm"), grid, ids, "P1",
                List.of(new DicomTestWriter.Segment(7, "FGT", r)));
        DicomTestWriter.writeMrSeries(dir.resolve("no-b"), grid, DicomTestWriter.Ids.fresh(), "P1",
                List.of(vols.get(0).data()), null, 1.0 / 32, 0);
        DicomTestWriter.Ids other = DicomTestWriter.Ids.fresh();
        DicomTestWriter.writeSeg(dir.resolve("other.seg.dcm"), grid, other, "P1",
                List.of(new DicomTestWriter.Segment(1, "tumour", t)));
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, args)).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void dicomSeriesSegAndRtstructGiveTheNiftiResultExactly() throws Exception {
        JsonNode nifti = json("diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--bvals",
                dir.resolve("dwi.bval").toString(), "--mask", dir.resolve("tumour.nii.gz").toString(),
                "--reference-mask", dir.resolve("reference.nii.gz").toString());
        // b-values from the DICOM; the tumour by segment label, the reference by segment number, then as RTSTRUCT
        JsonNode seg = json("diffusion", "--dwi", dir.resolve("dwi").toString(),
                "--mask", dir.resolve("masks.seg.dcm").toString(), "--mask-segment", "tumour",
                "--reference-mask", dir.resolve("masks.seg.dcm").toString(), "--reference-segment", "1");
        JsonNode rt = json("diffusion", "--dwi", dir.resolve("dwi").toString(), "--bvals",
                dir.resolve("dwi.bval").toString(), "--mask", dir.resolve("masks.seg.dcm").toString(),
                "--mask-segment", "2", "--reference-mask", dir.resolve("reference.rt.dcm").toString());
        assertThat(nifti.get("tumour").get("voxels").asInt()).isEqualTo(96);
        assertThat(nifti.get("reference").get("voxels").asInt()).isEqualTo(64);
        assertThat(seg).isEqualTo(nifti);
        assertThat(rt).isEqualTo(nifti);
    }

    @Test
    void dicomMistakesAreNamed() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi").toString(),
                "--mask", dir.resolve("masks.seg.dcm").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("masks.seg.dcm: 2 segments (1 \"reference\", 2 \"tumour\"): choose one");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi").toString(),
                "--mask", dir.resolve("masks.seg.dcm").toString(), "--mask-segment", "lesion")).isEqualTo(1);
        assertThat(err.toString()).contains("masks.seg.dcm: no segment \"lesion\" (available: 1 \"reference\", "
                + "2 \"tumour\")");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi").toString(),
                "--mask", dir.resolve("other.seg.dcm").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("other.seg.dcm: references series").contains("but the image "
                + dir.resolve("dwi") + " is series");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi").toString(),
                "--b", "0,800,50,1500,2000", "--mask", dir.resolve("tumour.nii.gz").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--b: b-values [0.0, 800.0, 50.0, 1500.0, 2000.0] disagree with "
                + "[0.0, 50.0, 800.0, 1500.0, 2000.0] of the DICOM series");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(), "--bvals",
                dir.resolve("dwi.bval").toString(), "--mask", dir.resolve("tumour.nii.gz").toString(),
                "--mask-segment", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("tumour.nii.gz: a segment (1) selects a DICOM-SEG segment or an RTSTRUCT "
                + "ROI, but this mask is a label map");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("dwi.nii.gz").toString(),
                "--mask", dir.resolve("tumour.nii.gz").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give the b-values with --bvals FILE or --b LIST");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "diffusion", "--dwi", dir.resolve("no-b").toString(),
                "--mask", dir.resolve("tumour.nii.gz").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no-b: the DICOM series holds 1 volume without b-value tags: give them "
                + "in a .bval file");
    }
}
