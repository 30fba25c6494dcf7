package org.nacrad.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.io.Sha256;
import org.nacrad.stats.dca.DecisionCurve;
import org.nacrad.stats.glm.Coefficient;
import org.nacrad.stats.validation.BootstrapValidation;

/**
 * The TRIPOD+AI checklist (Collins et al., "TRIPOD+AI statement: updated guidance for reporting clinical prediction
 * models that use regression or machine learning methods", BMJ 2024;385:e078378), item by item with the statement's
 * numbering (1 to 27c, 52 items counting sub-items): each item the run can answer is filled from the run's own
 * numbers; the others are named for the authors to write (study context, ethics, funding, fairness, discussion).
 * Shown in the report and in {@code summary.json} ({@code tripod_ai}).
 */
final class TripodAi {

    private TripodAi() {
    }

    /** Filled from the run, or left for the authors. */
    enum Status {
        FILLED, AUTHOR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One checklist item.
     *
     * @param id      the statement's item number ("12c")
     * @param section the checklist section
     * @param title   the item's topic
     * @param status  filled or author
     * @param text    the run's answer, or what the authors must write
     * @param values  the numbers in the text, by name (empty when none)
     */
    record Item(String id, String section, String title, Status status, String text, Map<String, Object> values) {
    }

    /** The checklist's items: id, section, topic (the statement's order). */
    static final String[][] CHECKLIST = {
            {"1", "Title", "Title"},
            {"2", "Abstract", "Abstract"},
            {"3a", "Introduction", "Background: healthcare context and rationale"},
            {"3b", "Introduction", "Background: target population, intended purpose and users"},
            {"3c", "Introduction", "Background: known health inequalities"},
            {"4", "Introduction", "Objectives"},
            {"5a", "Methods", "Data: sources"},
            {"5b", "Methods", "Data: dates"},
            {"6a", "Methods", "Participants: setting and centres"},
            {"6b", "Methods", "Participants: eligibility criteria"},
            {"6c", "Methods", "Participants: treatments received"},
            {"7", "Methods", "Data preparation"},
            {"8a", "Methods", "Outcome: definition, time horizon, assessment"},
            {"8b", "Methods", "Outcome: assessors"},
            {"8c", "Methods", "Outcome: blinding"},
            {"9a", "Methods", "Predictors: choice and pre-selection"},
            {"9b", "Methods", "Predictors: definition and measurement"},
            {"9c", "Methods", "Predictors: assessors"},
            {"10", "Methods", "Sample size"},
            {"11", "Methods", "Missing data"},
            {"12a", "Methods", "Analytical methods: use of the data (partitioning)"},
            {"12b", "Methods", "Analytical methods: handling of predictors"},
            {"12c", "Methods", "Analytical methods: model type, building steps, tuning, internal validation"},
            {"12d", "Methods", "Analytical methods: heterogeneity across clusters"},
            {"12e", "Methods", "Analytical methods: performance measures"},
            {"12f", "Methods", "Analytical methods: model updating"},
            {"12g", "Methods", "Analytical methods: how predictions were calculated"},
            {"13", "Methods", "Class imbalance"},
            {"14", "Methods", "Fairness"},
            {"15", "Methods", "Model output"},
            {"16", "Methods", "Training versus evaluation"},
            {"17", "Methods", "Ethical approval"},
            {"18a", "Open science", "Funding"},
            {"18b", "Open science", "Conflicts of interest"},
            {"18c", "Open science", "Protocol"},
            {"18d", "Open science", "Registration"},
            {"18e", "Open science", "Data sharing"},
            {"18f", "Open science", "Code sharing"},
            {"19", "Patient and public involvement", "Patient and public involvement"},
            {"20a", "Results", "Participants: flow"},
            {"20b", "Results", "Participants: characteristics"},
            {"20c", "Results", "Participants: development vs evaluation data"},
            {"21", "Results", "Model development: participants and events per analysis"},
            {"22", "Results", "Model specification"},
            {"23a", "Results", "Model performance with confidence intervals"},
            {"23b", "Results", "Model performance: heterogeneity across clusters"},
            {"24", "Results", "Model updating"},
            {"25", "Discussion", "Interpretation"},
            {"26", "Discussion", "Limitations"},
            {"27a", "Discussion", "Usability: poor quality or unavailable input data"},
            {"27b", "Discussion", "Usability: user interaction and expertise"},
            {"27c", "Discussion", "Usability: next steps"},
    };

