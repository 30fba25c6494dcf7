package org.nacrad.cli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.testkit.ReferenceData;

import picocli.CommandLine;

/**
 * {@code nacrad extract} with DICOM input: the IBSI CT phantom's DICOM series with its RTSTRUCT ROI gives the same
 * features as the phantom's NIfTI image and mask (the series reads to identical voxels and the RTSTRUCT to the
 * identical mask, see docs/dicom.md); in a batch too, with the ROI chosen by the Segment column.
 */
class DicomExtractTest {

    private static Map<String, String> run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args)).as(err.toString()).isZero();
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.toString().split("\n")) {
            int c = line.indexOf(',');
            if (c > 0 && line.startsWith("original_")) {
                m.put(line.substring(0, c), line.substring(c + 1));
            }
        }
        return m;
    }

    @Test
    void rtstructOnADicomSeriesEqualsTheNiftiPair(@TempDir Path dir) throws Exception {
        Path ct = ReferenceData.file("ibsi", "ct_phantom");
        Path params = dir.resolve("p.yaml");
        Files.writeString(params, "imageType: {Original: {}}\nfeatureClass: {firstorder: , glcm: , shape: }\n"
                + "setting: {binWidth: 25, label: 1}\n");
        Path rtstruct;
        try (var s = Files.list(ct.resolve("dicom/mask"))) {
            rtstruct = s.findFirst().orElseThrow();
        }
        Map<String, String> dicom = run("extract", ct.resolve("dicom/image").toString(), rtstruct.toString(),
                "--param", params.toString(), "--segment", "GTV-1");
        Map<String, String> nifti = run("extract", ct.resolve("nifti/image.nii.gz").toString(),
                ct.resolve("nifti/mask.nii.gz").toString(), "--param", params.toString());
        assertThat(dicom).hasSizeGreaterThan(40);
        assertThat(dicom.keySet()).isEqualTo(nifti.keySet());
        for (String k : nifti.keySet()) {
            double a = Double.parseDouble(dicom.get(k));
            double b = Double.parseDouble(nifti.get(k));
            // identical voxels and mask; geometry differs only by NIfTI's float32 storage of spacing and origin
            assertThat(Math.abs(a - b)).as(k).isLessThanOrEqualTo(1e-6 * Math.max(Math.abs(b), 1e-3));
        }

        Path cases = dir.resolve("cases.csv");
        Files.writeString(cases, "ID,Image,Mask,Segment\nct," + ct.resolve("dicom/image") + "," + rtstruct + ",GTV-1\n");
        Path out = dir.resolve("features.csv");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("extract", "--batch", cases.toString(), "--out", out.toString(), "--param",
                params.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(out)).contains("GTV-1");
    }

    @Test
    void aSegmentWithALabelMapIsRefused(@TempDir Path dir) {
        Path ct = ReferenceData.file("ibsi", "ct_phantom");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("extract", ct.resolve("nifti/image.nii.gz").toString(), ct.resolve("nifti/mask.nii.gz").toString(),
                "--segment", "GTV-1")).isNotZero();
        assertThat(err.toString()).contains("mask.nii.gz: a segment (GTV-1) selects a DICOM-SEG segment or an RTSTRUCT ROI");
    }
}
