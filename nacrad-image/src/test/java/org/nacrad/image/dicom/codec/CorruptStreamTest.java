package org.nacrad.image.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nacrad.image.dicom.codec.JpegLosslessTest.res;

import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.image.dicom.DicomObject;
import org.nacrad.image.dicom.DicomParser;

/**
 * Damaged code streams (seeded random byte changes anywhere, and truncations) either decode to an image of the
 * declared size (lossless JPEG and JPEG-LS carry no checksum, so some damage is undetectable) or fail with a
 * {@link CodecException}: never another exception. Truncation inside the coded data is always detected.
 */
class CorruptStreamTest {

    interface Decoder {
        DecodedFrame decode(byte[] stream, int columns, int rows) throws CodecException;
    }

    static byte[] stream(String file) throws IOException {
        DicomObject d = DicomParser.parse(res(file)).dataset();
        return d.fragments(DicomObject.tag(0x7FE0, 0x0010)).get(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"dcmtk/u16-sv1.dcm, false", "dcmtk/s16-p14-sv6.dcm, false", "pvrg/u16-midcol-k1-r64.dcm, false",
        "dcmtk/u16-jls.dcm, true", "dcmtk/u16-jls-near2.dcm, true", "dcmtk/u8-jls.dcm, true"})
    void damageGivesCodecExceptionOrAnImage(String file, boolean jpegLs) throws IOException {
        Decoder decoder = jpegLs ? JpegLsDecoder::decode : JpegLosslessDecoder::decode;
        byte[] good = stream(file);
        Random random = new Random(file.hashCode());
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = good.clone();
            for (int c = 0; c < 1 + trial % 4; c++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            refused += decodesOrRefuses(decoder, bad) ? 0 : 1;
        }
        assertThat(refused).as("damaged streams refused").isPositive();
        // cut inside the coded data (the headers take the first 100 bytes or so)
        for (int cut = good.length / 2; cut < good.length - 16; cut += 97) {
            assertThat(decodesOrRefuses(decoder, java.util.Arrays.copyOf(good, cut))).as("cut at %d", cut).isFalse();
        }
    }

    /** True when the stream decodes to 64 × 48 samples, false when refused with a CodecException. */
    private static boolean decodesOrRefuses(Decoder decoder, byte[] stream) {
        try {
            DecodedFrame f = decoder.decode(stream, 64, 48);
            assertThat(f.samples()).hasSize(64 * 48);
            return true;
        } catch (CodecException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
    }
}
