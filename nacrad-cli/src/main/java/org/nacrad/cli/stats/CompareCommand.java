package org.nacrad.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.tests.ChiSquare;
import org.nacrad.stats.tests.Contingency;
import org.nacrad.stats.tests.Fisher;
import org.nacrad.stats.tests.MannWhitney;
import org.nacrad.stats.tests.TTest;
import org.nacrad.stats.tests.TestResult;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nacrad stats compare}: two groups compared variable by variable (a "Table 1"), with R's t.test,
 * wilcox.test, chisq.test and fisher.test numbers.
 *
 * <p>A variable is categorical when it has at most {@value #MAX_LEVELS} distinct values, all integers (0/1 flags,
 * grades), or when named in {@code --categorical}; otherwise numeric. Missing values are left out variable by
 * variable and counted ({@code "missing"}). The table output names the test a report would choose: for numeric
 * variables Welch's t when both groups have ≥ 30 values and skewness within ±1, else Mann–Whitney (exact P when
 * available); for categorical ones Pearson's χ² when every expected count is ≥ 5 (Cochran's rule), else Fisher's
 * exact test.
 */
@Command(name = "compare",
        description = {
            "Compares two groups on each variable: numeric ones by Student and Welch t and Mann-Whitney (as R",
            "t.test and wilcox.test), categorical ones by chi-square with and without Yates' correction and Fisher's",
            "exact test (as chisq.test and fisher.test). Integer variables with at most 5 values are categorical."})
public final class CompareCommand extends StatsSubcommand {

    static final int MAX_LEVELS = 5;

    @Option(names = "--group", required = true, description = "Group column with exactly two values.")
    String group;

    @Option(names = "--vars", required = true, split = ",", description = "Variables to compare.")
    List<String> vars;

    @Option(names = "--categorical", split = ",", description = "Variables to treat as categorical regardless.")
    List<String> categorical = new ArrayList<>();

    @Override
    Output compute(Dataset d) {
        double[] g = d.column(group);
        for (int i = 0; i < g.length; i++) {
            if (Double.isNaN(g[i])) {
                throw cellError(i, group, "missing group");
            }
        }
        double[] levels = Arrays.stream(g).distinct().sorted().toArray();
        if (levels.length != 2) {
            throw new IllegalArgumentException("column '" + group + "' must have exactly two values, found "
                    + levels.length + (levels.length <= 5 ? " " + Arrays.toString(levels) : ""));
        }
        ObjectNode root = object();
        root.put("group", group);
        putDoubles(root, "levels", levels[0], levels[1]);
        ObjectNode out = root.putObject("variables");
        for (String v : vars) {
            try {
                out.set(v, variable(d.column(v), g, levels, categorical.contains(v)));
            } catch (IllegalArgumentException e) {
                String msg = String.valueOf(e.getMessage());
                String file = data + ": ";
                // the data file is named once, at the start of the line
                throw new IllegalArgumentException(file + "variable '" + v + "': "
                        + (msg.startsWith(file) ? msg.substring(file.length()) : msg));
            }
        }
        return new Output(root, o -> printTable(o, root));
    }

