package org.nacrad.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.cli.NacradCli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** The commands end to end on small CSVs; numbers from R (glm, confint.default, cv.glmnet) noted inline. */
class LogitLassoCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NacradCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path twoByTwo() throws Exception {
        StringBuilder sb = new StringBuilder("id,y,x\n");
        for (int i = 0; i < 20; i++) {
            int x = i < 10 ? 1 : 0;
            int y = (i < 10 ? i < 8 : i - 10 < 3) ? 1 : 0;
            sb.append(i).append(',').append(y).append(',').append(x).append('\n');
        }
        Path f = dir.resolve("t.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void logitPrintsCoefficientsAndFitStatisticsAsJson() throws Exception {
        Path f = twoByTwo();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "stats", "logit", "--data", f.toString(), "--label", "y", "--predictors", "x"))
                .as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        JsonNode x = j.get("coefficients").get(1);
        assertThat(x.get("term").asText()).isEqualTo("x");
        // closed forms: log OR = log(8*7/(2*3)), se = sqrt(1/8+1/2+1/3+1/7)
        assertThat(x.get("estimate").asDouble()).isCloseTo(Math.log(56.0 / 6), within(1e-10));
        assertThat(x.get("or").asDouble()).isCloseTo(56.0 / 6, within(1e-8));
        double se = Math.sqrt(1 / 8.0 + 1 / 2.0 + 1 / 3.0 + 1 / 7.0);
        assertThat(x.get("or_ci_wald").get(0).asDouble()).isCloseTo(Math.exp(Math.log(56.0 / 6) - 1.959963984540054 * se),
                within(1e-8));
        assertThat(x.get("or_ci_profile").size()).isEqualTo(2);
        // concordant 8*7 = 56, tied 8*2 + 3*7 = 37 (count half), events 11 x non-events 9
        assertThat(j.get("c_index").asDouble()).isCloseTo(74.5 / 99, within(1e-12));
        assertThat(j.get("calibration").get("slope").asDouble()).isCloseTo(1, within(1e-6));
        assertThat(j.has("hosmer_lemeshow")).isTrue();
        // every double parses back to the printed value's double
        assertThat(Double.parseDouble(x.get("estimate").asText())).isEqualTo(x.get("estimate").asDouble());
    }

    @Test
    void errorsAreOneLineNamingFileAndProblem() throws Exception {
        Path f = dir.resolve("sep.csv");
        Files.writeString(f, "y,dose\n0,1\n0,2\n1,3\n1,4\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "stats", "logit", "--data", f.toString(), "--label", "y")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("nacrad stats logit: " + f + ": predictor 'dose' separates")
                .endsWith("(--firth)").doesNotContain("\n").doesNotContain("Exception");
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        assertThat(run(out2, err2, "stats", "logit", "--data", f.toString(), "--label", "y", "--firth"))
                .as(err2.toString()).isZero();
        StringWriter err3 = new StringWriter();
        assertThat(run(new StringWriter(), err3, "stats", "lasso", "--data", f.toString(), "--label", "y",
                "--folds", "5")).isEqualTo(1);
        assertThat(err3.toString().strip()).isEqualTo("nacrad stats lasso: " + f
                + ": cannot make 5 folds from 4 rows (need at least one row per fold)");
    }

    @Test
    void lassoWithFoldIdsReportsTheCurveAndCoefficients() throws Exception {
        // 60 rows, two informative predictors and a noise one, fold ids 1..3 in turn
        StringBuilder sb = new StringBuilder("y,fold,a,b,c\n");
        for (int i = 0; i < 60; i++) {
            double a = Math.sin(i * 1.3);
            double b = Math.cos(i * 0.7);
            double c = Math.sin(i * 2.9 + 1);
            int y = a + 0.5 * b + 0.3 * Math.sin(i * 5.1) > 0 ? 1 : 0;
            sb.append(y).append(',').append(i % 3 + 1).append(',').append(a).append(',').append(b).append(',')
                    .append(c).append('\n');
        }
        Path f = dir.resolve("l.csv");
        Files.writeString(f, sb.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "stats", "lasso", "--data", f.toString(), "--label", "y", "--foldid", "fold",
                "--lambda", "0.05")).as(err.toString()).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString());
        int n = j.get("lambda").size();
        assertThat(j.get("cvm").size()).isEqualTo(n);
        assertThat(j.get("cvsd").size()).isEqualTo(n);
        double lmin = j.get("lambda_min").asDouble();
        double l1se = j.get("lambda_1se").asDouble();
        assertThat(l1se).isGreaterThanOrEqualTo(lmin);
        assertThat(j.get("coefficients").get("lambda_min").fieldNames()).toIterable()
                .containsExactly("(Intercept)", "a", "b", "c");
        assertThat(j.get("coefficients").has("0.05")).isTrue();
        assertThat(j.get("coefficients").get("lambda_min").get("a").asDouble()).isPositive();
        // at --lambda 0.05 (between path points) the printed coefficients minimise the lasso objective: the KKT
        // conditions on the standardised scale, recomputed here from the data, hold to 1e-9
        double[][] x = new double[60][3];
        double[] y = new double[60];
        String[] lines = sb.toString().split("\n");
        for (int i = 0; i < 60; i++) {
            String[] c = lines[i + 1].split(",");
            y[i] = Double.parseDouble(c[0]);
            for (int k = 0; k < 3; k++) {
                x[i][k] = Double.parseDouble(c[k + 2]);
            }
        }
        JsonNode at = j.get("coefficients").get("0.05");
        double[] beta = {at.get("a").asDouble(), at.get("b").asDouble(), at.get("c").asDouble()};
        double[] res = new double[60];
        double interceptGradient = 0;
        for (int i = 0; i < 60; i++) {
            double eta = at.get("(Intercept)").asDouble();
            for (int k = 0; k < 3; k++) {
                eta += beta[k] * x[i][k];
            }
            res[i] = y[i] - 1 / (1 + Math.exp(-eta));
            interceptGradient += res[i] / 60;
        }
        assertThat(interceptGradient).isCloseTo(0, within(1e-9));
        int nonzero = 0;
        for (int k = 0; k < 3; k++) {
            double m = 0;
            for (double[] r : x) {
                m += r[k] / 60;
            }
            double ss = 0;
            for (double[] r : x) {
                ss += (r[k] - m) * (r[k] - m) / 60;
            }
            double sd = Math.sqrt(ss);
            double g = 0;
            for (int i = 0; i < 60; i++) {
                g += (x[i][k] - m) / sd * res[i] / 60;
            }
            if (beta[k] != 0) {
                nonzero++;
                assertThat(g).as("gradient of %d", k).isCloseTo(0.05 * Math.signum(beta[k]), within(1e-9));
            } else {
                assertThat(Math.abs(g)).isLessThanOrEqualTo(0.05 + 1e-9);
            }
        }
        assertThat(nonzero).isPositive();
    }
}
