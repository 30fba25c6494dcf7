package org.nacrad.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.nacrad.study.ModelInputs;
import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;

/**
 * The prediction form ({@code GET /predict}), generated from the model's inputs, and the result page
 * ({@code POST /predict}): probability with its confidence interval, risk group, Rad-score, each predictor's value
 * and contribution, the nomogram with the patient marked, the quality pictures, tumour volume and diffusion ROIs,
 * extrapolation warnings, and a printable layout with the result's JSON to download.
 */
final class PredictPage {

    private PredictPage() {
    }

    /**
     * The form.
     *
     * @param csrf   the form's anti-forgery token
     * @param values clinical values to fill in again (after a refusal)
     * @param error  the refusal to show (null for none)
     * @param field  the field it is about (null for none)
     */
    static String form(SavedModel model, ModelInputs inputs, WebOptions o, String csrf, Map<String, String> values,
                       String error, String field) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Predict for a patient</h1>\n<p class=\"lead\">The model asks for these inputs only. Files "
                + "are NIfTI or NRRD, or a .zip holding a DICOM series (with its DICOM-SEG or RTSTRUCT for a mask). "
                + "They are used for this prediction and deleted when it is done.</p>\n");
        if (error != null) {
            b.append("<div class=\"error\" role=\"alert\" id=\"error\">").append(Html.esc(error)).append("</div>\n");
        }
        b.append("<form method=\"post\" action=\"/predict\" enctype=\"multipart/form-data\" id=\"predict-form\" "
                + "data-max-file-bytes=\"").append(o.maxFileBytes()).append("\" data-max-upload-bytes=\"")
                .append(o.maxUploadBytes()).append("\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.esc(csrf)).append("\">\n");
        b.append("<fieldset><legend>Patient</legend>\n").append(field("id", "Reference for this result (optional)",
                "<input type=\"text\" id=\"f-id\" name=\"id\" maxlength=\"64\" autocomplete=\"off\" value=\""
                        + Html.esc(values.getOrDefault("id", "")) + "\">",
                "shown on the result page only; not stored, not logged", field)).append("</fieldset>\n");
        if (!inputs.files().isEmpty()) {
            b.append("<fieldset><legend>Images</legend>\n");
            for (ModelInputs.Input in : inputs.files()) {
                String control = in.kind() == ModelInputs.Kind.FILE
                        ? "<input type=\"file\" id=\"f-" + in.name() + "\" name=\"" + in.name() + "\""
                        + (in.required() ? " required" : "") + ">"
                        : "<input type=\"text\" id=\"f-" + in.name() + "\" name=\"" + in.name() + "\" maxlength=\"64\" "
                        + "autocomplete=\"off\" value=\"" + Html.esc(values.getOrDefault(in.name(), "")) + "\">";
                b.append(field(in.name(), in.label() + (in.required() ? "" : " (optional)"), control, in.note(), field));
            }
            b.append("</fieldset>\n");
        }
        if (!inputs.clinical().isEmpty()) {
            b.append("<fieldset><legend>Clinical values</legend>\n");
            for (ModelInputs.Input in : inputs.clinical()) {
                String v = values.getOrDefault(in.name(), "");
                String control;
                if (in.kind() == ModelInputs.Kind.CHOICE) {
                    StringBuilder c = new StringBuilder("<select id=\"f-" + in.name() + "\" name=\"" + in.name() + "\""
                            + (in.required() ? " required" : "") + ">");
                    if (in.required()) {
                        c.append("<option value=\"\">choose</option>");
                    }
                    for (String ch : in.choices()) {
                        c.append("<option value=\"").append(Html.esc(ch)).append('"')
                                .append(ch.equals(v) ? " selected" : "").append('>')
                                .append(ch.isEmpty() ? "not done" : Html.esc(ch)).append("</option>");
                    }
                    control = c.append("</select>").toString();
                } else {
                    control = "<input type=\"number\" step=\"any\" id=\"f-" + in.name() + "\" name=\"" + in.name()
                            + "\"" + (in.name().endsWith("_pct") ? " min=\"0\" max=\"100\"" : "")
                            + (in.required() ? " required" : "") + " value=\"" + Html.esc(v) + "\">"
                            + (in.unit().isEmpty() ? "" : " <span class=\"unit\">" + Html.esc(in.unit()) + "</span>");
                }
                String note = in.note();
                if (in.range() != null) {
                    note = (note.isEmpty() ? "" : note + "; ") + "training range " + Html.num(in.range()[0]) + " to "
                            + Html.num(in.range()[1]);
                }
                b.append(field(in.name(), in.label(), control, note, field));
            }
            b.append("</fieldset>\n");
        }
        b.append("<p><button type=\"submit\" id=\"submit\">Predict</button> <span id=\"busy\" class=\"busy\" hidden>"
                + "Computing… (about a second per patient; longer for large DICOM series)</span></p>\n</form>\n");
        return Html.page("nacrad: predict", "/predict", b.toString());
    }

    private static String field(String name, String label, String control, String note, String errorField) {
        return "<div class=\"field" + (name.equals(errorField) ? " invalid" : "") + "\"><label for=\"f-" + name + "\">"
                + Html.esc(label) + "</label><div>" + control + (note == null || note.isEmpty() ? ""
                : "<div class=\"hint\">" + Html.esc(note) + "</div>") + "</div></div>\n";
    }

    /** The result page. */
    static String result(SavedModel model, Predictor.Prediction p, String json, List<QualityImages.Panel> panels,
                         String qcProblem, Map<String, String> clinical) {
        StringBuilder b = new StringBuilder();
        boolean high = p.highRisk();
        b.append("<h1>Result").append(p.id().equals("patient") ? "" : " for " + Html.esc(p.id())).append("</h1>\n");
        b.append("<div class=\"result ").append(high ? "high" : "low").append("\" id=\"result\" data-probability=\"")
                .append(p.probability()).append("\" data-risk-group=\"").append(high ? "high" : "low").append("\">\n")
                .append("<div class=\"probability\"><span class=\"label\">Probability of chemoresistance</span>")
                .append("<span class=\"value\" id=\"probability\">").append(Html.percent(p.probability()))
                .append("</span><span class=\"ci\" id=\"ci\">95 % CI ")
                .append(Html.percent(p.probabilityLower())).append(" to ").append(Html.percent(p.probabilityUpper()))
                .append("</span></div>\n<div class=\"group\"><span class=\"label\">Risk group</span><span class=\"value\" "
                        + "id=\"risk-group\">").append(high ? "High risk" : "Low risk").append("</span><span class=\"ci\">")
                .append("threshold ").append(Html.percent(model.threshold())).append("</span></div>\n")
                .append("<div class=\"group\"><span class=\"label\">Rad-score</span><span class=\"value\" id=\"rad-score\">")
                .append(Html.num(p.radScore())).append("</span><span class=\"ci\">training range ")
                .append(range(model, "rad_score")).append("</span></div>\n</div>\n");
        b.append("<p class=\"note\">").append(Html.esc(Predictor.INTERVAL_NOTE)).append("</p>\n");
        if (!p.warnings().isEmpty()) {
            b.append("<div class=\"warning\" role=\"alert\" id=\"warnings\"><strong>Outside the training range.</strong>"
                    + "<ul>");
            for (String w : p.warnings()) {
                b.append("<li>").append(Html.esc(w)).append("</li>");
            }
            b.append("</ul></div>\n");
        }
        b.append("<p class=\"actions\"><button type=\"button\" id=\"print\">Print</button> <a class=\"button\" "
                + "download=\"nacrad-result.json\" id=\"download\" href=\"data:application/json;base64,")
                .append(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)))
                .append("\">Download the result (JSON)</a> <a class=\"button secondary\" href=\"/predict\">New "
                        + "prediction</a></p>\n");

        b.append("<section><h2>Predictors and their contributions</h2><table class=\"grid\" id=\"contributions\">"
                + "<thead><tr><th>Predictor</th><th>Value</th><th>Range in training</th><th>Coefficient</th>"
                + "<th>Log-odds contribution</th><th>Nomogram points</th></tr></thead><tbody>\n");
        Map<String, Double> coef = model.coefficients();
        for (Map.Entry<String, Double> e : p.predictors().entrySet()) {
            String n = e.getKey();
            b.append("<tr><td>").append(Html.esc(n)).append("</td><td>").append(Html.num(e.getValue()))
                    .append("</td><td>").append(range(model, n)).append("</td><td>").append(Html.num(coef.get(n)))
                    .append("</td><td>").append(Html.num(coef.get(n) * e.getValue())).append("</td><td>")
                    .append(Html.num(p.contributions().get(n))).append("</td></tr>\n");
        }
        b.append("<tr class=\"total\"><td>Total</td><td></td><td></td><td>intercept ").append(Html.num(model.intercept()))
                .append("</td><td>").append(Html.num(p.linearPredictor())).append(" (SE ")
                .append(Html.num(p.linearPredictorSe())).append(")</td><td>").append(Html.num(p.points()))
                .append("</td></tr>\n</tbody></table>\n<div class=\"figure\">").append(NomogramSvg.render(model, p))
                .append("</div></section>\n");

        b.append("<section><h2>Quality check</h2>\n<p>Check that the outlines sit on the tumour and on normal tissue, "
                + "and that the series are the right ones, before using the result.</p>\n");
        b.append("<table class=\"kv\">").append(Html.row("Tumour volume (T1 mask)", Double.isFinite(p.tumourVolumeMl())
                ? String.format(java.util.Locale.ROOT, "%.2f mL", p.tumourVolumeMl()) : "—")).append("</table>\n");
        if (qcProblem != null) {
            b.append("<p class=\"warning\">").append(Html.esc(qcProblem)).append("</p>\n");
        }
        b.append("<div class=\"panels\">");
        for (QualityImages.Panel panel : panels) {
            b.append("<figure><img alt=\"").append(Html.esc(panel.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(panel.png())).append("\"><figcaption><strong>")
                    .append(Html.esc(panel.title())).append("</strong><br>").append(Html.esc(panel.caption()))
                    .append("</figcaption></figure>");
        }
        b.append("</div>\n");
        if (!p.diffusion().isEmpty()) {
            b.append("<h3>Diffusion ROIs</h3><table class=\"grid\" id=\"diffusion\"><thead><tr><th>ROI</th><th>Voxels"
                    + "</th><th>Left out of the fits</th><th>ADC mean (10⁻³ mm²/s)</th><th>MD mean (10⁻³ mm²/s)</th>"
                    + "<th>MK mean</th></tr></thead><tbody>\n");
            for (String roi : List.of("tumour", "reference")) {
                if (!p.diffusion().containsKey(roi + "_voxels")) {
                    continue;
                }
                Map<String, Double> d = p.diffusion();
                b.append("<tr><td>").append(roi).append("</td><td>").append(Html.num(d.get(roi + "_voxels")))
                        .append("</td><td>").append(Html.num(d.get(roi + "_excluded"))).append("</td><td>")
                        .append(Html.f3(scaled(d.get(roi + "_adc_mean")))).append("</td><td>")
                        .append(Html.f3(scaled(d.get(roi + "_md_mean")))).append("</td><td>")
                        .append(Html.f3(d.get(roi + "_mk_mean"))).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n");

        if (!clinical.isEmpty()) {
            b.append("<section><h2>Clinical values as entered</h2><table class=\"kv\">");
            clinical.forEach((k, v) -> b.append(Html.row(k, Html.esc(v))));
            b.append("</table></section>\n");
        }
        b.append("<section class=\"provenance\"><p class=\"note\">Model ").append(Html.esc(model.name()))
                .append(", checksum <code>").append(Html.esc(model.checksum())).append("</code>; computed ")
                .append(Html.esc(java.time.OffsetDateTime.now().withNano(0).toString())).append(".</p></section>\n");
        return Html.page("nacrad: result", "/predict", b.toString());
    }

    private static Double scaled(Double v) {
        return v == null ? null : v * 1000;
    }

    private static String range(SavedModel model, String name) {
        double[] r = model.trainingRanges().get(name);
        return r == null ? "—" : Html.num(r[0]) + " to " + Html.num(r[1]);
    }
}
