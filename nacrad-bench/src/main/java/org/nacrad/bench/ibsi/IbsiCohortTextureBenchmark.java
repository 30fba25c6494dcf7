package org.nacrad.bench.ibsi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.ibsi.texture.IbsiTexture;
import org.nacrad.radiomics.ibsi.texture.TextureInput;
import org.nacrad.radiomics.ibsi.texture.TextureSettings;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
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
 * All six IBSI-1 texture families on every case of the demo cohort (one operation = all cases), single thread: the
 * T1 image's tumour ROI discretised with a fixed bin number of 32 over the ROI's range (IBSI FBN, as configurations
 * D and E), morphological mask = ROI; {@code dims=3D} the 3D aggregations (136 features per case), {@code dims=all}
 * 2D, 2.5D and 3D (408). Reading and discretising are in the set-up, not timed.
 *
 * <p>The cohort is the folder {@code nacrad demo --out DIR} writes ({@code DIR/cohort}, with {@code batch240.csv}),
 * given as {@code -Dnacrad.cohort=DIR/cohort}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class IbsiCohortTextureBenchmark {

    @Param({"3D", "all"})
    public String dims;

    List<TextureInput> inputs;
    TextureSettings settings;

    @Setup
    public void setup() throws IOException {
        String dir = System.getProperty("nacrad.cohort");
        if (dir == null) {
            throw new IllegalStateException("set -Dnacrad.cohort to the demo cohort folder (nacrad demo --out DIR "
                    + "writes DIR/cohort/batch240.csv)");
        }
        Path cohort = Path.of(dir);
        List<String> lines = Files.readAllLines(cohort.resolve("batch240.csv"));
        inputs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            inputs.add(fbn32(ImageIO.read(cohort.resolve(f[1])), ImageIO.read(cohort.resolve(f[2]))));
        }
        settings = TextureSettings.defaults();
        if (dims.equals("3D")) {
            settings = settings.withDimensions(EnumSet.of(Dimension.D3));
        }
    }

    /** IBSI fixed bin number: ⌊32 (x − min)/(max − min)⌋ + 1, 32 at the maximum. */
    static TextureInput fbn32(Volume image, Volume mask) {
        double[] v = image.data();
        double[] m = mask.data();
        boolean[] roi = new boolean[v.length];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v.length; k++) {
            roi[k] = m[k] > 0.5;
            if (roi[k]) {
                lo = Math.min(lo, v[k]);
                hi = Math.max(hi, v[k]);
            }
        }
        int[] levels = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            if (roi[k]) {
                levels[k] = hi == lo ? 16 : Math.min(32, (int) Math.floor(32 * (v[k] - lo) / (hi - lo)) + 1);
            }
        }
        int[] size = image.geometry().size();
        return new TextureInput(size[0], size[1], size[2], levels, 32, roi);
    }

    @Benchmark
    public double cohort() {
        double sum = 0;
        for (TextureInput in : inputs) {
            sum += IbsiTexture.compute(in, settings).size();
        }
        return sum;
    }
}
