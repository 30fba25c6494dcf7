package org.nacrad.radiomics.features;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;
import org.nacrad.radiomics.settings.Limits;

/**
 * Grey Level Co-occurrence Matrix features, as PyRadiomics' {@code glcm} class computes them.
 *
 * <p>Worked example (PyRadiomics' documentation, also a unit test): the 5×5 image
 * <pre>
 *   1 2 5 2 3
 *   3 2 1 3 1
 *   1 3 5 5 2
 *   1 1 1 1 2
 *   1 2 4 3 5
 * </pre>
 * at distance 1 along the rows (θ = 0°) gives the symmetric GLCM
 * <pre>
 *   6 4 3 0 0
 *   4 0 2 1 3
 *   3 2 0 1 2
 *   0 1 1 0 0
 *   0 3 2 0 2
 * </pre>
 * (40 pairs; P(1,1) = 6 counts the three 1–1 neighbours of row 4 both ways).
 *
 * <p>P(i,j|δ,θ) counts voxels of grey level i whose neighbour at offset θ, distance δ (infinity norm; the offsets of
 * {@link Directions} with {@code bidirectional = false}) has grey level j; both voxels must be in the ROI. Following
 * PyRadiomics:
 * <ul>
 *   <li>each direction's matrix is made symmetric, P + Pᵀ ({@code symmetricalGLCM}, default true), and normalised
 *       separately, p = P/ΣP; the features are computed per direction and averaged, skipping NaN (directions with no
 *       pair at all are dropped first);</li>
 *   <li>with {@code weightingNorm} the direction matrices are summed with weights exp(−d²) ({@link
 *       Directions#weight}) into one matrix before normalising;</li>
 *   <li>grey levels absent from the ROI are removed, but i and j keep their bin numbers and N<sub>g</sub> is the
 *       highest grey level in the ROI;</li>
 *   <li>the deprecated Dissimilarity, Homogeneity1, Homogeneity2 and SumVariance have no value in PyRadiomics and
 *       are not offered here.</li>
 * </ul>
 *
 * <p>Notation (per direction): p<sub>x</sub>(i) = Σⱼ p(i,j), p<sub>y</sub>(j) = Σᵢ p(i,j), μ<sub>x</sub> = Σ p(i,j)
 * i, μ<sub>y</sub> = Σ p(i,j) j, p<sub>x+y</sub>(k) = Σ<sub>i+j=k</sub> p(i,j) for k = 2…2N<sub>g</sub>,
 * p<sub>x−y</sub>(k) = Σ<sub>|i−j|=k</sub> p(i,j) for k = 0…N<sub>g</sub>−1, ε = 2.2×10⁻¹⁶, HX, HY, HXY the entropies
 * −Σ q log₂(q + ε) of p<sub>x</sub>, p<sub>y</sub> and p, HXY1 = −Σ p(i,j) log₂(p<sub>x</sub>(i)p<sub>y</sub>(j) + ε),
 * HXY2 = −Σ p<sub>x</sub>(i)p<sub>y</sub>(j) log₂(p<sub>x</sub>(i)p<sub>y</sub>(j) + ε).
 *
 * <p>Reference: Haralick R, Shanmugam K, Dinstein I. Textural features for image classification. IEEE Trans Syst Man
 * Cybern 1973;3(6):610–621.
 */
public final class Glcm extends TableFamily<Glcm.Matrix> {

    static final FeatureTable<Matrix> FEATURES = FeatureTable.<Matrix>of("glcm")
            .feature("Autocorrelation", Matrix::autocorrelation)
            .feature("ClusterProminence", m -> m.clusterMoment(4))
            .feature("ClusterShade", m -> m.clusterMoment(3))
            .feature("ClusterTendency", m -> m.clusterMoment(2))
            .feature("Contrast", Matrix::contrast)
            .feature("Correlation", Matrix::correlation)
            .feature("DifferenceAverage", Matrix::differenceAverage)
            .feature("DifferenceEntropy", Matrix::differenceEntropy)
            .feature("DifferenceVariance", Matrix::differenceVariance)
            .noValue("Dissimilarity", "it equals another glcm feature")
            .noValue("Homogeneity1", "it equals another glcm feature")
            .noValue("Homogeneity2", "it equals another glcm feature")
            .feature("Id", Matrix::id)
            .feature("Idm", Matrix::idm)
            .feature("Idmn", Matrix::idmn)
            .feature("Idn", Matrix::idn)
            .feature("Imc1", Matrix::imc1)
            .feature("Imc2", Matrix::imc2)
            .feature("InverseVariance", Matrix::inverseVariance)
            .feature("JointAverage", Matrix::jointAverage)
            .feature("JointEnergy", Matrix::jointEnergy)
            .feature("JointEntropy", Matrix::jointEntropy)
            .feature("MCC", Matrix::mcc)
            .feature("MaximumProbability", Matrix::maximumProbability)
            .feature("SumAverage", Matrix::sumAverage)
            .feature("SumEntropy", Matrix::sumEntropy)
            .feature("SumSquares", Matrix::sumSquares)
            .noValue("SumVariance", "it equals another glcm feature")
            .build();

