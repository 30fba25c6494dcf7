package org.nacrad.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nacrad.stats.tests.ChiSquare;
import org.nacrad.stats.tests.Fisher;
import org.nacrad.stats.tests.MannWhitney;
import org.nacrad.stats.tests.TTest;
import org.nacrad.stats.tests.TestResult;

/**
 * Table 1: the clinical and diffusion candidates of resistant and sensitive patients in the whole cohort (as a
 * paper's Table 1 compares them) and in each set, with a test chosen per variable and named in the table:
 * <ul>
 *   <li>a binary variable: n (%); Pearson's χ² test with R's continuity correction when every expected count is
 *       ≥ 5, else Fisher's exact test;</li>
 *   <li>a continuous variable: mean ± SD and median [IQR]; Welch's t-test when both groups have at least 30
 *       patients and |skewness| &lt; 1 (the t statistic is then reliable), else the Mann–Whitney test (normal
 *       approximation with continuity correction, exact P for small samples without ties).</li>
 * </ul>
 */
final class Table1 {

    private Table1() {
    }

    /** One row: a variable in one set. */
    record Row(String variable, String set, String resistant, String sensitive, double p, String test) {
    }

    /** The whole cohort's rows are labelled with this set name. */
    static final String ALL = "all";

    static List<Row> rows(StudyResult r) {
        StudyData d = r.data();
        List<Row> out = new ArrayList<>();
        List<Subset> sets = new ArrayList<>();
        sets.add(null);
        sets.addAll(List.of(Subset.values()));
        for (Subset set : sets) {
            // null: the whole cohort, as the paper's Table 1 compares it
            int[] rows = set == null ? allRows(d) : d.rows(set.training());
            for (int j = 0; j < d.clinicalNames().size(); j++) {
                List<Double> res = new ArrayList<>();
                List<Double> sen = new ArrayList<>();
                for (int i : rows) {
                    (d.y()[i] == 1 ? res : sen).add(d.clinical()[i][j]);
                }
                double[] a = res.stream().mapToDouble(Double::doubleValue).toArray();
                double[] b = sen.stream().mapToDouble(Double::doubleValue).toArray();
                out.add(row(d.clinicalNames().get(j), set == null ? ALL : set.id(), a, b));
            }
        }
        return out;
    }

    /** {resistant, sensitive} fraction with value 1 of a binary candidate over the whole cohort. */
    static double[] rates(StudyResult r, String variable) {
        StudyData d = r.data();
        int j = d.clinicalNames().indexOf(variable);
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < d.y().length; i++) {
            int g = d.y()[i] == 1 ? 0 : 1;
            sum[g] += d.clinical()[i][j];
            n[g]++;
        }
        return new double[] {sum[0] / n[0], sum[1] / n[1]};
    }

    private static int[] allRows(StudyData d) {
        int[] tr = d.rows(true);
        int[] va = d.rows(false);
        int[] all = java.util.Arrays.copyOf(tr, tr.length + va.length);
        System.arraycopy(va, 0, all, tr.length, va.length);
        java.util.Arrays.sort(all);
        return all;
    }

    static Row row(String name, String set, double[] res, double[] sen) {
        boolean binary = Arrays.stream(res).allMatch(v -> v == 0 || v == 1) && Arrays.stream(sen).allMatch(v -> v == 0 || v == 1);
        if (binary) {
            long a1 = Arrays.stream(res).filter(v -> v == 1).count();
            long b1 = Arrays.stream(sen).filter(v -> v == 1).count();
            long[][] t = {{a1, res.length - a1}, {b1, sen.length - b1}};
            double n = res.length + sen.length;
            boolean small = false;
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 2; k++) {
                    double e = (double) (t[i][0] + t[i][1]) * (t[0][k] + t[1][k]) / n;
                    small |= e < 5;
                }
            }
            double p;
            String test;
            if (a1 + b1 == 0 || a1 + b1 == n) {
                p = Double.NaN;
                test = "constant in this set";
            } else if (small) {
                p = Fisher.test(t).p();
                test = "Fisher's exact (expected count < 5)";
            } else {
                p = ChiSquare.test(t, true).p();
                test = "χ² with continuity correction";
            }
            return new Row(name, set, count(a1, res.length), count(b1, sen.length), p, test);
        }
        boolean normalEnough = res.length >= 30 && sen.length >= 30 && Math.abs(skewness(res)) < 1
                && Math.abs(skewness(sen)) < 1;
        double p;
        String test;
        if (normalEnough) {
            TestResult t = TTest.welch(res, sen);
            p = t.p();
            test = "Welch's t";
        } else {
            MannWhitney.Result mw = MannWhitney.test(res, sen);
            p = mw.pExact() != null ? mw.pExact() : mw.p();
            test = mw.pExact() != null ? "Mann–Whitney (exact)" : "Mann–Whitney";
        }
        return new Row(name, set, describe(res), describe(sen), p, test);
    }

    private static String count(long k, int n) {
        return String.format(Locale.ROOT, "%d (%.1f %%)", k, 100.0 * k / n);
    }

    private static String describe(double[] v) {
        double m = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / (v.length - 1));
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%s ± %s; %s [%s, %s]", g(m), g(sd), g(quantile(s, 0.5)), g(quantile(s, 0.25)),
                g(quantile(s, 0.75)));
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double skewness(double[] v) {
        double m = Arrays.stream(v).average().orElse(0);
        double m2 = 0;
        double m3 = 0;
        for (double x : v) {
            m2 += (x - m) * (x - m);
            m3 += (x - m) * (x - m) * (x - m);
        }
        m2 /= v.length;
        m3 /= v.length;
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }

    static String csv(StudyResult r) {
        StringBuilder b = new StringBuilder("variable,set,resistant,sensitive,p,test\n");
        for (Row row : rows(r)) {
            b.append(row.variable()).append(',').append(row.set()).append(',').append(StudyOutputs.csv(row.resistant()))
                    .append(',').append(StudyOutputs.csv(row.sensitive())).append(',')
                    .append(Double.isNaN(row.p()) ? "" : Double.toString(row.p())).append(',')
                    .append(StudyOutputs.csv(row.test())).append('\n');
        }
        return b.toString();
    }

    static String html(StudyResult r) {
        StringBuilder h = new StringBuilder("<table><tr><th>variable</th><th>set</th><th>resistant</th>"
                + "<th>sensitive</th><th>P</th><th>test</th></tr>\n");
        for (Row row : rows(r)) {
            h.append("<tr><td>").append(Report.esc(row.variable())).append("</td><td>").append(row.set())
                    .append("</td><td>").append(Report.esc(row.resistant())).append("</td><td>")
                    .append(Report.esc(row.sensitive())).append("</td><td>").append(Report.p(row.p()))
                    .append("</td><td>").append(Report.esc(row.test())).append("</td></tr>\n");
        }
        return h.append("</table>\n<p class=\"note\">Binary variables: n (%) of 1; continuous: mean ± SD; median "
                + "[IQR].</p>\n").toString();
    }
}
