package org.nacrad.bench.texture2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.io.NrrdReader;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.features.Gldm;
import org.nacrad.radiomics.features.Glszm;
import org.nacrad.radiomics.features.Ngtdm;
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
 * The GLSZM, GLDM and NGTDM families, all default features each (matrix and features), on the ROI box of the
 * reference cases breast1 and brain1 discretised with binWidth 25, single thread.
 *
 * <p>Reference data from the system property {@code nacrad.reference} (default {@code ../shared/reference}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class Texture2Benchmark {

    @Param({"breast1", "brain1"})
    public String caseName;

    @Param({"false", "true"})
    public boolean force2D;

    FeatureInput input;
    final Glszm glszm = new Glszm();
    final Gldm gldm = new Gldm();
    final Ngtdm ngtdm = new Ngtdm();

    @Setup
    public void setup() throws IOException {
        Path root = Path.of(System.getProperty("nacrad.reference", "../shared/reference"), "pyradiomics");
        Volume image = NrrdReader.read(root.resolve(caseName + "_image.nrrd"));
        Volume mask = NrrdReader.read(root.resolve(caseName + "_label.nrrd"));
        boolean[] roi = mask.labelMask(1);
        int nx = mask.geometry().nx(), ny = mask.geometry().ny(), nz = mask.geometry().nz();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int k = 0, n = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (roi[n]) {
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
        double[] m = mask.region(lo, size, 0).data();
        boolean[] box = new boolean[m.length];
        for (int n = 0; n < m.length; n++) {
            box[n] = m[n] == 1;
        }
        RadiomicsSettings settings = RadiomicsSettings.defaults().with("force2D", force2D);
        int[] levels = Discretiser.discretise(values, box, settings.binWidth(), settings.binCount()).levels();
        input = new FeatureInput(size, image.geometry().spacing(), box, values, levels, settings);
    }

    @Benchmark
    public Map<String, Double> glszm() {
        return glszm.compute(input, glszm.defaultFeatureNames());
    }

    @Benchmark
    public Map<String, Double> gldm() {
        return gldm.compute(input, gldm.defaultFeatureNames());
    }

    @Benchmark
    public Map<String, Double> ngtdm() {
        return ngtdm.compute(input, ngtdm.defaultFeatureNames());
    }
}
