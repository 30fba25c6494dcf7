package org.nacrad.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ImageLimits;
import org.nacrad.image.ItkDump;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.testkit.DicomTestWriter;

/**
 * The bad-input catalogue of the readers, one parameterised test per class of problem: each case is a file made on
 * the spot, the exception type, and the exact one-line message "{@code <file>: <problem>}". (Integrity of compressed
 * data: {@link IntegrityTest}; decoders and random damage: the fuzz tests.)
 */
class BadInputCatalogueTest {

    @TempDir
    static Path tmp;

    @AfterEach
    void clearProperties() {
        System.clearProperty(ImageLimits.PROPERTY);
        System.clearProperty(NrrdReader.ALLOW_OUTSIDE);
    }

    /** A case: how to make the file, and the problem the reader must report (after "{@code <file>: }"). */
    record Case(String name, Maker maker, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Maker {
        Path make(Path dir) throws IOException;
    }

    private static void assertRefused(Case c) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(c.name.replaceAll("[^A-Za-z0-9]+", "_")));
        Path f = c.maker.make(dir);
        assertThatThrownBy(() -> ImageIO.read(f)).isExactlyInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": " + c.problem);
    }

    // ------------------------------------------------------------------ NIfTI and NRRD headers

    /** A NIfTI-1 file from the oblique fixture with one header field changed. */
    static Maker nifti(String name, java.util.function.Consumer<ByteBuffer> change) {
        return dir -> {
            byte[] h = Files.readAllBytes(ItkDump.resource("itk/oblique_sform.nii"));
            change.accept(ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN));
            return Files.write(dir.resolve(name), h);
        };
    }

    static final String NRRD = "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nspacings: 1 1 1\n"
            + "endian: little\nencoding: raw\n\n";

    static Maker nrrd(String name, String header, byte[] data) {
        return dir -> {
            byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = java.util.Arrays.copyOf(h, h.length + data.length);
            System.arraycopy(data, 0, all, h.length, data.length);
            return Files.write(dir.resolve(name), all);
        };
    }

    static Stream<Case> spacing() {
        String flip = ": voxel sizes are positive in NIfTI (an axis flip belongs in the qform, via qfac = pixdim[0], or "
                + "in the sform)";
        return Stream.of(
            new Case("nifti pixdim 0", nifti("z.nii", b -> b.putFloat(80, 0f)),
                "NIfTI pixdim[1] (voxel size along i) is 0: the voxel size is undefined"),
            new Case("nifti pixdim -1", nifti("n.nii", b -> b.putFloat(84, -1f)),
                "NIfTI pixdim[2] (voxel size along j) is -1" + flip),
            new Case("nifti pixdim NaN", nifti("nan.nii", b -> b.putFloat(88, Float.NaN)),
                "NIfTI pixdim[3] (voxel size along k) is NaN: a voxel size must be a finite number of mm"),
            new Case("nifti pixdim inf", nifti("inf.nii", b -> b.putFloat(80, Float.POSITIVE_INFINITY)),
                "NIfTI pixdim[1] (voxel size along i) is Infinity: a voxel size must be a finite number of mm"),
            new Case("nifti qfac NaN", nifti("qfac.nii", b -> b.putFloat(76, Float.NaN).putShort(252, (short) 1)),
                "NIfTI pixdim[0] (qfac, the handedness of the qform) is NaN: it must be -1 or 1"),
            new Case("nifti origin NaN", nifti("o.nii", b -> b.putShort(252, (short) 0).putFloat(292, Float.NaN)),
                "inconsistent NIfTI header: origin must be finite: [NaN, -22.25, 13.0]"),
            new Case("nrrd spacing 0", nrrd("z.nrrd", NRRD.replace("spacings: 1 1 1", "spacings: 0 1 1"), new byte[16]),
                "NRRD spacings value 0.0 on axis 0 is zero: a voxel size must be a positive number (an axis flip is "
                    + "written with 'space directions')"),
            new Case("nrrd spacing -1", nrrd("n.nrrd", NRRD.replace("spacings: 1 1 1", "spacings: 1 -1 1"), new byte[16]),
                "NRRD spacings value -1.0 on axis 1 is negative: a voxel size must be a positive number (an axis flip "
                    + "is written with 'space directions')"),
            new Case("nrrd spacing nan", nrrd("nan.nrrd", NRRD.replace("spacings: 1 1 1", "spacings: 1 1 nan"),
                new byte[16]), "NRRD spacings value NaN on axis 2 is unknown (nan): a voxel size must be a positive "
                    + "number (an axis flip is written with 'space directions')"),
            new Case("nrrd direction 0", nrrd("d.nrrd", NRRD.replace("spacings: 1 1 1",
                "space: left-posterior-superior\nspace directions: (1,0,0) (0,0,0) (0,0,1)"), new byte[16]),
                "inconsistent NRRD header: space direction 2 has length 0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void spacing(Case c) throws IOException {
        assertRefused(c);
    }

    // ------------------------------------------------------------------ resource limits

    /**
     * A gzip file holding {@code header} then {@code megabytes} MB of zeros: one member for the header, then the
     * same 1 MB-of-zeros member (about 1 kB) repeated, so a 1 GB bomb is about 1 MB on disk and quick to make.
     */
    static Maker gzip(String name, byte[] header, int megabytes) {
        return dir -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(gzipBytes(header));
            byte[] zeros = gzipBytes(new byte[1 << 20]);
            for (int m = 0; m < megabytes; m++) {
                all.writeBytes(zeros);
            }
            return Files.write(dir.resolve(name), all.toByteArray());
        };
    }

    /** A NIfTI-1 header (n+1, int16 unless changed) of the given size. */
    static byte[] niftiHeader(int nx, int ny, int nz, short datatype) throws IOException {
        byte[] h = java.util.Arrays.copyOf(Files.readAllBytes(ItkDump.resource("itk/oblique_sform.nii")), 352);
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(42, (short) nx).putShort(44, (short) ny).putShort(46, (short) nz).putShort(70, datatype)
                .putShort(72, (short) (datatype == 2 ? 8 : 16));
        return h;
    }

    static Stream<Case> limits() throws IOException {
        long heap = Runtime.getRuntime().maxMemory();
        String heapMb = ((heap + (1 << 20) - 1) >> 20) + " MB";
        return Stream.of(
            // a gzip bomb: 1 GB of zeros (about 1 MB compressed) behind a header that declares 1000³ voxels (8 GB)
            new Case("gzip bomb, header declares it", gzip("bomb.nii.gz", niftiHeader(1000, 1000, 1000, (short) 2), 1024),
                "image of 1000×1000×1000 voxels needs 7630 MB of memory, more than the " + heapMb + " available to "
                    + "nacrad: raise the Java heap (e.g. NACRAD_JAVA_OPTS=-Xmx23g for the nacrad launcher, or java "
                    + "-Xmx23g)"),
            new Case("gzip bomb, behind a small image", gzip("tail.nii.gz", niftiHeader(2, 2, 2, (short) 2),
                1024), "compressed data holds more bytes than the header declares (the gzip stream goes "
                    + "on past the image data: a corrupt file, or a header that does not belong to these data)"),
            new Case("nifti-2 dims beyond one array", dir -> {
                byte[] h = Files.readAllBytes(ItkDump.resource("itk/nifti2_int16.nii"));
                ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
                b.putLong(24, 2_000_000_000L).putLong(32, 2_000_000_000L).putLong(40, 2_000_000_000L);
                return Files.write(dir.resolve("huge.nii"), h);
            }, "image of 2000000000×2000000000×2000000000 voxels has more than 2^63 values, more than the 2147483631 "
                    + "one Java array can hold"),
            new Case("nrrd sizes beyond the heap", nrrd("big.nrrd", NRRD.replace("sizes: 2 2 2",
                "sizes: 1200 1200 1200"), new byte[0]), "image of 1200×1200×1200 voxels needs 13184 MB of memory, "
                    + "more than the " + heapMb + " available to nacrad: raise the Java heap (e.g. "
                    + "NACRAD_JAVA_OPTS=-Xmx39g for the nacrad launcher, or java -Xmx39g)"),
            new Case("dicom rows × columns beyond one array", dir -> {
                Path f = dicomSlice(dir);
                byte[] b = Files.readAllBytes(f);
                patchUs(b, 0x0028, 0x0010, 65535);
                patchUs(b, 0x0028, 0x0011, 65535);
                return Files.write(f, b);
            }, "image of 65535×65535×1 voxels has 4294836225 values, more than the 2147483631 one Java array can "
                    + "hold"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void limits(Case c) throws IOException {
        assertRefused(c);
    }

    /** A 512 × 512 × 200 int16 header under a 100 MB cap: the 512×512×200 case of the issue, made small. */
    @Test
    void imageLargerThanTheCap() throws IOException {
        System.setProperty(ImageLimits.PROPERTY, String.valueOf(100L << 20));
        Path f = Files.write(tmp.resolve("large.nii"), niftiHeader(512, 512, 200, (short) 4));
        assertThatThrownBy(() -> ImageIO.read(f)).isExactlyInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": image of 512×512×200 voxels needs 400 MB of memory, more than the 100 MB allowed by "
                        + "the system property nacrad.image.maxBytes");
    }

    /** DICOM's deflated transfer syntax has no checksum, but a cut stream is told, and inflation is bounded. */
    @Test
    void deflatedDicom() throws IOException {
        byte[] whole = Files.readAllBytes(ItkDump.resource(
                "org/nacrad/image/dicom/DicomFuzzTestInputs/dicom/seed-deflated.dcm"));
        assertThat(ImageIO.read(ItkDump.resource("org/nacrad/image/dicom/DicomFuzzTestInputs/dicom/seed-deflated.dcm"))
                .data()).containsExactly(ImageIO.read(ItkDump.resource("dicom/oblique/IM0000.dcm")).data());
        Path cut = Files.write(tmp.resolve("cut-deflated.dcm"), java.util.Arrays.copyOf(whole, whole.length - 20));
        assertThatThrownBy(() -> ImageIO.read(cut)).isExactlyInstanceOf(ImageFormatException.class)
                .hasMessage(cut + ": deflated data set is truncated (the deflate stream ends early)");
        // a deflate bomb: the same data set with a 4 MB element of zeros appended, about 5 kB once deflated
        int metaEnd = 132 + 12 + ByteBuffer.wrap(whole, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
        inf.setInput(whole, metaEnd, whole.length - metaEnd);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            while (!inf.finished()) {
                body.write(chunk, 0, inf.inflate(chunk));
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IOException(e);
        }
        int size = 4 << 20;
        body.writeBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x7FE1)
                .putShort((short) 0x0010).put((byte) 'O').put((byte) 'B').putShort((short) 0).putInt(size).array());
        body.writeBytes(new byte[size]);
        java.util.zip.Deflater def = new java.util.zip.Deflater(9, true);
        def.setInput(body.toByteArray());
        def.finish();
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.write(whole, 0, metaEnd);
        while (!def.finished()) {
            bomb.write(chunk, 0, def.deflate(chunk));
        }
        Path f = Files.write(tmp.resolve("deflate-bomb.dcm"), bomb.toByteArray());
        assertThat(ImageIO.read(f).data()).containsExactly(ImageIO.read(ItkDump.resource("dicom/oblique/IM0000.dcm"))
                .data());
        System.setProperty(ImageLimits.PROPERTY, String.valueOf(1 << 20));
        assertThatThrownBy(() -> ImageIO.read(f)).isExactlyInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": deflated data set inflates to more than 1 MB, more than the memory available to "
                        + "nacrad: raise the Java heap (e.g. NACRAD_JAVA_OPTS=-Xmx8g)");
        assertThat(Files.size(f)).isLessThan(64 << 10);
    }

    static Path dicomSlice(Path dir) throws IOException {
        DicomTestWriter.Grid g = new DicomTestWriter.Grid(new int[] {4, 3, 1}, new double[] {1, 1, 2},
                new double[3], Geometry.identity());
        DicomTestWriter.writeMrSeries(dir, g, DicomTestWriter.Ids.fresh(), "P1", List.of(new double[12]), null, 1, 0);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".dcm")).findFirst().orElseThrow();
        }
    }

    /** Overwrites the value of an explicit-VR US element. */
    static void patchUs(byte[] b, int group, int element, int value) {
        for (int i = 132; i + 10 <= b.length; i++) {
            if ((b[i] & 0xFF) == (group & 0xFF) && (b[i + 1] & 0xFF) == group >> 8 && (b[i + 2] & 0xFF) == (element & 0xFF)
                    && (b[i + 3] & 0xFF) == element >> 8 && b[i + 4] == 'U' && b[i + 5] == 'S') {
                b[i + 8] = (byte) value;
                b[i + 9] = (byte) (value >> 8);
                return;
            }
        }
        throw new IllegalArgumentException("no US element " + group + "," + element);
    }

    // ------------------------------------------------------------------ files and what messages may show

    static final String SECRET = "root:$6$secret-hash:19000:0:99999:7:::";

    static Stream<Case> files() {
        String detached = NRRD.replace("encoding: raw\n", "encoding: raw\ndata file: %s\n");
        return Stream.of(
            new Case("detached data outside the folder", dir -> {
                Files.write(dir.resolveSibling("secret.raw"), SECRET.getBytes(StandardCharsets.US_ASCII));
                return Files.writeString(dir.resolve("h.nhdr"), detached.formatted("../secret.raw"));
            }, "detached data file %1$s/../secret.raw (%2$s/secret.raw) lies outside the header's folder %1$s: move "
                    + "the data beside the header, or allow it with -Dnacrad.nrrd.allowDataOutsideHeaderFolder=true"),
            new Case("detached data by absolute path", dir -> {
                Path secret = Files.write(dir.resolveSibling("abs-secret.raw"), new byte[16]);
                return Files.writeString(dir.resolve("h.nhdr"), detached.formatted(secret.toString()));
            }, "detached data file %2$s/abs-secret.raw lies outside the header's folder %1$s: move the data beside "
                    + "the header, or allow it with -Dnacrad.nrrd.allowDataOutsideHeaderFolder=true"),
            new Case("detached data through a symbolic link", dir -> {
                Path secret = Files.write(dir.resolveSibling("linked-secret.raw"), new byte[16]);
                Files.createSymbolicLink(dir.resolve("data.raw"), secret);
                return Files.writeString(dir.resolve("h.nhdr"), detached.formatted("data.raw"));
            }, "detached data file %1$s/data.raw (%2$s/linked-secret.raw) lies outside the header's folder %1$s: move "
                    + "the data beside the header, or allow it with -Dnacrad.nrrd.allowDataOutsideHeaderFolder=true"),
            new Case("ascii data never quoted", nrrd("a.nrrd", NRRD.replace("raw", "ascii"),
                (SECRET + " 1 2 3 4 5 6 7").getBytes(StandardCharsets.US_ASCII)), "ASCII value 1 is not a number"),
            new Case("a secret file named .nii", dir -> Files.write(dir.resolve("s.nii"),
                (SECRET + SECRET + SECRET + SECRET + SECRET + SECRET + SECRET + SECRET + SECRET + SECRET)
                    .getBytes(StandardCharsets.US_ASCII)),
                "not a NIfTI file (its first 4 bytes are not a NIfTI header size, 348 or 540)"),
            new Case("a symbolic link to a secret file named .nii", dir -> {
                Path secret = Files.writeString(dir.resolveSibling("secret.txt"), SECRET.repeat(12));
                return Files.createSymbolicLink(dir.resolve("link.nii"), secret);
            }, "not a NIfTI file (its first 4 bytes are not a NIfTI header size, 348 or 540)"),
            new Case("a secret line in a NRRD header", nrrd("l.nrrd", "NRRD0004\n" + SECRET + "\n\n", new byte[0]),
                "malformed NRRD header line 2 (not 'field: value', nor a comment)"),
            new Case("a secret NRRD field value", nrrd("t.nrrd", NRRD.replace("type: short", "type: " + SECRET
                + SECRET), new byte[0]), "NRRD type (a value of 76 characters) is not a supported scalar type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void files(Case c) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(c.name.replaceAll("[^A-Za-z0-9]+", "_")));
        Path f = c.maker.make(dir);
        String folder = dir.toRealPath().toString();
        String parent = dir.getParent().toRealPath().toString();
        assertThatThrownBy(() -> ImageIO.read(f)).isExactlyInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": " + c.problem.formatted(dir.toAbsolutePath(), parent))
                .message().doesNotContain("secret-hash").doesNotContain("root:");
        assertThat(folder).isNotEmpty();
    }

    @Test
    void detachedDataOutsideTheFolderWhenAllowed() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("allowed"));
        Files.write(tmp.resolve("outside.raw"), new byte[16]);
        Path h = Files.writeString(dir.resolve("h.nhdr"), NRRD.replace("encoding: raw\n",
                "encoding: raw\ndata file: ../outside.raw\n"));
        System.setProperty(NrrdReader.ALLOW_OUTSIDE, "true");
        assertThat(ImageIO.read(h).data()).containsOnly(0.0).hasSize(8);
    }

    @Test
    void detachedDataInASubfolderIsInside() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("inside"));
        Files.createDirectories(dir.resolve("data"));
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (short v = 1; v <= 8; v++) {
            b.putShort(v);
        }
        Files.write(dir.resolve("data").resolve("v.raw"), b.array());
        Path h = Files.writeString(dir.resolve("h.nhdr"), NRRD.replace("encoding: raw\n",
                "encoding: raw\ndata file: data/v.raw\n"));
        assertThat(ImageIO.read(h).data()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    // ------------------------------------------------------------------ label maps

    static Stream<Arguments> labelMaps() {
        return Stream.of(Arguments.of(0.5, "mask value 0.5 at voxel (1, 0, 0) is not a whole number: a label map holds "
                + "integer labels (0 = background), not fractions or probabilities"),
            Arguments.of(1.3, "mask value 1.2999999523162842 at voxel (1, 0, 0) is not a whole number: a label map "
                + "holds integer labels (0 = background), not fractions or probabilities"),
            Arguments.of(Double.NaN, "mask value NaN at voxel (1, 0, 0) is not a whole number: a label map holds "
                + "integer labels (0 = background), not fractions or probabilities"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void labelMaps(double value, String problem) throws IOException {
        double[] v = {0, value, 1, 1, 0, 0, 2, 0};
        Path f = tmp.resolve("mask-" + value + ".nii.gz");
        ImageIO.write(new Volume(Geometry.of(new int[] {2, 2, 2}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT32, v), f);
        assertThatThrownBy(() -> ImageIO.readLabelMap(f)).isExactlyInstanceOf(ImageFormatException.class)
                .hasMessage(f + ": " + problem);
        // the same file as an image is fine: the check belongs to masks
        assertThat(ImageIO.read(f).data()).hasSize(8);
    }

    @Test
    void wholeNumberFloatMaskIsALabelMap() throws IOException {
        Path f = tmp.resolve("float-mask.nii.gz");
        ImageIO.write(new Volume(Geometry.of(new int[] {2, 2, 2}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT32, new double[] {0, 1, 1, 2, 0, 0, 0, 255}), f);
        assertThat(ImageIO.readLabelMap(f).data()).containsExactly(0, 1, 1, 2, 0, 0, 0, 255);
    }

    static byte[] gzipBytes(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        }
        return o.toByteArray();
    }
}