    /** Every item, in the checklist's order. */
    static List<Item> items(StudyResult r) {
        Map<String, Item> filled = new LinkedHashMap<>();
        for (Item i : filledItems(r)) {
            filled.put(i.id(), i);
        }
        List<Item> out = new ArrayList<>();
        for (String[] c : CHECKLIST) {
            Item f = filled.get(c[0]);
            out.add(f != null ? new Item(c[0], c[1], c[2], f.status(), f.text(), f.values())
                    : new Item(c[0], c[1], c[2], Status.AUTHOR, AUTHOR_TEXT.getOrDefault(c[0],
                    "To be written by the authors."), Map.of()));
        }
        return out;
    }

    /** What the authors must write, for the items the run cannot answer. */
    private static final Map<String, String> AUTHOR_TEXT = Map.ofEntries(
            Map.entry("1", "Identify the study as developing and internally/temporally validating a multivariable model "
                    + "predicting resistance to neoadjuvant chemotherapy in breast cancer, from MRI radiomics, diffusion "
                    + "and clinical predictors (logistic regression with LASSO)."),
            Map.entry("2", "Structured abstract following TRIPOD+AI for Abstracts (the report's Summary gives the numbers)."),
            Map.entry("3a", "Healthcare context, rationale, and existing models."),
            Map.entry("3b", "Target population, place in the care pathway (before NAC) and intended users."),
            Map.entry("3c", "Known health inequalities between sociodemographic groups."),
            Map.entry("4", "Objectives (development with temporal or random split validation)."),
            Map.entry("6a", "Setting (e.g. secondary care) and the number and location of centres."),
            Map.entry("6b", "Eligibility criteria (the run lists only the patients it excluded for data problems)."),
            Map.entry("8b", "Qualifications and characteristics of the pathologists assessing RCB."),
            Map.entry("8c", "Blinding of the outcome assessment to the MRI and the predictors."),
            Map.entry("9c", "Qualifications of the readers who drew the tumour and reference masks."),
            Map.entry("12d", "Heterogeneity across clusters: this run has none configured; state the setting, or "
                    + "analyse centres."),
            Map.entry("14", "Approaches to model fairness and their rationale."),
            Map.entry("17", "Ethics committee approval and informed consent or its waiver."),
            Map.entry("18a", "Source of funding and the funders' role."),
            Map.entry("18b", "Conflicts of interest of all authors."),
            Map.entry("18c", "Where the protocol can be accessed, or that none was prepared."),
            Map.entry("18d", "Registration (register and number), or that the study was not registered."),
            Map.entry("18e", "Availability of the study data."),
            Map.entry("19", "Patient and public involvement, or none."),
            Map.entry("23b", "Heterogeneity of performance across clusters (none configured in this run)."),
            Map.entry("25", "Overall interpretation, including fairness, against the objectives and previous studies."),
            Map.entry("26", "Limitations (sample size, single source, overfitting, missing data) and their effects."),
            Map.entry("27b", "Whether users interact with the input data (e.g. drawing masks) and the expertise needed."),
            Map.entry("27c", "Next steps: external validation, applicability and generalisability."));

