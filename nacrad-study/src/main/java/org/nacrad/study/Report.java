package org.nacrad.study;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.radiomics.ParameterFile;
import org.nacrad.stats.glm.Coefficient;
import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.ModelSelection;
import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.roc.Proportion;
import org.nacrad.stats.validation.BootstrapValidation;

/**
 * The self-contained HTML report (inline CSS and SVG figures, no scripts, opens offline): the numbers the study's
 * abstract states, the methods as run, cohort flow, Table 1, regression tables, radiomics selection, model
 * performance with ROC, calibration and decision curves, bootstrap validation, the nomogram, settings and versions.
 */
final class Report {

    private Report() {
    }

    static String html(StudyResult r, Map<String, String> svgs) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>nacrad study report</title>\n")
                .append("<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Prediction of resistance to neoadjuvant chemotherapy</h1>\n");
        h.append("<p class=\"meta\">nacrad study report, ").append(LocalDate.now()).append(" · manifest ")
                .append(esc(r.cohort().manifest().toString())).append("</p>\n");
        abstractSection(h, r);
        methods(h, r);
        cohort(h, r);
        h.append("<h2>Baseline characteristics (Table 1)</h2>\n").append(Table1.html(r));
        regression(h, r);
        RobustnessSection.html(h, r);
        radiomics(h, r, svgs);
        performance(h, r, svgs);
        bootstrap(h, r);
        TripodAi.html(h, r);
        if (svgs.containsKey("nomogram")) {
            h.append("<h2>Nomogram of the combined model</h2>\n<div class=\"fig\">").append(svgs.get("nomogram"))
                    .append("</div>\n");
        }
        h.append("<h2>Settings and versions</h2>\n<pre>").append(esc(settings(r))).append("</pre>\n");
        h.append("<h3>Log</h3>\n<pre>").append(esc(String.join("\n", r.log()))).append("</pre>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void abstractSection(StringBuilder h, StudyResult r) {
        StudyData d = r.data();
        int nTr = d.rows(true).length;
        int nVa = d.rows(false).length;
        Evaluation ct = r.evaluation(Model.COMBINED, Subset.TRAIN);
        Evaluation cv = r.evaluation(Model.COMBINED, Subset.VALIDATION);
        h.append("<h2>Summary</h2>\n<div class=\"abstract\"><p>");
        h.append(String.format(Locale.ROOT, "%d patients were analysed (%d training, %d validation; %s split). "
                + "Chemoresistance (%s) occurred in %s of the training and %s of the validation set. ",
                d.ids().size(), nTr, nVa, r.config().split().method(), esc(r.cohort().rule().spec()),
                rate(d, true), rate(d, false)));
        h.append(String.format(Locale.ROOT, "LASSO kept %d of %d radiomics features for the Rad-score. "
                + "Independent clinical and diffusion predictors: %s. ", r.models().radiomicsSelection().selected().size(),
                r.funnel().get("extracted"),
                esc(String.join(", ", r.models().clinicalSelection().predictors()))));
        h.append(String.format(Locale.ROOT, "The combined model reached an AUC of %s in the training set and %s in the "
                + "validation set (sensitivity %s and %s, specificity %s and %s). ", auc(ct), auc(cv),
                pct(ct.metrics().sensitivity()), pct(cv.metrics().sensitivity()), pct(ct.metrics().specificity()),
                pct(cv.metrics().specificity())));
        for (Model other : List.of(Model.CLINICAL, Model.RADIOMICS)) {
            Evaluation ot = r.evaluation(other, Subset.TRAIN);
            Evaluation ov = r.evaluation(other, Subset.VALIDATION);
            Map<Subset, DeLong.Comparison> c = r.evaluations().delong().get(other);
            h.append(String.format(Locale.ROOT, "The %s model: AUC %s (training) and %s (validation); DeLong P for "
                    + "combined vs %s %s (training) and %s (validation). ", other, auc(ot), auc(ov), other,
                    p(c.get(Subset.TRAIN).p()), p(c.get(Subset.VALIDATION).p())));
        }
        if (r.bootstrap() != null) {
            BootstrapValidation.Index a = r.bootstrap().index("AUC");
            h.append(String.format(Locale.ROOT, "Bootstrap validation (%d resamples of the whole selection and fitting "
                    + "procedure) gave an optimism-corrected AUC of %.3f (apparent %.3f, optimism %.3f).",
                    r.bootstrap().used(), a.corrected(), a.apparent(), a.optimism()));
        }
        h.append("</p></div>\n");
        if (PaperComparison.PAPER.equals(r.config().compareWith())) {
            h.append(PaperComparison.html(r));
        }
    }


