package org.nacrad.study.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-dimensional chart as data: axes, labelled series and annotations. {@link SvgRenderer} and
 * {@link PngRenderer} draw the same figure, so the report's SVG and PNG never disagree.
 *
 * <p>Hand-written rather than JFreeChart: JFreeChart draws PNG through Java2D but needs JFreeSVG (GPL) for SVG,
 * and the report's charts (ROC, calibration, decision curves, LASSO path, CV curve, distributions) need only lines,
 * steps, bands, points, bars and text.
 *
 * @param title   title above the plot
 * @param xLabel  x-axis label
 * @param yLabel  y-axis label
 * @param xMin    x-axis range
 * @param xMax    x-axis range
 * @param yMin    y-axis range
 * @param yMax    y-axis range
 * @param layers  what is drawn, in order
 * @param square  draw the plot area square (ROC, calibration)
 */
public record Figure(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax,
                     List<Layer> layers, boolean square) {

    public Figure {
        layers = List.copyOf(layers);
    }

    /** Something drawn in the plot area. */
    public sealed interface Layer permits Line, Band, Points, Bars, Text {
    }

    /**
     * A polyline.
     *
     * @param label  legend text (null: not in the legend)
     * @param color  CSS colour, e.g. {@code #1f77b4}
     * @param dashed dashed stroke
     * @param step   draw as a step function (horizontal then vertical)
     */
    public record Line(String label, double[] x, double[] y, String color, boolean dashed, boolean step) implements Layer {
    }

    /** A filled band between two curves over the same x. */
    public record Band(double[] x, double[] lower, double[] upper, String color, double opacity) implements Layer {
    }

    /** Markers, optionally with vertical error bars (null when none). */
    public record Points(String label, double[] x, double[] y, double[] lower, double[] upper, String color)
            implements Layer {
    }

    /** Bars from a baseline of 0: centres, heights and a common width. */
    public record Bars(String label, double[] centre, double[] height, double width, String color, double opacity)
            implements Layer {
    }

    /** Text at a data position. */
    public record Text(double x, double y, String text, String color) implements Layer {
    }

    /** A builder, for readable figure code. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Builds a {@link Figure}. */
    public static final class Builder {
        private final String title;
        private String xLabel = "";
        private String yLabel = "";
        private double xMin = 0;
        private double xMax = 1;
        private double yMin = 0;
        private double yMax = 1;
        private boolean square;
        private final List<Layer> layers = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder x(String label, double min, double max) {
            this.xLabel = label;
            this.xMin = min;
            this.xMax = max;
            return this;
        }

        public Builder y(String label, double min, double max) {
            this.yLabel = label;
            this.yMin = min;
            this.yMax = max;
            return this;
        }

        public Builder square() {
            this.square = true;
            return this;
        }

        public Builder add(Layer l) {
            layers.add(l);
            return this;
        }

        public Builder line(String label, double[] x, double[] y, String color) {
            return add(new Line(label, x, y, color, false, false));
        }

        public Builder dashed(String label, double[] x, double[] y, String color) {
            return add(new Line(label, x, y, color, true, false));
        }

        public Builder step(String label, double[] x, double[] y, String color) {
            return add(new Line(label, x, y, color, false, true));
        }

        public Builder diagonal() {
            return add(new Line(null, new double[] {xMin, xMax}, new double[] {yMin, yMax}, "#999999", true, false));
        }

        public Figure build() {
            return new Figure(title, xLabel, yLabel, xMin, xMax, yMin, yMax, layers, square);
        }
    }

    /** The palette used across the report (colour-blind safe, Okabe–Ito). */
    public static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
        "#F0E442", "#000000"};

    /**
     * "Nice" tick positions inside an axis range (after Heckbert, Graphics Gems 1990): the step is the range over
     * {@code target − 1} rounded to 1, 2 or 5 × 10ᵏ.
     */
    public static double[] ticks(double min, double max, int target) {
        if (!(max > min)) {
            return new double[] {min};
        }
        double step = nice((max - min) / Math.max(1, target - 1));
        long k0 = (long) Math.ceil(min / step - 1e-9);
        List<Double> out = new ArrayList<>();
        for (long k = k0; k * step <= max + step * 1e-9; k++) {
            // k·step rounded to the step's decimals, so 3 × 0.2 prints and compares as 0.6
            out.add(new java.math.BigDecimal(k * step).round(new java.math.MathContext(12)).doubleValue());
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static double nice(double x) {
        double e = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, e);
        double nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nf * Math.pow(10, e);
    }

    /** A tick label: up to 4 significant decimals, no trailing zeros. */
    public static String tickLabel(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) {
            return String.format(java.util.Locale.ROOT, "%.1e", v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
