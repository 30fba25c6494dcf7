package org.nacrad.stats.validation;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The bootstrap resamples of rms {@code validate} and {@code calibrate}: resample {@code b} draws {@code n} rows with
 * replacement from its own XoShiRo256++ stream seeded with {@code (seed, b)}, then the seed of the procedure fitted on
 * it, so each resample is the same whatever the number of threads and the order they run in.
 */
final class Resamples {

    /** What is done with one resample. */
    @FunctionalInterface
    interface Body {
        void accept(int b, double[][] xb, double[] yb, long procedureSeed);
    }

    private Resamples() {
    }

    /** Runs {@code body} on resamples {@code 0 … resamples − 1}, on {@code threads} threads. */
    static void run(double[][] x, double[] y, int resamples, long seed, int threads, Body body) {
        int n = y.length;
        Runnable work = () -> IntStream.range(0, resamples).parallel().forEach(b -> {
            UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, b});
            double[][] xb = new double[n][];
            double[] yb = new double[n];
            for (int i = 0; i < n; i++) {
                int r = rng.nextInt(n);
                xb[i] = x[r];
                yb[i] = y[r];
            }
            body.accept(b, xb, yb, rng.nextLong());
        });
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bootstrap failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
