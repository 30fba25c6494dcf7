package org.nacrad.bench.stats;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.roc.RocCurve;
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
 * DeLong AUC + 95 % CI, the full pROC-style ROC curve, and the paired DeLong test on n cases (40 % events, two
 * correlated scores rounded to 2 decimals, so with many ties). {@code nacrad-stats/src/test/r/roc/bench_pROC.R}
 * times pROC's {@code ci.auc} and {@code roc.test} on data of the same shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DeLongBenchmark {

    @Param({"10000"})
    public int n;

    double[] y;
    double[] s1;
    double[] s2;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(20261127);
        y = new double[n];
        s1 = new double[n];
        s2 = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            double z = gaussian(r);
            s1[i] = Math.rint((y[i] + z) * 100) / 100;
            s2[i] = Math.rint((0.8 * y[i] + 0.6 * z + 0.8 * gaussian(r)) * 100) / 100;
        }
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** AUC with its DeLong variance and CI (pROC: {@code ci.auc(roc(y, s1))}). */
    @Benchmark
    public DeLong.AucInterval aucCi() {
        return DeLong.ci(y, s1, 0.95);
    }

    /** The ROC curve itself: thresholds, sensitivities, specificities, AUC (pROC: {@code roc(y, s1)}). */
    @Benchmark
    public RocCurve rocCurve() {
        return RocCurve.of(y, s1);
    }

    /** Paired DeLong test of two scores (pROC: {@code roc.test(roc(y, s1), roc(y, s2))}). */
    @Benchmark
    public DeLong.Comparison pairedTest() {
        return DeLong.pairedTest(y, s1, s2);
    }
}
