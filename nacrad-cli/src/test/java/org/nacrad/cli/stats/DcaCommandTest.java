package org.nacrad.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class DcaCommandTest {

    @Test
    void netBenefit(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "y,p\n1,0.9\n1,0.4\n0,0.6\n0,0.1\n");
        CliRun r = CliRun.of("stats", "dca", "--data", csv.toString(), "--label", "y", "--prob", "p",
                "--thresholds", "0.25:0.5:0.25");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("thresholds").get(1).asDouble()).isEqualTo(0.5);
        // pt = 0.25: treated 0.9, 0.4, 0.6 -> TP 2, FP 1: 2/4 - 1/4 * 1/3
        assertThat(j.get("model").get(0).asDouble()).isEqualTo(0.5 - 0.25 / 3);
        // pt = 0.5: TP 1, FP 1 -> 0; treat all: 0.5 - 0.5 = 0
        assertThat(j.get("model").get(1).asDouble()).isEqualTo(0.0);
        assertThat(j.get("treat_all").get(0).asDouble()).isEqualTo(0.5 - 0.5 / 3);
        assertThat(j.get("treat_none").get(0).asDouble()).isEqualTo(0.0);
    }

    @Test
    void badInput(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "y,p\n1,0.9\n0,1.4\n");
        CliRun r = CliRun.of("stats", "dca", "--data", csv.toString(), "--label", "y", "--prob", "p");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("line 3, column 'p': risk must be in [0, 1]");
        r = CliRun.of("stats", "dca", "--data", csv.toString(), "--label", "y", "--prob", "p", "--thresholds", "0.1:0.2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("FROM:TO:STEP");
    }
}
