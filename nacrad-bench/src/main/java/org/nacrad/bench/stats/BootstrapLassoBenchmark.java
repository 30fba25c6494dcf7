package org.nacrad.bench.stats;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.nacrad.stats.glm.LogisticRegression;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LogisticNet;
import org.nacrad.stats.validation.BootstrapValidation;
import org.nacrad.stats.validation.Procedures;
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
 * 1 000 bootstrap resamples of lasso selection (at the full-data 10-fold lambda.1se, warm-started path) plus a
 * Firth logistic refit of the selected predictors, validated on the original data, on the 160 × 851 synthetic design
 * of {@link LassoCvBenchmark}. {@code threads} = 1 and 2 (the machine has 2 cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class BootstrapLassoBenchmark {

    @Param({"2"})
    int threads;

    LassoCvBenchmark.Synthetic data;
    double[] lambdas;

    @Setup
    public void setup() {
        data = new LassoCvBenchmark.Synthetic(160, 851);
        CrossValidation.Result cv = CrossValidation.run(LogisticNet.lasso(), data.x, data.y, data.names,
                data.foldId, CrossValidation.Measure.DEVIANCE);
        int k = 0;
        while (cv.lambda()[k] > cv.lambda1se()) {
            k++;
        }
        lambdas = Arrays.copyOf(cv.lambda(), k + 1);
    }

    @Benchmark
    public double bootstrap1000() {
        return new BootstrapValidation(1000, 1L, threads)
                .validate(Procedures.lassoAtLambda(LogisticNet.lasso(), lambdas, LogisticRegression.firth()),
                        data.x, data.y)
                .index("AUC").corrected();
    }
}
