package org.nacrad.bench.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nacrad.diffusion.DiffusionMaps;
import org.nacrad.diffusion.DwiSeries;
import org.nacrad.diffusion.SignalModels;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
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
 * Voxel-wise ADC + DKI fitting (WLLS and constrained NLLS) of a whole 128 × 128 × 40 volume, b = 0, 50, 800,
 * 1500, 2000 s/mm², tissue-like D and K with Rician noise (SNR 50). Issue target: under 2 s on 2 cores.
 * {@code nacrad-bench/scripts/dki-dipy.py} times DIPY's mean-signal DKI fit of the same kind of data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class DkiFitBenchmark {

    static final double[] B = {0, 50, 800, 1500, 2000};

    @Param({"1", "2"})
    public int threads;

    DwiSeries dwi;

    @Setup
    public void setup() {
        int nx = 128, ny = 128, nz = 40;
        Geometry g = Geometry.of(new int[] {nx, ny, nz}, new double[] {1.6, 1.6, 4}, new double[] {0, 0, 0});
        int n = nx * ny * nz;
        SplittableRandom r = new SplittableRandom(1);
        double[] d = new double[n];
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = 0.8e-3 + 1.4e-3 * r.nextDouble();
            k[i] = 0.3 + 0.9 * r.nextDouble();
        }
        List<Volume> vols = new ArrayList<>();
        for (double b : B) {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                double clean = SignalModels.kurtosis(1000, d[i], k[i], b);
                double a = clean + 20 * r.nextGaussian();
                double c = 20 * r.nextGaussian();
                s[i] = Math.sqrt(a * a + c * c);
            }
            vols.add(new Volume(g, PixelType.FLOAT32, s));
        }
        dwi = DwiSeries.of(vols, B, "benchmark");
    }

    @Benchmark
    public DiffusionMaps fitVolume() {
        return DiffusionMaps.fit(dwi, DiffusionMaps.Options.defaults().withThreads(threads), null);
    }
}
