package org.nacrad.cli.stats;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.nacrad.stats.agreement.Icc;
import org.nacrad.stats.data.Dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats icc}: inter-rater reliability of a feature measured by several raters. */
@Command(name = "icc",
        description = {
            "Intraclass correlation (Shrout & Fleiss / McGraw & Wong, as psych::ICC with lmer = FALSE): ICC(2,1)",
            "two-way random absolute agreement, ICC(3,1) two-way mixed consistency, ICC(1,1) one-way random, and",
            "their average-measure forms ICC(2,k), ICC(3,k), ICC(1,k), with 95%% F-based CIs and the F tests.",
            "One row per subject, one column per rater; every rating must be present."})
public final class IccCommand extends StatsSubcommand {

    @Option(names = "--raters", required = true, split = ",", description = "Rater columns, at least two.")
    List<String> raters;

    @Override
    Output compute(Dataset d) {
        if (raters.size() < 2) {
            throw new IllegalArgumentException("--raters needs at least two columns, got " + raters);
        }
        Icc.Result r = Icc.compute(d.matrix(raters));
        ObjectNode root = object();
        put(root.putObject("icc2_1"), r.icc21());
        put(root.putObject("icc3_1"), r.icc31());
        put(root.putObject("icc1_1"), r.icc11());
        put(root.putObject("icc2_k"), r.icc2k());
        put(root.putObject("icc3_k"), r.icc3k());
        put(root.putObject("icc1_k"), r.icc1k());
        root.put("subjects", r.subjects());
        root.put("raters", r.raters());
        ObjectNode ms = root.putObject("mean_squares");
        ms.put("subjects", r.msSubjects());
        ms.put("raters", r.msRaters());
        ms.put("error", r.msError());
        ms.put("within", r.msWithin());
        return new Output(root, o -> {
            o.println(String.format(Locale.ROOT, "%d subjects, %d raters", r.subjects(), r.raters()));
            row(o, "ICC(2,1) absolute agreement", r.icc21());
            row(o, "ICC(3,1) consistency", r.icc31());
            row(o, "ICC(1,1) one-way", r.icc11());
            row(o, "ICC(2,k) agreement, mean", r.icc2k());
            row(o, "ICC(3,k) consistency, mean", r.icc3k());
            row(o, "ICC(1,k) one-way, mean", r.icc1k());
        });
    }

    private static void put(ObjectNode o, Icc.Estimate e) {
        o.put("value", e.value());
        putDoubles(o, "ci", e.lower(), e.upper());
        o.put("F", e.f());
        o.put("df1", e.df1());
        o.put("df2", e.df2());
        o.put("p", e.p());
    }

    private static void row(PrintWriter o, String name, Icc.Estimate e) {
        o.println(String.format(Locale.ROOT, "%-30s %.4f  95%% CI [%.4f, %.4f]  F(%.0f, %.0f) = %.4g, P = %.4g", name,
                e.value(), e.lower(), e.upper(), e.df1(), e.df2(), e.f(), e.p()));
    }
}
