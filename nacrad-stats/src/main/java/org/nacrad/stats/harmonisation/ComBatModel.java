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

    /**
     * This model restricted to some of its features, in the given order (e.g. the features a prediction model
     * uses, to store with it). Once fitted, each feature is harmonised on its own, so applying the restriction gives
     * those features exactly the values {@link #apply} gives them with all features.
     */
    public ComBatModel select(List<String> names) {
        int m = names.size();
        List<Integer> keptNew = new ArrayList<>();
        boolean[] un = new boolean[m];
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int f = 0; f < m; f++) {
            int o = features.indexOf(names.get(f));
            if (o < 0) {
                throw new IllegalArgumentException("ComBat: no feature '" + names.get(f) + "' in the model");
            }
            un[f] = unadjusted[o];
            if (un[f]) {
                reasons.put(names.get(f), unadjustedReasons.get(names.get(f)));
            } else {
                keptNew.add(f);
            }
        }
        int[] k2 = keptNew.stream().mapToInt(Integer::intValue).toArray();
        int[] from = new int[k2.length];
        for (int k = 0; k < k2.length; k++) {
            from[k] = index(features.indexOf(names.get(k2[k])));
        }
        double[][] coef = new double[covariates.size()][];
        for (int c = 0; c < coef.length; c++) {
            coef[c] = pick(covariateCoefficients[c], from);
        }
        double[][] g = new double[batches.size()][];
        double[][] d = new double[batches.size()][];
        for (int b = 0; b < g.length; b++) {
            g[b] = pick(gammaStar[b], from);
            d[b] = pick(deltaStar[b], from);
        }
        return new ComBatModel(method, names, batches, batchSizes, covariates, k2, un, reasons, pick(grandMean, from),
                pick(pooledVariance, from), coef, g, d);
    }

    private static double[] pick(double[] v, int[] from) {
        double[] out = new double[from.length];
        for (int k = 0; k < from.length; k++) {
            out[k] = v[from[k]];
        }
        return out;
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

    /**
     * The model as plain maps, lists, strings and numbers (insertion-ordered), for a JSON file such as model.json;
     * {@link #fromMap} reads it back to an identical model. Per-feature values are keyed by feature name; features
     * left unadjusted appear only under "unadjusted".
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> how = new LinkedHashMap<>();
        how.put("prior", method.prior() == ComBat.Prior.PARAMETRIC ? "parametric" : "non-parametric");
        how.put("mean_only", method.meanOnly());
        how.put("reference_batch", method.referenceBatch());
        m.put("method", how);
        m.put("features", features);
        m.put("batches", batches);
        List<Integer> sizes = new ArrayList<>();
        for (int s : batchSizes) {
            sizes.add(s);
        }
        m.put("batch_sizes", sizes);
        m.put("covariates", covariates);
        m.put("unadjusted", unadjustedReasons);
        m.put("grand_mean", byFeature(grandMean));
        m.put("pooled_variance", byFeature(pooledVariance));
        Map<String, Object> coef = new LinkedHashMap<>();
        for (int c = 0; c < covariates.size(); c++) {
            coef.put(covariates.get(c), byFeature(covariateCoefficients[c]));
        }
        m.put("covariate_coefficients", coef);
        Map<String, Object> g = new LinkedHashMap<>();
        Map<String, Object> d = new LinkedHashMap<>();
        for (int b = 0; b < batches.size(); b++) {
            g.put(batches.get(b), byFeature(gammaStar[b]));
            d.put(batches.get(b), byFeature(deltaStar[b]));
        }
        m.put("gamma_star", g);
        m.put("delta_star", d);
        return m;
    }

    /**
     * Reads a model written by {@link #toMap} (e.g. parsed from JSON); an error names the missing or malformed entry.
     */
    public static ComBatModel fromMap(Map<String, ?> m) {
        Map<String, ?> how = map(m, "method");
        String prior = string(how, "prior");
        ComBat method = switch (prior) {
            case "parametric" -> ComBat.parametric();
            case "non-parametric" -> ComBat.nonParametric();
            default -> throw new IllegalArgumentException("ComBat model: method.prior must be parametric or "
                    + "non-parametric, got '" + prior + "'");
        };
        Object mo = how.get("mean_only");
        if (!(mo instanceof Boolean)) {
            throw new IllegalArgumentException("ComBat model: method.mean_only must be true or false");
        }
        Object ref = how.get("reference_batch");
        method = method.withMeanOnly((Boolean) mo).withReferenceBatch(ref == null ? null : String.valueOf(ref));
        List<String> features = strings(m, "features");
        List<String> batches = strings(m, "batches");
        List<String> covariates = strings(m, "covariates");
        Object sz = m.get("batch_sizes");
        if (!(sz instanceof List<?> sl) || sl.size() != batches.size()) {
            throw new IllegalArgumentException("ComBat model: batch_sizes must list one size per batch");
        }
        int[] sizes = new int[batches.size()];
        for (int b = 0; b < sizes.length; b++) {
            sizes[b] = ((Number) sl.get(b)).intValue();
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : map(m, "unadjusted").entrySet()) {
            reasons.put(e.getKey(), String.valueOf(e.getValue()));
        }
        boolean[] unadjusted = new boolean[features.size()];
        List<Integer> keptList = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            unadjusted[f] = reasons.containsKey(features.get(f));
            if (!unadjusted[f]) {
                keptList.add(f);
            }
        }
        int[] kept = keptList.stream().mapToInt(Integer::intValue).toArray();
        double[] grand = values(map(m, "grand_mean"), "grand_mean", features, kept);
        double[] pooled = values(map(m, "pooled_variance"), "pooled_variance", features, kept);
        Map<String, ?> coefMap = map(m, "covariate_coefficients");
        double[][] coef = new double[covariates.size()][];
        for (int c = 0; c < coef.length; c++) {
            coef[c] = values(map(coefMap, covariates.get(c)), "covariate_coefficients." + covariates.get(c), features, kept);
        }
        Map<String, ?> gm = map(m, "gamma_star");
        Map<String, ?> dm = map(m, "delta_star");
        double[][] gamma = new double[batches.size()][];
        double[][] delta = new double[batches.size()][];
        for (int b = 0; b < batches.size(); b++) {
            gamma[b] = values(map(gm, batches.get(b)), "gamma_star." + batches.get(b), features, kept);
            delta[b] = values(map(dm, batches.get(b)), "delta_star." + batches.get(b), features, kept);
        }
        return new ComBatModel(method, features, batches, sizes, covariates, kept, unadjusted, reasons, grand, pooled,
                coef, gamma, delta);
    }

    private Map<String, Object> byFeature(double[] v) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kept.length; k++) {
            m.put(features.get(kept[k]), v[k]);
        }
        return m;
    }

    private static Map<String, ?> map(Map<String, ?> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("ComBat model: no '" + key + "' entry");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        return typed;
    }

    private static String string(Map<String, ?> m, String key) {
        Object o = m.get(key);
        if (o == null) {
            throw new IllegalArgumentException("ComBat model: no '" + key + "' entry");
        }
        return String.valueOf(o);
    }

    private static List<String> strings(Map<String, ?> m, String key) {
        Object o = m.get(key);
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("ComBat model: no '" + key + "' list");
        }
        List<String> out = new ArrayList<>();
        for (Object x : l) {
            out.add(String.valueOf(x));
        }
        return out;
    }

    private static double[] values(Map<String, ?> m, String what, List<String> features, int[] kept) {
        double[] v = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            Object o = m.get(features.get(kept[k]));
            if (!(o instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("ComBat model: " + what + " has no finite value for feature '"
                        + features.get(kept[k]) + "'");
            }
            v[k] = n.doubleValue();
        }
        return v;
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
