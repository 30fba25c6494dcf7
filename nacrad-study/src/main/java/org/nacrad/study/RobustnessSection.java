package org.nacrad.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.stats.agreement.FeatureRobustness;

/** The feature-robustness stage in the report, {@code tables/feature_icc.csv} and {@code summary.json}. */
final class RobustnessSection {

    private RobustnessSection() {
    }

    /** The method as run, one sentence. */
    static String method(StudyResult r) {
        RobustnessStep.Result rb = r.robustness();
        Robustness c = rb.config();
        String source = c.source() == Robustness.Source.READER2
                ? "a second reader's masks (manifest column " + c.column() + ")"
                : "perturbed masks after Zwanenburg et al. (Sci Rep 2019): " + String.join(", ", c.perturbations().stream()
                        .map(k -> switch (k) {
                            case EROSION -> "erosion by one voxel";
                            case DILATION -> "dilation by one voxel";
                            case CONTOUR -> "contour randomisation (2×2×2-voxel cells, seed " + c.seed() + ")";
                        }).toList());
        return "every radiomics feature was extracted again from " + source + " of the training patients with the same "
                + "parameter file; " + rb.describe() + "; features below the threshold were removed before the "
                + "radiomics selection (computed on the training set only, no outcome used)";
    }

    /** The report's section (nothing when the filter is off). */
    static void html(StringBuilder h, StudyResult r) {
        RobustnessStep.Result rb = r.robustness();
        if (rb == null) {
            return;
        }
        h.append("<h2>Feature robustness (ICC filter)</h2>\n<p>").append(Report.esc(method(r))).append(".</p>\n");
        h.append("<table><tr><th>selection step</th><th>features left</th></tr>\n");
        r.funnel().forEach((k, v) -> h.append("<tr><td>").append(Report.esc(k)).append("</td><td>").append(v)
                .append("</td></tr>\n"));
        h.append("</table>\n");
        int[] bands = new int[4];
        int nan = 0;
        for (FeatureRobustness.FeatureIcc f : rb.features()) {
            if (Double.isNaN(f.icc())) {
                nan++;
            } else {
                bands[f.icc() < 0.5 ? 0 : f.icc() < 0.75 ? 1 : f.icc() < 0.9 ? 2 : 3]++;
            }
        }
        h.append(String.format(Locale.ROOT, "<p class=\"note\">ICC of the %d features (Koo &amp; Li 2016 bands): "
                + "poor (&lt; 0.5) %d, moderate (0.5–0.75) %d, good (0.75–0.9) %d, excellent (≥ 0.9) %d, not "
                + "computable (constant or not finite) %d. Every feature's ICC with its 95 %% CI: "
                + "<code>tables/feature_icc.csv</code>.</p>\n", rb.features().size(), bands[0], bands[1], bands[2],
                bands[3], nan));
        List<String> selected = new ArrayList<>(r.models().radiomicsSelection().selected().keySet());
        if (!selected.isEmpty()) {
            h.append("<table><tr><th>selected feature</th><th>ICC (95 % CI)</th></tr>\n");
            for (FeatureRobustness.FeatureIcc f : rb.features()) {
                if (selected.contains(f.feature())) {
                    h.append("<tr><td>").append(Report.esc(f.feature())).append("</td><td>")
                            .append(String.format(Locale.ROOT, "%.3f (%s–%s)", f.icc(), Report.fixed(f.lower()),
                                    Report.fixed(f.upper()))).append("</td></tr>\n");
                }
            }
            h.append("</table>\n");
        }
    }

    /** {@code tables/feature_icc.csv}: every feature's ICC, CI, whether kept and why not. */
    static String csv(RobustnessStep.Result rb) {
        StringBuilder b = new StringBuilder("feature,icc,lower,upper,kept,note\n");
        for (FeatureRobustness.FeatureIcc f : rb.features()) {
            b.append(f.feature()).append(',').append(f.icc()).append(',').append(f.lower()).append(',')
                    .append(f.upper()).append(',').append(f.kept()).append(',').append(StudyOutputs.csv(f.note()))
                    .append('\n');
        }
        return b.toString();
    }

    /** {@code summary.json}'s {@code robustness} object. */
    static Map<String, Object> summary(RobustnessStep.Result rb) {
        Map<String, Object> s = new LinkedHashMap<>();
        Robustness c = rb.config();
        s.put("source", c.source().toString());
        if (c.source() == Robustness.Source.READER2) {
            s.put("column", c.column());
        } else {
            s.put("perturbations", c.perturbations().stream().map(String::valueOf).toList());
            s.put("seed", c.seed());
        }
        s.put("icc", "ICC(" + c.icc() + ")");
        s.put("threshold", c.threshold());
        s.put("criterion", c.criterion().toString());
        s.put("measurements", rb.measurements());
        s.put("n_patients", rb.patients().size());
        s.put("n_features", rb.features().size());
        s.put("n_kept", rb.kept().size());
        return s;
    }
}