    /** The methods as run: every sentence states the setting the study actually used. */
    private static void methods(StringBuilder h, StudyResult r) {
        StudyConfig c = r.config();
        h.append("<h2>Methods as run</h2>\n<ul>\n");
        h.append("<li>Outcome: ").append(esc(r.cohort().rule().describe())).append(". RCB index by Symmans et al. "
                + "(2007); shrinkage from the longest diameters before and after NAC.</li>\n");
        h.append("<li>Patients: ").append(c.exclusions() ? "patients with a problem in their data were excluded and "
                + "are listed below (exclusions: true)" : "every patient of the manifest had to be complete and "
                + "valid (exclusions: false)").append(".</li>\n");
        h.append("<li>Split: ").append(esc(split(c.split()))).append(".</li>\n");
        h.append("<li>Radiomics: ").append(esc(radiomics(r))).append(" Training-set z-scores; ")
                .append(c.selection().univariateP() == null || c.selection().univariateP() == 0 ? ""
                        : "univariate filter at P &lt; " + c.selection().univariateP() + "; ")
                .append("redundancy filter |r| &gt; ").append(c.selection().correlation())
                .append("; LASSO logistic regression with ").append(c.selection().folds())
                .append("-fold stratified cross-validation (deviance, seed ").append(c.selection().seed())
                .append("), λ.").append(c.selection().lambda()).append("; Rad-score = LASSO linear predictor.</li>\n");
        if (r.robustness() != null) {
            h.append("<li>Feature robustness: ").append(esc(RobustnessSection.method(r))).append(".</li>\n");
        }
        if (c.harmonisation().combat()) {
            h.append("<li>Harmonisation: ").append(esc(StudyHarmonisation.describe(c.harmonisation()))).append("</li>\n");
        }
        h.append("<li>Diffusion: ADC by log-linear fit over b ≤ ").append(plain(c.diffusion().adcMaxB()))
                .append(" s/mm²; MD and MK by the directionally averaged kurtosis model (WLLS + constrained NLLS); "
                        + "tumour means and ratios to the reference tissue (rADC, rMD, rMK).</li>\n");
        h.append("<li>Clinical predictors: candidates ").append(esc(String.join(", ", c.clinical().candidates())))
                .append("; univariate logistic screen at P &lt; ").append(c.clinical().univariateP())
                .append("; of two candidates correlated above |r| = ").append(c.clinical().redundancy())
                .append(" only the one listed first enters the multivariable model")
                .append("; multivariable backward elimination by ")
                .append(c.clinical().method() == StudyConfig.ClinicalMethod.AIC ? "AIC" : "P ≥ " + c.clinical().pThreshold())
                .append(".</li>\n");
        double[] dca = Evaluation.thresholds(c.evaluation().dca());
        h.append("<li>Models: logistic regression (clinical; Rad-score; Rad-score + clinical). AUC with DeLong 95 % CI; "
                + "threshold by Youden's index on training, applied unchanged to validation; sensitivity, specificity, "
                + "accuracy, PPV, NPV with exact (Clopper–Pearson) CIs; paired DeLong tests; Brier score, calibration "
                + "intercept and slope, Hosmer–Lemeshow test (10 risk groups); decision curves at ")
                .append(dca.length).append(" threshold probabilities from ").append(plain(dca[0])).append(" to ")
                .append(plain(dca[dca.length - 1])).append(".</li>\n");
        h.append("<li>Internal validation: ").append(c.evaluation().bootstrap() < 2 ? "none (evaluation.bootstrap: "
                + c.evaluation().bootstrap() + ")" : c.evaluation().bootstrap() + " bootstrap resamples (seed "
                + c.evaluation().seed() + ") of the whole procedure (clinical selection, radiomics filters, LASSO with "
                + "CV, combined fit), Harrell's optimism correction").append(".</li>\n</ul>\n");
    }

