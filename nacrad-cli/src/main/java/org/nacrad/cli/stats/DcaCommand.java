package org.nacrad.cli.stats;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.dca.DecisionCurve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats dca}: decision curve (net benefit) of predicted risks. */
@Command(name = "dca",
        mixinStandardHelpOptions = true,
        description = {
            "Decision curve analysis as R dcurves/rmda: net benefit TP/n - FP/n * pt/(1-pt) of treating cases",
            "whose risk >= pt, against treat-all and treat-none, over a grid of threshold probabilities pt."})
public final class DcaCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Input CSV (header line, numeric columns).")
    Path data;

    @Option(names = "--label", required = true, description = "Outcome column, 0/1.")
    String label;

    @Option(names = "--prob", required = true, description = "Predicted risk column, in [0, 1].")
    String prob;

    @Option(names = "--thresholds", defaultValue = "0.01:0.99:0.01",
            description = "Threshold grid FROM:TO:STEP (default 0.01:0.99:0.01), thresholds in [0, 1).")
    String thresholds;

    @Option(names = "--format", defaultValue = "json", description = "json (default) or table.")
    StatsFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        double[] grid;
        try {
            String[] f = thresholds.split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException("expected FROM:TO:STEP");
            }
            grid = DecisionCurve.grid(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IllegalArgumentException e) {
            err.println("nacrad stats dca: --thresholds '" + thresholds + "': " + e.getMessage());
            return 2;
        }
        try {
            Dataset d = Dataset.read(data);
            double[] y = d.binaryLabel(label);
            double[] p = d.column(prob);
            for (int i = 0; i < p.length; i++) {
                if (!(p[i] >= 0 && p[i] <= 1)) {
                    throw new IllegalArgumentException(data + ": line " + (i + 2) + ", column '" + prob
                            + "': risk must be in [0, 1], found " + (Double.isNaN(p[i]) ? "a missing value" : p[i]));
                }
            }
            DecisionCurve.Curve c = DecisionCurve.compute(y, p, grid);
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            array(root.putArray("thresholds"), c.thresholds());
            array(root.putArray("model"), c.model());
            array(root.putArray("treat_all"), c.treatAll());
            array(root.putArray("treat_none"), c.treatNone());
            PrintWriter o = spec.commandLine().getOut();
            if (format == StatsFormat.json) {
                o.println(m.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } else {
                o.println(String.format(Locale.ROOT, "%10s %12s %12s %12s", "threshold", "model", "treat all",
                        "treat none"));
                for (int i = 0; i < grid.length; i++) {
                    o.println(String.format(Locale.ROOT, "%10.4f %12.6f %12.6f %12.6f%s", c.thresholds()[i],
                            c.model()[i], c.treatAll()[i], 0.0,
                            c.model()[i] > Math.max(c.treatAll()[i], 0) ? "  model best" : ""));
                }
            }
            o.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("nacrad stats dca: " + (e.getMessage().startsWith(data.toString()) ? "" : data + ": ")
                    + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}
