package org.nacrad.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.nacrad.diffusion.DiffusionAnalysis;
import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/**
 * The quality-check pictures of a prediction, so that a wrong mask or a swapped series is seen at once: the T1
 * slice with the largest tumour section with the mask outlined (whole slice and a close-up), and the lowest-b DWI
 * slice with the largest DWI tumour section with the tumour and the reference ROI outlined. Slices are taken along
 * the third index axis and shown in index order (rows down, columns right) with the patient directions of the
 * image's axes at the edges; grey levels span the 0.5–99.5th percentiles of the slice.
 */
final class QualityImages {

    /** One picture. */
    record Panel(String title, String caption, byte[] png) {
    }

    private static final Color TUMOUR = new Color(255, 60, 60);
    private static final Color REFERENCE = new Color(60, 220, 255);
    private static final int SIZE = 360;

    private QualityImages() {
    }

    /** The T1 pictures: the whole slice and a close-up of the tumour. */
    static List<Panel> t1(Path image, Path mask, String segment, int label) throws IOException {
        boolean dicomObject = Files.isRegularFile(mask) && ImageIO.isDicom(mask);
        Volume img = ImageIO.read(image);
        Volume m = dicomObject ? ImageIO.readMask(mask, image, segment) : ImageIO.read(mask);
        boolean[] roi = roi(m, dicomObject ? Double.NaN : label);
        requireSameSize(img.geometry(), m.geometry());
        int k = largestSection(m.geometry(), roi);
        int nz = img.geometry().nz();
        int count = sectionCount(m.geometry(), roi, k);
        String where = String.format(Locale.ROOT, "slice %d of %d (third index axis), %d tumour voxels on it",
                k + 1, nz, count);
        List<Panel> out = new ArrayList<>();
        out.add(new Panel("T1 image with the tumour mask", where,
                render(img, k, List.of(new Outline(roi, TUMOUR)), null)));
        int[] box = box(m.geometry(), roi, k);
        out.add(new Panel("Close-up of the tumour", "the same slice around the mask, outline in red",
                render(img, k, List.of(new Outline(roi, TUMOUR)), box)));
        return out;
    }

    /** The DWI pictures: the tumour ROI (and the reference ROI when given) on the lowest-b volume. */
    static List<Panel> dwi(Path dwi, Path bvals, Path tumour, String tumourSegment, Path reference,
                           String referenceSegment) throws IOException {
        DiffusionAnalysis.Dwi d = DiffusionAnalysis.readDwi(List.of(dwi),
                bvals == null ? null : DiffusionAnalysis.readBvals(bvals), String.valueOf(bvals));
        int low = 0;
        for (int i = 1; i < d.bValues().length; i++) {
            if (d.bValues()[i] < d.bValues()[low]) {
                low = i;
            }
        }
        Volume b0 = d.volumes().get(low);
        boolean[] t = roi(DiffusionAnalysis.readMask(d, tumour, tumourSegment), Double.NaN);
        boolean[] r = reference == null ? null : roi(DiffusionAnalysis.readMask(d, reference, referenceSegment), Double.NaN);
        String b = String.format(Locale.ROOT, "b = %s s/mm²", num(d.bValues()[low]));
        List<Panel> out = new ArrayList<>();
        int kt = largestSection(b0.geometry(), t);
        List<Outline> lines = new ArrayList<>();
        lines.add(new Outline(t, TUMOUR));
        if (r != null) {
            lines.add(new Outline(r, REFERENCE));
        }
        out.add(new Panel("DWI with the tumour ROI", String.format(Locale.ROOT, "%s, slice %d of %d, tumour in red%s",
                b, kt + 1, b0.geometry().nz(), r == null ? "" : ", reference in blue"), render(b0, kt, lines, null)));
        if (r != null) {
            int kr = largestSection(b0.geometry(), r);
            if (kr != kt) {
                out.add(new Panel("DWI with the reference ROI", String.format(Locale.ROOT,
                        "%s, slice %d of %d, reference in blue", b, kr + 1, b0.geometry().nz()),
                        render(b0, kr, lines, null)));
            }
        }
        return out;
    }

    private record Outline(boolean[] roi, Color color) {
    }

