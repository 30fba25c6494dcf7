package org.nacrad.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class CompareCommandTest {

    @Test
    void numericAndCategorical(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        // x: group 0 {1, 2, 4}, group 1 {3, 5, 6, 7}; flag: 2x2 table {{2, 1}, {1, 3}}
        Files.writeString(csv, "g,x,flag\n0,1,0\n0,2,0\n0,4,1\n1,3,0\n1,5,1\n1,6,1\n1,7,1\n");
        CliRun r = CliRun.of("stats", "compare", "--data", csv.toString(), "--group", "g", "--vars", "x,flag");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode x = r.json().get("variables").get("x");
        assertThat(x.get("type").asText()).isEqualTo("numeric");
        JsonNode mw = x.get("tests").get("mann_whitney");
        assertThat(mw.get("statistic").asDouble()).isEqualTo(1.0);
        assertThat(mw.get("p_exact").asDouble()).isEqualTo(4.0 / 35);
        assertThat(x.get("tests").get("student_t").get("df").asDouble()).isEqualTo(5.0);
        JsonNode f = r.json().get("variables").get("flag");
        assertThat(f.get("type").asText()).isEqualTo("categorical");
        // [0,0] cell hypergeometric (column totals 3, 4; row total 3): P(0..3) = 4, 18, 12, 1 (/35); observed 2
        // (12/35), two-sided P = (4 + 12 + 1)/35, as R's fisher.test(matrix(c(2, 1, 1, 3), 2))
        assertThat(f.get("tests").get("fisher").get("p").asDouble()).isCloseTo(17.0 / 35, within(1e-12));
        assertThat(f.get("tests").get("chi_square").get("df").asDouble()).isEqualTo(1.0);
        CliRun t = CliRun.of("stats", "compare", "--data", csv.toString(), "--group", "g", "--vars", "x,flag",
                "--format", "table");
        assertThat(t.out()).contains("Mann-Whitney (exact)").contains("a group has n < 30")
                .contains("Fisher exact").contains("< 5");
    }

    @Test
    void edgeCases(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "g,c,x\n0,1,1\n0,1,\n1,1,\n1,1,\n");
        CliRun r = CliRun.of("stats", "compare", "--data", csv.toString(), "--group", "g", "--vars", "c");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("variable 'c'").contains("constant");
        r = CliRun.of("stats", "compare", "--data", csv.toString(), "--group", "g", "--vars", "x");
        assertThat(r.err()).contains("variable 'x'").contains("group 1.0 has no non-missing value");
        r = CliRun.of("stats", "compare", "--data", csv.toString(), "--group", "c", "--vars", "x");
        assertThat(r.err()).contains("must have exactly two values, found 1");
    }
}
