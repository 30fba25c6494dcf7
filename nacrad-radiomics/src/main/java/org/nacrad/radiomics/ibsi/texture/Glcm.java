package org.nacrad.radiomics.ibsi.texture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Grey level co-occurrence matrix (GLCM) features as IBSI-1 defines them (IBSI family LFYI).
 *
 * <p>Worked example (IBSI-1, figures "GLCM" 1–3; a unit test): the 4 × 4 image
 * <pre>
 *   1 2 2 3
 *   1 2 3 3
 *   4 2 4 1
 *   4 1 2 3
 * </pre>
 * has, along direction m = (1, 0) counted both ways (m and −m, so the matrix is symmetric), the GLCM
 * <pre>
 *         j=1 2 3 4
 *   i=1     0 3 0 2
 *   i=2     3 2 3 2
 *   i=3     0 3 2 0
 *   i=4     2 2 0 0      (24 co-occurrences)
 * </pre>
 * e.g. level 1 has level 2 as right-hand neighbour twice and as left-hand neighbour once: m<sub>12</sub> = 3. Then
 * p<sub>ij</sub> = m<sub>ij</sub>/24; the diagonal probabilities p<sub>i−j,k</sub> are 4/24, 12/24, 4/24, 4/24 for
 * k = 0..3; joint maximum = 3/24 = 0.125, joint average = (1·5 + 2·10 + 3·5 + 4·4)/24 = 2.333, contrast = 64/24 =
 * 2.667, difference average = (12 + 2·4 + 3·4)/24 = 1.333.
 *
 * <p>Construction (IBSI-1 "Grey level co-occurrence based features"):
 * <ul>
 *   <li>a matrix per direction vector of Chebyshev length 1, multiplied by the distance δ: 13 directions in 3D, the
 *       4 in-plane directions (1,0), (1,1), (0,1), (−1,1) per slice in 2D and 2.5D; each counts pairs of
 *       intensity-mask voxels along m and −m (M<sub>m</sub> = M<sub>m+</sub> + M<sub>m+</sub><sup>T</sup>);</li>
 *   <li>matrices are N<sub>g</sub> × N<sub>g</sub> (N<sub>g</sub> = {@link TextureInput#levelCount()}), so the
 *       normalised inverse difference (moment) divide by the discretisation's N<sub>g</sub>;</li>
 *   <li>the six aggregations of {@link Aggregation}; merging adds counts; a slice without voxel pairs in a
 *       direction has no matrix for it and is left out of averages and merges;</li>
 *   <li>where a feature is undefined for one matrix it is left out of that feature's average, as in the IBSI
 *       reference implementation MIRP: inverse variance of a matrix without off-diagonal elements. MIRP's values
 *       for degenerate matrices are used likewise: correlation = 1 when the marginal variance is 0, information
 *       correlation 1 = 1 when HX = 0, information correlation 2 = 0 when HXY<sub>2</sub> &lt; HXY.</li>
 * </ul>
 *
 * <p>Notation: p<sub>ij</sub> the joint probability, p<sub>i.</sub> = Σ<sub>j</sub> p<sub>ij</sub> (= p<sub>.j</sub>
 * by symmetry), p<sub>i−j,k</sub> = Σ p<sub>ij</sub> [|i−j| = k], p<sub>i+j,k</sub> = Σ p<sub>ij</sub> [i+j = k],
 * μ = Σ i p<sub>ij</sub>; logarithms base 2.
 *
 * <p>References: Haralick RM, Shanmugam K, Dinstein I. Textural features for image classification. IEEE Trans Syst
 * Man Cybern 1973;3(6):610–621. Zwanenburg A, Vallières M, et al. The Image Biomarker Standardization Initiative.
 * Radiology 2020;295(2):328–338 (reference manual: arXiv:1612.07003).
 */
final class Glcm {

    private Glcm() {
    }

    /** The 25 GLCM features in the order of the IBSI tables, with their IBSI codes. */
    static final List<Feature<CoMatrix>> FEATURES = List.of(
            new Feature<>("joint_max", "GYBY", Glcm::jointMax),
            new Feature<>("joint_avg", "60VM", Glcm::jointAverage),
            new Feature<>("joint_var", "UR99", Glcm::jointVariance),
            new Feature<>("joint_entr", "TU9B", Glcm::jointEntropy),
            new Feature<>("diff_avg", "TF7R", Glcm::differenceAverage),
            new Feature<>("diff_var", "D3YU", Glcm::differenceVariance),
            new Feature<>("diff_entr", "NTRS", Glcm::differenceEntropy),
            new Feature<>("sum_avg", "ZGXS", Glcm::sumAverage),
            new Feature<>("sum_var", "OEEB", Glcm::sumVariance),
            new Feature<>("sum_entr", "P6QZ", Glcm::sumEntropy),
            new Feature<>("energy", "8ZQL", Glcm::angularSecondMoment),
            new Feature<>("contrast", "ACUI", Glcm::contrast),
            new Feature<>("dissimilarity", "8S9J", Glcm::dissimilarity),
            new Feature<>("inv_diff", "IB1Z", Glcm::inverseDifference),
            new Feature<>("inv_diff_norm", "NDRX", Glcm::normalisedInverseDifference),
            new Feature<>("inv_diff_mom", "WF0Z", Glcm::inverseDifferenceMoment),
            new Feature<>("inv_diff_mom_norm", "1QCO", Glcm::normalisedInverseDifferenceMoment),
            new Feature<>("inv_var", "E8JP", Glcm::inverseVariance),
            new Feature<>("corr", "NI2N", Glcm::correlation),
            new Feature<>("auto_corr", "QWB0", Glcm::autocorrelation),
            new Feature<>("clust_tend", "DG8W", Glcm::clusterTendency),
            new Feature<>("clust_shade", "7NFM", Glcm::clusterShade),
            new Feature<>("clust_prom", "AE86", Glcm::clusterProminence),
            new Feature<>("info_corr1", "R8DG", Glcm::informationCorrelation1),
            new Feature<>("info_corr2", "JN9H", Glcm::informationCorrelation2));

    /** F<sub>cm.joint.max</sub> = max p<sub>ij</sub>. */
    static double jointMax(CoMatrix m) {
        double max = 0;
        for (double p : m.p) {
            max = Math.max(max, p);
        }
        return max;
    }

    /** F<sub>cm.joint.avg</sub> = Σ<sub>i,j</sub> i p<sub>ij</sub>. */
    static double jointAverage(CoMatrix m) {
        return m.mu;
    }

    /** F<sub>cm.joint.var</sub> = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>. */
    static double jointVariance(CoMatrix m) {
        double v = 0;
        for (int k = 0; k < m.p.length; k++) {
            double d = m.i[k] - m.mu;
            v += d * d * m.p[k];
        }
        return v;
    }

    /** F<sub>cm.joint.entr</sub> = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>. */
    static double jointEntropy(CoMatrix m) {
        return entropy(m.p);
    }

    /** F<sub>cm.diff.avg</sub> = Σ<sub>k</sub> k p<sub>i−j,k</sub>. */
    static double differenceAverage(CoMatrix m) {
        return mean(m.diagonal, 0);
    }

    /** F<sub>cm.diff.var</sub> = Σ<sub>k</sub> (k − μ<sub>d</sub>)² p<sub>i−j,k</sub>, μ<sub>d</sub> the difference average. */
    static double differenceVariance(CoMatrix m) {
        return variance(m.diagonal, 0);
    }

    /** F<sub>cm.diff.entr</sub> = −Σ<sub>k</sub> p<sub>i−j,k</sub> log₂ p<sub>i−j,k</sub>. */
    static double differenceEntropy(CoMatrix m) {
        return entropy(m.diagonal);
    }

    /** F<sub>cm.sum.avg</sub> = Σ<sub>k</sub> k p<sub>i+j,k</sub> (k = 2..2N<sub>g</sub>). */
    static double sumAverage(CoMatrix m) {
        return mean(m.crossDiagonal, 2);
    }

    /** F<sub>cm.sum.var</sub> = Σ<sub>k</sub> (k − μ<sub>s</sub>)² p<sub>i+j,k</sub>, μ<sub>s</sub> the sum average. */
    static double sumVariance(CoMatrix m) {
        return variance(m.crossDiagonal, 2);
    }

    /** F<sub>cm.sum.entr</sub> = −Σ<sub>k</sub> p<sub>i+j,k</sub> log₂ p<sub>i+j,k</sub>. */
    static double sumEntropy(CoMatrix m) {
        return entropy(m.crossDiagonal);
    }

    /** F<sub>cm.energy</sub> = Σ<sub>i,j</sub> p<sub>ij</sub>². */
    static double angularSecondMoment(CoMatrix m) {
        double s = 0;
        for (double p : m.p) {
            s += p * p;
        }
        return s;
    }

    /** F<sub>cm.contrast</sub> = Σ<sub>i,j</sub> (i − j)² p<sub>ij</sub>. */
    static double contrast(CoMatrix m) {
        double s = 0;
        for (int k = 1; k < m.diagonal.length; k++) {
            s += (double) k * k * m.diagonal[k];
        }
        return s;
    }

    /** F<sub>cm.dissimilarity</sub> = Σ<sub>i,j</sub> |i − j| p<sub>ij</sub> (equal to the difference average). */
    static double dissimilarity(CoMatrix m) {
        return mean(m.diagonal, 0);
    }

    /** Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + w(k)). */
    private static double inverseDiagonal(CoMatrix m, IntToDoubleFunction w) {
        double s = 0;
        for (int k = 0; k < m.diagonal.length; k++) {
            s += m.diagonal[k] / (1 + w.applyAsDouble(k));
        }
        return s;
    }

    /** F<sub>cm.inv.diff</sub> = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k). */
    static double inverseDifference(CoMatrix m) {
        return inverseDiagonal(m, k -> k);
    }

    /** F<sub>cm.inv.diff.norm</sub> = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k/N<sub>g</sub>). */
    static double normalisedInverseDifference(CoMatrix m) {
        return inverseDiagonal(m, k -> (double) k / m.ng);
    }

    /** F<sub>cm.inv.diff.mom</sub> = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + k²). */
    static double inverseDifferenceMoment(CoMatrix m) {
        return inverseDiagonal(m, k -> (double) k * k);
    }

    /** F<sub>cm.inv.diff.mom.norm</sub> = Σ<sub>k</sub> p<sub>i−j,k</sub> / (1 + (k/N<sub>g</sub>)²). */
    static double normalisedInverseDifferenceMoment(CoMatrix m) {
        return inverseDiagonal(m, k -> (double) k * k / ((double) m.ng * m.ng));
    }

    /**
     * F<sub>cm.inv.var</sub> = Σ<sub>k≥1</sub> p<sub>i−j,k</sub> / k²; undefined (NaN) for a matrix without
     * off-diagonal elements.
     */
    static double inverseVariance(CoMatrix m) {
        double s = 0;
        boolean offDiagonal = false;
        for (int k = 1; k < m.diagonal.length; k++) {
            if (m.diagonal[k] > 0) {
                offDiagonal = true;
                s += m.diagonal[k] / ((double) k * k);
            }
        }
        return offDiagonal ? s : Double.NaN;
    }

    /**
     * F<sub>cm.corr</sub> = (Σ<sub>i,j</sub> i j p<sub>ij</sub> − μ<sub>i.</sub>²) / σ<sub>i.</sub>², with
     * μ<sub>i.</sub>, σ<sub>i.</sub>² the mean and variance of the marginal p<sub>i.</sub>; 1 when σ<sub>i.</sub> = 0.
     */
    static double correlation(CoMatrix m) {
        double var = 0;
        for (int i = 1; i <= m.ng; i++) {
            var += (i - m.mu) * (i - m.mu) * m.marginal[i];
        }
        if (var == 0) {
            return 1;
        }
        return (autocorrelation(m) - m.mu * m.mu) / var;
    }

    /** F<sub>cm.auto.corr</sub> = Σ<sub>i,j</sub> i j p<sub>ij</sub>. */
    static double autocorrelation(CoMatrix m) {
        double s = 0;
        for (int k = 0; k < m.p.length; k++) {
            s += (double) m.i[k] * m.j[k] * m.p[k];
        }
        return s;
    }

    /** Σ<sub>i,j</sub> (i + j − 2μ<sub>i.</sub>)<sup>power</sup> p<sub>ij</sub>. */
    private static double clusterMoment(CoMatrix m, int power) {
        double s = 0;
        for (int k = 0; k < m.p.length; k++) {
            double d = m.i[k] + m.j[k] - 2 * m.mu;
            double dp = d;
            for (int e = 1; e < power; e++) {
                dp *= d;
            }
            s += dp * m.p[k];
        }
        return s;
    }

    /** F<sub>cm.clust.tend</sub> = Σ<sub>i,j</sub> (i + j − 2μ<sub>i.</sub>)² p<sub>ij</sub>. */
    static double clusterTendency(CoMatrix m) {
        return clusterMoment(m, 2);
    }

    /** F<sub>cm.clust.shade</sub> = Σ<sub>i,j</sub> (i + j − 2μ<sub>i.</sub>)³ p<sub>ij</sub>. */
    static double clusterShade(CoMatrix m) {
        return clusterMoment(m, 3);
    }

    /** F<sub>cm.clust.prom</sub> = Σ<sub>i,j</sub> (i + j − 2μ<sub>i.</sub>)⁴ p<sub>ij</sub>. */
    static double clusterProminence(CoMatrix m) {
        return clusterMoment(m, 4);
    }

    /**
     * F<sub>cm.info.corr.1</sub> = (HXY − HXY<sub>1</sub>) / HX with HXY the joint entropy, HX = −Σ p<sub>i.</sub>
     * log₂ p<sub>i.</sub> and HXY<sub>1</sub> = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂(p<sub>i.</sub> p<sub>.j</sub>);
     * 1 when HX = 0.
     */
    static double informationCorrelation1(CoMatrix m) {
        double hx = entropy(m.marginal);
        if (hx == 0) {
            return 1;
        }
        double hxy1 = 0;
        for (int k = 0; k < m.p.length; k++) {
            hxy1 -= m.p[k] * Math.log(m.marginal[m.i[k]] * m.marginal[m.j[k]]);
        }
        return (jointEntropy(m) - hxy1 / LN2) / hx;
    }

    /**
     * F<sub>cm.info.corr.2</sub> = √(1 − exp(−2 (HXY<sub>2</sub> − HXY))) with HXY<sub>2</sub> =
     * −Σ<sub>i,j</sub> p<sub>i.</sub> p<sub>.j</sub> log₂(p<sub>i.</sub> p<sub>.j</sub>) (= 2 HX); 0 when
     * HXY<sub>2</sub> &lt; HXY.
     */
    static double informationCorrelation2(CoMatrix m) {
        double hxy2 = 0;
        for (int a = 1; a <= m.ng; a++) {
            for (int b = 1; b <= m.ng; b++) {
                double q = m.marginal[a] * m.marginal[b];
                if (q > 0) {
                    hxy2 -= q * Math.log(q);
                }
            }
        }
        hxy2 /= LN2;
        double hxy = jointEntropy(m);
        return hxy2 < hxy ? 0 : Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy)));
    }

    private static final double LN2 = Math.log(2);

    /** −Σ p log₂ p over the non-zero p. */
    private static double entropy(double[] probabilities) {
        double h = 0;
        for (double p : probabilities) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h / LN2;
    }

    /** Σ<sub>k ≥ first</sub> k p<sub>k</sub> of a distribution stored at index k. */
    private static double mean(double[] pk, int first) {
        double s = 0;
        for (int k = first; k < pk.length; k++) {
            s += k * pk[k];
        }
        return s;
    }

    /** Σ (k − μ)² p<sub>k</sub>, μ = Σ k p<sub>k</sub>. */
    private static double variance(double[] pk, int first) {
        double mu = mean(pk, first);
        double s = 0;
        for (int k = first; k < pk.length; k++) {
            s += (k - mu) * (k - mu) * pk[k];
        }
        return s;
    }

    /**
     * One GLCM normalised to probabilities, with its marginal, diagonal and cross-diagonal probabilities. Only the
     * non-zero cells are kept. Immutable.
     */
    static final class CoMatrix {
        /** N<sub>g</sub>. */
        final int ng;
        /** Non-zero cells: grey levels i, j (1-based) and p<sub>ij</sub>. */
        final int[] i, j;
        final double[] p;
        /** p<sub>i.</sub> indexed by grey level (index 0 unused). */
        final double[] marginal;
        /** p<sub>i−j,k</sub> indexed by k = 0..N<sub>g</sub>−1. */
        final double[] diagonal;
        /** p<sub>i+j,k</sub> indexed by k = 0..2N<sub>g</sub> (0 and 1 unused). */
        final double[] crossDiagonal;
        /** μ = Σ i p<sub>ij</sub>. */
        final double mu;

        /**
         * @param counts symmetric co-occurrence counts, cell (i, j) at {@code (i − 1) * ng + (j − 1)}; not all zero
         */
        CoMatrix(double[] counts, int ng) {
            this.ng = ng;
            double total = 0;
            int cells = 0;
            for (double c : counts) {
                if (c != 0) {
                    total += c;
                    cells++;
                }
            }
            i = new int[cells];
            j = new int[cells];
            p = new double[cells];
            marginal = new double[ng + 1];
            diagonal = new double[ng];
            crossDiagonal = new double[2 * ng + 1];
            double m = 0;
            for (int a = 0, e = 0, cell = 0; a < ng; a++) {
                for (int b = 0; b < ng; b++, cell++) {
                    double c = counts[cell];
                    if (c != 0) {
                        double q = c / total;
                        i[e] = a + 1;
                        j[e] = b + 1;
                        p[e++] = q;
                        marginal[a + 1] += q;
                        diagonal[Math.abs(a - b)] += q;
                        crossDiagonal[a + b + 2] += q;
                        m += (a + 1) * q;
                    }
                }
            }
            mu = m;
        }
    }

    /** Symmetric counts M + Mᵀ of one-way counts, into {@code out}; returns the total. */
    static double symmetrise(int[] oneWay, double[] out, int ng) {
        double total = 0;
        for (int a = 0; a < ng; a++) {
            for (int b = 0; b < ng; b++) {
                double c = oneWay[a * ng + b] + oneWay[b * ng + a];
                out[a * ng + b] = c;
                total += c;
            }
        }
        return total;
    }

    /** Counts pairs (v, v + step) of intensity-mask voxels, v = roi[from..to), one way, into {@code counts}. */
    static void count(RoiGrid g, int from, int to, int step, int[] counts) {
        int ng = g.levelCount;
        int[] level = g.level;
        int[] roi = g.roi;
        for (int r = from; r < to; r++) {
            int v = roi[r];
            int w = level[v + step];
            if (w != 0) {
                counts[(level[v] - 1) * ng + w - 1]++;
            }
        }
    }

    private static double[] values(double[] counts, int ng) {
        return Feature.values(FEATURES, new CoMatrix(counts, ng));
    }


    private static boolean isEmpty(double[] counts) {
        for (double c : counts) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** All six aggregations' feature vectors for the requested dimensions, keyed by aggregation. */
    static void compute(RoiGrid g, TextureSettings s, Map<Aggregation, double[]> out) {
        int ng = g.levelCount;
        int n = FEATURES.size();
        boolean d2 = s.dimensions().contains(TextureSettings.Dimension.D2);
        boolean d25 = s.dimensions().contains(TextureSettings.Dimension.D2_5);
        if (d2 || d25) {
            int[] steps = g.steps(RoiGrid.DIRECTIONS_2D, s.glcmDistance());
            FeatureMean perDirection = new FeatureMean(n);
            FeatureMean perSlice = new FeatureMean(n);
            double[][] directionMerged = new double[steps.length][ng * ng];
            int[] oneWay = new int[ng * ng];
            double[] m = new double[ng * ng];
            double[] slice = new double[ng * ng];
            for (int z = 0; z < g.nz; z++) {
                if (g.sliceVoxels(z) == 0) {
                    continue;
                }
                Arrays.fill(slice, 0);
                boolean sliceEmpty = true;
                for (int d = 0; d < steps.length; d++) {
                    Arrays.fill(oneWay, 0);
                    count(g, g.sliceStart[z], g.sliceStart[z + 1], steps[d], oneWay);
                    if (symmetrise(oneWay, m, ng) == 0) {
                        continue;
                    }
                    sliceEmpty = false;
                    if (d2) {
                        perDirection.add(values(m, ng));
                        Feature.add(slice, m);
                    }
                    Feature.add(directionMerged[d], m);
                }
                if (d2 && !sliceEmpty) {
                    perSlice.add(values(slice, ng));
                }
            }
            if (d2) {
                out.put(Aggregation.AVG_2D, perDirection.mean());
                out.put(Aggregation.COMB_2D, perSlice.mean());
            }
            if (d25) {
                mergedAggregations(directionMerged, ng, n, out, Aggregation.AVG_2_5D, Aggregation.COMB_2_5D);
            }
        }
        if (s.dimensions().contains(TextureSettings.Dimension.D3)) {
            int[] steps = g.steps(RoiGrid.DIRECTIONS_3D, s.glcmDistance());
            double[][] perDirection = new double[steps.length][ng * ng];
            int[] oneWay = new int[ng * ng];
            for (int d = 0; d < steps.length; d++) {
                Arrays.fill(oneWay, 0);
                count(g, 0, g.roi.length, steps[d], oneWay);
                symmetrise(oneWay, perDirection[d], ng);
            }
            mergedAggregations(perDirection, ng, n, out, Aggregation.AVG_3D, Aggregation.COMB_3D);
        }
    }

    /** The average over the non-empty per-direction matrices, and the features of their sum. */
    private static void mergedAggregations(double[][] perDirection, int ng, int n, Map<Aggregation, double[]> out,
            Aggregation averaged, Aggregation merged) {
        FeatureMean mean = new FeatureMean(n);
        double[] sum = new double[ng * ng];
        for (double[] m : perDirection) {
            if (!isEmpty(m)) {
                mean.add(values(m, ng));
                Feature.add(sum, m);
            }
        }
        out.put(averaged, mean.mean());
        out.put(merged, isEmpty(sum) ? Feature.undefined(n) : values(sum, ng));
    }
}