    public Glcm() {
        super(FEATURES);
    }

    @Override
    protected List<Matrix> prepare(FeatureInput input) {
        return List.of(matrices(input));
    }

    /**
     * The per-direction values averaged as PyRadiomics does: NaN skipped, but for JointAverage (PyRadiomics takes a
     * plain mean of μ<sub>x</sub>); MCC is 1 for a flat region (one grey level: Q has a single eigenvalue).
     */
    @Override
    protected double value(String feature, ToDoubleFunction<Matrix> formula, List<Matrix> matrices) {
        if (feature.equals("MCC") && !matrices.isEmpty() && matrices.get(0).n < 2) {
            return 1;
        }
        return meanOverDirections(formula, matrices, !feature.equals("JointAverage"));
    }

    // ---- Matrices -------------------------------------------------------------------------------------------

    /**
     * The raw (asymmetric, unweighted) co-occurrence counts of each direction: {@code counts[a][(i−1)·ng + (j−1)]}
     * for grey levels i, j in 1…ng.
     *
     * <p>Only the ROI voxels are visited, on the grey levels padded with a zero border ({@link PaddedLevels}):
     * the neighbour at the offset is counted when its level is non-zero (inside the ROI and the box). The same pairs
     * as a walk over the whole box testing both voxels against the mask, without visiting the voxels outside the
     * ROI.
     *
     * @param offsets directions {@code {di, dj, dk}}
     * @param ng      the highest grey level in the ROI
     */
    static int[][] counts(FeatureInput in, int[][] offsets, int ng) {
        PaddedLevels grid = PaddedLevels.of(in, offsets);
        int[] lv = grid.levels;
        int[] roi = grid.roi;
        int[][] counts = new int[offsets.length][ng * ng];
        for (int a = 0; a < offsets.length; a++) {
            int step = grid.steps[a];
            int[] c = counts[a];
            for (int n : roi) {
                int j = lv[n + step];
                if (j != 0) {
                    c[(lv[n] - 1) * ng + j - 1]++;
                }
            }
        }
        return counts;
    }

    /** The normalised matrices features are computed on: one per non-empty direction, or one when weighted. */
    static Matrix[] matrices(FeatureInput in) {
        RadiomicsSettings s = in.settings();
        GreyLevels g = GreyLevels.of(in);
        int[][] offsets = Directions.forMatrix(in, in.settings().distances(), false);
        int[] present = g.present();
        int ng = g.ng();
        int n = present.length;
        Limits.require(() -> "glcm: " + ng + " grey levels in " + offsets.length + " directions", (double) ng * ng,
                offsets.length * (4.0 * ng * ng + 8.0 * n * n), Limits.FEWER_GREY_LEVELS);
        int[][] counts = counts(in, offsets, ng);
        boolean symmetric = s.symmetricalGLCM();
        double[][] p = new double[offsets.length][];
        for (int a = 0; a < offsets.length; a++) {
            double[] q = new double[n * n];
            int[] c = counts[a];
            for (int x = 0; x < n; x++) {
                int row = (present[x] - 1) * ng;
                for (int y = 0; y < n; y++) {
                    double v = c[row + present[y] - 1];
                    if (symmetric) {
                        v += c[(present[y] - 1) * ng + present[x] - 1];
                    }
                    q[x * n + y] = v;
                }
            }
            p[a] = q;
        }
        DirectionalMatrices.Kept[] kept = DirectionalMatrices.weightAndDropEmpty(p, n * n, offsets, in.spacing(),
                s.weightingNorm(), Directions::weight);
        Matrix[] out = new Matrix[kept.length];
        for (int b = 0; b < kept.length; b++) {
            double[] q = kept[b].cells();
            double t = kept[b].total();
            for (int x = 0; x < q.length; x++) {
                q[x] /= t;
            }
            out[b] = new Matrix(q, g.present(), g.ng());
        }
        return out;
    }

