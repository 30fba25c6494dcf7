package org.nacrad.cli.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.clinical.ResistanceRule;
import org.nacrad.diffusion.SignalModels;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.study.SavedModel;
import org.nacrad.testkit.DicomTestWriter;

import picocli.CommandLine;

/**
 * {@code nacrad predict} with DICOM inputs: a T1-like series with its tumour as a segment of a DICOM-SEG, and a
 * multi-b DWI series with tumour and reference as two segments of one SEG (b-values from the DICOM), give the
 * prediction of the same voxels as NIfTI files — with the options of one patient and with a manifest's segment
 * columns. The model is written by hand on first-order features (which do not depend on the voxel spacing, so the
 * float32 spacing of NIfTI against the 16-character decimal of DICOM cannot matter), rMK and age.
 */
class DicomPredictCommandTest {

    static final double[] B = {0, 50, 800, 1500, 2000};
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeBothForms() throws Exception {
        Geometry g = Geometry.of(new int[] {10, 8, 3}, new double[] {1.6, 1.6, 4}, new double[] {-8, 6, 2});
        int n = (int) g.voxelCount();
        double[] t1 = new double[n];
        double[] tumour = new double[n];
        double[] reference = new double[n];
        for (int v = 0; v < n; v++) {
            t1[v] = v % 10 < 4 ? 300 + (v * 37) % 90 : 120 + (v * 11) % 40;
            tumour[v] = v % 10 < 4 ? 1 : 0;
            reference[v] = v % 10 >= 6 ? 1 : 0;
        }
        List<Volume> dwi = new ArrayList<>();
        List<double[]> dwiData = new ArrayList<>();
        for (double b : B) {
            double[] s = new double[n];
            for (int v = 0; v < n; v++) {
                double signal = v % 10 < 4 ? SignalModels.kurtosis(700, 0.9e-3, 1.1, b) * (1 + 0.02 * (v % 5))
                        : SignalModels.kurtosis(900, 1.8e-3, 0.55, b);
                s[v] = Math.rint(signal * 32) / 32;
            }
            dwi.add(new Volume(g, PixelType.FLOAT32, s));
            dwiData.add(s);
        }
        ImageIO.write(new Volume(g, PixelType.INT16, t1), dir.resolve("t1.nii.gz"));
        ImageIO.write(new Volume(g, PixelType.UINT8, tumour), dir.resolve("tumour.nii.gz"));
        ImageIO.writeSeries(dwi, dir.resolve("dwi.nii.gz"));
        Files.writeString(dir.resolve("dwi.bval"), "0 50 800 1500 2000\n");
        ImageIO.write(new Volume(g, PixelType.UINT8, reference), dir.resolve("reference.nii.gz"));

        DicomTestWriter.Grid grid = new DicomTestWriter.Grid(g.size(), g.spacing(), g.origin(), g.direction());
        DicomTestWriter.Ids t1Ids = DicomTestWriter.Ids.fresh();
        DicomTestWriter.writeMrSeries(dir.resolve("dicom/t1"), grid, t1Ids, "P1", List.of(t1), null, 1, 0);
        DicomTestWriter.writeSeg(dir.resolve("dicom/t1.seg.dcm"), grid, t1Ids, "P1", List.of(
                new DicomTestWriter.Segment(1, "reference", reference), new DicomTestWriter.Segment(2, "tumour", tumour)));
        DicomTestWriter.Ids dwiIds = DicomTestWriter.Ids.fresh();
        DicomTestWriter.writeMrSeries(dir.resolve("dicom/dwi"), grid, dwiIds, "P1", dwiData, B, 1.0 / 32, 0);
        DicomTestWriter.writeSeg(dir.resolve("dicom/dwi.seg.dcm"), grid, dwiIds, "P1", List.of(
                new DicomTestWriter.Segment(1, "tumour", tumour), new DicomTestWriter.Segment(2, "FGT", reference)));

        Map<String, Object> features = new LinkedHashMap<>();
        features.put("original_firstorder_Mean", Map.of("coefficient", 0.7, "mean", 250.0, "sd", 80.0));
        features.put("original_firstorder_Variance", Map.of("coefficient", -0.3, "mean", 600.0, "sd", 300.0));
        Map<String, Object> coefficients = new LinkedHashMap<>();
        coefficients.put("rad_score", 1.0);
        coefficients.put("rmk", 0.8);
        coefficients.put("age", -0.02);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", SavedModel.FORMAT);
        m.put("extraction", Map.of("parameter_file", "imageType: {Original: {}}\nfeatureClass:\n  firstorder:\n"
                + "setting: {binWidth: 25, label: 1}\n", "label", 1));
        m.put("diffusion", Map.of("adc_max_b", 1000.0));
        m.put("clinical_coding", Map.of("label_rule", ResistanceRule.DEFAULT_SPEC, "ki67_threshold", 20.0));
        m.put("threshold", 0.4);
        m.put("model", Map.of("intercept", -0.4, "coefficients", coefficients));
        m.put("radiomics", Map.of("intercept", 0.1, "features", features));
        m.put("nomogram", Map.of("scale", 10.0, "min_contribution", Map.of("rad_score", -5.0, "rmk", 0.0,
                "age", -2.0)));
        new SavedModel(m).write(dir.resolve("model.json"));

        String header = "id,image,mask,mask_segment,dwi,bvals,dwi_tumour_mask,dwi_mask_segment,reference_mask,"
                + "reference_mask_segment,age\n";
        Files.writeString(dir.resolve("nifti.csv"), header
                + "P1,t1.nii.gz,tumour.nii.gz,,dwi.nii.gz,dwi.bval,tumour.nii.gz,,reference.nii.gz,,50\n");
        Files.writeString(dir.resolve("dicom.csv"), header
                + "P1,dicom/t1,dicom/t1.seg.dcm,Tumour,dicom/dwi,,dicom/dwi.seg.dcm,1,dicom/dwi.seg.dcm,2,50\n"
                + "P2,dicom/t1,dicom/t1.seg.dcm,tumour,dicom/dwi,,dicom/dwi.seg.dcm,lesion,dicom/dwi.seg.dcm,2,50\n");
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static JsonNode predict(int expectedCode, String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("predict", "--model", dir.resolve("model.json").toString(),
                "--format", "json"));
        all.addAll(List.of(args));
        assertThat(run(out, err, all.toArray(String[]::new))).as(err.toString()).isEqualTo(expectedCode);
        return new ObjectMapper().readTree(out.toString()).get("predictions");
    }

