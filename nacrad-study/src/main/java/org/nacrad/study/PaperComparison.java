package org.nacrad.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.roc.Proportion;

/**
 * The numbers of the published study's abstract beside a study's own, row by row, with whether they agree
 * (docs/reproduction.md). Shown in the report's summary when the configuration says {@code compare_with: paper}
 * (as {@code nacrad demo} does for a cohort of the simulator's paper preset) and printed by the demo.
 *
 * <p>The paper: 240 patients, chronological split 160/80 by admission date; 58 chemoresistant (24.17 %), 40 of the
 * 160 (25.00 %) and 18 of the 80 (22.50 %); ER, PR, HER-2 and Ki-67 positivity higher in the resistant group
 * (P &lt; 0.05); independent predictors ER+, Ki-67 ≥ 20 %, rMK, rMD, mean ADC and the dose-intensity completion
 * rate; a LASSO Rad-score of 10 features; the combined model's AUC 0.891 (training) and 0.879 (validation),
 * sensitivity 87.5 % and 88.9 %, specificity 88.3 % and 85.5 % (as counts: 35/40, 16/18, 106/120, 53/62 — the
 * only reading of the four percentages in which each is a whole number of these patients); the combined model
 * better than the clinical and the radiomics model by DeLong's test (P &lt; 0.05); bootstrap validation.
 */
public final class PaperComparison {

    private PaperComparison() {
    }

    /** The value of {@code compare_with} that turns the comparison on. */
    public static final String PAPER = "paper";

    /** The published independent predictors, as the study's candidate names. */
    public static final List<String> PREDICTORS = List.of("er_positive", "ki67_high", "rmk", "rmd", "adc_mean", "rdi");
    /** Published counts: patients, resistant, training patients, training resistant. */
    public static final int PATIENTS = 240;
    public static final int RESISTANT = 58;
    public static final int TRAINING = 160;
    public static final int TRAINING_RESISTANT = 40;
    public static final int LASSO_FEATURES = 10;
    public static final double AUC_TRAINING = 0.891;
    public static final double AUC_VALIDATION = 0.879;
    /** Sensitivity and specificity, training then validation. */
    public static final double[] SENSITIVITY = {0.875, 0.889};
    public static final double[] SPECIFICITY = {0.883, 0.855};

    /**
     * One row.
     *
     * @param quantity what is compared
     * @param paper    the paper's value
     * @param study    this study's value
     * @param agrees   whether they agree (counts equal; Table 1 directions with P &lt; 0.05; the same predictors;
     *                 8–12 LASSO features; AUC within 0.03 (training) and 0.05 (validation); sensitivity and
     *                 specificity within 10 points; DeLong P &lt; 0.05 in both sets; a bootstrap run)
     */
    public record Row(String quantity, String paper, String study, boolean agrees) {
    }

