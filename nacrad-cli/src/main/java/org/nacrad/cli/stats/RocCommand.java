package org.nacrad.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.roc.BootstrapAuc;
import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.roc.Proportion;
import org.nacrad.stats.roc.RocCurve;
import org.nacrad.stats.roc.ThresholdMetrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats roc}: ROC analysis of one or more scores, with pROC's numbers. */
@Command(name = "roc",
        description = {
            "ROC analysis as R pROC: AUC with DeLong variance and 95%% CI (direction chosen as pROC's \"auto\"),",
            "the Youden-optimal threshold with sensitivity, specificity, accuracy, PPV and NPV there (Clopper-Pearson",
            "and Wilson CIs), and paired DeLong tests between every pair of scores.",
            "Rows with a missing label or score are an error (pROC would drop them silently)."})
public final class RocCommand extends StatsSubcommand {

    @Option(names = "--label", required = true, description = "Outcome column, 0/1 (1 = case).")
    String label;

    @Option(names = "--score", required = true, description = "Score column; repeat for several scores.")
    List<String> scores;

    @Option(names = "--bootstrap", defaultValue = "0",
            description = "Also a stratified bootstrap CI with this many replicates (default 0: none).")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the bootstrap (default 1).")
    long seed;

    @Override
    String checkOptions() {
        if (bootstrap != 0 && (bootstrap < BootstrapAuc.MIN_REPLICATES || bootstrap > BootstrapAuc.MAX_REPLICATES)) {
            return "--bootstrap must be 0 (none) or from " + BootstrapAuc.MIN_REPLICATES + " to "
                    + BootstrapAuc.MAX_REPLICATES + " replicates, got " + bootstrap;
        }
        return null;
    }

    @Override
    Output compute(Dataset d) {
        double[] y = d.binaryLabel(label);
        List<String> names = new ArrayList<>(new LinkedHashSet<>(scores));
        ObjectNode root = object();
        ObjectNode out = root.putObject("scores");
        List<double[]> columns = new ArrayList<>();
        for (String s : names) {
            double[] x = finiteColumn(d, s, "score");
            columns.add(x);
            out.set(s, score(y, x, s));
        }
        ArrayNode comps = root.putArray("comparisons");
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                DeLong.Comparison c = DeLong.pairedTest(y, columns.get(i), columns.get(j));
                ObjectNode o = comps.addObject();
                o.put("a", names.get(i));
                o.put("b", names.get(j));
                o.put("z", c.statistic());
                o.put("p", c.p());
            }
        }
        return new Output(root, o -> printTable(o, root));
    }

    private ObjectNode score(double[] y, double[] x, String name) {
        ObjectNode o = object();
        RocCurve roc;
        DeLong.AucInterval ci;
        try {
            roc = RocCurve.of(y, x);
            ci = DeLong.ci(DeLong.placements(y, x, roc.direction()), 0.95);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("score '" + name + "': " + e.getMessage());
        }
        o.put("auc", ci.auc());
        putDoubles(o, "ci", ci.lower(), ci.upper());
        o.put("variance", ci.variance());
        o.put("direction", roc.direction().symbol());
        o.put("cases", roc.cases());
        o.put("controls", roc.controls());
        if (bootstrap > 0) {
            BootstrapAuc.Interval b = BootstrapAuc.ci(y, x, 0.95, bootstrap, seed);
            ObjectNode bo = o.putObject("bootstrap");
            putDoubles(bo, "ci", b.lower(), b.upper());
            bo.put("replicates", b.replicates());
            bo.put("seed", b.seed());
        }
        List<RocCurve.Point> best = roc.youden();
        RocCurve.Point p = best.get(0);
        ObjectNode yo = o.putObject("youden");
        yo.put("threshold", p.threshold());
        yo.put("sensitivity", p.sensitivity());
        yo.put("specificity", p.specificity());
        if (best.size() > 1) {
            ArrayNode ties = yo.putArray("tied_thresholds");
            best.forEach(b -> ties.add(b.threshold()));
        }
        if (Double.isFinite(p.threshold())) {
            ThresholdMetrics t = ThresholdMetrics.at(y, x, p.threshold(), roc.direction());
            ObjectNode mo = yo.putObject("metrics");
            put(mo, "sensitivity", t.sensitivity());
            put(mo, "specificity", t.specificity());
            put(mo, "accuracy", t.accuracy());
            put(mo, "ppv", t.ppv());
            put(mo, "npv", t.npv());
        }
        return o;
    }

    private static void put(ObjectNode mo, String key, Proportion p) {
        if (p == null) {
            mo.putNull(key);
            return;
        }
        ObjectNode o = mo.putObject(key);
        o.put("estimate", p.estimate());
        o.put("x", p.x());
        o.put("n", p.n());
        putDoubles(o, "ci_clopper_pearson", p.exactLower(), p.exactUpper());
        putDoubles(o, "ci_wilson", p.wilsonLower(), p.wilsonUpper());
    }

    private static void printTable(PrintWriter out, ObjectNode root) {
        out.println(String.format(Locale.ROOT, "%-20s %3s %8s %19s %12s %8s %8s", "score", "dir", "AUC",
                "95% CI (DeLong)", "Youden thr", "sens", "spec"));
        root.get("scores").fields().forEachRemaining(e -> {
            var s = e.getValue();
            var y = s.get("youden");
            out.println(String.format(Locale.ROOT, "%-20s %3s %8.4f   [%.4f, %.4f] %12.6g %8.4f %8.4f", e.getKey(),
                    s.get("direction").asText(), s.get("auc").asDouble(), s.get("ci").get(0).asDouble(),
                    s.get("ci").get(1).asDouble(), y.get("threshold").asDouble(), y.get("sensitivity").asDouble(),
                    y.get("specificity").asDouble()));
        });
        if (root.get("comparisons").size() > 0) {
            out.println();
            out.println("Paired DeLong tests (two-sided):");
            root.get("comparisons").forEach(c -> out.println(String.format(Locale.ROOT, "  %s vs %s: Z = %.4f, P = %.4g",
                    c.get("a").asText(), c.get("b").asText(), c.get("z").asDouble(), c.get("p").asDouble())));
        }
    }
}
