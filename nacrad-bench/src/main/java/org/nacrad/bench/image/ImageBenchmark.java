package org.nacrad.bench.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.image.resample.Interpolator;
import org.nacrad.image.resample.Resampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Image input/output and resampling on the reference cases breast1 (45 × 120 × 21 int16) and brain1
 * (256 × 256 × 25 int16): reading the gzip NRRD, writing and reading back .nii.gz, and resampling the whole image
 * onto a 1 mm isotropic grid over the same extent (the resampler runs its slices in parallel).
 *
 * <p>Reference data from the system property {@code nacrad.reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ImageBenchmark {

    @Param({"breast1", "brain1"})
    public String caseName;

    @Param({"NEAREST_NEIGHBOR", "LINEAR", "BSPLINE"})
    public Interpolator interpolator;

    Path nrrd;
    Path tmp;
    Volume image;
    Geometry isotropic;

    @Setup
    public void setup() throws IOException {
        nrrd = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "pyradiomics",
                caseName + "_image.nrrd");
        image = ImageIO.read(nrrd);
        Geometry g = image.geometry();
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[a] = (int) Math.floor(g.size(a) * g.spacing(a));
        }
        isotropic = new Geometry(size, new double[] {1, 1, 1}, g.indexToPhysical(-0.5 + 0.5 / g.spacing(0),
                -0.5 + 0.5 / g.spacing(1), -0.5 + 0.5 / g.spacing(2)), g.direction());
        tmp = Files.createTempFile("nacrad-bench", ".nii.gz");
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(tmp);
    }

    @Benchmark
    public Volume readNrrdGzip() throws IOException {
        return ImageIO.read(nrrd);
    }

    @Benchmark
    public Volume writeAndReadNiftiGz() throws IOException {
        ImageIO.write(image, tmp);
        return ImageIO.read(tmp);
    }

    @Benchmark
    public Volume resampleTo1mm() {
        return Resampler.resample(image, isotropic, interpolator, 0);
    }
}