    /** The rows of a study. */
    public static List<Row> rows(StudyResult r) {
        List<Row> out = new ArrayList<>();
        StudyData d = r.data();
        int[] tr = d.rows(true);
        int[] va = d.rows(false);
        int n = d.ids().size();
        int k = events(d, allRows(d));
        int kt = events(d, tr);
        int kv = events(d, va);
        out.add(new Row("patients (training / validation)", "240 (160 / 80)",
                String.format(Locale.ROOT, "%d (%d / %d)", n, tr.length, va.length),
                n == PATIENTS && tr.length == TRAINING));
        out.add(new Row("chemoresistant", "58 (24.17 %)", count(k, n), k == RESISTANT && n == PATIENTS));
        out.add(new Row("chemoresistant, training set", "40 of 160 (25.00 %)", count(kt, tr.length),
                kt == TRAINING_RESISTANT && tr.length == TRAINING));
        out.add(new Row("chemoresistant, validation set", "18 of 80 (22.50 %)", count(kv, va.length),
                kv == RESISTANT - TRAINING_RESISTANT && va.length == PATIENTS - TRAINING));
        StringBuilder t1 = new StringBuilder();
        boolean t1ok = true;
        for (String v : List.of("er_positive", "pr_positive", "her2_positive", "ki67_high")) {
            Table1.Row row = null;
            for (Table1.Row x : Table1.rows(r)) {
                if (x.set().equals(Table1.ALL) && x.variable().equals(v)) {
                    row = x;
                }
            }
            if (row == null) {
                t1ok = false;
                t1.append(t1.length() == 0 ? "" : "; ").append(label(v)).append(" not a candidate");
                continue;
            }
            double[] rates = Table1.rates(r, v);
            boolean ok = rates[0] > rates[1] && row.p() < 0.05;
            t1ok &= ok;
            t1.append(t1.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.0f %% vs %.0f %%, P %s",
                    label(v), 100 * rates[0], 100 * rates[1], pText(row.p())));
        }
        out.add(new Row("Table 1: resistant vs sensitive", "ER, PR, HER-2, Ki-67 positivity higher, P < 0.05",
                t1.toString(), t1ok));
        List<String> sel = r.models().clinicalSelection().predictors();
        List<String> missing = new ArrayList<>(PREDICTORS);
        missing.removeAll(sel);
        List<String> extra = new ArrayList<>(sel);
        extra.removeAll(PREDICTORS);
        StringBuilder ps = new StringBuilder(String.join(", ", sel.stream().map(PaperComparison::label).toList()));
        if (!missing.isEmpty()) {
            ps.append(" (not kept: ").append(String.join(", ", missing.stream().map(PaperComparison::label).toList()))
                    .append(')');
        }
        out.add(new Row("independent clinical and diffusion predictors",
                "ER+, Ki-67 ≥ 20 %, rMK, rMD, mean ADC, dose intensity", ps.toString(),
                missing.isEmpty() && extra.isEmpty()));
        int lasso = r.models().radiomicsSelection().selected().size();
        out.add(new Row("radiomics features in the Rad-score (LASSO)", Integer.toString(LASSO_FEATURES),
                Integer.toString(lasso), lasso >= 8 && lasso <= 12));
        Evaluation ct = r.evaluation(Model.COMBINED, Subset.TRAIN);
        Evaluation cv = r.evaluation(Model.COMBINED, Subset.VALIDATION);
        out.add(new Row("combined model AUC, training", "0.891", Report.auc(ct),
                Math.abs(ct.auc().auc() - AUC_TRAINING) <= 0.03));
        out.add(new Row("combined model AUC, validation", "0.879", Report.auc(cv),
                Math.abs(cv.auc().auc() - AUC_VALIDATION) <= 0.05));
        int s = 0;
        for (Evaluation e : List.of(ct, cv)) {
            Proportion se = e.metrics().sensitivity();
            Proportion sp = e.metrics().specificity();
            out.add(new Row("sensitivity / specificity, " + (s == 0 ? "training" : "validation"),
                    String.format(Locale.ROOT, "%.1f %% / %.1f %%", 100 * SENSITIVITY[s], 100 * SPECIFICITY[s]),
                    String.format(Locale.ROOT, "%.1f %% (%d/%d) / %.1f %% (%d/%d)", 100 * se.estimate(), se.x(), se.n(),
                            100 * sp.estimate(), sp.x(), sp.n()),
                    Math.abs(se.estimate() - SENSITIVITY[s]) <= 0.10 && Math.abs(sp.estimate() - SPECIFICITY[s]) <= 0.10));
            s++;
        }
        for (Model other : List.of(Model.CLINICAL, Model.RADIOMICS)) {
            DeLong.Comparison t = r.evaluations().delong().get(other).get(Subset.TRAIN);
            DeLong.Comparison v = r.evaluations().delong().get(other).get(Subset.VALIDATION);
            out.add(new Row("combined vs " + other + " model (DeLong)", "combined better, P < 0.05",
                    String.format(Locale.ROOT, "AUC %.3f vs %.3f, P %s (training); %.3f vs %.3f, P %s (validation)",
                            t.auc1(), t.auc2(), pText(t.p()), v.auc1(), v.auc2(), pText(v.p())),
                    t.p() < 0.05 && v.p() < 0.05 && t.auc1() > t.auc2() && v.auc1() > v.auc2()));
        }
        if (r.bootstrap() != null) {
            var a = r.bootstrap().index("AUC");
            out.add(new Row("bootstrap internal validation", "done", String.format(Locale.ROOT,
                    "%d resamples: optimism-corrected AUC %.3f (apparent %.3f)", r.bootstrap().used(), a.corrected(),
                    a.apparent()), true));
        } else {
            out.add(new Row("bootstrap internal validation", "done", "not run (evaluation.bootstrap: 0)", false));
        }
        return out;
    }

    /** The comparison as an HTML table for the report's summary. */
    static String html(StudyResult r) {
        StringBuilder h = new StringBuilder("<h3>Beside the published study</h3>\n<table><tr><th></th><th>paper</th>"
                + "<th>this study</th><th></th></tr>\n");
        for (Row row : rows(r)) {
            h.append("<tr><td>").append(Report.esc(row.quantity())).append("</td><td>").append(Report.esc(row.paper()))
                    .append("</td><td>").append(Report.esc(row.study())).append("</td><td>")
                    .append(row.agrees() ? "agrees" : "differs").append("</td></tr>\n");
        }
        return h.append("</table>\n<p class=\"note\">Agreement: counts equal; Table 1 directions with P &lt; 0.05 "
                + "(whole cohort, χ² or Fisher as in Table 1); the same predictors; 8–12 LASSO features; AUC within "
                + "0.03 (training) and 0.05 (validation); sensitivity and specificity within 10 points; DeLong P "
                + "&lt; 0.05 in both sets. docs/reproduction.md explains each row.</p>\n").toString();
    }

    /** The comparison as console lines (the demo's side-by-side). */
    public static List<String> lines(StudyResult r) {
        List<String> out = new ArrayList<>();
        out.add("  beside the published study (paper | this run):");
        for (Row row : rows(r)) {
            out.add(String.format(Locale.ROOT, "    %-46s %-50s | %s%s", row.quantity(), row.paper(), row.study(),
                    row.agrees() ? "" : "   [differs]"));
        }
        return out;
    }

    static String label(String candidate) {
        return switch (candidate) {
            case "er_positive" -> "ER+";
            case "pr_positive" -> "PR+";
            case "her2_positive" -> "HER-2+";
            case "ki67_high" -> "Ki-67 ≥ 20 %";
            case "rmk" -> "rMK";
            case "rmd" -> "rMD";
            case "radc" -> "rADC";
            case "adc_mean" -> "mean ADC";
            case "md_mean" -> "mean MD";
            case "mk_mean" -> "mean MK";
            case "rdi" -> "dose intensity";
            default -> candidate;
        };
    }

    private static String pText(double p) {
        return Double.isNaN(p) ? "–" : p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String count(int k, int n) {
        return String.format(Locale.ROOT, "%d of %d (%.2f %%)", k, n, 100.0 * k / n);
    }

    private static int[] allRows(StudyData d) {
        int[] all = new int[d.ids().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int events(StudyData d, int[] rows) {
        int k = 0;
        for (int i : rows) {
            k += (int) d.y()[i];
        }
        return k;
    }
}