    /** The split as configured, in words. */
    static String split(StudyConfig.Split s) {
        String pct = String.format(Locale.ROOT, "%.0f %%", 100 * s.trainFraction());
        return switch (s.method()) {
            case CHRONOLOGICAL -> "chronological by admission date, the earliest " + pct
                    + " of patients in the training set (temporal validation)";
            case STRATIFIED -> "stratified random within each outcome class (seed " + s.seed() + "), " + pct
                    + " of patients in the training set";
            case COLUMN -> "as the manifest column '" + s.column() + "' says (train or validation)";
        };
    }

    /** The radiomics extraction as run: the parameter file actually used, read back from the saved model. */
    static String radiomics(StudyResult r) {
        String text = r.savedModel().parameterFile();
        if (!text.equals("defaults")
                && org.nacrad.radiomics.StandardExtraction.standardOf(text, "model.json").equals("ibsi")) {
            org.nacrad.radiomics.ibsi.IbsiSettings s = org.nacrad.radiomics.ibsi.IbsiParameters.parse(text, "model.json");
            return "IBSI-mode extraction (IBSI 1, docs/ibsi.md) with " + (r.config().radiomics().params() == null
                    ? "the IBSI defaults" : r.config().radiomics().params()) + " from the tumour mask (label "
                    + r.config().radiomics().label() + "): " + (s.slicewise() ? "2D" : "3D") + ", discretisation "
                    + s.discretisation() + ", families " + String.join(", ", s.families()) + ".";
        }
        ParameterFile pf = r.savedModel().parameterFile().equals("defaults") ? ParameterFile.defaults()
                : ParameterFile.parse(r.savedModel().parameterFile(), "model.json");
        StringBuilder b = new StringBuilder("PyRadiomics-compatible extraction with ")
                .append(r.config().radiomics().params() == null ? "the shipped nac-851.yaml"
                        : r.config().radiomics().params())
                .append(" from the tumour mask (label ").append(r.config().radiomics().label()).append("): image types ");
        List<String> types = new java.util.ArrayList<>();
        pf.imageTypes().forEach((type, own) -> types.add(type.equals("Wavelet") ? "Wavelet ("
                + pf.settingsFor(type).wavelet() + ", level " + pf.settingsFor(type).level() + ")" : type));
        b.append(String.join(", ", types)).append("; feature classes ")
                .append(String.join(", ", pf.enabledFeatures().keySet()));
        Integer bins = pf.settings().binCount();
        b.append(bins != null ? "; grey levels in " + bins + " bins" : "; grey levels binned by a width of "
                + plain(pf.settings().binWidth()));
        double[] sp = pf.settings().resampledPixelSpacing();
        b.append(sp == null ? "; no resampling" : "; resampled to " + java.util.Arrays.toString(sp) + " mm ("
                + pf.settings().interpolator() + ")");
        b.append(pf.settings().normalize() ? "; intensities normalised (scale " + plain(pf.settings().normalizeScale())
                + ")" : "; no intensity normalisation");
        b.append("; ").append(r.funnel().get("extracted")).append(" features.");
        return b.toString();
    }

