package org.nacrad.bench.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.dicom.DicomObject;
import org.nacrad.image.dicom.DicomParser;
import org.nacrad.image.dicom.codec.CodecException;
import org.nacrad.image.dicom.codec.DecodedFrame;
import org.nacrad.image.dicom.codec.JpegLosslessDecoder;
import org.nacrad.image.dicom.codec.JpegLsDecoder;
import org.nacrad.image.io.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one 512 × 512 12-bit MR-like slice (dcmtk-encoded, {@code make_compressed_fixtures.sh}): the JPEG
 * lossless (SV1) and JPEG-LS code streams alone, and the whole file read into a volume.
 *
 * <p>Files from the system property {@code nacrad.compressed} (default
 * {@code nacrad-image/src/test/resources/dicom/compressed/bench}, relative to the repository root).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DicomDecodeBench {

    Path folder;
    byte[] jpegLossless;
    byte[] jpegLs;

    @Setup
    public void setup() throws IOException {
        folder = Path.of(System.getProperty("nacrad.compressed",
                "nacrad-image/src/test/resources/dicom/compressed/bench"));
        jpegLossless = stream(folder.resolve("mr512-sv1.dcm"));
        jpegLs = stream(folder.resolve("mr512-jls.dcm"));
    }

    private static byte[] stream(Path file) throws IOException {
        DicomObject d = DicomParser.parse(file).dataset();
        return d.fragments(DicomObject.tag(0x7FE0, 0x0010)).get(1);
    }

    @Benchmark
    public DecodedFrame jpegLosslessStream() throws CodecException {
        return JpegLosslessDecoder.decode(jpegLossless);
    }

    @Benchmark
    public DecodedFrame jpegLsStream() throws CodecException {
        return JpegLsDecoder.decode(jpegLs);
    }

    @Benchmark
    public Volume jpegLosslessFile() throws IOException {
        return ImageIO.read(folder.resolve("mr512-sv1.dcm"));
    }
}
