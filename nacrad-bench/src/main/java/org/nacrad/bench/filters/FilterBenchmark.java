package org.nacrad.bench.filters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.filters.ImageFilter.Filtered;
import org.nacrad.radiomics.filters.ImageFilters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * PyRadiomics filters on the reference cases breast1 (45 × 120 × 21, int16) and brain1 (256 × 256 × 25, int16),
 * single thread: the 8 coif1 level-1 wavelet sub-bands of the ROI bounding box (what the 851-feature extraction
 * needs) and of the whole image, and LoG σ = 3 mm of the whole image.
 *
 * <p>Reference data from the system property {@code nacrad.reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FilterBenchmark {

    @Param({"breast1", "brain1"})
    public String caseName;

    Volume image;
    boolean[] mask;
    int[] boxStart;
    int[] boxSize;

    @Setup
    public void setup() throws IOException {
        Path root = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "pyradiomics");
        image = NrrdReader.read(root.resolve(caseName + "_image.nrrd"));
        mask = NrrdReader.read(root.resolve(caseName + "_label.nrrd")).labelMask(1);
        Geometry g = image.geometry();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (mask[g.index(i, j, k)]) {
                        int[] p = {i, j, k};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                        }
                    }
                }
            }
        }
        boxStart = lo;
        boxSize = new int[] {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    }

    @Benchmark
    public List<Filtered> waveletRoiBox() {
        return ImageFilters.byName("Wavelet").apply(image, mask, RadiomicsSettings.defaults(), boxStart, boxSize);
    }

    @Benchmark
    public List<Filtered> waveletWholeImage() {
        return ImageFilters.byName("Wavelet").apply(image, mask, RadiomicsSettings.defaults());
    }

    @Benchmark
    public List<Filtered> logSigma3WholeImage() {
        return ImageFilters.byName("LoG").apply(image, mask, RadiomicsSettings.of(Map.of("sigma", List.of(3.0))));
    }
}
