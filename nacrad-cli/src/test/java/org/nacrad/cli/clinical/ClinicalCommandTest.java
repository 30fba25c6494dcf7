package org.nacrad.cli.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;

import picocli.CommandLine;

class ClinicalCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void derivesColumnsAndStatesTheRule(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,tumour_bed_d1_mm,tumour_bed_d2_mm,cellularity_pct,in_situ_pct,positive_nodes,"
                + "largest_node_metastasis_mm,baseline_diameter_mm,post_diameter_mm\n"
                + "P1,30,20,40,10,2,6,40,30\nP2,10,10,5,0,0,0,40,20\n");
        Path outCsv = dir.resolve("out.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "clinical", "--data", in.toString(), "--out", outCsv.toString())).isZero();
        assertThat(out.toString()).contains("2 rows written").contains("rule: rcb>=II and shrinkage<0.30");
        String csv = Files.readString(outCsv);
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith("rcb_index,rcb_class,shrinkage_rate,recist_response,chemoresistant,chemoresistance_rule");
        assertThat(csv).contains("RCB-III,0.25,SD,1,rcb>=II and shrinkage<0.30")
                .contains("1.2443797536331982,RCB-I,0.5,PR,0,");
    }

    @Test
    void badRowsFailWithoutWriting(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,baseline_diameter_mm,post_diameter_mm\nP1,-4,3\n");
        Path outCsv = dir.resolve("out.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "clinical", "--data", in.toString(), "--out", outCsv.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("row 1 (id P1), column baseline_diameter_mm: must be > 0, got -4.0");
        assertThat(outCsv).doesNotExist();
    }
}
