package org.nacrad.stats.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * Robust-feature filtering as radiomics studies do it before feature selection: each feature is measured on the same
 * patients several times — by a second reader's segmentation, or under segmentation perturbations (erosion or
 * dilation by a voxel, contour randomisation; Zwanenburg et al., Sci Rep 9:614, 2019) — and kept when the
 * intraclass correlation of those measurements reaches a threshold (0.75 by default, "good" reliability in Koo &amp;
 * Li, J Chiropr Med 15:155–163, 2016).
 *
 * <p>Worked example (also a unit test): 4 patients measured twice, feature a = {1, 2, 3, 4} and {1.1, 2.1, 2.9, 4.2}
 * (ICC(2,1) = 0.9948, kept), feature b = {1, 2, 3, 4} and {4, 1, 2, 3} (ICC(2,1) = −2/7, dropped).
 *
 * <p>A feature whose measurements agree perfectly up to a constant per measurement (residual mean square 0) has
 * ICC(3,1) = 1 and ICC(2,1) = MSB/(MSB + k·MSJ/n) and no confidence interval: the point estimate stands for its
 * lower bound. A feature with no variation between patients at all is dropped as constant.
 */
public final class FeatureRobustness {

    /** The reliability threshold most radiomics studies use. */
    public static final double DEFAULT_THRESHOLD = 0.75;

    private FeatureRobustness() {
    }

    /** The ICC form. */
    public enum Form {
        /** Two-way random, absolute agreement (readers or perturbations as a random sample; the usual choice). */
        ICC2_1,
        /** Two-way mixed, consistency (systematic differences between the measurements ignored). */
        ICC3_1
    }

    /** What must reach the threshold. */
    public enum Criterion {
        /** The ICC itself (most studies). */
        ESTIMATE,
        /** The lower bound of its 95 % confidence interval (the stricter rule). */
        LOWER_BOUND
    }

    /**
     * One feature's reliability.
     *
     * @param feature name
     * @param icc     the ICC (NaN for a constant feature)
     * @param lower   lower bound of the 95 % CI
     * @param upper   upper bound of the 95 % CI
     * @param kept    whether it reaches the threshold
     * @param note    why it is dropped or unusual ("" when ordinary)
     */
    public record FeatureIcc(String feature, double icc, double lower, double upper, boolean kept, String note) {
    }

    /**
     * The filter's outcome.
     *
     * @param features every feature, in input order
     * @param kept     the names kept, in input order
     */
    public record Selection(List<FeatureIcc> features, List<String> kept) {
        public Selection {
            features = List.copyOf(features);
            kept = List.copyOf(kept);
        }
    }

    /**
     * ICC of each feature over repeated measurements, and the features that reach the threshold.
     *
     * @param features     feature names, one per column of every table
     * @param measurements one table per reader or perturbation, {@code [patient][feature]}, patients in the same order
     * @param labels       a name for each table (e.g. "reader 1", "eroded"), used in error messages
     * @param form         ICC(2,1) or ICC(3,1)
     * @param threshold    the value the criterion must reach (inclusive)
     * @param criterion    the ICC or its lower 95 % bound
     */
    public static Selection select(List<String> features, List<double[][]> measurements, List<String> labels,
                                   Form form, double threshold, Criterion criterion) {
        int k = measurements.size();
        if (k < 2) {
            throw new IllegalArgumentException("feature robustness: needs at least 2 measurements per patient, got " + k);
        }
        if (labels.size() != k) {
            throw new IllegalArgumentException("feature robustness: " + k + " measurement tables but " + labels.size()
                    + " labels");
        }
        int n = measurements.get(0).length;
        for (int m = 0; m < k; m++) {
            double[][] t = measurements.get(m);
            if (t.length != n) {
                throw new IllegalArgumentException("feature robustness: " + labels.get(m) + " has " + t.length
                        + " patients, " + labels.get(0) + " has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (t[i].length != features.size()) {
                    throw new IllegalArgumentException("feature robustness: " + labels.get(m) + ", patient row "
                            + (i + 1) + " has " + t[i].length + " values, not " + features.size());
                }
                for (int f = 0; f < features.size(); f++) {
                    if (!Double.isFinite(t[i][f])) {
                        throw new IllegalArgumentException("feature robustness: " + labels.get(m) + ", patient row "
                                + (i + 1) + ", feature '" + features.get(f) + "': value is " + t[i][f]);
                    }
                }
            }
        }
        List<FeatureIcc> out = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        double[][] ratings = new double[n][k];
        for (int f = 0; f < features.size(); f++) {
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) {
                    ratings[i][m] = measurements.get(m)[i][f];
                }
            }
            FeatureIcc r = one(features.get(f), ratings, form, threshold, criterion);
            out.add(r);
            if (r.kept()) {
                kept.add(r.feature());
            }
        }
        return new Selection(out, kept);
    }

    /** The reliability of one feature, {@code ratings[patient][measurement]}. */
    static FeatureIcc one(String feature, double[][] ratings, Form form, double threshold, Criterion criterion) {
        Icc.MeanSquares ms = Icc.meanSquares(ratings);
        if (ms.subjects() == 0 && ms.error() <= 0) {
            return new FeatureIcc(feature, Double.NaN, Double.NaN, Double.NaN, false,
                    "no variation between patients (constant feature)");
        }
        if (!(ms.error() > 0)) {
            double v = form == Form.ICC2_1 ? ms.icc21() : ms.icc31();
            return new FeatureIcc(feature, v, v, v, v >= threshold,
                    "measurements agree up to a constant per measurement (no residual variation)");
        }
        Icc.Result all = Icc.compute(ratings);
        Icc.Estimate e = form == Form.ICC2_1 ? all.icc21() : all.icc31();
        double score = criterion == Criterion.ESTIMATE ? e.value() : e.lower();
        boolean keep = score >= threshold;
        return new FeatureIcc(feature, e.value(), e.lower(), e.upper(), keep, keep ? ""
                : String.format(java.util.Locale.ROOT, "%s %.3f below %.2f",
                        criterion == Criterion.ESTIMATE ? "ICC" : "lower 95% bound", score, threshold));
    }
}
