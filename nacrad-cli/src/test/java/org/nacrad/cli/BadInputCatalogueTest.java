package org.nacrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.io.Sha256;
import org.nacrad.study.SavedModel;

import picocli.CommandLine;

/**
 * The catalogue of bad input for the CLI, the batch, the study and the stats commands, one parameterised test per
 * class: each case gives the exact exit code and the one-line message, and the folder it works in is unchanged
 * afterwards (nothing written, nothing overwritten, no temporary file left). No case ever shows a stack trace.
 */
class BadInputCatalogueTest {

    @TempDir
    static Path dir;

    /** Exit code, standard output and standard error of one in-process run. */
    record Run(int code, String out, String err) {
    }

    static Run run(Writer stdout, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        PrintWriter out = new PrintWriter(stdout);
        cl.setOut(out);
        cl.setErr(new PrintWriter(err));
        int code = NacradCli.execute(cl, args);
        out.flush();
        return new Run(code, stdout.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Every file below the folder with its mode and content checksum, to show that nothing changed. */
    static Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link" : Files.isRegularFile(p) ? Sha256.ofPath(p)
                        : Files.isDirectory(p) ? "dir" : "other";
                m.put(dir.relativize(p).toString(), kind + " " + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return m;
    }

    @BeforeAll
    static void inputs() throws Exception {
        Geometry g = Geometry.of(new int[] {8, 8, 4}, new double[] {1, 1, 2}, new double[] {0, 0, 0});
        double[] v = new double[8 * 8 * 4];
        double[] m = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = 100 + (k * 37) % 50;
            m[k] = (k % 8 > 1 && k % 8 < 6 && (k / 8) % 8 > 1 && (k / 8) % 8 < 6 && k / 64 > 0) ? 1 : 0;
        }
        ImageIO.write(new Volume(g, PixelType.INT16, v), dir.resolve("image.nii.gz"));
        ImageIO.write(new Volume(g, PixelType.UINT8, m), dir.resolve("mask.nii.gz"));
        Files.createSymbolicLink(dir.resolve("mask-link.nii.gz"), dir.resolve("mask.nii.gz"));
        Files.writeString(dir.resolve("params.yaml"), "featureClass:\n  firstorder: [Mean]\n");
        Files.writeString(dir.resolve("cases.csv"), "ID,Image,Mask\na,image.nii.gz,mask.nii.gz\n");
        Files.writeString(dir.resolve("clinical.csv"), "id,age\nP1,50\nP2,60\n");
        Files.writeString(dir.resolve("scores.csv"), "y,s\n0,0.1\n0,0.4\n1,0.35\n1,0.8\n0,0.2\n1,0.9\n");
        Files.createDirectory(dir.resolve("folder"));
        Process p = new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start();
        assertThat(p.waitFor()).isZero();
        // a model of the Rad-score alone (its numbers need not be fitted ones)
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("format", SavedModel.FORMAT);
        model.put("extraction", Map.of("parameter_file", "featureClass:\n  firstorder: [Mean]\n", "label", 1));
        model.put("diffusion", Map.of("adc_max_b", 1000.0));
        model.put("clinical_coding", Map.of("label_rule", "rcb>=II", "ki67_threshold", 20.0));
        model.put("threshold", 0.5);
        model.put("model", Map.of("intercept", -0.2, "coefficients", Map.of("rad_score", 1.0)));
        model.put("radiomics", Map.of("intercept", 0.0, "features", Map.of("original_firstorder_Mean",
                Map.of("coefficient", 0.5, "mean", 120.0, "sd", 10.0))));
        model.put("nomogram", Map.of("scale", 10.0, "min_contribution", Map.of("rad_score", -5.0)));
        new SavedModel(model).write(dir.resolve("model.json"));
    }

    /** Runs a bad case and checks code, message, the absence of a stack trace and an unchanged folder. */
    static void check(String[] args, int code, String message) throws IOException {
        Map<String, String> before = snapshot();
        Run r = run(args);
        assertThat(r.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip()).isEqualTo(message);
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(snapshot()).as("the folder after " + String.join(" ", args)).isEqualTo(before);
    }

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    static Arguments of(String message, int code, String... args) {
        return Arguments.of(args, code, message);
    }

    // ---- outputs: regular files only, never over an input ------------------------------------------------------

    static Stream<Arguments> outputs() {
        String notRegular = ": is not a regular file (a device, pipe or socket); outputs are written to regular files "
                + "only (standard output: -)";
        String isInput = " this command reads; write the output to another file";
        return Stream.of(
            of("nacrad extract: /dev/null" + notRegular, 1, "extract", p("image.nii.gz"), p("mask.nii.gz"), "--out",
                    "/dev/null"),
            of("nacrad extract: " + p("image.nii.gz") + ": is the image" + isInput, 1, "extract", p("image.nii.gz"),
                    p("mask.nii.gz"), "--out", p("image.nii.gz")),
            of("nacrad extract: " + p("mask-link.nii.gz") + ": is the mask" + isInput, 1, "extract", p("image.nii.gz"),
                    p("mask.nii.gz"), "--out", p("mask-link.nii.gz")),
            of("nacrad extract: " + p("params.yaml") + ": is the parameter file" + isInput, 1, "extract",
                    p("image.nii.gz"), p("mask.nii.gz"), "--param", p("params.yaml"), "--out", p("params.yaml")),
            of("nacrad extract: " + p("fifo") + notRegular, 1, "extract", p("image.nii.gz"), p("mask.nii.gz"),
                    "--out", p("fifo")),
            of("nacrad extract: " + p("cases.csv") + ": is the batch file" + isInput, 1, "extract", "--batch",
                    p("cases.csv"), "--out", p("cases.csv")),
            of("nacrad extract: " + p("image.nii.gz") + ": is the image of case a" + isInput, 1, "extract",
                    "--batch", p("cases.csv"), "--out", p("image.nii.gz")),
            of("nacrad extract: " + p("folder") + ": is a directory; outputs are written to regular files only", 1,
                    "extract", "--batch", p("cases.csv"), "--out", p("folder")),
            of("nacrad extract: /dev/full" + notRegular, 1, "extract", "--batch", p("cases.csv"), "--out",
                    "/dev/full"),
            of("nacrad extract: " + p("no/such/f.csv") + ": cannot write: directory " + p("no/such")
                    + " does not exist", 1, "extract", "--batch", p("cases.csv"), "--out", p("no/such/f.csv")),
            of("nacrad clinical: " + p("clinical.csv") + ": is the --data file" + isInput, 1, "clinical", "--data",
                    p("clinical.csv"), "--out", p("clinical.csv")),
            of("nacrad clinical: /dev/full" + notRegular, 1, "clinical", "--data", p("clinical.csv"), "--out",
                    "/dev/full"),
            of("nacrad convert: " + p("image.nii.gz") + ": is the input image" + isInput, 1, "convert",
                    p("image.nii.gz"), p("image.nii.gz")),
            of("nacrad convert: /dev/null" + notRegular, 1, "convert", p("image.nii.gz"), "/dev/null"),
            of("nacrad export: " + p("model.json") + ": is the model" + isInput, 1, "export", "--model",
                    p("model.json"), "--out", p("model.json")),
            of("nacrad export: /dev/null" + notRegular, 1, "export", "--model", p("model.json"), "--out", "/dev/null"),
            of("nacrad export: " + p("folder") + ": is a directory; outputs are written to regular files only", 1,
                    "export", "--model", p("model.json"), "--out", p("folder")),
            of("nacrad export: " + p("absent.json") + ": file not found", 1, "export", "--model", p("absent.json")));
    }

    @ParameterizedTest
    @MethodSource
    void outputs(String[] args, int code, String message) throws IOException {
        check(args, code, message);
    }

    // ---- standard output that cannot be written -----------------------------------------------------------------

    /** A standard output on a full disk. */
    static final class FullDisk extends Writer {
        @Override
        public void write(char[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void flush() throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void close() {
        }
    }

    static Stream<Arguments> standardOutputThatCannotBeWritten() {
        return Stream.of(
            Arguments.of((Object) new String[] {"stats", "roc", "--data", p("scores.csv"), "--label", "y", "--score", "s"}),
            Arguments.of((Object) new String[] {"extract", p("image.nii.gz"), p("mask.nii.gz"), "--param",
                p("params.yaml")}),
            Arguments.of((Object) new String[] {"predict", "--model", p("model.json"), "--image", p("image.nii.gz"),
                "--mask", p("mask.nii.gz")}),
            Arguments.of((Object) new String[] {"export", "--model", p("model.json"), "--out", "-"}));
    }

    @ParameterizedTest
    @MethodSource
    void standardOutputThatCannotBeWritten(String[] args) throws IOException {
        Run ok = run(args);
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).isNotEmpty();
        Map<String, String> before = snapshot();
        Run full = run(new FullDisk(), args);
        assertThat(full.code()).isEqualTo(1);
        assertThat(full.err().strip()).isEqualTo("nacrad: cannot write the output to standard output (disk full, or "
                + "the reader closed the pipe); the result is lost");
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- the study's configuration ---------------------------------------------------------------------------

    static Stream<Arguments> studyConfigs() {
        Function<String, String> cfg = name -> p("study-" + name + ".yaml");
        List<Arguments> a = new ArrayList<>();
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("bootstrap-negative", new String[] {"evaluation: {bootstrap: -5}\n",
            "evaluation.bootstrap must be from 0 (none) to 100000 resamples, got -5"});
        cases.put("bootstrap-huge", new String[] {"evaluation: {bootstrap: 1000000000}\n",
            "evaluation.bootstrap must be from 0 (none) to 100000 resamples, got 1000000000"});
        cases.put("bootstrap-float", new String[] {"evaluation: {bootstrap: 1e9}\n",
            "key 'evaluation.bootstrap': expected a whole number, got '1.0E9'"});
        cases.put("dca-grid", new String[] {"evaluation: {dca: \"0:0.99:1e-9\"}\n",
            "evaluation.dca '0:0.99:1e-9': threshold grid: 0.0:0.99:1.0E-9 gives 9.900e+08 thresholds, more than the "
                    + "100001 allowed: use a larger STEP"});
        cases.put("duplicate-key", new String[] {"manifest: a.csv\noutput: o\nmanifest: b.csv\n",
            "line 3: key 'manifest' is given twice"});
        cases.put("alias", new String[] {"defaults: &m cohort.csv\nmanifest: *m\n",
            "line 2: YAML aliases (*m) are not supported in the study config: write the value out"});
        cases.put("split-method", new String[] {"split: {method: random}\n",
            "split.method must be chronological, stratified or column, got 'random'"});
        cases.put("folds", new String[] {"selection: {folds: 1}\n", "selection.folds must be from 3 to 1000, got 1"});
        cases.put("unknown-key", new String[] {"evaluation: {bootstraps: 10}\n",
            "key 'evaluation.bootstraps': unknown key; the keys here are bootstrap, dca, seed"});
        cases.put("syntax", new String[] {"split: [1\n",
            "line 1: while parsing a flow sequence: expected ',' or ']', but got <stream end>"});
        cases.put("list-for-text", new String[] {"clinical: {candidates: age}\n",
            "key 'clinical.candidates': expected a list, got 'age'"});
        cases.forEach((name, c) -> a.add(Arguments.of(name, c[0], c[1])));
        return a.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void studyConfigs(String name, String yaml, String message) throws IOException {
        Path cfg = dir.resolve("study-" + name + ".yaml");
        Files.writeString(cfg, yaml);
        check(new String[] {"study", cfg.toString()}, 1, "nacrad study: " + cfg + ": " + message);
        Files.delete(cfg);
    }

    @Test
    void aMissingConfigIsNamed() throws IOException {
        check(new String[] {"study", p("absent.yaml")}, 1, "nacrad study: " + p("absent.yaml")
                + ": config file not found");
    }

    // ---- tables: the clinical CSV, the study manifest, the batch file --------------------------------------------

    static Stream<Arguments> clinicalTables() {
        return Stream.of(
            Arguments.of("id,age,age\nP1,50,51\n", "line 1: column 'age' appears twice in the header"),
            Arguments.of("id,age\nP1,50\nid,age\nP2,60\n", "line 3 repeats the header (were two files joined?)"),
            Arguments.of("id,age\nP1,50\nP1,60\n", "1 problem:\n  row 2 (id P1), column id: duplicate id (also on row 1)"),
            Arguments.of("id,age\nP1,50\n,60\n", "1 problem:\n  row 2, column id: is empty"),
            Arguments.of("id,age\nP1,50,7\n", "line 2 has 3 fields, the header has 2"));
    }

    @ParameterizedTest
    @MethodSource
    void clinicalTables(String csv, String message) throws IOException {
        Path in = Files.writeString(dir.resolve("bad-clinical.csv"), csv);
        check(new String[] {"clinical", "--data", in.toString(), "--out", p("derived.csv")}, 1,
                "nacrad clinical: " + in + ": " + message);
        Files.delete(in);
    }

    static Stream<Arguments> studyManifests() {
        String header = "id,admission_date,image,mask,dwi,bvals,dwi_tumour_mask,reference_mask\n";
        String row = ",2020-01-01,image.nii.gz,mask.nii.gz,image.nii.gz,,mask.nii.gz,mask.nii.gz\n";
        return Stream.of(
            Arguments.of(header + "P1" + row + "P1" + row, "row 2 (id P1), column id: duplicate id (also on row 1)"),
            Arguments.of(header + "P1" + row + row, "row 2, column id: is empty"),
            Arguments.of("id,id,admission_date\nP1,P1,2020-01-01\n", "line 1: column 'id' appears twice in the header"),
            Arguments.of(header + "P1" + row + header, "line 3 repeats the header (were two files joined?)"));
    }

    @ParameterizedTest
    @MethodSource
    void studyManifests(String csv, String problem) throws IOException {
        Path manifest = Files.writeString(dir.resolve("manifest-bad.csv"), csv);
        Path cfg = Files.writeString(dir.resolve("study-manifest.yaml"), "manifest: manifest-bad.csv\noutput: out\n");
        Map<String, String> before = snapshot();
        Run r = run("study", cfg.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("nacrad study: " + manifest + ": ").contains(problem).doesNotContain("\tat ");
        assertThat(snapshot()).isEqualTo(before);
        Files.delete(manifest);
        Files.delete(cfg);
    }

    static Stream<Arguments> batchFiles() {
        return Stream.of(
            Arguments.of("ID,Image,Mask\na,x,y\na,x,y\n", "line 3, column ID: duplicate ID 'a'"),
            Arguments.of("ID,Image,Mask\n,x,y\n", "line 2, column ID: empty ID"),
            Arguments.of("ID,Image,Mask,Image\na,x,y,z\n", "line 1: column Image appears twice in the header"),
            Arguments.of("ID,Image,Mask\na,x,y\nID,Image,Mask\n", "line 3 repeats the header (were two files joined?)"),
            Arguments.of("ID,Image,Mask,Label\na,x,y,0\n", "line 2, column Label: expected a positive integer, got '0'"),
            Arguments.of("ID,Image,Mask,Label\na,x,y,99999999999\n",
                    "line 2, column Label: expected a positive integer, got '99999999999'"),
            Arguments.of("ID,Mask\na,y\n", "line 1: header must have columns Image and Mask (and ID, Label), got [ID, Mask]"),
            Arguments.of("", "empty batch file (expected a header ID,Image,Mask[,Label])"),
            Arguments.of("ID,Image,Mask\na,,y\n", "line 2: Image and Mask must not be empty"));
    }

    @ParameterizedTest
    @MethodSource
    void batchFiles(String csv, String message) throws IOException {
        Path in = Files.writeString(dir.resolve("bad-cases.csv"), csv);
        check(new String[] {"extract", "--batch", in.toString(), "--out", p("features.csv")}, 1,
                "nacrad extract: " + in + ": " + message);
        Files.delete(in);
    }

    @Test
    void aBatchWhoseEveryCaseFailsSaysSo() throws IOException {
        Path in = Files.writeString(dir.resolve("failing.csv"), "ID,Image,Mask\na,none1.nii.gz,mask.nii.gz\n"
                + "b,none2.nii.gz,mask.nii.gz\n");
        Path out = dir.resolve("failing-features.csv");
        Run r = run("extract", "--batch", in.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().strip()).isEqualTo("nacrad extract: 2 cases: 0 extracted, 0 already done, 2 failed; "
                + "features in " + out + ", errors in " + out + ".log");
        assertThat(Files.readString(dir.resolve("failing-features.csv.log"))).isEqualTo(
                "a: " + p("none1.nii.gz") + ": file not found\nb: " + p("none2.nii.gz") + ": file not found\n");
        for (String f : List.of("failing.csv", "failing-features.csv", "failing-features.csv.log",
                "failing-features.csv.provenance.csv")) {
            Files.delete(dir.resolve(f));
        }
    }

    // ---- options the stats, extract and study commands check ---------------------------------------------------

    static Stream<Arguments> options() {
        String roc = "nacrad stats roc: ";
        return Stream.of(
            of(roc + "Invalid value for option '--bootstrap': '1e9' is not an int (see 'nacrad stats roc --help')", 2,
                    "stats", "roc", "--data", p("scores.csv"), "--label", "y", "--score", "s", "--bootstrap", "1e9"),
            of(roc + "--bootstrap must be 0 (none) or from 10 to 1000000 replicates, got 1000000000", 2,
                    "stats", "roc", "--data", p("scores.csv"), "--label", "y", "--score", "s", "--bootstrap", "1000000000"),
            of(roc + "--bootstrap must be 0 (none) or from 10 to 1000000 replicates, got -5", 2,
                    "stats", "roc", "--data", p("scores.csv"), "--label", "y", "--score", "s", "--bootstrap", "-5"),
            of("nacrad stats dca: --thresholds '0:0.99:1e-9': threshold grid: 0.0:0.99:1.0E-9 gives 9.900e+08 "
                    + "thresholds, more than the 100001 allowed: use a larger STEP", 2,
                    "stats", "dca", "--data", p("scores.csv"), "--label", "y", "--prob", "s", "--thresholds", "0:0.99:1e-9"),
            of("nacrad stats dca: --thresholds 'a:0.5:0.1': expected FROM:TO:STEP numbers, 'a' is not one", 2,
                    "stats", "dca", "--data", p("scores.csv"), "--label", "y", "--prob", "s", "--thresholds", "a:0.5:0.1"),
            of("nacrad extract: --jobs must be at least 1, got 0 (see 'nacrad extract --help')", 2,
                    "extract", "--batch", p("cases.csv"), "--out", p("features.csv"), "--jobs", "0"),
            of("nacrad study: --jobs must be at least 1, got -1 (see 'nacrad study --help')", 2,
                    "study", p("absent.yaml"), "--jobs", "-1"),
            of("nacrad predict: --format must be csv or json, got 'xml'", 2,
                    "predict", "--model", p("model.json"), "--image", p("image.nii.gz"), "--mask", p("mask.nii.gz"),
                    "--format", "xml"),
            of("nacrad extract: --case-timeout must be a positive number of seconds, got 0", 2,
                    "extract", "--batch", p("cases.csv"), "--out", p("features.csv"), "--case-timeout", "0"));
    }

    @ParameterizedTest
    @MethodSource
    void options(String[] args, int code, String message) throws IOException {
        check(args, code, message);
    }
}