    private static List<Item> filledItems(StudyResult r) {
        StudyData d = r.data();
        StudyConfig c = r.config();
        List<Item> items = new ArrayList<>();
        int[] tr = d.rows(true);
        int[] va = d.rows(false);
        int eventsTr = events(d, tr);
        int eventsVa = events(d, va);
        Map<String, LocalDate> admission = new LinkedHashMap<>();
        for (Cohort.Patient p : r.cohort().patients()) {
            admission.put(p.id(), p.admission());
        }
        LocalDate[] trDates = dates(d, tr, admission);
        LocalDate[] vaDates = dates(d, va, admission);
        Map<String, Integer> funnel = r.funnel();
        int candidates = c.clinical().candidates().size() + funnel.get("extracted");
        String paramHash = "sha256:" + Sha256.ofText(r.savedModel().parameterFile());

        items.add(filled("5a", String.format(Locale.ROOT, "One manifest (%s): %d patients with MRI (radiomics sequence "
                + "and tumour mask), DWI with tumour and reference masks, clinical and pathology data; development "
                + "and validation sets come from it. Authors add the kind of source (cohort, trial, routine care), "
                + "the rationale and the representativeness.", r.cohort().manifest().getFileName(), d.ids().size()),
                Map.of("n_patients", d.ids().size())));
        items.add(filled("5b", String.format(Locale.ROOT, "Admission dates: training %s to %s, validation %s to %s.",
                trDates[0], trDates[1], vaDates[0], vaDates[1]), ordered("training_first", trDates[0].toString(),
                "training_last", trDates[1].toString(), "validation_first", vaDates[0].toString(),
                "validation_last", vaDates[1].toString())));
        List<String> drugs = ModelCard.drugs(r.cohort());
        items.add(filled("6c", "Neoadjuvant chemotherapy with " + (drugs.isEmpty() ? "no dose columns in the manifest"
                : String.join(", ", drugs)) + "; the relative dose intensity (delivered over planned dose and "
                + "time) is a candidate predictor (rdi); no patient is excluded for treatment.", Map.of()));
        items.add(filled("7", "Before anything is computed, every manifest row is checked (ids, dates, clinical values "
                + "in range, every image and mask readable, each mask on its image's grid, b-values settled); radiomics "
                + "preprocessing is the parameter file's (see 9b)" + (r.robustness() != null
                ? "; features not reproducible across " + (c.robustness().source() == Robustness.Source.READER2
                        ? "readers" : "segmentation perturbations") + " were removed (" + r.robustness().describe() + ")"
                : "") + ". Authors add whether the preparation was similar across sociodemographic groups.", Map.of()));
        items.add(filled("8a", "Chemoresistance: " + r.cohort().rule().describe() + "; RCB by Symmans et al. "
                + "(2007) at surgery after NAC; shrinkage from the longest diameters before and after NAC. Time "
                + "horizon: the end of NAC (surgery).", Map.of("rule", r.cohort().rule().spec())));
        items.add(filled("9a", String.format(Locale.ROOT, "Candidates: %d clinical and diffusion predictors (%s) and %d "
                + "radiomics features (the whole parameter file); pre-selection before model building: %s.",
                c.clinical().candidates().size(), String.join(", ", c.clinical().candidates()), funnel.get("extracted"),
                funnelText(funnel)), ordered("clinical_candidates", c.clinical().candidates().size(),
                "radiomics_features", funnel.get("extracted"))));
        items.add(filled("9b", "Radiomics: " + Report.radiomics(r) + " Parameter file SHA-256 " + paramHash
                + ". Diffusion: ADC by log-linear fit over b ≤ " + Report.plain(c.diffusion().adcMaxB())
                + " s/mm², MD and MK by the kurtosis model, tumour means and ratios to reference tissue. Clinical "
                + "predictors as nacrad codes them (receptor status from IHC/ISH, Ki-67 high at 20 %, RDI).",
                Map.of("parameter_file_sha256", paramHash)));
        double epv = (double) eventsTr / candidates;
        int modelParameters = r.models().combined().coefficients().size() - 1;
        items.add(filled("10", String.format(Locale.ROOT, "Development: %d patients, %d events; events per candidate "
                + "predictor (EPV) = %d / %d = %.3f (%d clinical/diffusion candidates + %d radiomics features); "
                + "events per parameter of the final combined model = %d / %d = %.1f. Validation: %d patients, %d "
                + "events. Authors justify the size (no calculation is made by the run).", tr.length, eventsTr,
                eventsTr, candidates, epv, c.clinical().candidates().size(), funnel.get("extracted"), eventsTr,
                modelParameters, (double) eventsTr / modelParameters, va.length, eventsVa),
                ordered("events", eventsTr, "candidate_predictors", candidates, "epv", epv,
                        "final_model_parameters", modelParameters)));
        int excluded = r.cohort().excluded().size() + d.excluded().size();
        items.add(filled("11", c.exclusions() ? excluded + " problems led to exclusion (complete-case analysis; listed "
                + "with reasons in the report and tables/excluded.csv); no imputation."
                : "Complete-case: every patient of the manifest had complete, valid data (the run refuses a missing "
                + "value); no imputation, no patient excluded.", Map.of("excluded", excluded)));
        items.add(filled("12a", String.format(Locale.ROOT, "Split: %s: %d training (%d events), %d validation (%d "
                + "events). All selection and fitting on training only.", Report.split(c.split()), tr.length, eventsTr,
                va.length, eventsVa), ordered("training", tr.length, "validation", va.length)));
        items.add(filled("12b", "Continuous predictors linear, untransformed; binary clinical codes; radiomics features "
                + "z-scored with the training mean and SD (n − 1) before LASSO; the Rad-score enters the combined model "
                + "as a continuous predictor.", Map.of()));
        items.add(filled("12c", "Logistic regression. Clinical: univariate screen at P < " + c.clinical().univariateP()
                + ", backward elimination by " + (c.clinical().method() == StudyConfig.ClinicalMethod.AIC ? "AIC"
                : "P ≥ " + c.clinical().pThreshold()) + ". Radiomics: " + funnelText(funnel) + "; LASSO logistic "
                + "regression with λ tuned by " + c.selection().folds() + "-fold stratified CV (deviance, λ."
                + c.selection().lambda() + ", seed " + c.selection().seed() + "); Rad-score = LASSO linear predictor. "
                + "Combined: Rad-score + clinical predictors. Internal validation: " + (r.bootstrap() == null
                ? "temporal/split validation only (no bootstrap)" : r.bootstrap().used() + " bootstrap resamples of the "
                + "whole procedure (seed " + c.evaluation().seed() + "), Harrell's optimism correction") + ".",
                Map.of()));
        if (c.harmonisation().combat()) {
            items.add(filled("12d", "Radiomics features harmonised across centres: "
                    + StudyHarmonisation.describe(c.harmonisation()) + " Authors add how heterogeneity of the model's "
                    + "parameters and performance across centres was examined.", Map.of()));
        }
        items.add(filled("12e", "AUC with DeLong 95 % CI; sensitivity, specificity, accuracy, PPV, NPV with "
                + "Clopper–Pearson CIs at the training Youden threshold; paired DeLong tests against the combined model; "
                + "Brier score, calibration intercept and slope, Hosmer–Lemeshow test, lowess calibration curves; "
                + "decision curves (net benefit, thresholds " + c.evaluation().dca() + ").", Map.of()));
        items.add(filled("12f", "No model updating or recalibration.", Map.of()));
        items.add(filled("12g", "Predictions from model.json (every coefficient, the Rad-score's means, SDs and "
                + "coefficients, the parameter file) by nacrad predict or serve, which reproduce the study's "
                + "probabilities exactly; nacrad export writes the same model as PMML 4.4.", Map.of()));
        double rate = (double) (eventsTr + eventsVa) / d.ids().size();
        items.add(filled("13", String.format(Locale.ROOT, "No class-imbalance method (no resampling or weighting); "
                + "outcome rate %.3f.", rate), Map.of("outcome_rate", rate)));
        items.add(filled("15", String.format(Locale.ROOT, "Predicted probability of chemoresistance with a 95 %% CI; "
                + "high risk at or above %.4f, the Youden-optimal threshold of the training set, applied unchanged to "
                + "validation.", r.evaluations().threshold(Model.COMBINED)), Map.of("threshold",
                r.evaluations().threshold(Model.COMBINED))));
        items.add(filled("16", "Same source and eligibility, outcome and predictors measured the same way; the sets "
                + "differ by " + Report.split(c.split()) + ".", Map.of()));
        items.add(filled("18f", "Analysis by nacrad " + ModelExport.versions() + "; authors state where the code and "
                + "the study config are available.", Map.of()));
        int rows = r.cohort().patients().size() + (int) r.cohort().excluded().stream().map(Problem::row).distinct().count();
        items.add(filled("20a", String.format(Locale.ROOT, "%d manifest rows, %d excluded, %d analysed: training %d "
                + "(%d with and %d without the outcome), validation %d (%d with, %d without).", rows,
                rows - d.ids().size(), d.ids().size(), tr.length, eventsTr, tr.length - eventsTr, va.length, eventsVa,
                va.length - eventsVa), ordered("rows", rows, "analysed", d.ids().size())));
        items.add(filled("20b", "Table 1 of this report (and tables/table1.csv): characteristics by set with events "
                + "and key dates (5b).", Map.of()));
        items.add(filled("20c", "Table 1 compares the predictors and outcome of the training and validation sets.",
                Map.of()));
        items.add(filled("21", String.format(Locale.ROOT, "Selection and fitting: %d patients, %d events; LASSO tuning: "
                + "%d-fold CV on them; evaluation: %d patients, %d events%s.", tr.length, eventsTr,
                c.selection().folds(), va.length, eventsVa, r.bootstrap() == null ? "" : "; bootstrap: "
                + r.bootstrap().used() + " resamples of the " + tr.length + " training patients"),
                ordered("development_patients", tr.length, "development_events", eventsTr)));
        items.add(filled("22", specification(r, paramHash), Map.of("parameter_file_sha256", paramHash)));
        items.add(filled("23a", performance(r), Map.of()));
        items.add(filled("24", "No model updating.", Map.of()));
        items.add(filled("27a", "nacrad predict refuses a case with a missing input or an unreadable file (naming "
                + "it), and warns for every input outside its training range (model.json training_ranges). Authors "
                + "add how such cases are handled in practice.", Map.of()));
        return items;
    }

