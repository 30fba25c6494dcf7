package org.nacrad.image.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nacrad.image.dicom.codec.JpegLosslessTest.assertSameImage;
import static org.nacrad.image.dicom.codec.JpegLosslessTest.res;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;

/**
 * JPEG-LS DICOM files written by two encoders built on CharLS 2.4.1 (dcmtk 3.6.7 {@code dcmcjpls}, GDCM 3.0.21
 * {@code gdcmconv --jpegls}) from pydicom-written originals ({@code make_compressed_fixtures.sh}). Lossless files
 * decode to the originals exactly; near-lossless (NEAR = 2) files decode exactly to dcmtk's own decoding
 * ({@code dcmdjpls}) and within 2 of the original.
 */
class JpegLsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dcmtk/s12-jls.dcm, s12.dcm", "dcmtk/u16-jls.dcm, u16.dcm", "dcmtk/s16-jls.dcm, s16.dcm",
        "dcmtk/u8-jls.dcm, u8.dcm", "dcmtk/enhanced-jls.dcm, enhanced.dcm",
        "gdcm/s12-jls.dcm, s12.dcm", "gdcm/u16-jls.dcm, u16.dcm", "gdcm/s16-jls.dcm, s16.dcm",
        "gdcm/u8-jls.dcm, u8.dcm", "gdcm/enhanced-jls.dcm, enhanced.dcm"})
    void losslessEqualsOriginal(String compressed, String original) throws IOException {
        assertSameImage(ImageIO.read(res(compressed)), ImageIO.read(res("original/" + original)));
    }

    /** Near-lossless: dcmdjpls' decoding exactly, and every stored bit pattern within NEAR = 2 of the original. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "dcmtk/u12-IM0000-jls-near2, u12/IM0000.dcm, 12", "dcmtk/u16-jls-near2, u16.dcm, 16",
        "dcmtk/u8-jls-near2, u8.dcm, 8", "gdcm/u16-jls-near2, u16.dcm, 16", "gdcm/s16-jls-near2, s16.dcm, 16"})
    void nearLosslessEqualsDcmdjplsWithinNear(String compressed, String original, int bits) throws IOException {
        Volume decoded = ImageIO.read(res(compressed + ".dcm"));
        assertSameImage(decoded, ImageIO.read(res(compressed + "-dcmdjpls.dcm")));
        double[] d = decoded.data(), o = ImageIO.read(res("original/" + original)).data();
        long mask = (1L << bits) - 1;
        int changed = 0;
        for (int n = 0; n < d.length; n++) {
            long a = (long) d[n] & mask, b = (long) o[n] & mask;
            assertThat(Math.abs(a - b)).as("sample %d", n).isLessThanOrEqualTo(2);
            changed += a != b ? 1 : 0;
        }
        assertThat(changed).as("samples changed by the near-lossless coding").isGreaterThan(d.length / 2);
    }

    /** The benchmark's 512 × 512 slice: the JPEG lossless and JPEG-LS codings of one original decode alike. */
    @Test
    void jpegLosslessAndJpegLsAgreeOn512Slice() throws IOException {
        Volume ls = ImageIO.read(res("bench/mr512-jls.dcm"));
        assertThat(ls.geometry().size()).containsExactly(512, 512, 1);
        assertSameImage(ImageIO.read(res("bench/mr512-sv1.dcm")), ls);
        assertThat(java.util.Arrays.stream(ls.data()).max().orElseThrow()).isEqualTo(4095);
    }

    @Test
    void truncatedStreamNamesTheFile() {
        Path file = res("corrupt/u16-jls-truncated.dcm");
        assertThatThrownBy(() -> ImageIO.read(file))
                .isInstanceOf(ImageFormatException.class)
                .hasMessageStartingWith(file + ": JPEG-LS lossless pixel data (transfer syntax "
                        + "1.2.840.10008.1.2.4.80): coded data end at line ")
                .hasMessageEndingWith(" of 48 (truncated or corrupt stream)");
    }
}