    @Test
    void dicomOptionsAndColumnsGiveTheNiftiPrediction() throws Exception {
        JsonNode nifti = predict(0, "--id", "P1", "--image", dir.resolve("t1.nii.gz").toString(), "--mask",
                dir.resolve("tumour.nii.gz").toString(), "--dwi", dir.resolve("dwi.nii.gz").toString(), "--bvals",
                dir.resolve("dwi.bval").toString(), "--dwi-mask", dir.resolve("tumour.nii.gz").toString(),
                "--reference-mask", dir.resolve("reference.nii.gz").toString(), "--clinical", "age=50").get(0);
        JsonNode dicom = predict(0, "--id", "P1", "--image", dir.resolve("dicom/t1").toString(), "--mask",
                dir.resolve("dicom/t1.seg.dcm").toString(), "--segment", "2", "--dwi",
                dir.resolve("dicom/dwi").toString(), "--dwi-mask", dir.resolve("dicom/dwi.seg.dcm").toString(),
                "--dwi-mask-segment", "tumour", "--reference-mask", dir.resolve("dicom/dwi.seg.dcm").toString(),
                "--reference-segment", "fgt", "--clinical", "age=50").get(0);
        assertThat(nifti.get("error").asText()).isEmpty();
        assertThat(nifti.get("rmk").asDouble()).isBetween(1.5, 2.5);   // K 1.1 against 0.55
        // 96 tumour voxels of 1.6 x 1.6 x 4 mm: NIfTI keeps the spacing in float32, DICOM as a decimal string
        assertThat(nifti.get("tumour_volume_ml").asDouble()).isCloseTo(96 * 1.6 * 1.6 * 4 / 1000, within(1e-7));
        assertThat(dicom.get("tumour_volume_ml").asDouble()).isCloseTo(96 * 1.6 * 1.6 * 4 / 1000, within(1e-12));
        ((ObjectNode) nifti).remove("tumour_volume_ml");
        ((ObjectNode) dicom).remove("tumour_volume_ml");
        assertThat(dicom).isEqualTo(nifti);
        JsonNode fromNiftiManifest = predict(0, "--manifest", dir.resolve("nifti.csv").toString()).get(0);
        ((ObjectNode) fromNiftiManifest).remove("tumour_volume_ml");
        assertThat(fromNiftiManifest).isEqualTo(nifti);
        JsonNode fromDicomManifest = predict(1, "--manifest", dir.resolve("dicom.csv").toString());
        ((ObjectNode) fromDicomManifest.get(0)).remove("tumour_volume_ml");
        assertThat(fromDicomManifest.get(0)).isEqualTo(nifti);
        // the second row names a segment the DWI SEG does not hold: refused with the file and what it holds
        assertThat(fromDicomManifest.get(1).get("error").asText()).endsWith("dwi.seg.dcm: no segment \"lesion\" "
                + "(available: 1 \"tumour\", 2 \"FGT\")");
    }
}
