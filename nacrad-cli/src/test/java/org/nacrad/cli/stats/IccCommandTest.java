package org.nacrad.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class IccCommandTest {

    @Test
    void shroutFleiss(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "j1,j2,j3,j4\n9,2,5,8\n6,1,3,2\n8,4,6,8\n7,1,2,6\n10,5,6,9\n6,2,4,7\n");
        CliRun r = CliRun.of("stats", "icc", "--data", csv.toString(), "--raters", "j1,j2,j3,j4");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("icc2_1").get("value").asDouble()).isCloseTo(0.29, within(0.005));
        assertThat(j.get("icc3_1").get("value").asDouble()).isCloseTo(0.71, within(0.005));
        assertThat(j.get("icc3_1").get("F").asDouble()).isCloseTo(11.03, within(0.005));
        assertThat(j.get("icc2_1").get("ci")).hasSize(2);
        // Shrout & Fleiss's Table 4: ICC(1,1) .17, ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91
        assertThat(j.get("icc1_1").get("value").asDouble()).isCloseTo(0.17, within(0.005));
        assertThat(j.get("icc1_k").get("value").asDouble()).isCloseTo(0.44, within(0.005));
        assertThat(j.get("icc2_k").get("value").asDouble()).isCloseTo(0.62, within(0.005));
        assertThat(j.get("icc3_k").get("value").asDouble()).isCloseTo(0.91, within(0.005));
    }

    @Test
    void missingRating(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "a,b\n1,2\n3,\n");
        CliRun r = CliRun.of("stats", "icc", "--data", csv.toString(), "--raters", "a,b");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("line 3, column 'b'");
    }
}