    private static void cohort(StringBuilder h, StudyResult r) {
        StudyData d = r.data();
        h.append("<h2>Cohort</h2>\n<table><tr><th></th><th>patients</th><th>resistant</th></tr>\n");
        int rows = r.cohort().patients().size() + (int) r.cohort().excluded().stream().map(Problem::row).distinct().count();
        h.append("<tr><td>manifest rows</td><td>").append(rows).append("</td><td></td></tr>\n");
        h.append("<tr><td>excluded</td><td>").append(rows - d.ids().size()).append("</td><td></td></tr>\n");
        for (boolean tr : new boolean[] {true, false}) {
            int[] idx = d.rows(tr);
            int pos = 0;
            for (int i : idx) {
                pos += (int) d.y()[i];
            }
            h.append("<tr><td>").append(tr ? "training" : "validation").append("</td><td>").append(idx.length)
                    .append("</td><td>").append(pos).append(" (").append(rate(d, tr)).append(")</td></tr>\n");
        }
        h.append("</table>\n");
        if (!r.cohort().excluded().isEmpty() || !d.excluded().isEmpty()) {
            h.append("<p>Excluded:</p><ul>\n");
            for (Problem p : r.cohort().excluded()) {
                h.append("<li>").append(esc(p.toString())).append("</li>\n");
            }
            d.excluded().forEach((id, why) -> h.append("<li>").append(esc(id + ": " + why)).append("</li>\n"));
            h.append("</ul>\n");
        }
    }

    private static void regression(StringBuilder h, StudyResult r) {
        ClinicalSelection cs = r.models().clinicalSelection();
        h.append("<h2>Clinical and diffusion predictors (training set)</h2>\n<h3>Univariate logistic regression</h3>\n");
        h.append(OR_HEADER);
        for (ModelSelection.Screen s : cs.univariate()) {
            coefRow(h, r, s.coefficient());
        }
        h.append("</table>\n");
        if (!cs.redundant().isEmpty()) {
            StringBuilder b = new StringBuilder();
            cs.redundant().forEach((name, why) -> b.append(b.length() == 0 ? "" : "; ").append(name).append(" (r = ")
                    .append(String.format(Locale.ROOT, "%.2f", why.r())).append(" with ").append(why.keptInstead())
                    .append(")"));
            h.append("<p class=\"note\">Not entered into the multivariable model, as redundant with a candidate listed "
                    + "before it: ").append(esc(b.toString())).append(".</p>\n");
        }
        h.append("<h3>Multivariable logistic regression</h3>\n");
        fitTable(h, r, cs.selected());
        h.append("<p class=\"note\">Screened into the multivariable model: ")
                .append(esc(String.join(", ", cs.screened()))).append(".</p>\n");
    }

