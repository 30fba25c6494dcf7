package org.nacrad.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.study.ModelInputs;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;

/**
 * The model card ({@code /}): what the model predicts and the label rule, the development cohort and its split,
 * the inputs with units and training ranges, discrimination and calibration on both sets with their confidence
 * intervals, the bootstrap optimism, the model's equation and nomogram, and its intended use — all read from
 * model.json.
 */
final class ModelCardPage {

    private ModelCardPage() {
    }

    @SuppressWarnings("unchecked")
    static String html(SavedModel model, ModelInputs inputs) {
        Map<String, Object> dev = model.development();
        Map<String, Object> cohort = (Map<String, Object>) dev.get("cohort");
        Map<String, Object> split = (Map<String, Object>) dev.get("split");
        StringBuilder b = new StringBuilder();
        b.append("<h1>Probability of resistance to neoadjuvant chemotherapy</h1>\n")
                .append("<p class=\"lead\">A logistic model combining a radiomics signature of the pre-treatment "
                        + "T1 MRI (the Rad-score) with ")
                .append(Html.esc(String.join(", ", model.clinicalPredictors().isEmpty() ? List.of("no other predictor")
                        : model.clinicalPredictors())))
                .append(". It gives the probability that the tumour is chemoresistant, with a 95 % confidence "
                        + "interval, and a risk group at the threshold chosen on the training set.</p>\n")
                .append("<p><a class=\"button\" href=\"/predict\">Predict for a patient</a></p>\n");

        b.append("<section><h2>What it predicts</h2><table class=\"kv\">\n")
                .append(Html.row("Outcome", Html.esc(String.valueOf(dev.get("label_description")))))
                .append(Html.row("Label rule", "<code>" + Html.esc(String.valueOf(dev.get("label_rule"))) + "</code>"))
                .append(Html.row("High-risk threshold", Html.percent(model.threshold()) + " predicted probability ("
                        + Html.esc(String.valueOf(dev.get("threshold_rule"))) + ")"))
                .append("</table></section>\n");

        b.append("<section><h2>Development cohort</h2><table class=\"kv\">\n")
                .append(Html.row("Patients", cohort.get("patients") + " analysed, " + cohort.get("events")
                        + " chemoresistant; " + cohort.get("excluded") + " excluded"))
                .append(Html.row("Admissions", dates(cohort)))
                .append(Html.row("Split", Html.esc(String.valueOf(split.get("method"))) + ", training fraction "
                        + Html.num(((Number) split.get("train_fraction")).doubleValue())))
                .append(Html.row("Training set", set((Map<String, Object>) split.get("train"))))
                .append(Html.row("Validation set", set((Map<String, Object>) split.get("validation"))))
                .append("</table></section>\n");

        b.append("<section><h2>Inputs</h2><table class=\"grid\"><thead><tr><th>Input</th><th>Field</th>"
                + "<th>Unit</th><th>Range in training, or format</th><th>Needed</th></tr></thead><tbody>\n");
        for (ModelInputs.Input in : inputs.files()) {
            b.append("<tr><td>").append(Html.esc(in.label())).append("</td><td><code>").append(Html.esc(in.name()))
                    .append("</code></td><td>").append(in.kind() == ModelInputs.Kind.FILE ? "file" : "text")
                    .append("</td><td>").append(Html.esc(in.note())).append("</td><td>")
                    .append(in.required() ? "yes" : "optional").append("</td></tr>\n");
        }
        for (ModelInputs.Input in : inputs.clinical()) {
            b.append("<tr><td>").append(Html.esc(in.label())).append("</td><td><code>").append(Html.esc(in.name()))
                    .append("</code></td><td>").append(Html.esc(in.unit())).append("</td><td>")
                    .append(in.range() == null ? in.choices().isEmpty() ? "—" : Html.esc(String.join(", ",
                            in.choices().stream().filter(c -> !c.isEmpty()).toList()))
                            : Html.num(in.range()[0]) + " to " + Html.num(in.range()[1]))
                    .append("</td><td>").append(in.required() ? "yes" : Html.esc(in.note())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"note\">Predictors derived from them, with their range in training: ");
        Map<String, double[]> ranges = model.trainingRanges();
        List<String> parts = model.predictors().stream().map(p -> Html.esc(p) + (ranges.containsKey(p)
                ? " " + Html.num(ranges.get(p)[0]) + " to " + Html.num(ranges.get(p)[1]) : "")).toList();
        b.append(String.join("; ", parts)).append(". A patient outside these ranges is flagged: the model then "
                + "extrapolates.</p></section>\n");

        b.append("<section><h2>Performance</h2><table class=\"grid\"><thead><tr><th></th><th>Training</th>"
                + "<th>Validation</th></tr></thead><tbody>\n");
        Map<String, Object> perf = (Map<String, Object>) dev.get("performance");
        Map<String, Object> tr = (Map<String, Object>) perf.get("train");
        Map<String, Object> va = (Map<String, Object>) perf.get("validation");
        b.append(perfRow("AUC (95 % CI, DeLong)", auc(tr), auc(va)));
        for (String[] m : new String[][] {{"sensitivity", "Sensitivity at the threshold"},
                {"specificity", "Specificity at the threshold"}, {"ppv", "Positive predictive value"},
                {"npv", "Negative predictive value"}}) {
            b.append(perfRow(m[1] + " (95 % CI, exact)", proportion(tr.get(m[0])), proportion(va.get(m[0]))));
        }
        b.append(perfRow("Brier score", Html.f3(dbl(tr.get("brier"))), Html.f3(dbl(va.get("brier")))))
                .append(perfRow("Calibration intercept", Html.f3(dbl(tr.get("calibration_intercept"))),
                        Html.f3(dbl(va.get("calibration_intercept")))))
                .append(perfRow("Calibration slope", Html.f3(dbl(tr.get("calibration_slope"))),
                        Html.f3(dbl(va.get("calibration_slope")))))
                .append(perfRow("Hosmer–Lemeshow P", Html.f3(dbl(tr.get("hosmer_lemeshow_p"))),
                        Html.f3(dbl(va.get("hosmer_lemeshow_p")))))
                .append("</tbody></table>\n");
        Map<String, Object> boot = (Map<String, Object>) dev.get("bootstrap");
        if (boot != null) {
            b.append(String.format(Locale.ROOT, "<p>Bootstrap validation of the whole procedure (%s resamples): "
                    + "apparent AUC %s, optimism %s, optimism-corrected AUC %s, corrected calibration slope %s.</p>\n",
                    boot.get("resamples"), Html.f3(dbl(boot.get("apparent_auc"))), Html.f3(dbl(boot.get("optimism"))),
                    Html.f3(dbl(boot.get("optimism_corrected_auc"))),
                    Html.f3(dbl(boot.get("optimism_corrected_slope")))));
        } else {
            b.append("<p>No bootstrap validation was run for this model.</p>\n");
        }
        b.append("</section>\n");

        b.append("<section><h2>The model</h2><p class=\"equation\">logit(p) = ").append(Html.num(model.intercept()));
        for (Map.Entry<String, Double> c : model.coefficients().entrySet()) {
            b.append(c.getValue() < 0 ? " − " : " + ").append(Html.num(Math.abs(c.getValue()))).append(" × ")
                    .append(Html.esc(c.getKey()));
        }
        b.append("</p>\n<p class=\"note\">").append(Html.esc(String.valueOf(((Map<String, Object>)
                model.values().get("radiomics")).get("formula")))).append("</p>\n")
                .append("<h3>Nomogram</h3>\n<div class=\"figure\">").append(NomogramSvg.render(model, null))
                .append("</div></section>\n");

        b.append("<section><h2>Intended use</h2><p>For breast cancer patients about to start neoadjuvant "
                + "chemotherapy, by radiologists and oncologists who can judge the images, as one input to the "
                + "multidisciplinary decision — never as its sole basis. The prediction needs the same kind of "
                + "pre-treatment MRI (sequence, resolution, segmentation practice) as the development cohort; check "
                + "the quality pictures of every result. ")
                .append(Html.esc(Predictor.INTERVAL_NOTE)).append("</p></section>\n");

        b.append("<section><h2>Provenance</h2><table class=\"kv\">\n")
                .append(Html.row("Model file checksum", "<code>" + Html.esc(model.checksum()) + "</code>"))
                .append(Html.row("Created", Html.esc(String.valueOf(model.values().get("created")))))
                .append(Html.row("Versions", Html.esc(String.valueOf(model.values().get("versions")))))
                .append("</table></section>\n");
        return Html.page("nacrad model card", "/", b.toString());
    }

    private static String perfRow(String label, String train, String validation) {
        return "<tr><th scope=\"row\">" + Html.esc(label) + "</th><td>" + train + "</td><td>" + validation
                + "</td></tr>\n";
    }

    @SuppressWarnings("unchecked")
    private static String auc(Map<String, Object> m) {
        List<Number> ci = (List<Number>) m.get("auc_ci");
        return Html.f3(dbl(m.get("auc"))) + " (" + Html.f3(ci.get(0).doubleValue()) + "–"
                + Html.f3(ci.get(1).doubleValue()) + ")";
    }

    @SuppressWarnings("unchecked")
    private static String proportion(Object o) {
        if (o == null) {
            return "—";
        }
        Map<String, Object> m = (Map<String, Object>) o;
        List<Number> ci = (List<Number>) m.get("ci");
        return Html.f3(dbl(m.get("estimate"))) + " (" + Html.f3(ci.get(0).doubleValue()) + "–"
                + Html.f3(ci.get(1).doubleValue()) + "; " + m.get("x") + "/" + m.get("n") + ")";
    }

    private static String set(Map<String, Object> s) {
        return s.get("patients") + " patients, " + s.get("events") + " chemoresistant" + (s.containsKey("admission_from")
                ? ", admitted " + dates(s) : "");
    }

    private static String dates(Map<String, Object> m) {
        return m.containsKey("admission_from") ? Html.esc(m.get("admission_from") + " to " + m.get("admission_to"))
                : "not recorded";
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