    private static ObjectNode variable(double[] x, double[] g, double[] levels, boolean forceCat) {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                missing++;
            } else if (g[i] == levels[0]) {
                a.add(x[i]);
            } else {
                b.add(x[i]);
            }
        }
        double[] xa = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] xb = b.stream().mapToDouble(Double::doubleValue).toArray();
        if (xa.length == 0 || xb.length == 0) {
            throw new IllegalArgumentException("group " + (xa.length == 0 ? levels[0] : levels[1])
                    + " has no non-missing value");
        }
        double[] all = new double[xa.length + xb.length];
        System.arraycopy(xa, 0, all, 0, xa.length);
        System.arraycopy(xb, 0, all, xa.length, xb.length);
        double[] distinct = Arrays.stream(all).distinct().toArray();
        if (distinct.length < 2) {
            throw new IllegalArgumentException("constant (every value is " + distinct[0] + "), nothing to compare");
        }
        boolean cat = forceCat || distinct.length <= MAX_LEVELS
                && Arrays.stream(distinct).allMatch(v -> v == Math.rint(v));
        ObjectNode o = object();
        o.put("type", cat ? "categorical" : "numeric");
        o.put("missing", missing);
        ObjectNode tests = o.putObject("tests");
        if (cat) {
            double[] gg = new double[all.length];
            Arrays.fill(gg, xa.length, gg.length, 1);
            Contingency t = Contingency.of(all, gg);
            ObjectNode counts = o.putObject("counts");
            long[][] c = t.counts();
            for (int i = 0; i < c.length; i++) {
                counts.putArray(fmt(t.rowLevels()[i])).add(c[i][0]).add(c[i][1]);
            }
            put(tests.putObject("chi_square"), ChiSquare.test(c, false));
            put(tests.putObject("chi_square_yates"), ChiSquare.test(c, true));
            Fisher.Result f = Fisher.test(c);
            ObjectNode fo = tests.putObject("fisher");
            if (f.p() == null) {
                fo.putNull("p");
            } else {
                fo.put("p", f.p());
            }
            if (f.oddsRatio() == null) {
                fo.putNull("odds_ratio");
            } else {
                fo.put("odds_ratio", f.oddsRatio());
            }
            o.put("min_expected", minExpected(c));
        } else {
            ObjectNode ds = o.putObject("groups");
            describe(ds.putObject(fmt(levels[0])), xa);
            describe(ds.putObject(fmt(levels[1])), xb);
            put(tests.putObject("student_t"), TTest.student(xa, xb));
            put(tests.putObject("welch_t"), TTest.welch(xa, xb));
            MannWhitney.Result mw = MannWhitney.test(xa, xb);
            ObjectNode mo = tests.putObject("mann_whitney");
            mo.put("statistic", mw.w());
            mo.put("p", mw.p());
            mo.put("p_no_correction", mw.pNoCorrection());
            if (mw.pExact() == null) {
                mo.putNull("p_exact");
            } else {
                mo.put("p_exact", mw.pExact());
            }
        }
        return o;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void describe(ObjectNode o, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        double mean = Arrays.stream(s).sum() / n;
        double ss = 0;
        double s3 = 0;
        for (double x : s) {
            ss += (x - mean) * (x - mean);
            s3 += Math.pow(x - mean, 3);
        }
        o.put("n", n);
        o.put("mean", mean);
        if (n > 1) {
            o.put("sd", Math.sqrt(ss / (n - 1)));
        } else {
            o.putNull("sd");
        }
        o.put("median", n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
        double m2 = ss / n;
        if (m2 > 0) {
            o.put("skewness", s3 / n / Math.pow(m2, 1.5));
        } else {
            o.putNull("skewness");
        }
    }

    private static double minExpected(long[][] c) {
        double total = 0;
        double[] rows = new double[c.length];
        double[] cols = new double[c[0].length];
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[0].length; j++) {
                rows[i] += c[i][j];
                cols[j] += c[i][j];
                total += c[i][j];
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (double r : rows) {
            for (double col : cols) {
                min = Math.min(min, r * col / total);
            }
        }
        return min;
    }

    private static void put(ObjectNode o, TestResult r) {
        o.put("statistic", r.statistic());
        o.put("df", r.df());
        o.put("p", r.p());
    }

    private static void printTable(PrintWriter out, ObjectNode root) {
        out.println(String.format(Locale.ROOT, "%-20s %-12s %-26s %10s  %s", "variable", "type", "test chosen", "P",
                "why"));
        root.get("variables").fields().forEachRemaining(e -> {
            var v = e.getValue();
            var t = v.get("tests");
            String test;
            double p;
            String why;
            if (v.get("type").asText().equals("numeric")) {
                var groups = v.get("groups");
                boolean large = true;
                boolean symmetric = true;
                var it = groups.elements();
                while (it.hasNext()) {
                    var gr = it.next();
                    large &= gr.get("n").asInt() >= 30;
                    symmetric &= !gr.get("skewness").isNull() && Math.abs(gr.get("skewness").asDouble()) <= 1;
                }
                if (large && symmetric) {
                    test = "Welch t";
                    p = t.get("welch_t").get("p").asDouble();
                    why = "both groups n >= 30, |skewness| <= 1";
                } else {
                    var mw = t.get("mann_whitney");
                    boolean exact = !mw.get("p_exact").isNull();
                    test = exact ? "Mann-Whitney (exact)" : "Mann-Whitney";
                    p = exact ? mw.get("p_exact").asDouble() : mw.get("p").asDouble();
                    why = !large ? "a group has n < 30" : "skewed (|skewness| > 1)";
                }
            } else {
                double minE = v.get("min_expected").asDouble();
                var fp = t.get("fisher").get("p");
                if (minE < 5 && !fp.isNull()) {
                    test = "Fisher exact";
                    p = fp.asDouble();
                    why = String.format(Locale.ROOT, "an expected count is %.2f < 5", minE);
                } else {
                    test = "chi-square";
                    p = t.get("chi_square").get("p").asDouble();
                    why = minE >= 5 ? "all expected counts >= 5" : "Fisher's test not computed for this table";
                }
            }
            out.println(String.format(Locale.ROOT, "%-20s %-12s %-26s %10.4g  %s", e.getKey(), v.get("type").asText(),
                    test, p, why));
        });
    }
}