    private static void radiomics(StringBuilder h, StudyResult r, Map<String, String> svgs) {
        RadiomicsSelection.Fitted rs = r.models().radiomicsSelection();
        h.append("<h2>Radiomics signature</h2>\n<p>Features remaining after each step: ");
        StringBuilder steps = new StringBuilder();
        r.funnel().forEach((k, v) -> steps.append(steps.length() == 0 ? "" : " → ").append(k).append(' ').append(v));
        h.append(esc(steps.toString())).append(String.format(Locale.ROOT, ". λ = %.4g (λ.min %.4g, λ.1se %.4g).</p>\n",
                rs.lambda(), rs.cv().lambdaMin(), rs.cv().lambda1se()));
        if (!rs.note().isEmpty()) {
            h.append("<p class=\"warning\"><b>Weak signature:</b> ").append(esc(rs.note())).append(".</p>\n");
        }
        h.append("<div class=\"figs\">").append(svgs.get("lasso_cv")).append(svgs.get("lasso_path")).append("</div>\n");
        h.append("<table><tr><th>selected feature</th><th>coefficient (per SD)</th></tr>\n");
        for (Map.Entry<String, Double> e : rs.selected().entrySet()) {
            h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(num(e.getValue())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"formula\">").append(esc(rs.formula())).append("</p>\n");
        h.append("<div class=\"figs\">").append(svgs.get("radscore_train")).append(svgs.get("radscore_validation"))
                .append("</div>\n");
    }

    private static void performance(StringBuilder h, StudyResult r, Map<String, String> svgs) {
        h.append("<h2>Models</h2>\n");
        for (Model m : Model.values()) {
            h.append("<h3>").append(m).append(" model</h3>\n");
            fitTable(h, r, r.models().model(m));
        }
        h.append("<h3>Discrimination and classification</h3>\n<table><tr><th>model</th><th>set</th><th>AUC (95 % CI)</th>"
                + "<th>threshold</th><th>sensitivity</th><th>specificity</th><th>accuracy</th><th>PPV</th><th>NPV</th></tr>\n");
        for (Model m : Model.values()) {
            for (Subset set : Subset.values()) {
                Evaluation e = r.evaluation(m, set);
                h.append("<tr><td>").append(m).append("</td><td>").append(set).append("</td><td>").append(auc(e))
                        .append("</td><td>").append(num(r.evaluations().threshold(m))).append("</td><td>")
                        .append(prop(e.metrics().sensitivity())).append("</td><td>").append(prop(e.metrics().specificity()))
                        .append("</td><td>").append(prop(e.metrics().accuracy())).append("</td><td>")
                        .append(prop(e.metrics().ppv())).append("</td><td>").append(prop(e.metrics().npv()))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n<div class=\"figs\">").append(svgs.get("roc_train")).append(svgs.get("roc_validation"))
                .append("</div>\n");
        h.append("<h3>DeLong tests</h3>\n<table><tr><th>comparison</th><th>set</th><th>AUCs</th><th>Z</th><th>P</th></tr>\n");
        r.evaluations().delong().forEach((other, bySet) -> bySet.forEach((set, c) -> h.append("<tr><td>")
                .append("combined vs ").append(other).append("</td><td>").append(set).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.3f vs %.3f", c.auc1(), c.auc2())).append("</td><td>")
                .append(String.format(Locale.ROOT, "%.3f", c.statistic())).append("</td><td>").append(p(c.p()))
                .append("</td></tr>\n")));
        h.append("</table>\n<h3>Calibration</h3>\n<table><tr><th>model</th><th>set</th><th>Brier</th><th>intercept</th>"
                + "<th>slope</th><th>Hosmer–Lemeshow χ² (df)</th><th>P</th></tr>\n");
        for (Model m : Model.values()) {
            for (Subset set : Subset.values()) {
                Evaluation e = r.evaluation(m, set);
                h.append("<tr><td>").append(m).append("</td><td>").append(set).append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.3f</td><td>%s</td><td>%s</td><td>%s</td><td>",
                                e.calibration().brier(), fixed(e.calibration().intercept()),
                                fixed(e.calibration().slope()), Double.isNaN(e.hosmerLemeshow().statistic())
                                        ? "not estimable" : String.format(Locale.ROOT, "%.2f (%d)",
                                        e.hosmerLemeshow().statistic(), e.hosmerLemeshow().df())))
                        .append(p(e.hosmerLemeshow().p())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n<div class=\"figs\">").append(svgs.get("calibration_train"))
                .append(svgs.get("calibration_validation")).append("</div>\n");
        h.append("<h3>Decision curves</h3>\n<div class=\"figs\">").append(svgs.get("decision_curve_train"))
                .append(svgs.get("decision_curve_validation")).append("</div>\n");
    }

    private static void bootstrap(StringBuilder h, StudyResult r) {
        if (r.bootstrap() == null) {
            return;
        }
        h.append("<h2>Bootstrap validation of the combined procedure</h2>\n<p>").append(r.bootstrap().used())
                .append(" resamples used").append(r.bootstrap().failed() > 0 ? ", " + r.bootstrap().failed()
                        + " failed: " + esc(r.bootstrap().failureSummary()) : "")
                .append(" (rms <code>validate</code> design).</p>\n<table><tr><th>index</th><th>apparent</th>"
                        + "<th>training</th><th>test</th><th>optimism</th><th>corrected</th></tr>\n");
        for (BootstrapValidation.Index i : r.bootstrap().indexes()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td>"
                    + "<td>%.3f</td></tr>\n", esc(i.name()), i.apparent(), i.training(), i.test(), i.optimism(), i.corrected()));
        }
        h.append("</table>\n");
    }

