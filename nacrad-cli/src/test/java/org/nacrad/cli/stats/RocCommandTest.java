package org.nacrad.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class RocCommandTest {

    @Test
    void aucCiYoudenAndPairedTest(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        // controls a = {1, 2, 3, 5}, cases a = {2, 4, 6}; b is a perfectly separating score
        Files.writeString(csv, "y,a,b\n0,1,0.1\n0,2,0.2\n0,3,0.3\n0,5,0.35\n1,2,0.7\n1,4,0.8\n1,6,0.9\n");
        CliRun r = CliRun.of("stats", "roc", "--data", csv.toString(), "--label", "y", "--score", "a", "--score", "b");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode a = r.json().get("scores").get("a");
        // case 2: 1 + 0.5, case 4: 3, case 6: 4 -> 8.5 / 12
        assertThat(a.get("auc").asDouble()).isEqualTo(8.5 / 12);
        assertThat(a.get("direction").asText()).isEqualTo("<");
        assertThat(a.get("ci")).hasSize(2);
        JsonNode y = a.get("youden");
        assertThat(y.get("sensitivity").asDouble() + y.get("specificity").asDouble()).isGreaterThan(1);
        assertThat(r.json().get("scores").get("b").get("auc").asDouble()).isEqualTo(1.0);
        JsonNode c = r.json().get("comparisons").get(0);
        assertThat(c.get("a").asText()).isEqualTo("a");
        assertThat(c.get("b").asText()).isEqualTo("b");
        assertThat(c.get("p").asDouble()).isBetween(0.0, 1.0);
        // doubles are printed so that they parse back to the same double
        assertThat(r.out()).contains(Double.toString(8.5 / 12));
    }

    @Test
    void seededBootstrap(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "y,a\n0,1\n0,2\n0,3\n0,5\n1,2\n1,4\n1,6\n1,7\n");
        String[] args = {"stats", "roc", "--data", csv.toString(), "--label", "y", "--score", "a", "--bootstrap",
            "500", "--seed", "7"};
        JsonNode b1 = CliRun.of(args).json().get("scores").get("a").get("bootstrap");
        JsonNode b2 = CliRun.of(args).json().get("scores").get("a").get("bootstrap");
        assertThat(b1).isEqualTo(b2);
        assertThat(b1.get("replicates").asInt()).isEqualTo(500);
        assertThat(b1.get("ci").get(0).asDouble()).isLessThan(b1.get("ci").get(1).asDouble());
    }

    @Test
    void tableAndErrors(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "y,a\n1,1\n1,2\n1,\n");
        CliRun r = CliRun.of("stats", "roc", "--data", csv.toString(), "--label", "y", "--score", "a");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("line 4, column 'a': missing");
        Files.writeString(csv, "y,a\n1,1\n1,2\n1,3\n");
        r = CliRun.of("stats", "roc", "--data", csv.toString(), "--label", "y", "--score", "a");
        assertThat(r.err()).contains("score 'a'").contains("needs both outcomes");
        Files.writeString(csv, "y,a\n0,1\n0,2\n1,3\n1,4\n");
        r = CliRun.of("stats", "roc", "--data", csv.toString(), "--label", "y", "--score", "a", "--format", "table");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("AUC").contains("1.0000");
    }
}