    /**
     * One normalised GLCM p (n×n over the grey levels present, row-major) with its marginals, and the features
     * computed on it.
     */
    static final class Matrix {
        final double[] p;
        final int n;
        final double[] level;
        final int ng;
        final double[] px;
        final double[] py;
        final double ux;
        final double uy;
        final double[] pxAddy;
        final double[] pxSuby;
        final double hxy;

        Matrix(double[] p, int[] present, int ng) {
            this.p = p;
            this.n = present.length;
            this.ng = ng;
            level = new double[n];
            for (int x = 0; x < n; x++) {
                level[x] = present[x];
            }
            px = new double[n];
            py = new double[n];
            pxAddy = new double[2 * ng - 1];
            pxSuby = new double[ng];
            double sx = 0, sy = 0, h = 0;
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    double v = p[x * n + y];
                    px[x] += v;
                    py[y] += v;
                    sx += v * level[x];
                    sy += v * level[y];
                    pxAddy[present[x] + present[y] - 2] += v;
                    pxSuby[Math.abs(present[x] - present[y])] += v;
                    if (v != 0) { // a zero term adds exactly 0
                        h -= v * Entropy.log2(v + Entropy.EPS);
                    }
                }
            }
            ux = sx;
            uy = sy;
            hxy = h;
        }

        /** Autocorrelation = Σᵢ Σⱼ p(i,j) i j. */
        double autocorrelation() {
            double s = 0;
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    s += p[x * n + y] * level[x] * level[y];
                }
            }
            return s;
        }

        /** JointAverage = μ<sub>x</sub> = Σᵢ Σⱼ p(i,j) i. */
        double jointAverage() {
            return ux;
        }

        /**
         * ClusterTendency (k = 2), ClusterShade (k = 3), ClusterProminence (k = 4):
         * Σᵢ Σⱼ (i + j − μ<sub>x</sub> − μ<sub>y</sub>)ᵏ p(i,j).
         */
        double clusterMoment(int k) {
            double s = 0;
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    double d = level[x] + level[y] - ux - uy;
                    double dk = d * d;
                    if (k == 3) {
                        dk *= d;
                    } else if (k == 4) {
                        dk *= dk;
                    }
                    s += p[x * n + y] * dk;
                }
            }
            return s;
        }

        /** Contrast = Σᵢ Σⱼ (i − j)² p(i,j). */
        double contrast() {
            double s = 0;
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    double d = level[x] - level[y];
                    s += p[x * n + y] * d * d;
                }
            }
            return s;
        }

        /**
         * Correlation = (Σᵢ Σⱼ p(i,j)(i − μ<sub>x</sub>)(j − μ<sub>y</sub>)) / (σ<sub>x</sub>σ<sub>y</sub> + ε) with
         * σ<sub>x</sub>² = Σ p(i,j)(i − μ<sub>x</sub>)², σ<sub>y</sub>² likewise; 1 where σ<sub>x</sub>σ<sub>y</sub> = 0
         * (flat region).
         */
        double correlation() {
            double vx = 0, vy = 0, cov = 0;
            for (int x = 0; x < n; x++) {
                double dx = level[x] - ux;
                for (int y = 0; y < n; y++) {
                    double v = p[x * n + y];
                    double dy = level[y] - uy;
                    vx += v * dx * dx;
                    vy += v * dy * dy;
                    cov += v * dx * dy;
                }
            }
            double sxy = Math.sqrt(vx) * Math.sqrt(vy);
            return sxy == 0 ? 1 : cov / (sxy + Entropy.EPS);
        }

        /** DifferenceAverage = Σₖ k p<sub>x−y</sub>(k). */
        double differenceAverage() {
            double s = 0;
            for (int k = 0; k < ng; k++) {
                s += k * pxSuby[k];
            }
            return s;
        }

        /** DifferenceEntropy = −Σₖ p<sub>x−y</sub>(k) log₂(p<sub>x−y</sub>(k) + ε). */
        double differenceEntropy() {
            return Entropy.of(pxSuby);
        }

        /** DifferenceVariance = Σₖ (k − DA)² p<sub>x−y</sub>(k), DA the DifferenceAverage. */
        double differenceVariance() {
            double da = differenceAverage();
            double s = 0;
            for (int k = 0; k < ng; k++) {
                s += (k - da) * (k - da) * pxSuby[k];
            }
            return s;
        }

        /** Id (inverse difference) = Σₖ p<sub>x−y</sub>(k)/(1 + k). */
        double id() {
            double s = 0;
            for (int k = 0; k < ng; k++) {
                s += pxSuby[k] / (1 + k);
            }
            return s;
        }

        /** Idm (inverse difference moment) = Σₖ p<sub>x−y</sub>(k)/(1 + k²). */
        double idm() {
            double s = 0;
            for (int k = 0; k < ng; k++) {
                s += pxSuby[k] / (1 + (double) k * k);
            }
            return s;
        }

        /** Idmn = Σₖ p<sub>x−y</sub>(k)/(1 + k²/N<sub>g</sub>²). */
        double idmn() {
            double s = 0;
            double ng2 = (double) ng * ng;
            for (int k = 0; k < ng; k++) {
                s += pxSuby[k] / (1 + (double) k * k / ng2);
            }
            return s;
        }

        /** Idn = Σₖ p<sub>x−y</sub>(k)/(1 + k/N<sub>g</sub>). */
        double idn() {
            double s = 0;
            for (int k = 0; k < ng; k++) {
                s += pxSuby[k] / (1 + (double) k / ng);
            }
            return s;
        }

        /** HXY1 and HXY2, computed together on first use (they share log₂(p<sub>x</sub>(i)p<sub>y</sub>(j) + ε)). */
        private double[] hxy12;

        private double[] hxy12() {
            if (hxy12 == null) {
                double h1 = 0, h2 = 0;
                for (int x = 0; x < n; x++) {
                    if (px[x] == 0) {
                        continue; // row and product terms are all exactly 0
                    }
                    for (int y = 0; y < n; y++) {
                        double q = px[x] * py[y];
                        if (q != 0) {
                            double l = Entropy.log2(q + Entropy.EPS);
                            h1 -= p[x * n + y] * l;
                            h2 -= q * l;
                        }
                    }
                }
                hxy12 = new double[] {h1, h2};
            }
            return hxy12;
        }

        /** Imc1 = (HXY − HXY1)/max(HX, HY); 0 where HX = HY = 0. */
        double imc1() {
            double hx = Entropy.of(px), hy = Entropy.of(py);
            double div = Math.max(hx, hy);
            return div == 0 ? 0 : (hxy - hxy12()[0]) / div;
        }

        /**
         * Imc2 = √(1 − e<sup>−2(HXY2 − HXY)</sup>); 0 where HXY2 = HXY (NaN where rounding makes HXY2 &lt; HXY; such a
         * direction is skipped by the average, as in PyRadiomics).
         */
        double imc2() {
            double hxy2 = hxy12()[1];
            return hxy2 == hxy ? 0 : Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy)));
        }

        /** InverseVariance = Σ<sub>k≥1</sub> p<sub>x−y</sub>(k)/k². */
        double inverseVariance() {
            double s = 0;
            for (int k = 1; k < ng; k++) {
                s += pxSuby[k] / ((double) k * k);
            }
            return s;
        }

        /** JointEnergy = Σᵢ Σⱼ p(i,j)². */
        double jointEnergy() {
            double s = 0;
            for (double v : p) {
                s += v * v;
            }
            return s;
        }

        /** JointEntropy = HXY = −Σᵢ Σⱼ p(i,j) log₂(p(i,j) + ε). */
        double jointEntropy() {
            return hxy;
        }

        /**
         * MCC = √λ₂, λ₂ the second-largest eigenvalue of Q(i,j) = Σₖ p(i,k)p(j,k)/(p<sub>x</sub>(i)p<sub>y</sub>(k)).
         *
         * <p>Q = D<sub>x</sub>⁻¹ P D<sub>y</sub>⁻¹ Pᵀ is similar to the symmetric positive semi-definite S =
         * D<sub>x</sub><sup>−½</sup> P D<sub>y</sub>⁻¹ Pᵀ D<sub>x</sub><sup>−½</sup> (rows with p<sub>x</sub>(i) = 0 are zero
         * in Q and contribute eigenvalue 0), so the eigenvalues are those of S, computed with a symmetric solver.
         * PyRadiomics adds ε to p<sub>x</sub>(i)p<sub>y</sub>(k) and takes the general eigenvalues of Q; the two agree
         * to rounding. NaN where λ₂ &lt; 0 by rounding (PyRadiomics' real square root gives NaN there too).
         */
        double mcc() {
            if (Double.isNaN(p[0])) {
                return Double.NaN;
            }
            int m = 0;
            int[] idx = new int[n];
            for (int x = 0; x < n; x++) {
                if (px[x] > 0) {
                    idx[m++] = x;
                }
            }
            // S = W Wᵀ with W(i,k) = p(i,k)/√(p_x(i)·p_y(k)) over the rows with p_x(i) > 0 (p(i,k) = 0 where p_y(k) = 0),
            // held transposed (wt[k][a] = W(a,k)) so that S accumulates one k at a time over whole rows: each
            // S(a,b) is still Σₖ W(a,k)W(b,k) in ascending k, and the products skipped (W(a,k) = 0) are +0 terms of a
            // sum of non-negative products, so S is the same to the last bit as the k-inner loop, without its
            // dependent-addition chain.
            double[] sqrtPy = new double[n];
            for (int k = 0; k < n; k++) {
                sqrtPy[k] = Math.sqrt(py[k]);
            }
            double[][] wt = new double[n][m];
            for (int a = 0; a < m; a++) {
                int x = idx[a];
                double rx = 1 / Math.sqrt(px[x]);
                for (int k = 0; k < n; k++) {
                    double v = p[x * n + k];
                    if (v != 0) { // the zeros (most of a GLCM) are already in place
                        wt[k][a] = v * rx / sqrtPy[k];
                    }
                }
            }
            double[][] s = new double[m][m];
            for (int k = 0; k < n; k++) {
                double[] w = wt[k];
                for (int a = 0; a < m; a++) {
                    double wa = w[a];
                    if (wa == 0) {
                        continue;
                    }
                    double[] sa = s[a];
                    for (int b = a; b < m; b++) {
                        sa[b] += wa * w[b];
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                for (int b = a + 1; b < m; b++) {
                    s[b][a] = s[a][b];
                }
            }
            // λ₂ is the second largest of S's eigenvalues and the n − m zero eigenvalues of the dropped rows: S's
            // second largest alone when no row was dropped, else the second largest of S's two largest and up to two
            // zeros
            double l2;
            if (m == n) {
                l2 = GlcmEigen.eigenvaluesOfRank(s, m - 2)[0];
            } else {
                double[] top = GlcmEigen.largestEigenvalues(s, 2);
                double[] candidates = Arrays.copyOf(top, top.length + Math.min(2, n - m));
                Arrays.sort(candidates);
                l2 = candidates[candidates.length - 2];
            }
            return l2 < 0 ? Double.NaN : Math.sqrt(l2);
        }

        /** MaximumProbability = max p(i,j). */
        double maximumProbability() {
            double mx = Double.NEGATIVE_INFINITY;
            for (double v : p) {
                mx = Math.max(mx, v);
            }
            return mx;
        }

        /** SumAverage = Σₖ k p<sub>x+y</sub>(k), k = 2…2N<sub>g</sub>. */
        double sumAverage() {
            double s = 0;
            for (int k = 0; k < pxAddy.length; k++) {
                s += (k + 2) * pxAddy[k];
            }
            return s;
        }

        /** SumEntropy = −Σₖ p<sub>x+y</sub>(k) log₂(p<sub>x+y</sub>(k) + ε). */
        double sumEntropy() {
            return Entropy.of(pxAddy);
        }

        /** SumSquares = Σᵢ Σⱼ (i − μ<sub>x</sub>)² p(i,j). */
        double sumSquares() {
            double s = 0;
            for (int x = 0; x < n; x++) {
                double d = level[x] - ux;
                s += d * d * px[x];
            }
            return s;
        }
    }
}
