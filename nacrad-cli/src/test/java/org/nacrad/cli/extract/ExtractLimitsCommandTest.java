package org.nacrad.cli.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.cli.NacradCli;
import org.nacrad.testkit.ReferenceData;

import picocli.CommandLine;

/**
 * {@code nacrad extract} with parameter files that ended in an OutOfMemoryError stack trace or a hang (issue 13's
 * resource limits), duplicate keys, aliases, an unusable label_channel, a bad --label: each ends at once with its
 * exit code and one line naming the file (or option) and what to change, and no output is written.
 */
class ExtractLimitsCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // extraction errors (exit 1): the image and mask, what is too large, the setting to change
        "setting:\\n  binWidth: 1e-9 | 1 | breast1_label.nrrd): binWidth 1.0E-9 over the ROI's intensities [102, 162] makes "
                + "60000000002 grey-level bins: 60000000003 values, more than one Java array holds (2147483631): raise "
                + "binWidth or use binCount",
        "setting:\\n  binCount: 2000000000 | 1 | breast1_label.nrrd): binCount 2000000000 needs 14.9 GB, more than the",
        "setting:\\n  resampledPixelSpacing: [0.001, 0.001, 0.001] | 1 | breast1_image.nrrd: resampledPixelSpacing "
                + "[0.001, 0.001, 0.001] makes a 5988 x 7981 x 6311 grid around the ROI: 301604128908 values, more than "
                + "one Java array holds (2147483631): raise resampledPixelSpacing",
        "setting:\\n  distances: [1000000] | 1 | breast1_label.nrrd): distances [1000000]: no neighbour at these "
                + "distances fits in the 9 x 12 x 3 ROI box; use distances smaller than the box",
        "imageType:\\n  Wavelet: {level: 100000} | 1 | breast1_label.nrrd): Wavelet: level 100000 from start_level 0 "
                + "filters a window of",
        // parameter-file errors (exit 2): the file and the key
        "setting:\\n  binWidth: 25\\n  binWidth: 5 | 2 | p.yaml: setting.binWidth: duplicate key at line 3; each key "
                + "may be given once",
        "setting:\\n  binWidth: &w 25\\nimageType:\\n  Wavelet: {binWidth: *w} | 2 | p.yaml: imageType.Wavelet.binWidth: "
                + "YAML alias at line 4 is not accepted; write the value out",
        "setting:\\n  label_channel: 1 | 2 | p.yaml: setting.label_channel: nacrad reads scalar masks only",
    })
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refusedAtOnceWithOneLineAndNoOutput(String yaml, int code, String message) throws IOException {
        Path param = Files.writeString(dir.resolve("p.yaml"), yaml.replace("\\n", "\n") + "\n");
        Path out = dir.resolve("features.csv");
        String[] r = run("extract", ReferenceData.file("pyradiomics", "breast1_image.nrrd").toString(),
                ReferenceData.file("pyradiomics", "breast1_label.nrrd").toString(), "--param", param.toString(),
                "--out", out.toString());
        assertThat(r[0]).isEqualTo(String.valueOf(code));
        assertThat(r[2]).startsWith("nacrad extract: ").contains(message.strip()).endsWith("\n")
                .hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource({"0", "-3"})
    void labelOptionIsCheckedByTheSettingsSchema(String label) {
        String[] r = run("extract", ReferenceData.file("pyradiomics", "breast1_image.nrrd").toString(),
                ReferenceData.file("pyradiomics", "breast1_label.nrrd").toString(), "--label", label);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).isEqualTo("nacrad extract: label: must be > 0, got " + label + "\n");
    }

    /** Exit code, standard output and standard error of one in-process run. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