    private static final String OR_HEADER = "<table><tr><th>predictor</th><th>odds ratio stated</th><th>OR (95 % CI)"
            + "</th><th>P</th></tr>\n";

    private static void fitTable(StringBuilder h, StudyResult r, LogisticFit f) {
        h.append(OR_HEADER);
        double intercept = Double.NaN;
        for (Coefficient c : f.coefficients()) {
            if (c.term().equals("(Intercept)")) {
                intercept = c.estimate();
            } else {
                coefRow(h, r, c);
            }
        }
        h.append(String.format(Locale.ROOT, "</table>\n<p class=\"note\">Intercept %.3f (log-odds); AIC %.2f; C index "
                + "%.3f. Odds ratios per the unit stated (Wald 95 %% CI); the model's coefficients, per each "
                + "predictor's own unit, are in tables/*.csv and model.json.</p>\n", intercept, f.aic(), f.cIndex()));
    }

    private static void coefRow(StringBuilder h, StudyResult r, Coefficient c) {
        OddsRatioUnit u = OddsRatioUnit.of(r, c.term());
        double[] or = u.oddsRatio(c);
        h.append("<tr><td>").append(esc(c.term())).append("</td><td>").append(esc(u.label())).append("</td><td>")
                .append(OddsRatioUnit.format(or[0])).append(" (").append(OddsRatioUnit.format(or[1])).append("–")
                .append(OddsRatioUnit.format(or[2])).append(")</td><td>").append(p(c.p())).append("</td></tr>\n");
    }

    private static String settings(StudyResult r) {
        StudyConfig c = r.config();
        return "config: " + c + "\nversions: " + ModelExport.versions() + "\nmodel checksum: " + r.savedModel().checksum();
    }

    static String auc(Evaluation e) {
        return String.format(Locale.ROOT, "%.3f (95 %% CI %.3f–%.3f)", e.auc().auc(), e.auc().lower(), e.auc().upper());
    }

    static String pct(Proportion p) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * p.estimate());
    }

    static String prop(Proportion p) {
        if (p == null) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f %% (%d/%d; %.1f–%.1f)", 100 * p.estimate(), p.x(), p.n(),
                100 * p.exactLower(), 100 * p.exactUpper());
    }

    static String rate(StudyData d, boolean train) {
        int[] idx = d.rows(train);
        int pos = 0;
        for (int i : idx) {
            pos += (int) d.y()[i];
        }
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * pos / idx.length, pos, idx.length);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 0.001 ? "&lt; 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** Three decimals, or "–" for a value that is not estimable. */
    static String fixed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** A setting as written in a config: 25, 0.01, 1000 (no trailing zeros, at most 12 significant digits). */
    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final String CSS = """
            body { font-family: Helvetica, Arial, sans-serif; max-width: 1120px; margin: 2em auto; color: #222;
                   line-height: 1.45; padding: 0 1em; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 2em; }
            .meta { color: #666; }
            .abstract { background: #f3f7fb; border-left: 4px solid #0072B2; padding: 0.6em 1em; }
            table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.7em; text-align: left; }
            th { background: #f0f0f0; }
            .figs { display: flex; flex-wrap: wrap; gap: 12px; }
            .figs svg { max-width: 100%; height: auto; border: 1px solid #eee; }
            .fig svg { max-width: 100%; height: auto; }
            .formula { font-family: monospace; background: #f7f7f7; padding: 0.5em; overflow-x: auto; }
            .note { color: #555; font-size: 0.9em; }
            .warning { background: #fff4e5; border-left: 4px solid #e67e22; padding: 0.4em 0.8em; }
            pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
            """;
}
