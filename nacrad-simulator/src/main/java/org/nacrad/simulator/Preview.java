package org.nacrad.simulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.nacrad.image.Volume;

/**
 * A montage PNG of simulated patients: for each, the axial T1 slice with the largest tumour cross-section with
 * the tumour outline in red, and beneath it the DWI b = 0 slice through the tumour with the tumour (red) and the
 * normal-tissue reference region (green) outlined. Grey levels span the 1st to 99.5th percentile of each slice.
 */
final class Preview {

    private Preview() {
    }

    /** One patient's panel data. */
    record Panel(String label, Volume t1, Volume tumourMask, Volume dwiB0, Volume dwiTumour, Volume reference) {
    }

    static void write(List<Panel> panels, Path png) throws IOException {
        int cell = 256;
        int head = 18;
        BufferedImage img = new BufferedImage(cell * panels.size(), 2 * (cell + head), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int p = 0; p < panels.size(); p++) {
            Panel pn = panels.get(p);
            int k = bestSlice(pn.tumourMask());
            draw(img, p * cell, head, cell, pn.t1(), k, new Volume[] {pn.tumourMask()}, new Color[] {Color.RED});
            int kd = bestSlice(pn.dwiTumour());
            draw(img, p * cell, 2 * head + cell, cell, pn.dwiB0(), kd, new Volume[] {pn.dwiTumour(), pn.reference()},
                    new Color[] {Color.RED, Color.GREEN});
            g.setColor(Color.WHITE);
            g.drawString(pn.label() + "  T1 slice " + k, p * cell + 4, 13);
            g.drawString("DWI b=0 slice " + kd, p * cell + 4, cell + head + 13);
        }
        g.dispose();
        org.nacrad.io.AtomicFile.write(png, out -> ImageIO.write(img, "png", out));
    }

    private static int bestSlice(Volume mask) {
        int nx = mask.geometry().nx(), ny = mask.geometry().ny(), nz = mask.geometry().nz();
        int best = nz / 2;
        int bestCount = -1;
        double[] m = mask.data();
        for (int k = 0; k < nz; k++) {
            int c = 0;
            for (int n = k * nx * ny; n < (k + 1) * nx * ny; n++) {
                if (m[n] > 0) {
                    c++;
                }
            }
            if (c > bestCount) {
                bestCount = c;
                best = k;
            }
        }
        return best;
    }

    private static void draw(BufferedImage img, int x0, int y0, int cell, Volume v, int k, Volume[] masks, Color[] colors) {
        int nx = v.geometry().nx(), ny = v.geometry().ny();
        double[] d = v.data();
        double[] slice = Arrays.copyOfRange(d, k * nx * ny, (k + 1) * nx * ny);
        double[] sorted = slice.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) (0.01 * (sorted.length - 1))];
        double hi = sorted[(int) (0.995 * (sorted.length - 1))];
        double aspect = v.geometry().spacing(1) / v.geometry().spacing(0);
        double scale = Math.min((double) cell / nx, cell / (ny * aspect));
        for (int py = 0; py < cell; py++) {
            for (int px = 0; px < cell; px++) {
                int i = (int) (px / scale);
                int j = (int) (py / (scale * aspect));
                if (i >= nx || j >= ny) {
                    continue;
                }
                int n = i + nx * j;
                int grey = (int) Math.max(0, Math.min(255, 255 * (slice[n] - lo) / (hi - lo)));
                int rgb = grey << 16 | grey << 8 | grey;
                for (int m = 0; m < masks.length; m++) {
                    if (edge(masks[m], i, j, k)) {
                        rgb = colors[m].getRGB() & 0xffffff;
                    }
                }
                img.setRGB(x0 + px, y0 + py, rgb);
            }
        }
    }

    private static boolean edge(Volume mask, int i, int j, int k) {
        int nx = mask.geometry().nx(), ny = mask.geometry().ny();
        double[] m = mask.data();
        int n = i + nx * (j + ny * k);
        if (m[n] == 0) {
            return false;
        }
        return i == 0 || j == 0 || i == nx - 1 || j == ny - 1 || m[n - 1] == 0 || m[n + 1] == 0 || m[n - nx] == 0
                || m[n + nx] == 0;
    }
}
