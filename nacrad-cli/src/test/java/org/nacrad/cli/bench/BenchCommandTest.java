package org.nacrad.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;
import org.nacrad.io.Csv;
import org.nacrad.testkit.ReferenceData;

import picocli.CommandLine;

/** {@code nacrad bench} reads the reference's speed suite as it is laid out, and refuses a cases file it cannot read. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void timesEachCaseOfTheSpeedSuitesLayout() throws Exception {
        // the reference's cases.csv lists three cases; one small one, with its label 2, is enough here
        Path speed = ReferenceData.file("speed");
        Files.writeString(dir.resolve("cases.csv"), "case,image,mask,label\nthin_uint16,"
                + speed.resolve("thin_uint16_image.nrrd") + "," + speed.resolve("thin_uint16_mask.nrrd") + ",2\n");
        StringWriter out = new StringWriter();
        assertThat(run(out, "bench", dir.resolve("cases.csv").toString(), "--repeat", "2", "--format", "csv"))
                .isEqualTo(0);
        List<List<String>> rows = Csv.parse(out.toString());
        assertThat(rows.get(0)).containsExactly("case", "features", "read_s", "first_s", "warm_median_s", "warm_min_s",
                "threads", "repeat");
        assertThat(rows).hasSize(2);
        List<String> r = rows.get(1);
        assertThat(r.get(0)).isEqualTo("thin_uint16");
        assertThat(r.get(1)).isEqualTo("851");
        assertThat(Double.parseDouble(r.get(4))).isPositive().isGreaterThanOrEqualTo(Double.parseDouble(r.get(5)));
        assertThat(r.subList(6, 8)).containsExactly("1", "2");
    }

    @Test
    void aCasesFileWithoutTheColumnsIsOneLineNamingIt() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "ID,Image\na,b\n");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(NacradCli.execute(cl, "bench", dir.resolve("bad.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("nacrad bench: " + dir.resolve("bad.csv")
                + ": the header needs columns id (or case), image and mask, found [ID, Image]" + System.lineSeparator());
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        return NacradCli.execute(cl, args);
    }
}
