package org.nacrad.cli.stats;

import java.util.Locale;

import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.dca.DecisionCurve;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats dca}: decision curve (net benefit) of predicted risks. */
@Command(name = "dca",
        description = {
            "Decision curve analysis as R dcurves/rmda: net benefit TP/n - FP/n * pt/(1-pt) of treating cases",
            "whose risk >= pt, against treat-all and treat-none, over a grid of threshold probabilities pt."})
public final class DcaCommand extends StatsSubcommand {

    @Option(names = "--label", required = true, description = "Outcome column, 0/1.")
    String label;

    @Option(names = "--prob", required = true, description = "Predicted risk column, in [0, 1].")
    String prob;

    @Option(names = "--thresholds", defaultValue = "0.01:0.99:0.01",
            description = "Threshold grid FROM:TO:STEP (default 0.01:0.99:0.01), thresholds in [0, 1).")
    String thresholds;

    /** {@code --thresholds} parsed by {@link #checkOptions}. */
    private double[] grid;

    @Override
    String checkOptions() {
        try {
            String[] f = thresholds.split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException("expected FROM:TO:STEP");
            }
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                try {
                    v[k] = Double.parseDouble(f[k]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected FROM:TO:STEP numbers, '" + f[k] + "' is not one");
                }
            }
            grid = DecisionCurve.grid(v[0], v[1], v[2]);
            return null;
        } catch (IllegalArgumentException e) {
            return "--thresholds '" + thresholds + "': " + e.getMessage();
        }
    }

    @Override
    Output compute(Dataset d) {
        double[] y = d.binaryLabel(label);
        double[] p = d.column(prob);
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw cellError(i, prob, "risk must be in [0, 1], found "
                        + (Double.isNaN(p[i]) ? "a missing value" : p[i]));
            }
        }
        DecisionCurve.Curve c = DecisionCurve.compute(y, p, grid);
        ObjectNode root = object();
        putDoubles(root, "thresholds", c.thresholds());
        putDoubles(root, "model", c.model());
        putDoubles(root, "treat_all", c.treatAll());
        putDoubles(root, "treat_none", c.treatNone());
        return new Output(root, o -> {
            o.println(String.format(Locale.ROOT, "%10s %12s %12s %12s", "threshold", "model", "treat all",
                    "treat none"));
            for (int i = 0; i < grid.length; i++) {
                o.println(String.format(Locale.ROOT, "%10.4f %12.6f %12.6f %12.6f%s", c.thresholds()[i],
                        c.model()[i], c.treatAll()[i], 0.0,
                        c.model()[i] > Math.max(c.treatAll()[i], 0) ? "  model best" : ""));
            }
        });
    }
}
