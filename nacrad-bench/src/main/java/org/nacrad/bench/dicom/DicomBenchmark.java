package org.nacrad.bench.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.dicom.DicomMaskReader;
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
 * DICOM input on the IBSI CT phantom (60 implicit-VR slices of 204 × 201 int16, RTSTRUCT of 26 contours):
 * reading the series folder into a volume, and rasterising the RTSTRUCT onto it; the IBSI NIfTI of the same image
 * for comparison.
 *
 * <p>Reference data from the system property {@code nacrad.reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DicomBenchmark {

    Path phantom;
    Volume image;

    @Setup
    public void setup() throws IOException {
        phantom = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "ibsi", "ct_phantom");
        image = ImageIO.read(phantom.resolve("dicom/image"));
    }

    @Benchmark
    public Volume readSeries() throws IOException {
        return ImageIO.read(phantom.resolve("dicom/image"));
    }

    @Benchmark
    public Volume rasteriseRtstruct() throws IOException {
        return DicomMaskReader.read(phantom.resolve("dicom/mask/DCM_RS_00060.dcm"), image, "GTV-1");
    }

    @Benchmark
    public Volume readNiftiForComparison() throws IOException {
        return ImageIO.read(phantom.resolve("nifti/image.nii.gz"));
    }
}
