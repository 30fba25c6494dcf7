package org.nacrad.image.dicom;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.nacrad.image.Geometry;
import org.nacrad.image.ImageFormatException;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.image.dicom.codec.CodecException;
import org.nacrad.image.dicom.codec.JpegLosslessDecoder;
import org.nacrad.image.dicom.codec.JpegLsDecoder;
import org.nacrad.image.fuzz.FuzzFiles;

/**
 * Coverage-guided fuzzing (Jazzer) of the DICOM reader (image series, DICOM-SEG and RTSTRUCT masks) and of the
 * JPEG lossless, JPEG-LS and RLE decoders. Invariant: any bytes give an image or an {@link ImageFormatException}
 * ({@link CodecException} for a decoder called directly), within the memory cap and the time bound of {@link FuzzFiles}: never another exception, an {@link OutOfMemoryError} or a hang. Corpus and commands as in
 * {@code ReaderFuzzTest}.
 */
class DicomFuzzTest {

    private static String cap;

    /** The grid masks are placed on: that of the generated fixtures' 6 × 5 × 4 series. */
    private static final Volume REFERENCE = new Volume(Geometry.of(new int[] {6, 5, 4}, new double[] {1, 1, 2},
            new double[] {-3, -2, 10}), PixelType.INT16, new double[6 * 5 * 4]);

    @BeforeAll
    static void capMemory() {
        cap = FuzzFiles.capMemory();
    }

    @AfterAll
    static void restore() {
        FuzzFiles.restore(cap);
    }

    @FuzzTest(maxDuration = "5m")
    void dicom(byte[] data) throws Exception {
        Path f = FuzzFiles.write("input.dcm", data);
        FuzzFiles.bounded(() -> {
            try {
                DicomParser.Parsed p = DicomParser.parse(f);
                if (DicomMaskReader.isMask(p.dataset())) {
                    DicomMaskReader.read(p, REFERENCE.geometry(), null);
                } else {
                    DicomSeriesReader.read(f).volumes();
                }
            } catch (ImageFormatException expected) {
                // a clear refusal
            }
        });
    }

    @FuzzTest(maxDuration = "5m")
    void jpegLossless(byte[] data) throws Exception {
        FuzzFiles.bounded(() -> {
            try {
                JpegLosslessDecoder.decode(data);
            } catch (CodecException expected) {
                // a clear refusal
            }
        });
    }

    @FuzzTest(maxDuration = "5m")
    void jpegLs(byte[] data) throws Exception {
        FuzzFiles.bounded(() -> {
            try {
                JpegLsDecoder.decode(data);
            } catch (CodecException expected) {
                // a clear refusal
            }
        });
    }

    /** Input: byte 0 = bytes per sample (1, 2 or 4 by its low bits), bytes 1–2 = pixels per frame, then the frame. */
    @FuzzTest(maxDuration = "5m")
    void rle(byte[] data) throws Exception {
        if (data.length < 3) {
            return;
        }
        int bytes = new int[] {1, 2, 4, 1}[data[0] & 3];
        int plane = 1 + ((data[1] & 0xFF) << 8 | data[2] & 0xFF);
        byte[] frame = java.util.Arrays.copyOfRange(data, 3, data.length);
        FuzzFiles.bounded(() -> {
            try {
                PixelDecoder.decodeRle("fuzz", frame, plane, bytes);
            } catch (ImageFormatException expected) {
                // a clear refusal
            }
        });
    }
}