    /** Item 22: the full model, every number needed to compute a prediction. */
    private static String specification(StudyResult r, String paramHash) {
        StringBuilder b = new StringBuilder("logit(P) = ");
        List<Coefficient> cs = r.models().combined().coefficients();
        for (int k = 0; k < cs.size(); k++) {
            Coefficient co = cs.get(k);
            b.append(k == 0 ? "" : co.estimate() < 0 ? " − " : " + ")
                    .append(Report.plain(k == 0 ? co.estimate() : Math.abs(co.estimate())))
                    .append(k == 0 ? "" : " × " + co.term());
        }
        RadiomicsSelection.Fitted rs = r.models().radiomicsSelection();
        b.append("; rad_score = ").append(Report.plain(rs.intercept()));
        for (Map.Entry<String, Double> e : rs.selected().entrySet()) {
            int j = rs.names().indexOf(e.getKey());
            b.append(e.getValue() < 0 ? " − " : " + ").append(Report.plain(Math.abs(e.getValue()))).append(" × (")
                    .append(e.getKey()).append(" − ").append(Report.plain(rs.mean()[j])).append(") / ")
                    .append(Report.plain(rs.sd()[j]));
        }
        // model.json's own checksum is in the report's settings, not here: it changes with the output folder, and
        // summary.json is the same for a resumed run as for an uninterrupted one
        return b.append("; features extracted with the parameter file of SHA-256 ").append(paramHash)
                .append("; the whole model, with these numbers to full precision, in model.json.").toString();
    }

