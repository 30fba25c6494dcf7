package org.nacrad.stats.harmonisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted {@link ComBat}: the estimates that harmonise patients of the training batches, including new patients
 * measured later at those centres — per adjusted feature the grand mean α̂, the pooled variance σ̂², the covariate
 * coefficients β̂, and per batch the empirical Bayes location γ* and scale δ*². Immutable.
 *
 * <p>{@link #apply} maps a row x of batch b with covariates X to (((x − α̂ − Xβ̂)/σ̂ − γ*_b)/δ*_b)·σ̂ + α̂ + Xβ̂; rows of
 * the reference batch and features left unadjusted are returned unchanged. Applied to the training rows it gives
 * exactly sva's output.
 *
 * <p>A row of a batch the model has not seen is handled by an {@link UnseenBatch} policy: refused (the default), or
 * mapped to a training batch the user names (e.g. the centre with the same scanner model; with a reference batch,
 * mapping to it leaves the row unchanged). There is no way to estimate an unseen centre's effect from one patient.
 */
public final class ComBatModel {

    /** What to do with a row whose batch was not in the training data. */
    public record UnseenBatch(String mapTo) {

        /** Refuse such rows, naming them (the default). */
        public static UnseenBatch refuse() {
            return new UnseenBatch(null);
        }

        /** Harmonise such rows as if they came from this training batch (with a reference batch: unchanged). */
        public static UnseenBatch treatAs(String batch) {
            if (batch == null || batch.isBlank()) {
                throw new IllegalArgumentException("UnseenBatch.treatAs: name a training batch");
            }
            return new UnseenBatch(batch);
        }

        public boolean refuses() {
            return mapTo == null;
        }
    }

    private final ComBat method;
    private final List<String> features;
    private final List<String> batches;
    private final int[] batchSizes;
    private final List<String> covariates;
    private final int[] kept;
    private final boolean[] unadjusted;
    private final Map<String, String> unadjustedReasons;
    private final double[] grandMean;
    private final double[] pooledVariance;
    private final double[][] covariateCoefficients;
    private final double[][] gammaStar;
    private final double[][] deltaStar;

    ComBatModel(ComBat method, List<String> features, List<String> batches, int[] batchSizes, List<String> covariates,
                int[] kept, boolean[] unadjusted, Map<String, String> reasons, double[] grandMean,
                double[] pooledVariance, double[][] covariateCoefficients, double[][] gammaStar,
                double[][] deltaStar) {
        this.method = method;
        this.features = List.copyOf(features);
        this.batches = List.copyOf(batches);
        this.batchSizes = batchSizes.clone();
        this.covariates = List.copyOf(covariates);
        this.kept = kept.clone();
        this.unadjusted = unadjusted.clone();
        this.unadjustedReasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        this.grandMean = grandMean.clone();
        this.pooledVariance = pooledVariance.clone();
        this.covariateCoefficients = deepCopy(covariateCoefficients);
        this.gammaStar = deepCopy(gammaStar);
        this.deltaStar = deepCopy(deltaStar);
    }

    /** The options it was fitted with. */
    public ComBat method() {
        return method;
    }

    /** Feature names, in column order (rows to harmonise must have these columns in this order). */
    public List<String> features() {
        return features;
    }

    /** Training batches, in name order. */
    public List<String> batches() {
        return batches;
    }

    /** Whether a batch was seen in training. */
    public boolean knows(String batch) {
        return batches.contains(batch);
    }

    /** Number of training rows of each batch, in {@link #batches()} order. */
    public int[] batchSizes() {
        return batchSizes.clone();
    }

    /** Covariate names, in the order {@link #apply} expects. */
    public List<String> covariates() {
        return covariates;
    }

    /** Features left unadjusted (constant within a batch), with the reason. */
    public Map<String, String> unadjusted() {
        return unadjustedReasons;
    }

    /** Grand mean α̂ of a feature (NaN when it is left unadjusted). */
    public double grandMean(int feature) {
        int k = index(feature);
        return k < 0 ? Double.NaN : grandMean[k];
    }

    /** Pooled variance σ̂² of a feature (NaN when unadjusted). */
    public double pooledVariance(int feature) {
        int k = index(feature);
        return k < 0 ? Double.NaN : pooledVariance[k];
    }

    /** Coefficient β̂ of a covariate for a feature (NaN when unadjusted). */
    public double covariateCoefficient(int covariate, int feature) {
        int k = index(feature);
        return k < 0 ? Double.NaN : covariateCoefficients[covariate][k];
    }

    /** γ*: the batch's standardised location effect on a feature (0 for the reference batch; NaN when unadjusted). */
    public double gammaStar(String batch, int feature) {
        int k = index(feature);
        return k < 0 ? Double.NaN : gammaStar[batchIndex(batch)][k];
    }

    /** δ*²: the batch's standardised variance on a feature (1 for the reference batch, mean-only; NaN when unadjusted). */
    public double deltaStar(String batch, int feature) {
        int k = index(feature);
        return k < 0 ? Double.NaN : deltaStar[batchIndex(batch)][k];
    }

    /** Harmonises rows of training batches; a row of another batch is refused. */
    public double[][] apply(FeatureTable x, List<String> batch, Covariates covariates) {
        return apply(x, batch, covariates, UnseenBatch.refuse());
    }

    /**
     * Harmonises rows.
     *
     * @param x          rows to harmonise, with the training features in the training order
     * @param batch      each row's batch
     * @param covariates the rows' covariates, named as in training ({@link Covariates#none()} when there were none)
     * @param unseen     what to do with a row of a batch not seen in training
     * @return the harmonised values, {@code [row][feature]}
     */
    public double[][] apply(FeatureTable x, List<String> batch, Covariates covariates, UnseenBatch unseen) {
        if (!x.features().equals(features)) {
            throw new IllegalArgumentException("ComBat: the rows have features " + describe(x.features())
                    + " but the model was fitted on " + describe(features) + " (same names in the same order needed)");
        }
        if (!covariates.names().equals(this.covariates)) {
            throw new IllegalArgumentException("ComBat: the model needs covariates " + this.covariates + ", got "
                    + covariates.names());
        }
        int n = x.rowCount();
        if (batch.size() != n || (!this.covariates.isEmpty() && covariates.rowCount() != n)) {
            throw new IllegalArgumentException("ComBat: " + n + " rows but " + batch.size() + " batch labels and "
                    + covariates.rowCount() + " covariate rows");
        }
        int mapped = -1;
        if (!unseen.refuses()) {
            mapped = batches.indexOf(unseen.mapTo());
            if (mapped < 0) {
                throw new IllegalArgumentException("ComBat: unseen batches are to be treated as '" + unseen.mapTo()
                        + "', which is not a training batch " + batches);
            }
        }
        int ref = method.referenceBatch() == null ? -1 : batches.indexOf(method.referenceBatch());
        double[][] out = x.values();
        for (int i = 0; i < n; i++) {
            String bi = batch.get(i);
            int b = bi == null ? -1 : batches.indexOf(bi);
            if (b < 0) {
                if (mapped < 0) {
                    throw new IllegalArgumentException("ComBat: row " + (i + 1) + " (" + x.rows().get(i) + "): batch '"
                            + bi + "' was not in the training data " + batches
                            + "; its effect is unknown (choose a training batch to treat it as, or leave it out)");
                }
                b = mapped;
            }
            for (int c = 0; c < this.covariates.size(); c++) {
                if (!Double.isFinite(covariates.get(i, c))) {
                    throw new IllegalArgumentException("ComBat: row " + (i + 1) + " (" + x.rows().get(i)
                            + "), covariate '" + this.covariates.get(c) + "': value is missing or not finite");
                }
            }
            for (int f = 0; f < features.size(); f++) {
                if (!Double.isFinite(out[i][f])) {
                    throw new IllegalArgumentException("ComBat: " + x.where(i, f) + ": value is " + out[i][f]);
                }
            }
            if (b == ref) {
                continue;
            }
            for (int k = 0; k < kept.length; k++) {
                int f = kept[k];
                double stand = grandMean[k];
                for (int c = 0; c < this.covariates.size(); c++) {
                    stand += covariates.get(i, c) * covariateCoefficients[c][k];
                }
                double sd = Math.sqrt(pooledVariance[k]);
                double z = (out[i][f] - stand) / sd;
                out[i][f] = (z - gammaStar[b][k]) / Math.sqrt(deltaStar[b][k]) * sd + stand;
            }
        }
        return out;
    }

    private int index(int feature) {
        if (unadjusted[feature]) {
            return -1;
        }
        return java.util.Arrays.binarySearch(kept, feature);
    }

    private int batchIndex(String batch) {
        int b = batches.indexOf(batch);
        if (b < 0) {
            throw new IllegalArgumentException("ComBat: no batch '" + batch + "' in " + batches);
        }
        return b;
    }

    private static String describe(List<String> names) {
        return names.size() <= 6 ? names.toString() : names.size() + " features " + new ArrayList<>(names.subList(0, 3))
                + "…";
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