    private static boolean[] roi(Volume m, double label) {
        double[] v = m.data();
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(label) ? v[i] != 0 : v[i] == label;
        }
        return out;
    }

    private static void requireSameSize(Geometry a, Geometry b) {
        if (!Arrays.equals(a.size(), b.size())) {
            throw new IllegalArgumentException("the mask is not on the image grid");
        }
    }

    /** The slice (third index) with the most ROI voxels; the first of ties. */
    static int largestSection(Geometry g, boolean[] roi) {
        int best = 0;
        int bestCount = -1;
        for (int k = 0; k < g.nz(); k++) {
            int c = sectionCount(g, roi, k);
            if (c > bestCount) {
                best = k;
                bestCount = c;
            }
        }
        return best;
    }

    private static int sectionCount(Geometry g, boolean[] roi, int k) {
        int c = 0;
        int n = g.nx() * g.ny();
        for (int i = 0; i < n; i++) {
            if (roi[k * n + i]) {
                c++;
            }
        }
        return c;
    }

    /** The ROI's bounding box on slice k with a margin of half its size (at least 8 voxels): {i0, j0, i1, j1}. */
    private static int[] box(Geometry g, boolean[] roi, int k) {
        int i0 = g.nx();
        int j0 = g.ny();
        int i1 = -1;
        int j1 = -1;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                if (roi[g.index(i, j, k)]) {
                    i0 = Math.min(i0, i);
                    i1 = Math.max(i1, i);
                    j0 = Math.min(j0, j);
                    j1 = Math.max(j1, j);
                }
            }
        }
        if (i1 < 0) {
            return null;
        }
        int mi = Math.max(8, (i1 - i0 + 1) / 2);
        int mj = Math.max(8, (j1 - j0 + 1) / 2);
        return new int[] {Math.max(0, i0 - mi), Math.max(0, j0 - mj), Math.min(g.nx() - 1, i1 + mi),
                Math.min(g.ny() - 1, j1 + mj)};
    }

    /** Renders slice k (or the box {i0, j0, i1, j1} of it) at about SIZE pixels, outlines along voxel edges. */
    private static byte[] render(Volume img, int k, List<Outline> outlines, int[] box) throws IOException {
        Geometry g = img.geometry();
        int i0 = box == null ? 0 : box[0];
        int j0 = box == null ? 0 : box[1];
        int i1 = box == null ? g.nx() - 1 : box[2];
        int j1 = box == null ? g.ny() - 1 : box[3];
        int w = i1 - i0 + 1;
        int h = j1 - j0 + 1;
        double[] vals = new double[w * h];
        for (int j = j0, q = 0; j <= j1; j++) {
            for (int i = i0; i <= i1; i++) {
                vals[q++] = img.get(i, j, k);
            }
        }
        double[] sorted = vals.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.005 * (sorted.length - 1))];
        double hi = sorted[(int) Math.ceil(0.995 * (sorted.length - 1))];
        double physW = w * g.spacing(0);
        double physH = h * g.spacing(1);
        double scale = SIZE / Math.max(physW, physH);
        double sx = g.spacing(0) * scale;
        double sy = g.spacing(1) * scale;
        int pad = 16;
        int outW = (int) Math.round(w * sx) + 2 * pad;
        int outH = (int) Math.round(h * sy) + 2 * pad;
        BufferedImage slice = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double v = vals[j * w + i];
                int grey = hi > lo ? (int) Math.round(255 * Math.min(1, Math.max(0, (v - lo) / (hi - lo)))) : 128;
                slice.getRaster().setSample(i, j, 0, grey);
            }
        }
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = out.createGraphics();
        try {
            gr.setColor(Color.BLACK);
            gr.fillRect(0, 0, outW, outH);
            gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            gr.drawImage(slice, pad, pad, outW - 2 * pad, outH - 2 * pad, null);
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setStroke(new BasicStroke(1.6f));
            for (Outline o : outlines) {
                gr.setColor(o.color());
                for (int j = j0; j <= j1; j++) {
                    for (int i = i0; i <= i1; i++) {
                        if (!o.roi()[g.index(i, j, k)]) {
                            continue;
                        }
                        double x = pad + (i - i0) * sx;
                        double y = pad + (j - j0) * sy;
                        if (i == 0 || !o.roi()[g.index(i - 1, j, k)]) {
                            gr.draw(new Line2D.Double(x, y, x, y + sy));
                        }
                        if (i == g.nx() - 1 || !o.roi()[g.index(i + 1, j, k)]) {
                            gr.draw(new Line2D.Double(x + sx, y, x + sx, y + sy));
                        }
                        if (j == 0 || !o.roi()[g.index(i, j - 1, k)]) {
                            gr.draw(new Line2D.Double(x, y, x + sx, y));
                        }
                        if (j == g.ny() - 1 || !o.roi()[g.index(i, j + 1, k)]) {
                            gr.draw(new Line2D.Double(x, y + sy, x + sx, y + sy));
                        }
                    }
                }
            }
            gr.setColor(new Color(255, 220, 80));
            gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            String[] ax = directions(g);
            gr.drawString(ax[1], outW - pad + 3, outH / 2 + 4);
            gr.drawString(ax[0], 3, outH / 2 + 4);
            gr.drawString(ax[3], outW / 2 - 4, outH - 3);
            gr.drawString(ax[2], outW / 2 - 4, 13);
        } finally {
            gr.dispose();
        }
        // encoded in memory: javax.imageio's default stream caches in a file of java.io.tmpdir, and a patient's
        // picture must never be written outside the request's folder
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream cache = new MemoryCacheImageOutputStream(bytes)) {
            if (!javax.imageio.ImageIO.write(out, "png", cache)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The patient directions (LPS letters) towards which the first two index axes point: {−i, +i, −j, +j}.
     */
    static String[] directions(Geometry g) {
        double[] d = g.direction();
        String[] out = new String[4];
        for (int axis = 0; axis < 2; axis++) {
            int best = 0;
            for (int r = 1; r < 3; r++) {
                if (Math.abs(d[r * 3 + axis]) > Math.abs(d[best * 3 + axis])) {
                    best = r;
                }
            }
            boolean positive = d[best * 3 + axis] > 0;
            String[] letters = {"R", "L", "A", "P", "I", "S"};
            out[2 * axis] = letters[2 * best + (positive ? 0 : 1)];
            out[2 * axis + 1] = letters[2 * best + (positive ? 1 : 0)];
        }
        return out;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
