package org.nacrad.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ItkDump;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.testkit.ReferenceData;

/**
 * Compressed input is verified end to end: a gzip or bzip2 stream whose bytes were changed, that is cut short, or
 * that goes on past the declared image is refused with one line naming the file, never read as an image. Before the
 * fix the readers stopped at the last voxel and never reached the gzip trailer, so most flips inflated silently to
 * wrong voxels (the IBSI CT phantom case below was read without complaint).
 */
class IntegrityTest {

    @TempDir
    Path tmp;

    /** A realistic int16 volume: a smooth field plus noise, so deflate uses Huffman-coded blocks. */
    static Volume phantom() {
        int nx = 48, ny = 40, nz = 12;
        double[] v = new double[nx * ny * nz];
        Random r = new Random(7);
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    v[n] = Math.round(400 * Math.sin(i / 7.0) * Math.cos(j / 5.0) + 30 * k + r.nextGaussian() * 20);
                }
            }
        }
        return new Volume(Geometry.of(new int[] {nx, ny, nz}, new double[] {0.7, 0.7, 2}, new double[3]),
                PixelType.INT16, v);
    }

    private static String problem(Path file) {
        ImageFormatException e = catchThrowableOfType(() -> ImageIO.read(file), ImageFormatException.class);
        assertThat(e).as("reading %s must fail", file).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
        return e.getMessage().substring(file.toString().length() + 2);
    }

    /** Where the compressed stream starts in a file: 0 for .nii.gz, after the header's blank line for NRRD. */
    private static int streamStart(byte[] file) {
        if (file[0] == 'N') {
            for (int i = 1; i < file.length; i++) {
                if (file[i] == '\n' && file[i - 1] == '\n') {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    /**
     * 64 consecutive bytes flipped (xor 0xFF) at seeded places from the gzip header's end to the trailer's end:
     * every copy is refused, by the decompressor or the trailer's CRC-32 once past the image header (a flip that
     * inflates to a broken image header may be reported as that header's fault first).
     */
    private void assertFlipsRefused(Path good, String suffix, int trials) throws IOException {
        byte[] whole = Files.readAllBytes(good);
        int start = streamStart(whole) + 10;
        Random r = new Random(whole.length);
        for (int trial = 0; trial < trials; trial++) {
            byte[] bad = whole.clone();
            int at = start + r.nextInt(Math.max(1, bad.length - start - 64));
            for (int b = at; b < Math.min(bad.length, at + 64); b++) {
                bad[b] ^= (byte) 0xFF;
            }
            Path f = Files.write(tmp.resolve("flip" + trial + suffix), bad);
            String p = problem(f);
            if (at > start + 600) {
                assertThat(p).as("flip at %d", at).startsWith("compressed data ");
            }
        }
    }

    @Test
    void flippedBytesInARealNiftiGzAreRefused() throws IOException {
        Path ct = ReferenceData.file("ibsi", "ct_phantom", "nifti", "image.nii.gz");
        byte[] whole = Files.readAllBytes(ct);
        // the case: 64 bytes flipped mid-stream
        byte[] bad = whole.clone();
        for (int b = whole.length / 2; b < whole.length / 2 + 64; b++) {
            bad[b] ^= (byte) 0xFF;
        }
        Path f = Files.write(tmp.resolve("ct-flipped.nii.gz"), bad);
        assertThat(problem(f)).startsWith("compressed data ");
        assertThat(ImageIO.read(ct).geometry().size()).containsExactly(204, 201, 60);
        assertFlipsRefused(ct, ".nii.gz", 8);
    }

    @Test
    void flippedBytesAreRefusedInEveryCompressedFormat() throws IOException {
        Volume v = phantom();
        Path nii = tmp.resolve("good.nii.gz");
        ImageIO.write(v, nii);
        assertFlipsRefused(nii, ".nii.gz", 40);
        Path nrrd = tmp.resolve("good.nrrd");
        ImageIO.write(v, nrrd);
        assertFlipsRefused(nrrd, ".nrrd", 40);
        assertFlipsRefused(ItkDump.resource("itk/scaled_int16.nii.gz"), ".nii.gz", 40);
    }

    /**
     * Stored (uncompressed) deflate blocks inflate whatever their bytes are: only the trailer can tell. This is the
     * deterministic form of the silent case, with the exact message.
     */
    @Test
    void changedVoxelInStoredBlocksFailsTheCrc() throws IOException {
        Volume v = phantom();
        Path raw = tmp.resolve("raw.nii");
        ImageIO.write(v, raw);
        byte[] nii = Files.readAllBytes(raw);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            z.write(nii);
        }
        byte[] gz = b.toByteArray();
        Path good = Files.write(tmp.resolve("stored.nii.gz"), gz);
        assertThat(ImageIO.read(good).data()).containsExactly(v.data());
        gz[gz.length / 2] ^= 0x01;
        Path bad = Files.write(tmp.resolve("stored-bad.nii.gz"), gz);
        assertThat(problem(bad)).isEqualTo("compressed data fails the gzip integrity check (CRC-32 or length in the "
                + "trailer does not match the data): the file is corrupt");
        // the length field of the trailer (last 4 bytes) is checked too
        byte[] len = b.toByteArray();
        len[len.length - 1] ^= 0x10;
        Path badLength = Files.write(tmp.resolve("stored-len.nii.gz"), len);
        assertThat(problem(badLength)).contains("integrity check");
    }

    @Test
    void truncatedStreamsAreRefused() throws IOException {
        Volume v = phantom();
        for (String name : new String[] {"t.nii.gz", "t.nrrd"}) {
            Path good = tmp.resolve(name);
            ImageIO.write(v, good);
            byte[] whole = Files.readAllBytes(good);
            for (int cut : new int[] {whole.length - 1, whole.length - 4, whole.length - 8, whole.length / 2,
                whole.length / 5}) {
                Path f = Files.write(tmp.resolve("cut" + cut + "-" + name), Arrays.copyOf(whole, cut));
                assertThat(problem(f)).as("cut at %d of %d", cut, whole.length).startsWith("compressed data is ");
            }
        }
    }

    /** A second gzip member after the image (e.g. two files concatenated) is more data than declared. */
    @Test
    void dataPastTheDeclaredImageAreRefused() throws IOException {
        Path good = tmp.resolve("g.nii.gz");
        ImageIO.write(phantom(), good);
        byte[] whole = Files.readAllBytes(good);
        byte[] twice = new byte[2 * whole.length];
        System.arraycopy(whole, 0, twice, 0, whole.length);
        System.arraycopy(whole, 0, twice, whole.length, whole.length);
        Path f = Files.write(tmp.resolve("twice.nii.gz"), twice);
        assertThat(problem(f)).isEqualTo("compressed data holds more bytes than the header declares (the gzip "
                + "stream goes on past the image data: a corrupt file, or a header that does not belong to these "
                + "data)");
    }

    /** An image split over two gzip members (as `cat a.gz b.gz` makes) is one valid stream and reads whole. */
    @Test
    void concatenatedMembersReadAsOneStream() throws IOException {
        Volume v = phantom();
        Path raw = tmp.resolve("m.nii");
        ImageIO.write(v, raw);
        byte[] nii = Files.readAllBytes(raw);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int half = nii.length / 2;
        for (byte[] part : new byte[][] {Arrays.copyOf(nii, half), Arrays.copyOfRange(nii, half, nii.length)}) {
            try (GZIPOutputStream z = new GZIPOutputStream(b) {
                @Override
                public void close() throws IOException {
                    finish(); // keep b open for the next member
                }
            }) {
                z.write(part);
            }
        }
        Path f = Files.write(tmp.resolve("members.nii.gz"), b.toByteArray());
        assertThat(ImageIO.read(f).data()).containsExactly(v.data());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void bzip2NrrdIsVerified(int variant) throws IOException {
        Volume v = phantom();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        VoxelCodec.encode(v.data(), PixelType.INT16, java.nio.ByteOrder.LITTLE_ENDIAN, data);
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream z = new BZip2CompressorOutputStream(bz)) {
            z.write(data.toByteArray());
        }
        byte[] header = ("NRRD0004\ntype: short\ndimension: 3\nsizes: 48 40 12\nspacings: 0.7 0.7 2\n"
                + "endian: little\nencoding: bzip2\n\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = bz.toByteArray();
        Path good = tmp.resolve("bz.nrrd");
        Files.write(good, concat(header, body));
        assertThat(ImageIO.read(good).data()).containsExactly(v.data());
        byte[] bad = body.clone();
        if (variant == 1) {
            bad[bad.length / 2] ^= 0x04; // a changed bit inside the block: block CRC
        } else {
            bad = Arrays.copyOf(bad, bad.length - 6); // the stream CRC and end marker cut off
        }
        Path f = Files.write(tmp.resolve("bz-bad" + variant + ".nrrd"), concat(header, bad));
        assertThat(problem(f)).startsWith("compressed data ");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
