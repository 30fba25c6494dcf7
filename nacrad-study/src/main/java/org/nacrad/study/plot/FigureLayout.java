package org.nacrad.study.plot;

import java.util.ArrayList;
import java.util.List;

/** Lays a {@link Figure} out on a {@link Canvas}: title, axes with nice ticks, clipped layers, legend. */
final class FigureLayout {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private FigureLayout() {
    }

    static int width(Figure f) {
        return f.square() ? 520 : WIDTH;
    }

    static int height(Figure f) {
        return f.square() ? 520 : HEIGHT;
    }

    static void draw(Figure f, Canvas c) {
        int w = width(f);
        int h = height(f);
        double left = 70;
        double right = w - 20;
        double top = 40;
        double bottom = h - 55;
        c.rect(0, 0, w, h, "#ffffff", 1, null);
        c.text(w / 2.0, 24, f.title(), 15, Canvas.Anchor.MIDDLE, true, false, "#222222");
        double sx = (right - left) / (f.xMax() - f.xMin());
        double sy = (bottom - top) / (f.yMax() - f.yMin());
        java.util.function.DoubleUnaryOperator px = x -> left + (clamp(x, f.xMin(), f.xMax()) - f.xMin()) * sx;
        java.util.function.DoubleUnaryOperator py = y -> bottom - (clamp(y, f.yMin(), f.yMax()) - f.yMin()) * sy;
        // grid and ticks
        for (double t : Figure.ticks(f.xMin(), f.xMax(), 6)) {
            double x = px.applyAsDouble(t);
            c.polyline(new double[] {x, x}, new double[] {top, bottom}, "#e5e5e5", 1, false);
            c.text(x, bottom + 16, Figure.tickLabel(t), 11, Canvas.Anchor.MIDDLE, false, false, "#444444");
        }
        for (double t : Figure.ticks(f.yMin(), f.yMax(), 6)) {
            double y = py.applyAsDouble(t);
            c.polyline(new double[] {left, right}, new double[] {y, y}, "#e5e5e5", 1, false);
            c.text(left - 6, y + 4, Figure.tickLabel(t), 11, Canvas.Anchor.END, false, false, "#444444");
        }
        c.rect(left, top, right - left, bottom - top, null, 0, "#444444");
        c.text((left + right) / 2, h - 14, f.xLabel(), 13, Canvas.Anchor.MIDDLE, false, false, "#222222");
        c.text(18, (top + bottom) / 2, f.yLabel(), 13, Canvas.Anchor.MIDDLE, false, true, "#222222");
        List<String[]> legend = new ArrayList<>();
        for (Figure.Layer l : f.layers()) {
            if (l instanceof Figure.Band b) {
                int n = b.x().length;
                double[] xs = new double[2 * n];
                double[] ys = new double[2 * n];
                for (int i = 0; i < n; i++) {
                    xs[i] = px.applyAsDouble(b.x()[i]);
                    ys[i] = py.applyAsDouble(b.upper()[i]);
                    xs[2 * n - 1 - i] = px.applyAsDouble(b.x()[i]);
                    ys[2 * n - 1 - i] = py.applyAsDouble(b.lower()[i]);
                }
                c.polygon(xs, ys, b.color(), b.opacity());
            } else if (l instanceof Figure.Bars b) {
                for (int i = 0; i < b.centre().length; i++) {
                    double x0 = px.applyAsDouble(b.centre()[i] - b.width() / 2);
                    double x1 = px.applyAsDouble(b.centre()[i] + b.width() / 2);
                    double y0 = py.applyAsDouble(0);
                    double y1 = py.applyAsDouble(b.height()[i]);
                    c.rect(x0, Math.min(y0, y1), x1 - x0, Math.abs(y0 - y1), b.color(), b.opacity(), null);
                }
                if (b.label() != null) {
                    legend.add(new String[] {b.label(), b.color(), "bar"});
                }
            } else if (l instanceof Figure.Line ln) {
                double[] xs;
                double[] ys;
                if (ln.step() && ln.x().length > 1) {
                    int n = ln.x().length;
                    xs = new double[2 * n - 1];
                    ys = new double[2 * n - 1];
                    for (int i = 0; i < n; i++) {
                        xs[2 * i] = px.applyAsDouble(ln.x()[i]);
                        ys[2 * i] = py.applyAsDouble(ln.y()[i]);
                        if (i + 1 < n) {
                            xs[2 * i + 1] = px.applyAsDouble(ln.x()[i + 1]);
                            ys[2 * i + 1] = py.applyAsDouble(ln.y()[i]);
                        }
                    }
                } else {
                    xs = new double[ln.x().length];
                    ys = new double[ln.y().length];
                    for (int i = 0; i < xs.length; i++) {
                        xs[i] = px.applyAsDouble(ln.x()[i]);
                        ys[i] = py.applyAsDouble(ln.y()[i]);
                    }
                }
                c.polyline(xs, ys, ln.color(), ln.dashed() ? 1.5 : 2, ln.dashed());
                if (ln.label() != null) {
                    legend.add(new String[] {ln.label(), ln.color(), ln.dashed() ? "dash" : "line"});
                }
            } else if (l instanceof Figure.Points p) {
                for (int i = 0; i < p.x().length; i++) {
                    double x = px.applyAsDouble(p.x()[i]);
                    if (p.lower() != null) {
                        c.polyline(new double[] {x, x}, new double[] {py.applyAsDouble(p.lower()[i]),
                            py.applyAsDouble(p.upper()[i])}, p.color(), 1.2, false);
                    }
                    c.circle(x, py.applyAsDouble(p.y()[i]), 3.5, p.color());
                }
                if (p.label() != null) {
                    legend.add(new String[] {p.label(), p.color(), "point"});
                }
            } else if (l instanceof Figure.Text t) {
                c.text(px.applyAsDouble(t.x()), py.applyAsDouble(t.y()), t.text(), 11, Canvas.Anchor.START, false,
                        false, t.color());
            }
        }
        if (!legend.isEmpty()) {
            double lw = 0;
            for (String[] e : legend) {
                lw = Math.max(lw, e[0].length() * 6.6);
            }
            double bw = lw + 40;
            double bh = legend.size() * 18 + 8;
            double bx = right - bw - 8;
            double by = bottom - bh - 8;
            c.rect(bx, by, bw, bh, "#ffffff", 0.85, "#bbbbbb");
            for (int i = 0; i < legend.size(); i++) {
                String[] e = legend.get(i);
                double y = by + 16 + 18 * i;
                switch (e[2]) {
                    case "point" -> c.circle(bx + 16, y - 4, 3.5, e[1]);
                    case "bar" -> c.rect(bx + 8, y - 10, 16, 10, e[1], 0.6, null);
                    default -> c.polyline(new double[] {bx + 6, bx + 26}, new double[] {y - 4, y - 4}, e[1], 2,
                            e[2].equals("dash"));
                }
                c.text(bx + 32, y, e[0], 11, Canvas.Anchor.START, false, false, "#222222");
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        if (Double.isNaN(v)) {
            return lo;
        }
        return Math.min(hi, Math.max(lo, v));
    }
}
