package org.nacrad.radiomics.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Small NRRD files written for tests (int16 or float64, LPS, axis-aligned). */
public final class TestImages {

    private TestImages() {
    }

    /** Writes an int16 NRRD (raw or gzip) and returns its path. */
    public static Path nrrdShort(Path file, int[] size, double[] spacing, double[] values, boolean gzip)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putShort((short) v);
        }
        return write(file, "short", size, spacing, b.array(), gzip);
    }

    /** Writes a float64 NRRD and returns its path. */
    public static Path nrrdDouble(Path file, int[] size, double[] spacing, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return write(file, "double", size, spacing, b.array(), false);
    }

    private static Path write(Path file, String type, int[] size, double[] sp, byte[] data, boolean gzip)
            throws IOException {
        String header = String.format(Locale.ROOT, "NRRD0004\ntype: %s\ndimension: 3\nspace: left-posterior-superior\n"
                        + "sizes: %d %d %d\nspace directions: (%s,0,0) (0,%s,0) (0,0,%s)\nspace origin: (0,0,0)\n"
                        + "endian: little\nencoding: %s\n\n", type, size[0], size[1], size[2], sp[0], sp[1], sp[2],
                gzip ? "gzip" : "raw");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        if (gzip) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(z)) {
                g.write(data);
            }
            out.write(z.toByteArray());
        } else {
            out.write(data);
        }
        Files.write(file, out.toByteArray());
        return file;
    }

    /** A 6×6×6 image with values 0…215 (i fastest). */
    public static double[] ramp() {
        double[] d = new double[216];
        for (int n = 0; n < d.length; n++) {
            d[n] = n;
        }
        return d;
    }

    /** A 6×6×6 mask with label 1 on the 2×2×2 block at (2..3, 2..3, 2..3). */
    public static double[] cube() {
        double[] d = new double[216];
        for (int k = 2; k < 4; k++) {
            for (int j = 2; j < 4; j++) {
                for (int i = 2; i < 4; i++) {
                    d[i + 6 * (j + 6 * k)] = 1;
                }
            }
        }
        return d;
    }
}
