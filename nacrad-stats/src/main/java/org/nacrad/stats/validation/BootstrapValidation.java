package org.nacrad.stats.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Bootstrap validation of a whole modelling procedure with Harrell's optimism correction, as rms {@code validate}
 * ({@code method = "boot"}; Efron &amp; Tibshirani 1993 §17.6; Harrell, Lee &amp; Mark 1996, Stat Med 15:361–387).
 *
 * <p>The procedure is fitted on the data (apparent performance), then on {@code B} resamples of {@code n} rows drawn
 * with replacement; each resample's model is measured on the resample itself (training) and on the original data
 * (test). The optimism is the mean of {@code training - test}; the corrected index is {@code apparent - optimism}.
 * Resamples where the procedure fails (e.g. separation, one class) are dropped and counted, as rms does.
 *
 * <p>Reproducible: resample {@code b} draws its rows and the procedure's seed from its own generator,
 * XoShiRo256++ (commons-rng) seeded with {@code (seed, b)}, so results are identical for a seed whatever the number
 * of threads. Immutable and thread-safe.
 */
public final class BootstrapValidation {

    /**
     * One index of the result, as a row of rms {@code validate}'s table.
     *
     * @param name      index name ({@link Performance#NAMES})
     * @param apparent  {@code index.orig}
     * @param training  mean over resamples of the index on the resample
     * @param test      mean over resamples of the index on the original data
     * @param optimism  {@code training - test}
     * @param corrected {@code apparent - optimism}
     * @param optimismSe Monte-Carlo standard error of the optimism, {@code sd / sqrt(B)}
     * @param resamples  resamples where the index was defined (all used ones except, for Intercept and Slope,
     *                   those whose recalibration was separated)
     */
    public record Index(String name, double apparent, double training, double test, double optimism,
                        double corrected, double optimismSe, int resamples) {
    }

    /**
     * @param indexes  one row per index
     * @param used     resamples that gave a model
     * @param failed   resamples where the procedure failed
     * @param failures why the procedure failed → in how many resamples, most frequent first
     */
    public record Result(List<Index> indexes, int used, int failed, Map<String, Integer> failures) {
        public Result {
            indexes = List.copyOf(indexes);
            failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }

        public Result(List<Index> indexes, int used, int failed) {
            this(indexes, used, failed, Map.of());
        }

        /** The failures in words: "3 × reason; 1 × other reason" (empty when none failed). */
        public String failureSummary() {
            StringBuilder b = new StringBuilder();
            failures.forEach((why, n) -> b.append(b.length() == 0 ? "" : "; ").append(n).append(" × ").append(why));
            return b.toString();
        }

        public Index index(String name) {
            return indexes.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
        }
    }

    private final int resamples;
    private final long seed;
    private final int threads;

    /**
     * @param resamples number of bootstrap resamples {@code B}
     * @param seed      seed of all resample streams
     * @param threads   worker threads (1 = sequential); the result does not depend on it
     */
    public BootstrapValidation(int resamples, long seed, int threads) {
        if (resamples < 2) {
            throw new IllegalArgumentException("at least 2 resamples are needed, got " + resamples);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.resamples = resamples;
        this.seed = seed;
        this.threads = threads;
    }

    /** Validates {@code procedure} on {@code x}, {@code y}. */
    public Result validate(ModellingProcedure procedure, double[][] x, double[] y) {
        double[] apparent = Performance.of(procedure.fit(x, y, seed).linearPredictor(x), y).values();
        double[][] train = new double[resamples][];
        double[][] test = new double[resamples][];
        String[] why = new String[resamples];
        Resamples.run(x, y, resamples, seed, threads, (b, xb, yb, procedureSeed) -> {
            try {
                ModellingProcedure.Scorer m = procedure.fit(xb, yb, procedureSeed);
                train[b] = Performance.of(m.linearPredictor(xb), yb).values();
                test[b] = Performance.of(m.linearPredictor(x), y).values();
            } catch (IllegalArgumentException | ArithmeticException e) {
                train[b] = null;
                why[b] = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                        .orElse("");
            }
        });
        int k = Performance.NAMES.size();
        double[] sumTrain = new double[k];
        double[] sumTest = new double[k];
        double[] sumOpt = new double[k];
        double[] sumOpt2 = new double[k];
        int[] count = new int[k];
        int used = 0;
        for (int b = 0; b < resamples; b++) {
            if (train[b] == null) {
                continue;
            }
            used++;
            for (int j = 0; j < k; j++) {
                double o = train[b][j] - test[b][j];
                if (Double.isNaN(o)) {
                    continue; // index undefined in this resample (separated recalibration)
                }
                count[j]++;
                sumTrain[j] += train[b][j];
                sumTest[j] += test[b][j];
                sumOpt[j] += o;
                sumOpt2[j] += o * o;
            }
        }
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (String w : why) {
            if (w != null) {
                failures.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(failures.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        failures = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : byCount) {
            failures.put(e.getKey(), e.getValue());
        }
        if (used < 2) {
            throw new IllegalArgumentException("the procedure failed on " + (resamples - used) + " of " + resamples
                    + " bootstrap resamples (" + new Result(List.of(), used, resamples - used, failures)
                    .failureSummary() + "); nothing to validate");
        }
        List<Index> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int c = count[j];
            double opt = sumOpt[j] / c;
            double var = (sumOpt2[j] - c * opt * opt) / (c - 1);
            out.add(new Index(Performance.NAMES.get(j), apparent[j], sumTrain[j] / c, sumTest[j] / c, opt,
                    apparent[j] - opt, Math.sqrt(Math.max(0, var) / c), c));
        }
        return new Result(out, used, resamples - used, failures);
    }
}
