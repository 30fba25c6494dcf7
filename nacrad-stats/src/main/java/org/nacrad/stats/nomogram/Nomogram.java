package org.nacrad.stats.nomogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.nacrad.stats.glm.LogisticFit;

/**
 * A nomogram of a fitted logistic model laid out as rms {@code nomogram(fit, fun = plogis)} lays it out (Harrell,
 * Regression Modeling Strategies, §10.1 and rms's {@code nomogram.s}).
 *
 * <p>Each predictor {@code j} gets an axis of values {@code v}: its distinct values when it has fewer than 10
 * (rms {@code datadist}'s discrete variables), otherwise {@code pretty(range(x_j), 10)}. Its contribution is
 * {@code β_j v}; with {@code m_j, M_j} the smallest and largest contribution on the axis and
 * {@code sc = 100 / max_j (M_j - m_j)}, a value scores {@code points = (β_j v - m_j) sc}: the predictor with the
 * widest effect spans 0–100. The linear predictor of a total score {@code T} is
 * {@code β₀ + Σ_j m_j + T / sc}. The linear-predictor axis has ticks {@code pretty(range(fitted lp), 10)}; the total
 * points axis runs over {@code pretty(c(0, max(100, sc · max(lp ticks - β₀ - Σ m_j))), 10)}; the probability axis
 * places each requested risk {@code r} at {@code (logit(r) - β₀ - Σ m_j) sc}.
 *
 * <p>Worked example (a unit test): {@code β = (0, 2, -1)}, predictor a on 0..1 (two values), b on 0..1: ranges
 * 2 and 1, {@code sc = 50}; a = 1 scores 100, b = 0 scores 50 (b's contribution is largest at 0), total 150 is
 * {@code lp = 0 + (0 - 1) + 150/50 = 2}.
 *
 * @param axes        one per predictor
 * @param scale       {@code sc}, points per unit of linear predictor
 * @param offset      {@code β₀ + Σ_j m_j}, the linear predictor at 0 total points
 * @param totalPoints ticks of the total-points axis
 * @param lpTicks     ticks of the linear-predictor axis
 * @param riskTicks   the risks on the probability axis
 */
public record Nomogram(List<Axis> axes, double scale, double offset, double[] totalPoints, double[] lpTicks,
                       double[] riskTicks) {

    /** One predictor's axis: values and their points. */
    public record Axis(String predictor, double[] values, double[] points) {
        public Axis {
            values = values.clone();
            points = points.clone();
        }
    }

    public Nomogram {
        axes = List.copyOf(axes);
        totalPoints = totalPoints.clone();
        lpTicks = lpTicks.clone();
        riskTicks = riskTicks.clone();
    }

    /** rms's default-looking probability axis. */
    public static final double[] DEFAULT_RISKS = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};

    /** Lays out the nomogram of {@code fit}, with predictor ranges and linear predictors from its data {@code x}. */
    public static Nomogram of(LogisticFit fit, double[][] x, double[] risks) {
        double[] beta = fit.beta();
        int p = fit.predictors().size();
        List<double[]> values = new ArrayList<>();
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            final int jj = j;
            double[] col = Arrays.stream(x).mapToDouble(r -> r[jj]).toArray();
            double[] distinct = Arrays.stream(col).distinct().sorted().toArray();
            double[] v = distinct.length < 10 ? distinct
                    : Pretty.of(distinct[0], distinct[distinct.length - 1], 10);
            values.add(v);
            lo[j] = Double.POSITIVE_INFINITY;
            hi[j] = Double.NEGATIVE_INFINITY;
            for (double val : v) {
                double c = beta[j + 1] * val;
                lo[j] = Math.min(lo[j], c);
                hi[j] = Math.max(hi[j], c);
            }
        }
        double widest = 0;
        double offset = beta[0];
        for (int j = 0; j < p; j++) {
            widest = Math.max(widest, hi[j] - lo[j]);
            offset += lo[j];
        }
        if (widest == 0) {
            throw new IllegalArgumentException("no predictor has an effect: a nomogram needs a nonzero coefficient");
        }
        double sc = 100 / widest;
        List<Axis> axes = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = values.get(j);
            double[] pts = new double[v.length];
            for (int t = 0; t < v.length; t++) {
                pts[t] = (beta[j + 1] * v[t] - lo[j]) * sc;
            }
            axes.add(new Axis(fit.predictors().get(j), v, pts));
        }
        double[] lp = fit.linearPredictor(x);
        double[] lpTicks = Pretty.of(Arrays.stream(lp).min().orElseThrow(), Arrays.stream(lp).max().orElseThrow(),
                10);
        double maxLp = Arrays.stream(lpTicks).max().orElseThrow();
        double sumMax = p == 1 ? 100 : Math.max(100, sc * (maxLp - offset));
        return new Nomogram(axes, sc, offset, Pretty.of(0, sumMax, 10), lpTicks, risks);
    }

    /** Points of a linear-predictor value (its position on the total-points scale). */
    public double pointsOfLp(double lp) {
        return (lp - offset) * scale;
    }

    /** Linear predictor of a total score. */
    public double lpOfPoints(double total) {
        return offset + total / scale;
    }

    /** Probability of a total score. */
    public double riskOfPoints(double total) {
        return 1 / (1 + Math.exp(-lpOfPoints(total)));
    }

    /**
     * An SVG drawing (hand-written, no library): a points ruler on top, one axis per predictor, then total points,
     * linear predictor and risk axes, all aligned on the points scale.
     */
    public String toSvg() {
        double maxPts = totalPoints[totalPoints.length - 1];
        double left = 150;
        double width = 600;
        double rowH = 40;
        int rows = axes.size() + 4;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", (int) (left + width + 40), (int) (rows * rowH + 20)));
        double[] ruler = Pretty.of(0, 100, 10);
        double[] rulerX = Arrays.stream(ruler).map(v -> v * width / maxPts).toArray();
        row(s, "Points", ruler, rulerX, 0, left, rowH);
        int r = 1;
        for (Axis a : axes) {
            double[] xs = Arrays.stream(a.points()).map(v -> v * width / maxPts).toArray();
            row(s, a.predictor(), a.values(), xs, r++, left, rowH);
        }
        row(s, "Total points", totalPoints, Arrays.stream(totalPoints).map(v -> v * width / maxPts).toArray(), r++,
                left, rowH);
        row(s, "Linear predictor", lpTicks, Arrays.stream(lpTicks).map(v -> pointsOfLp(v) * width / maxPts)
                .toArray(), r++, left, rowH);
        double[] riskX = Arrays.stream(riskTicks).map(v -> pointsOfLp(Math.log(v / (1 - v))) * width / maxPts)
                .toArray();
        row(s, "Risk", riskTicks, riskX, r, left, rowH);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String label, double[] values, double[] xs, int r, double left,
                            double rowH) {
        double y = 20 + r * rowH;
        double min = Arrays.stream(xs).min().orElse(0);
        double max = Arrays.stream(xs).max().orElse(0);
        s.append(String.format(Locale.ROOT, "  <text x=\"5\" y=\"%.1f\">%s</text>%n", y + 4, escape(label)));
        s.append(String.format(Locale.ROOT, "  <line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" "
                + "stroke=\"black\"/>%n", left + min, y, left + max, y));
        for (int i = 0; i < values.length; i++) {
            double x = left + xs[i];
            if (!Double.isFinite(x)) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "  <line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\" "
                    + "stroke=\"black\"/>%n", x, y - 4, x, y + 4));
            s.append(String.format(Locale.ROOT, "  <text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>%n",
                    x, y - 7, label(values[i])));
        }
    }

    private static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String escape(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
