package org.nacrad.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nacrad.stats.harmonisation.ComBat;
import org.nacrad.stats.harmonisation.Covariates;
import org.nacrad.stats.harmonisation.FeatureTable;
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
 * ComBat fitted on a study-sized training set — 192 patients from 3 centres (96, 64, 32), 851 features with
 * centre-dependent shifts and scales — the cost the study pays once per bootstrap resample or CV fold when ComBat is
 * fitted inside them. {@code prior} = parametric (iterated posterior means) or non-parametric (851 × 850 likelihood
 * weights per centre).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComBatBenchmark {

    @Param({"PARAMETRIC", "NON_PARAMETRIC"})
    public ComBat.Prior prior;

    FeatureTable x;
    List<String> batch;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(19);
        int[] sizes = {96, 64, 32};
        int n = 192;
        int p = 851;
        batch = new ArrayList<>();
        for (int b = 0; b < sizes.length; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                batch.add("centre" + (b + 1));
            }
        }
        double[][] shift = new double[3][p];
        double[][] scale = new double[3][p];
        for (int b = 0; b < 3; b++) {
            for (int j = 0; j < p; j++) {
                shift[b][j] = gaussian(r) * 0.5;
                scale[b][j] = Math.exp(gaussian(r) * 0.3);
            }
        }
        double[][] v = new double[n][p];
        for (int i = 0; i < n; i++) {
            int b = Integer.parseInt(batch.get(i).substring(6)) - 1;
            for (int j = 0; j < p; j++) {
                v[i][j] = 10 + j + shift[b][j] + scale[b][j] * gaussian(r);
            }
        }
        x = FeatureTable.of(v);
    }

    @Benchmark
    public double fit() {
        return ComBat.parametric().withPrior(prior).fit(x, batch, Covariates.none()).gammaStar("centre3", 0);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double w = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
    }
}
