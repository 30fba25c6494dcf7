package org.nacrad.study.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Draws a {@link Figure} into a PNG with Java2D (headless), at twice the SVG's pixel size for sharpness. */
public final class PngRenderer {

    private PngRenderer() {
    }

    /** The figure as PNG bytes. */
    public static byte[] render(Figure f) {
        int scale = 2;
        BufferedImage img = new BufferedImage(FigureLayout.width(f) * scale, FigureLayout.height(f) * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.scale(scale, scale);
        FigureLayout.draw(f, new G2Canvas(g));
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Color color(String css, double opacity) {
        Color c = Color.decode(css);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, opacity))));
    }

    private static final class G2Canvas implements Canvas {
        private final Graphics2D g;

        G2Canvas(Graphics2D g) {
            this.g = g;
        }

        /** The path through the points (x[i], y[i]) in order. */
        private static Path2D.Double path(double[] x, double[] y) {
            Path2D.Double p = new Path2D.Double();
            for (int i = 0; i < x.length; i++) {
                if (i == 0) {
                    p.moveTo(x[i], y[i]);
                } else {
                    p.lineTo(x[i], y[i]);
                }
            }
            return p;
        }

        @Override
        public void polyline(double[] x, double[] y, String color, double width, boolean dashed) {
            Path2D.Double p = path(x, y);
            g.setColor(color(color, 1));
            g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10,
                    new float[] {6, 4}, 0) : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }

        @Override
        public void polygon(double[] x, double[] y, String color, double opacity) {
            Path2D.Double p = path(x, y);
            p.closePath();
            g.setColor(color(color, opacity));
            g.fill(p);
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill, double opacity, String stroke) {
            Rectangle2D.Double r = new Rectangle2D.Double(x, y, w, h);
            if (fill != null) {
                g.setColor(color(fill, opacity));
                g.fill(r);
            }
            if (stroke != null) {
                g.setColor(color(stroke, 1));
                g.setStroke(new BasicStroke(1));
                g.draw(r);
            }
        }

        @Override
        public void circle(double x, double y, double r, String color) {
            g.setColor(color(color, 1));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        @Override
        public void text(double x, double y, String s, double size, Anchor anchor, boolean bold, boolean vertical,
                         String color) {
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
            g.setColor(color(color, 1));
            double w = g.getFontMetrics().stringWidth(s);
            double dx = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -w / 2 : -w;
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            if (vertical) {
                g.rotate(-Math.PI / 2);
            }
            g.drawString(s, (float) dx, 0f);
            g.setTransform(saved);
        }
    }
}