    /** Item 23a: discrimination, calibration, clinical utility and internal validation. */
    private static String performance(StudyResult r) {
        StringBuilder b = new StringBuilder();
        for (Model m : Model.values()) {
            b.append(m).append(": AUC ").append(Report.auc(r.evaluation(m, Subset.TRAIN))).append(" training, ")
                    .append(Report.auc(r.evaluation(m, Subset.VALIDATION))).append(" validation. ");
        }
        Evaluation v = r.evaluation(Model.COMBINED, Subset.VALIDATION);
        b.append(String.format(Locale.ROOT, "Combined, validation: sensitivity %s, specificity %s; Brier %.3f, "
                + "calibration intercept %s, slope %s. ", Report.prop(v.metrics().sensitivity()),
                Report.prop(v.metrics().specificity()), v.calibration().brier(), Report.fixed(v.calibration().intercept()),
                Report.fixed(v.calibration().slope())));
        b.append(netBenefit(v.decisionCurve()));
        if (r.bootstrap() != null) {
            BootstrapValidation.Index a = r.bootstrap().index("AUC");
            BootstrapValidation.Index s = r.bootstrap().index("Slope");
            b.append(String.format(Locale.ROOT, " Internal validation (bootstrap, %d resamples): optimism-corrected AUC "
                    + "%.3f (apparent %.3f, optimism %.3f), corrected calibration slope %.3f.", r.bootstrap().used(),
                    a.corrected(), a.apparent(), a.optimism(), s.corrected()));
        }
        return b.toString();
    }

