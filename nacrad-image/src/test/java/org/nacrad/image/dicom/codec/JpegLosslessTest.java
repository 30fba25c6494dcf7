package org.nacrad.image.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/**
 * JPEG lossless (process 14) DICOM files written by three independent encoders from pydicom-written originals
 * ({@code src/test/fixtures-gen/dicom/make_compressed_fixtures.sh}): dcmtk 3.6.7 {@code dcmcjpeg}, GDCM 3.0.21
 * {@code gdcmconv --jpeg} and the PVRG codec. Each decodes to exactly the original's stored values, pixel type and
 * geometry.
 */
class JpegLosslessTest {

    static Path res(String name) {
        try {
            return Path.of(JpegLosslessTest.class.getResource("/dicom/compressed/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertSameImage(Volume decoded, Volume original) {
        assertThat(decoded.pixelType()).isEqualTo(original.pixelType());
        assertThat(decoded.geometry().size()).containsExactly(original.geometry().size());
        assertThat(decoded.geometry().spacing()).containsExactly(original.geometry().spacing());
        assertThat(decoded.geometry().origin()).containsExactly(original.geometry().origin());
        assertThat(decoded.geometry().direction()).containsExactly(original.geometry().direction());
        assertThat(decoded.data()).containsExactly(original.data());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // dcmtk, selection value 1 (.70): 12-bit signed (sign-extended words), 16-bit both signs, 8-bit
        "dcmtk/s12-sv1.dcm, s12.dcm", "dcmtk/u16-sv1.dcm, u16.dcm", "dcmtk/s16-sv1.dcm, s16.dcm",
        "dcmtk/u8-sv1.dcm, u8.dcm",
        // dcmtk, process 14 (.57) with each predictor on 16-bit signed data, and two on 8-bit
        "dcmtk/s16-p14-sv1.dcm, s16.dcm", "dcmtk/s16-p14-sv2.dcm, s16.dcm", "dcmtk/s16-p14-sv3.dcm, s16.dcm",
        "dcmtk/s16-p14-sv4.dcm, s16.dcm", "dcmtk/s16-p14-sv5.dcm, s16.dcm", "dcmtk/s16-p14-sv6.dcm, s16.dcm",
        "dcmtk/s16-p14-sv7.dcm, s16.dcm", "dcmtk/u8-p14-sv2.dcm, u8.dcm", "dcmtk/u8-p14-sv7.dcm, u8.dcm",
        // GDCM (its own Huffman tables and headers, empty basic offset table), one split into 1 KB fragments
        "gdcm/s12-jpeg.dcm, s12.dcm", "gdcm/u16-jpeg.dcm, u16.dcm", "gdcm/s16-jpeg.dcm, s16.dcm",
        "gdcm/u8-jpeg.dcm, u8.dcm", "gdcm/u16-jpeg-split.dcm, u16.dcm",
        // PVRG: standard Huffman tables, predictors 1, 4, 5; restart intervals of 1, 3 and 2 lines
        "pvrg/u16-k1.dcm, u16.dcm", "pvrg/u16-k4.dcm, u16.dcm", "pvrg/u16-k5.dcm, u16.dcm",
        "pvrg/u16-midcol-k1-r64.dcm, u16-midcol.dcm", "pvrg/u16-midcol-k1-r192.dcm, u16-midcol.dcm",
        "pvrg/u8-midcol-k1-r128.dcm, u8-midcol.dcm",
        // enhanced MR, 4 frames: one fragment per frame with offsets; 1 KB fragments with and without offsets;
        // an Extended Offset Table with two fragments per frame; GDCM's empty offset table
        "dcmtk/enhanced-sv1.dcm, enhanced.dcm", "dcmtk/enhanced-sv1-frag1k.dcm, enhanced.dcm",
        "dcmtk/enhanced-sv1-frag1k-nobot.dcm, enhanced.dcm", "dcmtk/enhanced-sv1-eot.dcm, enhanced.dcm",
        "gdcm/enhanced-jpeg.dcm, enhanced.dcm"})
    void losslessEqualsOriginal(String compressed, String original) throws IOException {
        assertSameImage(ImageIO.read(res(compressed)), ImageIO.read(res("original/" + original)));
    }

    @Test
    void seriesFolderHasTheOriginalGeometry() throws IOException {
        Volume original = ImageIO.read(res("original/u12"));
        assertThat(original.geometry().nz()).isEqualTo(3);
        assertSameImage(ImageIO.read(res("dcmtk/u12-sv1")), original);
        assertSameImage(ImageIO.read(res("gdcm/u12-jpeg")), original);
    }

    /** Point transform 3 drops 3 bits: the result equals dcmtk's own decoding, within 7 of the original. */
    @Test
    void pointTransformEqualsDcmdjpeg() throws IOException {
        Volume decoded = ImageIO.read(res("dcmtk/u16-p14-sv4-pt3.dcm"));
        assertSameImage(decoded, ImageIO.read(res("dcmtk/u16-p14-sv4-pt3-dcmdjpeg.dcm")));
        double[] o = ImageIO.read(res("original/u16.dcm")).data();
        double[] d = decoded.data();
        int changed = 0;
        for (int n = 0; n < o.length; n++) {
            assertThat(o[n] - d[n]).isBetween(0.0, 7.0);
            assertThat(d[n] % 8).isZero();
            changed += o[n] != d[n] ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(o.length / 2);
    }

    @Test
    void truncatedStreamNamesTheFile() {
        Path file = res("corrupt/u16-sv1-truncated.dcm");
        assertThatThrownBy(() -> ImageIO.read(file))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(file + ": JPEG lossless SV1 pixel data (transfer syntax "
                        + "1.2.840.10008.1.2.4.70): entropy-coded data end at line ")
                .hasMessageEndingWith(" of 48 (truncated or corrupt stream)");
    }

    /** JPEG 2000 (GDCM/OpenJPEG-encoded) stays refused: the message names the file, the syntax and its UID. */
    @Test
    void jpeg2000IsRefusedWithFileAndSyntax() {
        Path file = res("gdcm/u16-j2k.dcm");
        assertThatThrownBy(() -> ImageIO.read(file))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(file + ": compressed pixel data (JPEG 2000 lossless, transfer syntax "
                        + "1.2.840.10008.1.2.4.90) is not supported: decompress first");
    }

    @Test
    void offsetTableMustListEveryFrame() {
        byte[] bot = {0, 0, 0, 0, 16, 0, 0, 0}; // two frames
        List<byte[]> fragments = List.of(bot, new byte[8], new byte[8]);
        assertThatThrownBy(() -> EncapsulatedFrames.frame(fragments, null, 3, 0))
                .isInstanceOf(CodecException.class)
                .hasMessage("offset table lists 2 frames, NumberOfFrames is 3");
        assertThatThrownBy(() -> EncapsulatedFrames.frame(List.of(new byte[0], new byte[8], new byte[8]), null, 3, 0))
                .hasMessage("2 fragments without offset table, and 0 of them open a code stream, for 3 frames");
    }

    @Test
    void notAJpegStream() {
        assertThatThrownBy(() -> JpegLosslessDecoder.decode(new byte[] {0, 1, 2, 3, 4}))
                .isInstanceOf(CodecException.class)
                .hasMessage("not a JPEG stream (no SOI marker FFD8 at its start)");
    }
}
