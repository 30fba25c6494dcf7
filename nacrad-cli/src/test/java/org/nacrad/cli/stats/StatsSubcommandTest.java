package org.nacrad.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plumbing every {@code nacrad stats} subcommand shares ({@link StatsSubcommand}): one error line
 * {@code nacrad stats NAME: FILE: message} with exit code 1 and nothing on stdout, the file named once, and the
 * option checks that fail with exit code 2 before the data is read.
 */
class StatsSubcommandTest {

    private static final String[][] COMMANDS = {
        {"roc", "--label", "y", "--score", "zz"},
        {"compare", "--group", "y", "--vars", "zz"},
        {"dca", "--label", "y", "--prob", "zz"},
        {"icc", "--raters", "x,zz"},
        {"lasso", "--label", "y", "--exclude", "zz"},
        {"logit", "--label", "y", "--predictors", "zz"},
    };

    @Test
    void everyCommandNamesItselfAndTheFileOnceOnOneLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "y,x\n0,1\n1,2\n0,3\n1,4\n");
        for (String[] c : COMMANDS) {
            List<String> args = new ArrayList<>(List.of("stats", c[0], "--data", csv.toString()));
            args.addAll(Arrays.asList(c).subList(1, c.length));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.code()).as(c[0]).isEqualTo(1);
            assertThat(r.out()).as(c[0]).isEmpty();
            String expected = "nacrad stats " + c[0] + ": " + csv + ": "
                    + (c[0].equals("compare") ? "variable 'zz': " : "") + "no column 'zz' (columns: y, x)";
            assertThat(r.err()).as(c[0]).isEqualTo(expected + System.lineSeparator());
        }
    }

    @Test
    void aMissingFileIsSaidSo(@TempDir Path dir) {
        Path csv = dir.resolve("absent.csv");
        CliRun r = CliRun.of("stats", "roc", "--data", csv.toString(), "--label", "y", "--score", "x");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("nacrad stats roc: " + csv + ": no such file" + System.lineSeparator());
    }

    @Test
    void fileIsPrefixedWhenTheMessageLacksIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "y,x\n1,1\n1,2\n1,3\n");
        CliRun r = CliRun.of("stats", "logit", "--data", csv.toString(), "--label", "y");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("nacrad stats logit: " + csv
                + ": the outcome has one class only (all 3 rows are 1); a logistic model needs both"
                + System.lineSeparator());
    }

    @Test
    void optionChecksComeBeforeTheData(@TempDir Path dir) {
        String absent = dir.resolve("absent.csv").toString();
        CliRun r = CliRun.of("stats", "lasso", "--data", absent, "--label", "y", "--measure", "mse");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("nacrad stats lasso: --measure must be deviance or auc, not 'mse'"
                + System.lineSeparator());
        r = CliRun.of("stats", "dca", "--data", absent, "--label", "y", "--prob", "p", "--thresholds", "0.5:0.1:0.1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("nacrad stats dca: --thresholds '0.5:0.1:0.1': threshold grid: need step > 0"
                + " and to >= from, got 0.5:0.1:0.1" + System.lineSeparator());
        // with valid options the absent file is the error
        r = CliRun.of("stats", "dca", "--data", absent, "--label", "y", "--prob", "p");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("nacrad stats dca: " + absent);
    }

    @Test
    void tableAndJsonComeFromTheSameComputation(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        // Shrout & Fleiss ICC(2,1) = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC - MSE) / n); here n = 3, k = 2,
        // MSR = 1.5, MSC = 1.5, MSE = 0.5 -> 1 / (2 + 2/3) = 3/8
        Files.writeString(csv, "a,b\n1,2\n2,4\n3,3\n");
        CliRun json = CliRun.of("stats", "icc", "--data", csv.toString(), "--raters", "a,b");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.json().get("icc2_1").get("value").asDouble()).isCloseTo(3.0 / 8, within(1e-15));
        CliRun table = CliRun.of("stats", "icc", "--data", csv.toString(), "--raters", "a,b", "--format", "table");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).startsWith("3 subjects, 2 raters" + System.lineSeparator()
                + String.format(Locale.ROOT, "%-30s %.4f", "ICC(2,1) absolute agreement", 3.0 / 8));
    }
}