    /** Where the model's net benefit exceeds treating all and treating none. */
    static String netBenefit(DecisionCurve.Curve dc) {
        double[] t = dc.thresholds();
        double lo = Double.NaN;
        double hi = Double.NaN;
        int n = 0;
        for (int k = 0; k < t.length; k++) {
            if (dc.model()[k] > Math.max(dc.treatAll()[k], dc.treatNone()[k])) {
                lo = Double.isNaN(lo) ? t[k] : lo;
                hi = t[k];
                n++;
            }
        }
        return n == 0 ? "Decision curve (validation): no threshold where the model's net benefit exceeds treating all "
                + "and treating none."
                : String.format(Locale.ROOT, "Decision curve (validation): net benefit above treating all and treating "
                + "none at %d of %d thresholds, from %s to %s.", n, t.length, Report.plain(lo), Report.plain(hi));
    }

    /** The report's section. */
    static void html(StringBuilder h, StudyResult r) {
        List<Item> items = items(r);
        long filled = items.stream().filter(i -> i.status() == Status.FILLED).count();
        h.append("<h2>TRIPOD+AI checklist</h2>\n<p class=\"note\">Collins et al., BMJ 2024;385:e078378. ")
                .append(filled).append(" of ").append(items.size()).append(" items filled from this run; the ")
                .append(items.size() - filled).append(" marked <b>author</b> must be written by the authors.</p>\n")
                .append("<table class=\"tripod\"><tr><th>item</th><th>section</th><th>topic</th><th>status</th>"
                        + "<th>this run</th></tr>\n");
        for (Item i : items) {
            h.append("<tr id=\"tripod-").append(i.id()).append("\"><td>").append(i.id()).append("</td><td>")
                    .append(Report.esc(i.section())).append("</td><td>").append(Report.esc(i.title()))
                    .append("</td><td>").append(i.status()).append("</td><td>").append(Report.esc(i.text()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** {@code summary.json}'s {@code tripod_ai} object. */
    static Map<String, Object> json(List<Item> items) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("reference", "Collins GS et al. TRIPOD+AI statement. BMJ 2024;385:e078378");
        t.put("filled", items.stream().filter(i -> i.status() == Status.FILLED).count());
        t.put("author", items.stream().filter(i -> i.status() == Status.AUTHOR).count());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Item i : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.id());
            m.put("section", i.section());
            m.put("title", i.title());
            m.put("status", i.status().toString());
            m.put("text", i.text());
            if (!i.values().isEmpty()) {
                m.put("values", new java.util.TreeMap<>(i.values()));
            }
            list.add(m);
        }
        t.put("items", list);
        return t;
    }

    private static String funnelText(Map<String, Integer> funnel) {
        StringBuilder b = new StringBuilder();
        funnel.forEach((k, v) -> b.append(b.length() == 0 ? "" : " → ").append(k).append(' ').append(v));
        return b.toString();
    }

    private static Item filled(String id, String text, Map<String, Object> values) {
        return new Item(id, null, null, Status.FILLED, text, values);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            m.put((String) kv[k], kv[k + 1]);
        }
        return m;
    }

    private static int events(StudyData d, int[] rows) {
        int n = 0;
        for (int i : rows) {
            n += d.y()[i] == 1 ? 1 : 0;
        }
        return n;
    }

    private static LocalDate[] dates(StudyData d, int[] rows, Map<String, LocalDate> admission) {
        LocalDate lo = null;
        LocalDate hi = null;
        for (int i : rows) {
            LocalDate a = admission.get(d.ids().get(i));
            lo = lo == null || a.isBefore(lo) ? a : lo;
            hi = hi == null || a.isAfter(hi) ? a : hi;
        }
        return new LocalDate[] {lo, hi};
    }
}
