package org.nacrad.cli.stats;

import java.io.PrintWriter;
import java.util.List;

import org.nacrad.stats.calibration.Calibration;
import org.nacrad.stats.calibration.HosmerLemeshow;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.glm.Coefficient;
import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.LogisticRegression;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats logit}: a logistic model on a CSV, with the numbers of R's glm, confint and rms lrm. */
@Command(name = "logit",
        description = {
            "Logistic regression by maximum likelihood (as R glm / rms lrm) or Firth's penalised likelihood.",
            "Prints coefficients with SE, Wald z and P, odds ratios with Wald and profile-likelihood 95%% CIs,",
            "deviance, AIC, Brier, C index, Dxy, Nagelkerke R2, calibration intercept/slope and Hosmer-Lemeshow."})
public final class LogitCommand extends StatsSubcommand {

    @Option(names = "--label", required = true, description = "Outcome column, 0/1.")
    String label;

    @Option(names = "--predictors", split = ",", description = "Predictor columns (default: all but the label).")
    List<String> predictors;

    @Option(names = "--firth", description = "Firth's penalised likelihood (finite estimates under separation).")
    boolean firth;

    @Override
    Output compute(Dataset d) {
        List<String> preds = predictors != null ? predictors : d.namesExcept(List.of(label));
        double[] y = d.binaryLabel(label);
        double[][] x = d.matrix(preds);
        LogisticRegression est = firth ? LogisticRegression.firth() : LogisticRegression.maximumLikelihood();
        LogisticFit fit;
        try {
            fit = est.fit(x, y, preds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage()
                    + (firth ? "" : e.getMessage().contains("Firth") ? " (--firth)" : ""));
        }
        ObjectNode json = toJson(est, fit, x, y);
        return new Output(json, out -> printTable(out, json));
    }

    static ObjectNode toJson(LogisticRegression est, LogisticFit fit, double[][] x, double[] y) {
        ObjectNode root = object();
        ArrayNode coefs = root.putArray("coefficients");
        for (int j = 0; j < fit.coefficients().size(); j++) {
            Coefficient c = fit.coefficients().get(j);
            ObjectNode o = coefs.addObject();
            o.put("term", c.term());
            o.put("estimate", c.estimate());
            o.put("se", c.se());
            o.put("z", c.z());
            o.put("p", c.p());
            o.put("or", c.oddsRatio());
            double[] w = c.waldInterval(0.95);
            putDoubles(o, "or_ci_wald", Math.exp(w[0]), Math.exp(w[1]));
            if (est.isFirth()) {
                o.putNull("or_ci_profile"); // profile of the penalised likelihood not implemented
            } else {
                double[] pr = est.profileInterval(fit, x, y, j, 0.95);
                ArrayNode a = o.putArray("or_ci_profile");
                for (double v : pr) {
                    if (Double.isFinite(v)) {
                        a.add(Math.exp(v));
                    } else {
                        a.addNull(); // the bound does not exist (R: NA)
                    }
                }
            }
        }
        root.put("method", est.isFirth() ? "firth" : "maximum_likelihood");
        root.put("n", fit.n());
        root.put("deviance", fit.deviance());
        root.put("null_deviance", fit.nullDeviance());
        root.put("aic", fit.aic());
        ObjectNode lr = root.putObject("lr_test");
        lr.put("chi2", fit.lrChiSquare());
        lr.put("df", fit.parameters() - 1);
        lr.put("p", fit.lrPValue());
        double[] p = fit.predict(x);
        root.put("brier", Calibration.brier(y, p));
        root.put("c_index", fit.cIndex());
        root.put("dxy", fit.somersDxy());
        root.put("r2_nagelkerke", fit.r2Nagelkerke());
        ArrayNode notes = JsonNodeFactory.instance.arrayNode();
        ObjectNode cal = root.putObject("calibration");
        try {
            Calibration.Summary s = Calibration.summarize(y, p);
            cal.put("intercept", s.intercept());
            cal.put("slope", s.slope());
        } catch (IllegalArgumentException | ArithmeticException e) {
            cal.putNull("intercept");
            cal.putNull("slope");
            notes.add("calibration: " + e.getMessage());
        }
        try {
            HosmerLemeshow.Result hl = HosmerLemeshow.test(y, p);
            ObjectNode h = root.putObject("hosmer_lemeshow");
            h.put("chi2", hl.statistic());
            h.put("df", hl.df());
            h.put("p", hl.p());
        } catch (IllegalArgumentException | ArithmeticException e) {
            root.putNull("hosmer_lemeshow");
            notes.add(e.getMessage());
        }
        if (!notes.isEmpty()) {
            root.set("notes", notes);
        }
        return root;
    }

    private static void printTable(PrintWriter out, ObjectNode json) {
        out.printf("%-16s %12s %10s %8s %10s %10s %21s %21s%n", "term", "estimate", "se", "z", "p", "OR",
                "OR 95% CI (Wald)", "OR 95% CI (profile)");
        for (var c : json.get("coefficients")) {
            var w = c.get("or_ci_wald");
            var pr = c.get("or_ci_profile");
            out.printf("%-16s %12.6g %10.4g %8.3f %10.4g %10.4g %10.4g-%-10.4g %21s%n", c.get("term").asText(),
                    c.get("estimate").asDouble(), c.get("se").asDouble(), c.get("z").asDouble(),
                    c.get("p").asDouble(), c.get("or").asDouble(), w.get(0).asDouble(), w.get(1).asDouble(),
                    pr.isNull() ? "-" : String.format("%.4g-%.4g", pr.get(0).asDouble(), pr.get(1).asDouble()));
        }
        out.printf("n %d  deviance %.6g  null deviance %.6g  AIC %.6g  LR chi2 %.6g (df %d, p %.4g)%n",
                json.get("n").asInt(), json.get("deviance").asDouble(), json.get("null_deviance").asDouble(),
                json.get("aic").asDouble(), json.get("lr_test").get("chi2").asDouble(),
                json.get("lr_test").get("df").asInt(), json.get("lr_test").get("p").asDouble());
        out.printf("C %.4f  Dxy %.4f  R2 (Nagelkerke) %.4f  Brier %.4f%n", json.get("c_index").asDouble(),
                json.get("dxy").asDouble(), json.get("r2_nagelkerke").asDouble(), json.get("brier").asDouble());
        if (json.has("notes")) {
            json.get("notes").forEach(n -> out.println("note: " + n.asText()));
        }
        if (!json.get("hosmer_lemeshow").isNull() && !json.get("calibration").get("slope").isNull()) {
            var h = json.get("hosmer_lemeshow");
            out.printf("calibration intercept %.4g slope %.4g  Hosmer-Lemeshow chi2 %.4g df %d p %.4g%n",
                    json.get("calibration").get("intercept").asDouble(),
                    json.get("calibration").get("slope").asDouble(), h.get("chi2").asDouble(), h.get("df").asInt(),
                    h.get("p").asDouble());
        }
    }
}
