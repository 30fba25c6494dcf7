package org.nacrad.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nacrad.study.Predictor;
import org.nacrad.study.SavedModel;

/**
 * The model's nomogram as inline SVG, laid out as the study's report draws it (rms {@code nomogram} layout: a
 * points ruler, one axis per predictor, total points, linear predictor and risk, all on the points scale), with a
 * patient's position marked on every axis when given: each predictor's points, the total, and the risk read off
 * the total. Presentation attributes only (no inline style), so the page's Content-Security-Policy holds.
 */
final class NomogramSvg {

    private static final double LEFT = 150;
    private static final double WIDTH = 660;
    /** Closest two tick labels may be, px (closer ones keep their tick mark only). */
    private static final double LABEL_GAP = 30;
    private static final double ROW = 44;
    private static final String MARK = "#c0392b";

    private NomogramSvg() {
    }

    /** The nomogram, with the patient of {@code p} marked (null for none). */
    @SuppressWarnings("unchecked")
    static String render(SavedModel model, Predictor.Prediction p) {
        Map<String, Object> n = model.nomogram();
        double scale = ((Number) n.get("scale")).doubleValue();
        double offset = ((Number) n.get("offset")).doubleValue();
        List<Map<String, Object>> axes = (List<Map<String, Object>>) n.get("axes");
        double[] total = doubles(n.get("total_points"));
        double[] lpTicks = doubles(n.get("lp_ticks"));
        double[] riskTicks = doubles(n.get("risk_ticks"));
        double maxPts = total[total.length - 1];
        int rows = axes.size() + 4;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nomogram\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\" "
                + "role=\"img\" aria-label=\"Nomogram%s\">%n", (int) (LEFT + WIDTH + 50), (int) (rows * ROW + 24),
                (int) (LEFT + WIDTH + 50), (int) (rows * ROW + 24), p == null ? "" : " with this patient marked"));
        double[] ruler = ticks(0, 100, 10);
        row(s, "Points", ruler, ruler, 0, maxPts, null, null);
        int r = 1;
        for (Map<String, Object> a : axes) {
            String name = (String) a.get("predictor");
            Double mark = p == null ? null : p.contributions().get(name);
            String label = p == null ? null : name + " = " + Html.num(p.predictors().get(name));
            row(s, name, doubles(a.get("values")), doubles(a.get("points")), r++, maxPts, mark, label);
        }
        Double t = p == null ? null : p.points();
        row(s, "Total points", total, total, r++, maxPts, t, p == null ? null : "total " + Html.num(p.points()));
        double[] lpPts = new double[lpTicks.length];
        for (int i = 0; i < lpTicks.length; i++) {
            lpPts[i] = (lpTicks[i] - offset) * scale;
        }
        row(s, "Linear predictor", lpTicks, lpPts, r++, maxPts, t, null);
        double[] riskPts = new double[riskTicks.length];
        for (int i = 0; i < riskTicks.length; i++) {
            riskPts[i] = (Math.log(riskTicks[i] / (1 - riskTicks[i])) - offset) * scale;
        }
        row(s, "Risk", riskTicks, riskPts, r, maxPts, t, p == null ? null
                : "probability " + Html.percent(p.probability()));
        s.append("</svg>\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String label, double[] values, double[] points, int r, double maxPts,
                            Double mark, String markLabel) {
        double y = 26 + r * ROW;
        List<Double> xs = new ArrayList<>();
        for (double pt : points) {
            double x = LEFT + pt * WIDTH / maxPts;
            if (Double.isFinite(x)) {
                xs.add(x);
            }
        }
        double min = xs.stream().mapToDouble(Double::doubleValue).min().orElse(LEFT);
        double max = xs.stream().mapToDouble(Double::doubleValue).max().orElse(LEFT);
        s.append(String.format(Locale.ROOT, "  <text x=\"6\" y=\"%.1f\">%s</text>%n", y + 4, Html.esc(label)));
        s.append(String.format(Locale.ROOT, "  <line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" stroke=\"#222\"/>%n",
                min, y, max, y));
        // labels left to right, leaving out one that would overlap the last one written (its tick stays)
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> points[i]));
        double lastLabel = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            double x = LEFT + points[i] * WIDTH / maxPts;
            if (!Double.isFinite(x)) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "  <line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" "
                    + "stroke=\"#222\"/>%n", x, y - 4, x, y + 4));
            if (x - lastLabel >= LABEL_GAP) {
                s.append(String.format(Locale.ROOT, "  <text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                        x, y - 7, Html.esc(tick(values[i]))));
                lastLabel = x;
            }
        }
        if (mark != null && Double.isFinite(mark)) {
            double x = LEFT + mark * WIDTH / maxPts;
            double clamped = Math.max(LEFT - 10, Math.min(LEFT + WIDTH + 40, x));
            s.append(String.format(Locale.ROOT, "  <circle cx=\"%.2f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" "
                    + "stroke=\"white\" stroke-width=\"1.5\" class=\"patient-mark\"><title>%s</title></circle>%n",
                    clamped, y, MARK, Html.esc(markLabel == null ? label : markLabel)));
            if (markLabel != null) {
                s.append(String.format(Locale.ROOT, "  <text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" "
                        + "fill=\"%s\" font-weight=\"bold\">%s</text>%n", clamped, y + 17, MARK, Html.esc(markLabel)));
            }
        }
    }

    private static String tick(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** R's pretty-like ticks from lo to hi with the given step. */
    private static double[] ticks(double lo, double hi, double step) {
        int k = (int) Math.round((hi - lo) / step);
        double[] t = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            t[i] = lo + i * step;
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }
}
