package org.nacrad.cli.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code nacrad demo} end to end on a small cohort (90 patients, no bootstrap, to keep the build quick): it writes
 * the cohort, the study and {@code recovery.json}, whose Bayes AUCs are recomputed here independently from
 * {@code truth.csv} and the study's {@code predictions.csv} by the Mann–Whitney count.
 */
class DemoCommandTest {

    @Test
    void demoRunsTheStudyAndReportsHowMuchOfTheTruthItRecovered(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("demo", "--out", dir.toString(), "--patients", "90", "--seed", "7", "--bootstrap", "0");
        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("study/report.html")).isRegularFile();
        assertThat(out.toString()).contains("recovery of the simulated truth");
        // the paper preset (default): exact counts scaled to 90 patients, and the paper's numbers beside the run's
        assertThat(out.toString()).contains("  22 of 90 resistant (24.44 %); of the first 60 by admission date 15 "
                + "(25.00 %), of the other 30 7 (23.33 %)")
                .contains("beside the published study (paper | this run):")
                .containsPattern("chemoresistant, training set +40 of 160 \\(25.00 %\\) +\\| 15 of 60 \\(25.00 %\\)");
        assertThat(Files.readString(dir.resolve("study.yaml"))).contains("compare_with: paper");
        assertThat(Files.readString(dir.resolve("study/report.html"))).contains("Beside the published study")
                .contains("<td>chemoresistant, validation set</td><td>18 of 80 (22.50 %)</td><td>7 of 30 (23.33 %)</td>");
        // it ends with the command that serves its model
        assertThat(out.toString().strip()).endsWith("./nacrad serve --model " + dir.resolve("study/model.json"));

        Map<String, Double> truth = new HashMap<>();
        for (CSVRecord r : csv(dir.resolve("cohort/truth.csv"))) {
            truth.put(r.get("id"), Double.parseDouble(r.get("probability")));
        }
        JsonNode rec = new ObjectMapper().readTree(dir.resolve("recovery.json").toFile());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("cohort/truth-summary.json").toFile());
        assertThat(rec.get("cohort_bayes_auc").asDouble()).isEqualTo(summary.get("bayes_auc").asDouble());
        for (String set : List.of("train", "validation")) {
            List<Double> p = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (CSVRecord r : csv(dir.resolve("study/tables/predictions.csv"))) {
                if (r.get("set").equals(set)) {
                    p.add(truth.get(r.get("id")));
                    y.add(Double.parseDouble(r.get("chemoresistant")));
                }
            }
            JsonNode s = rec.get("sets").get(set);
            assertThat(s.get("n").asInt()).isEqualTo(p.size());
            assertThat(s.get("bayes_auc").asDouble()).as(set).isCloseTo(mannWhitney(p, y), within(1e-12));
            JsonNode combined = s.get("models").get("combined");
            assertThat(combined.get("minus_set_bayes").asDouble())
                    .isCloseTo(combined.get("auc").asDouble() - s.get("bayes_auc").asDouble(), within(1e-15));
        }
    }

    private static List<CSVRecord> csv(Path f) throws Exception {
        try (Reader r = Files.newBufferedReader(f)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    /** P(score of a resistant patient > score of a sensitive one), ties ½: the AUC by its definition. */
    private static double mannWhitney(List<Double> p, List<Double> y) {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < p.size(); i++) {
            for (int j = 0; j < p.size(); j++) {
                if (y.get(i) == 1 && y.get(j) == 0) {
                    pairs++;
                    wins += p.get(i) > p.get(j) ? 1 : p.get(i).equals(p.get(j)) ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
