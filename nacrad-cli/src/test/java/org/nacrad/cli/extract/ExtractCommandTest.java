package org.nacrad.cli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.extraction.BatchExtraction;
import org.nacrad.io.Csv;
import org.nacrad.testkit.ReferenceData;

/** {@code nacrad extract} run in-process on PyRadiomics' test cases and on bad input. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one run. */
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

    private static Map<String, Double> current851(String testCase) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ReferenceData.file("pyradiomics", "current", testCase + "_851.csv"))) {
            if (!line.startsWith("featureName")) {
                String[] f = line.split(",");
                m.put(f[0], Double.parseDouble(f[1]));
            }
        }
        return m;
    }

    private static boolean close(double a, double e) {
        return e == 0 ? Math.abs(a) <= 1e-9 : Math.abs(a - e) <= 1e-6 * Math.abs(e);
    }

    @Test
    void jsonHasEveryFeatureAndDiagnosticAndRoundTrips() throws IOException {
        Path image = ReferenceData.file("pyradiomics", "breast1_image.nrrd");
        Path mask = ReferenceData.file("pyradiomics", "breast1_label.nrrd");
        Path out = dir.resolve("breast1.json");
        Run r = run("extract", image.toString(), mask.toString(), "--format", "json", "--out", out.toString(),
                "--jobs", "2");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(out.toFile(), LinkedHashMap.class);
        Map<String, Double> expected = current851("breast1");
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertThat(close(((Number) json.get(e.getKey())).doubleValue(), e.getValue())).as(e.getKey()).isTrue();
        }
        assertThat(json.keySet().stream().filter(k -> !k.startsWith("diagnostics_"))).hasSize(851);
        assertThat(json.get("diagnostics_Image-original_Hash")).isEqualTo("016951a8f9e8e5de21092d9d62b77262f92e04a5");
        // the printed doubles are exactly the extracted ones
        String text = Files.readString(out);
        assertThat(text).contains("\"original_firstorder_Mean\" : 131.12587412587413");
    }

    @Test
    void csvRowsToStandardOutput() throws IOException {
        Path param = Files.writeString(dir.resolve("p.yaml"), "featureClass:\n  firstorder: [Mean, Maximum]\n");
        Run r = run("extract", ReferenceData.file("pyradiomics", "breast1_image.nrrd").toString(),
                ReferenceData.file("pyradiomics", "breast1_label.nrrd").toString(), "--param", param.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("featureName,value");
        assertThat(lines).contains("original_firstorder_Mean,131.12587412587413", "original_firstorder_Maximum,162.0",
                "diagnostics_Mask-original_BoundingBox,\"(21, 64, 8, 9, 12, 3)\"");
        assertThat(lines.stream().filter(l -> l.startsWith("original_"))).hasSize(2);
    }

    @Test
    void badInputGivesOneLine() throws IOException {
        Path missing = dir.resolve("missing.nrrd");
        Run r = run("extract", missing.toString(), ReferenceData.file("pyradiomics", "breast1_label.nrrd").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nacrad extract: " + missing + ": file not found");

        Path param = Files.writeString(dir.resolve("bad.yaml"), "setting:\n  binWidth: 0\n");
        r = run("extract", "a.nrrd", "b.nrrd", "--param", param.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("nacrad extract: " + param + ": setting.binWidth: must be > 0, got 0");

        r = run("extract", ReferenceData.file("pyradiomics", "breast1_image.nrrd").toString(),
                ReferenceData.file("pyradiomics", "breast1_label.nrrd").toString(), "--label", "7");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nacrad extract: " + ReferenceData.file("pyradiomics", "breast1_label.nrrd")
                + ": label 7 not present in mask; labels present: [1]");
    }

    @Test
    void batchWritesOneRowPerCaseKeepsGoingAndResumes() throws IOException {
        Path ref = ReferenceData.file("pyradiomics", "breast1_image.nrrd").getParent();
        Path cases = Files.writeString(dir.resolve("cases.csv"), "ID,Image,Mask,Label\n"
                + "breast1," + ref.resolve("breast1_image.nrrd") + "," + ref.resolve("breast1_label.nrrd") + ",\n"
                + "bad,missing.nrrd," + ref.resolve("breast1_label.nrrd") + ",1\n"
                + "brain1," + ref.resolve("brain1_image.nrrd") + "," + ref.resolve("brain1_label.nrrd") + ",1\n");
        Path out = dir.resolve("features.csv");
        Run r = run("extract", "--batch", cases.toString(), "--out", out.toString(), "--jobs", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("3 cases: 2 extracted, 0 already done, 1 failed");
        List<List<String>> rows = Csv.parse(Files.readString(out));
        assertThat(rows).hasSize(4);
        List<String> header = rows.get(0);
        assertThat(header.subList(0, 5)).containsExactly("ID", "Image", "Mask", "Label", "Error");
        assertThat(rows.get(1).get(0)).isEqualTo("breast1");
        assertThat(rows.get(2).get(4)).isEqualTo(dir.resolve("missing.nrrd") + ": file not found");
        assertThat(rows.get(3).get(0)).isEqualTo("brain1");
        int mean = header.indexOf("original_firstorder_Mean");
        Map<String, Double> brain = current851("brain1");
        assertThat(close(Double.parseDouble(rows.get(3).get(mean)), brain.get("original_firstorder_Mean"))).isTrue();
        assertThat(header.stream().filter(h -> !h.startsWith("diagnostics_")).count()).isEqualTo(5 + 851);
        assertThat(Files.readString(BatchExtraction.logFile(out))).startsWith("bad: ");
        assertThat(BatchExtraction.partialFile(out)).doesNotExist();

        // rerun: the two finished cases are reused, the failed one is tried again
        String before = Files.readString(out);
        r = run("extract", "--batch", cases.toString(), "--out", out.toString());
        assertThat(r.out()).contains("3 cases: 0 extracted, 2 already done, 1 failed");
        assertThat(Files.readString(out)).isEqualTo(before);
    }

    @Test
    void batchFileErrorsNameLineAndColumn() throws IOException {
        Path cases = Files.writeString(dir.resolve("cases.csv"), "ID,Image,Mask,Label\na,x.nrrd,y.nrrd,one\n");
        Run r = run("extract", "--batch", cases.toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("nacrad extract: " + cases
                + ": line 2, column Label: expected a positive integer, got 'one'");
    }
}
