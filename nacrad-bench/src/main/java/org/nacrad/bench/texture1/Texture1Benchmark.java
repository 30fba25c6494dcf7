package org.nacrad.bench.texture1;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Geometry;
import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.FeatureFamily;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.features.FirstOrder;
import org.nacrad.radiomics.features.Glcm;
import org.nacrad.radiomics.features.Glrlm;
import org.nacrad.radiomics.preprocess.Discretiser;
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
 * The firstorder, glcm and glrlm families (every default feature, matrices included) on the original image of the
 * reference cases, single thread: brain1 (ROI box 47 × 70 × 7) and breast1 (box 9 × 12 × 3, 143 voxels), PyRadiomics' default settings (binWidth 25).
 *
 * <p>Reference data from the system property {@code nacrad.reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class Texture1Benchmark {

    @Param({"brain1", "breast1"})
    public String caseName;

    FeatureInput input;
    final FeatureFamily firstOrder = new FirstOrder();
    final FeatureFamily glcm = new Glcm();
    final FeatureFamily glrlm = new Glrlm();

    @Setup
    public void setup() throws IOException {
        Path root = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "pyradiomics");
        Volume image = NrrdReader.read(root.resolve(caseName + "_image.nrrd"));
        Volume label = NrrdReader.read(root.resolve(caseName + "_label.nrrd"));
        boolean[] mask = label.labelMask(1);
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
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        double[] values = image.region(lo, size, 0).data();
        boolean[] box = label.region(lo, size, 0).labelMask(1);
        RadiomicsSettings settings = RadiomicsSettings.defaults();
        int[] levels = Discretiser.discretise(values, box, settings.binWidth(), settings.binCount()).levels();
        input = new FeatureInput(size, g.spacing(), box, values, levels, settings);
    }

    @Benchmark
    public Map<String, Double> firstorder() {
        return firstOrder.compute(input, firstOrder.defaultFeatureNames());
    }

    @Benchmark
    public Map<String, Double> glcm() {
        return glcm.compute(input, glcm.defaultFeatureNames());
    }

    @Benchmark
    public Map<String, Double> glrlm() {
        return glrlm.compute(input, glrlm.defaultFeatureNames());
    }
}
