package org.nacrad.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LogisticNet;
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
 * 10-fold {@code cv.glmnet}-equivalent lasso path on a 160 × 851 synthetic radiomics-sized design (the same data
 * and fold ids as {@code nacrad-stats/src/test/r/bench_timing.R}, which times R's cv.glmnet on it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class LassoCvBenchmark {

    /** The synthetic data: {@code x_ij = sin(0.7 i + 1.3 j + 0.01 i j)}, y from the first five columns. */
    public static final class Synthetic {
        public final double[][] x;
        public final double[] y;
        public final int[] foldId;
        public final List<String> names = new ArrayList<>();

        public Synthetic(int n, int p) {
            x = new double[n][p];
            y = new double[n];
            foldId = new int[n];
            for (int i = 1; i <= n; i++) {
                double s = 0.8 * Math.sin(3.7 * i);
                for (int j = 1; j <= p; j++) {
                    x[i - 1][j - 1] = Math.sin(0.7 * i + 1.3 * j + 0.01 * i * j);
                    if (j <= 5) {
                        s += x[i - 1][j - 1] * (j % 2 == 0 ? -1 : 1);
                    }
                }
                y[i - 1] = s > 0 ? 1 : 0;
                foldId[i - 1] = (i - 1) % 10 + 1;
            }
            for (int j = 1; j <= p; j++) {
                names.add("f" + j);
            }
        }
    }

    Synthetic data;

    @Setup
    public void setup() {
        data = new Synthetic(160, 851);
    }

    @Benchmark
    public double cvGlmnet10Fold() {
        return CrossValidation.run(LogisticNet.lasso(), data.x, data.y, data.names, data.foldId,
                CrossValidation.Measure.DEVIANCE).lambdaMin();
    }
}
