package org.nacrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/**
 * The readers' refusals as the user meets them through {@code nacrad convert}, {@code extract} and
 * {@code diffusion}: the exit code, the one-line message naming the file, and no output written.
 */
class InputIntegrityCliTest {

    @TempDir
    Path dir;

    Path image;
    Path mask;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = NacradCli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A small noisy image with a box ROI. */
    @BeforeEach
    void images() throws IOException {
        int nx = 24, ny = 20, nz = 8;
        Geometry g = Geometry.of(new int[] {nx, ny, nz}, new double[] {0.8, 0.8, 2}, new double[3]);
        double[] v = new double[nx * ny * nz];
        double[] m = new double[v.length];
        Random r = new Random(3);
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    boolean in = i > 5 && i < 18 && j > 4 && j < 15 && k > 1 && k < 7;
                    v[n] = Math.round((in ? 300 : 100) + 40 * r.nextGaussian());
                    m[n] = in ? 1 : 0;
                }
            }
        }
        image = dir.resolve("image.nii.gz");
        mask = dir.resolve("mask.nii.gz");
        ImageIO.write(new Volume(g, PixelType.INT16, v), image);
        ImageIO.write(new Volume(g, PixelType.UINT8, m), mask);
    }

    /**
     * {@code file} recompressed with stored deflate blocks and one data byte changed: it inflates without complaint,
     * only the gzip trailer's CRC-32 can tell (the silent case of the issue, made deterministic).
     */
    private Path corrupted(Path file) throws IOException {
        byte[] raw;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            raw = in.readAllBytes();
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            z.write(raw);
        }
        byte[] gz = b.toByteArray();
        gz[gz.length - 200] ^= 0x01; // a voxel near the end
        String name = file.getFileName().toString().replace(".nii.gz", "-corrupt.nii.gz");
        return Files.write(dir.resolve(name), gz);
    }

    private static final String CRC = ": compressed data fails the gzip integrity check (CRC-32 or length in the "
            + "trailer does not match the data): the file is corrupt";

    @Test
    void convertRefusesACorruptFileAndWritesNothing() throws IOException {
        Path bad = corrupted(image);
        Path out = dir.resolve("copy.nii.gz");
        Run r = run("convert", bad.toString(), out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("nacrad convert: " + bad + CRC + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        // a truncated copy likewise
        byte[] whole = Files.readAllBytes(image);
        Path cut = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(whole, whole.length - 3));
        Run c = run("convert", cut.toString(), out.toString());
        assertThat(c.code()).isEqualTo(1);
        assertThat(c.err()).startsWith("nacrad convert: " + cut + ": compressed data is truncated (the gzip stream "
                + "ends early: ").doesNotContain("\n" + "\tat ").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void extractRefusesACorruptImageOrMaskAndWritesNothing() throws IOException {
        Path out = dir.resolve("features.csv");
        Run good = run("extract", image.toString(), mask.toString(), "--out", out.toString());
        assertThat(good.code()).as(good.err()).isZero();
        Files.delete(out);
        for (boolean badImage : new boolean[] {true, false}) {
            Path bad = corrupted(badImage ? image : mask);
            Run r = badImage ? run("extract", bad.toString(), mask.toString(), "--out", out.toString())
                    : run("extract", image.toString(), bad.toString(), "--out", out.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("nacrad extract: " + bad + CRC + System.lineSeparator());
            assertThat(out).doesNotExist();
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void extractRefusesAFractionalMask() throws IOException {
        Volume m = ImageIO.read(mask);
        double[] d = m.data().clone();
        for (int n = 0; n < d.length; n++) {
            if (d[n] == 1 && n % 7 == 0) {
                d[n] = 0.5;
            }
        }
        Path fractional = dir.resolve("fractional.nii.gz");
        ImageIO.write(new Volume(m.geometry(), PixelType.FLOAT32, d), fractional);
        int first = 0;
        while (d[first] != 0.5) {
            first++;
        }
        Run r = run("extract", image.toString(), fractional.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("nacrad extract: " + fractional + ": mask value 0.5 at voxel (" + first % 24
                + ", " + first / 24 % 20 + ", " + first / (24 * 20) + ") is not a whole number: a label map holds "
                + "integer labels (0 = background), not fractions or probabilities" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void diffusionRefusesReversedBValues() throws IOException {
        Volume m = ImageIO.read(mask);
        double[] bs = {0, 800, 1500, 2000};
        List<Volume> dwi = new ArrayList<>();
        for (double b : bs) {
            double[] v = new double[m.data().length];
            for (int n = 0; n < v.length; n++) {
                double mk = 0.8, d = 1.2e-3;
                v[n] = 1000 * Math.exp(-b * d + b * b * d * d * mk / 6);
            }
            dwi.add(new Volume(m.geometry(), PixelType.FLOAT32, v));
        }
        Path series = dir.resolve("dwi.nii.gz");
        ImageIO.writeSeries(dwi, series);
        Run ok = run("diffusion", "--dwi", series.toString(), "--b", "0,800,1500,2000", "--mask", mask.toString(),
                "--format", "csv");
        assertThat(ok.code()).as(ok.err()).isZero();
        Run r = run("diffusion", "--dwi", series.toString(), "--b", "2000,1500,800,0", "--mask", mask.toString(),
                "--format", "csv");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("nacrad diffusion: " + series + ": the signal does not decrease with b (mean "
                + "over the masks 195.5 at b = 0, 1000 at b = 2000): the b-values do not match the order of the volumes "
                + "(reversed or from another series?)" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    /**
     * The issue's large-image case at the reader: a 512 × 512 × 200 int16 NIfTI converted in a JVM with a 64 MB heap
     * ends in the one-line limit message and exit 1, not an OutOfMemoryError.
     */
    @Test
    void imageLargerThanTheHeapInASmallJvm() throws Exception {
        Path big = dir.resolve("big.nii.gz");
        byte[] header = Arrays.copyOf(Files.readAllBytes(Path.of("..", "nacrad-image", "src", "test", "resources",
                "itk", "oblique_sform.nii")), 352);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putShort(42, (short) 512).putShort(44, (short) 512)
                .putShort(46, (short) 200);
        try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(big), 1 << 16)) {
            z.write(header);
            byte[] zeros = new byte[1 << 20];
            for (int mb = 0; mb < 100; mb++) {
                z.write(zeros);
            }
        }
        Path out = dir.resolve("big-copy.nrrd");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                NacradCli.class.getName(), "convert", big.toString(), out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(1);
        assertThat(err).matches("nacrad convert: " + java.util.regex.Pattern.quote(big.toString()) + ": image of "
                + "512×512×200 voxels needs 400 MB of memory, more than the \\d+ MB available to nacrad: raise the Java "
                + "heap \\(e\\.g\\. NACRAD_JAVA_OPTS=-Xmx2g for the nacrad launcher, or java -Xmx2g\\)\\R");
        assertThat(out).doesNotExist();
    }
}
