package org.nacrad.study.plot;

/**
 * The drawing primitives a figure needs, in pixel coordinates (origin top left). {@link FigureLayout} draws a
 * {@link Figure} on any canvas; {@link SvgRenderer} and {@link PngRenderer} implement it.
 */
interface Canvas {

    /** Text anchor. */
    enum Anchor { START, MIDDLE, END }

    void polyline(double[] x, double[] y, String color, double width, boolean dashed);

    void polygon(double[] x, double[] y, String color, double opacity);

    void rect(double x, double y, double w, double h, String fill, double opacity, String stroke);

    void circle(double x, double y, double r, String color);

    /** Text with its baseline at y; rotated −90° about (x, y) when vertical. */
    void text(double x, double y, String s, double size, Anchor anchor, boolean bold, boolean vertical, String color);
}
