package org.nacrad.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.ItkDump;

/** Each kind of bad file gives one line naming the file and the problem. */
class BadInputTest {

    @TempDir
    Path tmp;

    private static final String NRRD_HEADER = "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\n"
            + "space directions: (1,0,0) (0,1,0) (0,0,1)\nendian: little\nencoding: raw\nspace origin: (0,0,0)\n\n";

    private String problem(Path file) {
        ImageFormatException e = catchThrowableOfType(() -> ImageIO.read(file), ImageFormatException.class);
        assertThat(e).as("reading %s must fail", file).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
        assertThat(e.file()).isEqualTo(file.toString());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void missingFile() {
        assertThat(problem(tmp.resolve("nothere.nii.gz"))).isEqualTo("file not found");
        assertThat(problem(tmp.resolve("nothere.nrrd"))).isEqualTo("file not found");
    }

    @Test
    void unknownExtension() throws Exception {
        Path f = Files.writeString(tmp.resolve("image.mha"), "x");
        assertThat(problem(f)).startsWith("unknown image format");
    }

    @Test
    void truncatedGzip() throws Exception {
        byte[] whole = Files.readAllBytes(ItkDump.resource("itk/scaled_int16.nii.gz"));
        Path f = tmp.resolve("cut.nii.gz");
        Files.write(f, Arrays.copyOf(whole, whole.length - 40));
        assertThat(problem(f)).startsWith("compressed data is truncated");
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
            z.write(new java.util.Random(1).ints(240, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                    (b, i) -> b.write(i), (b1, b2) -> b1.write(b2.toByteArray(), 0, b2.size())).toByteArray());
        }
        byte[] nrrd = gz.toByteArray();
        Path g = tmp.resolve("cut.nrrd");
        byte[] header = NRRD_HEADER.replace("raw", "gzip").replace("2 2 2", "6 5 4").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(nrrd, nrrd.length / 2);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        Files.write(g, all);
        assertThat(problem(g)).startsWith("compressed data is truncated");
    }

    @Test
    void badMagic() throws Exception {
        Path n = Files.writeString(tmp.resolve("bad.nrrd"), "NRRX0004\n");
        assertThat(problem(n)).contains("not a NRRD file");
        Path t = Files.write(tmp.resolve("bad.nii"), new byte[400]);
        assertThat(problem(t)).contains("not a NIfTI file");
        byte[] h = Files.readAllBytes(ItkDump.resource("itk/oblique_sform.nii"));
        h[344] = 'x';
        Path a = Files.write(tmp.resolve("analyze.nii"), h);
        assertThat(problem(a)).contains("no NIfTI-1 magic");
    }

    @Test
    void inconsistentHeaders() throws Exception {
        Path sizes = Files.writeString(tmp.resolve("sizes.nrrd"), NRRD_HEADER.replace("sizes: 2 2 2", "sizes: 2 2"));
        assertThat(problem(sizes)).contains("dimension 3 but 2 sizes");
        Path noType = Files.writeString(tmp.resolve("notype.nrrd"), NRRD_HEADER.replace("type: short\n", ""));
        assertThat(problem(noType)).isEqualTo("NRRD header has no 'type' field");
        Path enc = Files.writeString(tmp.resolve("enc.nrrd"), NRRD_HEADER.replace("raw", "hex"));
        assertThat(problem(enc)).contains("encoding 'hex' is not supported");
        Path vec = Files.writeString(tmp.resolve("vec.nrrd"),
                NRRD_HEADER.replace("(1,0,0) (0,1,0)", "none (1,0,0) (0,1,0)"));
        assertThat(problem(vec)).contains("'none' axis");
        byte[] h = Files.readAllBytes(ItkDump.resource("itk/oblique_sform.nii"));
        ByteBuffer bb = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort(40, (short) 4).putShort(48, (short) 3);
        Path fourD = Files.write(tmp.resolve("4d.nii"), h);
        assertThat(problem(fourD)).contains("4D or vector image");
        bb.putShort(40, (short) 3).putShort(70, (short) 32);
        Path complex = Files.write(tmp.resolve("complex.nii"), h);
        assertThat(problem(complex)).contains("datatype 32 is not a supported scalar type");
    }

    @Test
    void dataShorterThanHeaderSays() throws Exception {
        Path n = Files.write(tmp.resolve("short.nrrd"),
                (NRRD_HEADER + "abcdef").getBytes(StandardCharsets.US_ASCII));
        assertThat(problem(n)).isEqualTo("data is truncated: header says 8 voxels of 2 bytes (16 bytes), the file holds 6");
        byte[] whole = Files.readAllBytes(ItkDump.resource("itk/oblique_sform.nii"));
        Path t = Files.write(tmp.resolve("short.nii"), Arrays.copyOf(whole, whole.length - 10));
        assertThat(problem(t)).isEqualTo("data is truncated: header says 120 voxels of 2 bytes (240 bytes), the file holds 230");
        Path det = Files.writeString(tmp.resolve("d.nhdr"), NRRD_HEADER + "data file: missing.raw\n");
        Files.writeString(det, NRRD_HEADER.replace("\n\n", "\ndata file: missing.raw\n\n"));
        assertThat(problem(det)).contains("detached data file").contains("not found");
    }

    @Test
    void unwritableTargets() throws Exception {
        org.nacrad.image.Volume v = ImageIO.read(ItkDump.resource("itk/oblique_sform.nii"));
        Path mha = tmp.resolve("out.mha");
        assertThat(catchThrowableOfType(() -> ImageIO.write(v, mha), ImageFormatException.class).getMessage())
                .isEqualTo(mha + ": cannot tell the image format to write from the name (use .nrrd, .nii or .nii.gz)");
        Path noDir = tmp.resolve("missing").resolve("out.nii");
        assertThat(catchThrowableOfType(() -> ImageIO.write(v, noDir), ImageFormatException.class).getMessage())
                .startsWith(noDir + ": cannot write: directory").doesNotContain("\n");
        assertThat(Files.list(tmp)).isEmpty();
    }

    @Test
    void analyzePairReadThroughEitherName() throws Exception {
        org.nacrad.image.Volume viaHdr = ImageIO.read(ItkDump.resource("itk/pair_float32.hdr"));
        org.nacrad.image.Volume viaImg = ImageIO.read(ItkDump.resource("itk/pair_float32.img"));
        assertThat(viaImg.data()).containsExactly(viaHdr.data());
        assertThat(viaImg.geometry()).isEqualTo(viaHdr.geometry());
    }
}
