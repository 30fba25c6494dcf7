package org.nacrad.study.plot;

import java.util.Locale;

/** Draws a {@link Figure} as a standalone SVG document. */
public final class SvgRenderer {

    private SvgRenderer() {
    }

    /** The figure as SVG text. */
    public static String render(Figure f) {
        SvgCanvas c = new SvgCanvas();
        FigureLayout.draw(f, c);
        int w = FigureLayout.width(f);
        int h = FigureLayout.height(f);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w
                + " " + h + "\" font-family=\"Helvetica, Arial, sans-serif\">\n" + c.out + "</svg>\n";
    }

    /** Escapes text for XML. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static final class SvgCanvas implements Canvas {
        final StringBuilder out = new StringBuilder();

        @Override
        public void polyline(double[] x, double[] y, String color, double width, boolean dashed) {
            out.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"").append(n(width))
                    .append('"');
            if (dashed) {
                out.append(" stroke-dasharray=\"6,4\"");
            }
            out.append(" points=\"");
            for (int i = 0; i < x.length; i++) {
                out.append(n(x[i])).append(',').append(n(y[i])).append(' ');
            }
            out.append("\"/>\n");
        }

        @Override
        public void polygon(double[] x, double[] y, String color, double opacity) {
            out.append("<polygon fill=\"").append(color).append("\" fill-opacity=\"").append(n(opacity))
                    .append("\" stroke=\"none\" points=\"");
            for (int i = 0; i < x.length; i++) {
                out.append(n(x[i])).append(',').append(n(y[i])).append(' ');
            }
            out.append("\"/>\n");
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, double opacity, String stroke) {
            out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill == null ? "none" : fill)
                    .append('"');
            if (fill != null) {
                out.append(" fill-opacity=\"").append(n(opacity)).append('"');
            }
            out.append(" stroke=\"").append(stroke == null ? "none" : stroke).append("\"/>\n");
        }

        @Override
        public void circle(double x, double y, double r, String color) {
            out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r))
                    .append("\" fill=\"").append(color).append("\"/>\n");
        }

        @Override
        public void text(double x, double y, String s, double size, Anchor anchor, boolean bold, boolean vertical,
                         String color) {
            out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                    .append("\" fill=\"").append(color).append("\" text-anchor=\"")
                    .append(anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
            if (bold) {
                out.append(" font-weight=\"bold\"");
            }
            if (vertical) {
                out.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
            }
            out.append('>').append(escape(s)).append("</text>\n");
        }
    }
}
