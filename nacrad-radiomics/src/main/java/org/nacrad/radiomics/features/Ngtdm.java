package org.nacrad.radiomics.features;

import java.util.List;

import org.nacrad.radiomics.FeatureInput;

/**
 * Neighbouring Grey Tone Difference Matrix features, as PyRadiomics' {@code ngtdm} class computes them.
 *
 * <p>Worked example (PyRadiomics' documentation, also a unit test): the 4×4 image
 * <pre>
 *   1 2 5 2
 *   3 5 1 3
 *   1 3 5 5
 *   3 1 1 1
 * </pre>
 * with δ = 1 (8 in-plane neighbours) gives
 * <pre>
 *   i   nᵢ   pᵢ     sᵢ
 *   1   6   0.375  13.35
 *   2   2   0.125   2.00
 *   3   4   0.25    3.0333
 *   4   0   0       0
 *   5   4   0.25   10.075
 * </pre>
 * e.g. s₂ = |2 − 15/5| + |2 − 9/3| = 2 and s₅ = |5 − 13/5| + |5 − 21/8| + |5 − 20/8| + |5 − 11/5| = 10.075.
 * (PyRadiomics' table prints s₃ as 2.63 where its text's sum |3 − 12/5| + |3 − 18/5| + |3 − 20/8| + |3 − 5/3| = 3.03
 * is right; its text's sum for s₅ misreads two neighbourhoods where its table is right.)
 *
 * <p>For each ROI voxel of grey level i, Ā is the mean grey level of its neighbours that are in the ROI (the centre
 * excluded); sᵢ = Σ |i − Ā| over the voxels of level i and nᵢ their number. Following PyRadiomics
 * ({@code calculate_ngtdm} in {@code cmatrices.c}):
 * <ul>
 *   <li>the neighbours are the bidirectional offsets of {@link Directions} for {@code distances}, {@code force2D}
 *       and the box size;</li>
 *   <li>a voxel with no neighbour in the ROI adds 0 to sᵢ but still counts in nᵢ and N<sub>v,p</sub>;</li>
 *   <li>grey levels absent from the ROI are removed; i keeps its true value.</li>
 * </ul>
 *
 * <p>Notation: N<sub>v,p</sub> = Σ nᵢ, pᵢ = nᵢ/N<sub>v,p</sub>, N<sub>g,p</sub> the number of grey levels present;
 * sums over i and j run over the grey levels present.
 *
 * <p>Reference: Amadasun M, King R. Textural features corresponding to textural properties. IEEE Trans Syst Man Cybern
 * 1989;19(5):1264–1274.
 */
public final class Ngtdm extends TableFamily<Ngtdm.Matrix> {

    /** All 5 features (PyRadiomics has no deprecated or on-request NGTDM feature). */
    static final FeatureTable<Matrix> FEATURES = FeatureTable.<Matrix>of("ngtdm")
            .feature("Busyness", Matrix::busyness)
            .feature("Coarseness", Matrix::coarseness)
            .feature("Complexity", Matrix::complexity)
            .feature("Contrast", Matrix::contrast)
            .feature("Strength", Matrix::strength)
            .build();

    public Ngtdm() {
        super(FEATURES);
    }

    @Override
    protected List<Matrix> prepare(FeatureInput input) {
        return List.of(matrix(input));
    }

    /** The NGTDM of an input's ROI with its {@code distances} and {@code force2D}. */
    static Matrix matrix(FeatureInput input) {
        int[][] offsets = Directions.forMatrix(input, input.settings().distances(), true);
        PaddedLevels grid = PaddedLevels.of(input, offsets);
        int[] level = grid.levels;
        int[] steps = grid.steps;
        double[] n = new double[grid.maxLevel + 1];
        double[] s = new double[grid.maxLevel + 1];
        for (int v : grid.roi) {
            int gl = level[v];
            int count = 0;
            double sum = 0;
            for (int step : steps) {
                int w = level[v + step];
                if (w != 0) {
                    count++;
                    sum += w;
                }
            }
            n[gl]++;
            if (count > 0) {
                s[gl] += Math.abs(gl - sum / count);
            }
        }
        return new Matrix(n, s);
    }

    /** An NGTDM over the grey levels present, with the features computed on it. Immutable. */
    static final class Matrix {
        /** N<sub>v,p</sub>. */
        final double nvp;
        /** Grey levels present and their nᵢ, pᵢ, sᵢ. */
        final double[] i, n, p, s;

        /** @param counts nᵢ by grey level (index 0 unused) @param sums sᵢ by grey level */
        Matrix(double[] counts, double[] sums) {
            int present = 0;
            double total = 0;
            for (double c : counts) {
                if (c > 0) {
                    present++;
                    total += c;
                }
            }
            nvp = total;
            i = new double[present];
            n = new double[present];
            p = new double[present];
            s = new double[present];
            for (int gl = 0, x = 0; gl < counts.length; gl++) {
                if (counts[gl] > 0) {
                    i[x] = gl;
                    n[x] = counts[gl];
                    p[x] = counts[gl] / total;
                    s[x++] = sums[gl];
                }
            }
        }

        private double sumPs() {
            double t = 0;
            for (int x = 0; x < p.length; x++) {
                t += p[x] * s[x];
            }
            return t;
        }

        private double sumS() {
            double t = 0;
            for (double v : s) {
                t += v;
            }
            return t;
        }

        /** Coarseness = 1 / Σᵢ pᵢsᵢ, and 10⁶ where Σᵢ pᵢsᵢ = 0 (a flat region). */
        double coarseness() {
            double t = sumPs();
            return t == 0 ? 1e6 : 1 / t;
        }

        /**
         * Contrast = [Σᵢ Σⱼ pᵢpⱼ(i − j)² / (N<sub>g,p</sub>(N<sub>g,p</sub> − 1))] · [Σᵢ sᵢ / N<sub>v,p</sub>], and 0
         * where N<sub>g,p</sub> = 1.
         */
        double contrast() {
            int ngp = i.length;
            if (ngp <= 1) {
                return 0;
            }
            double t = 0;
            for (int x = 0; x < ngp; x++) {
                for (int y = 0; y < ngp; y++) {
                    double d = i[x] - i[y];
                    t += p[x] * p[y] * d * d;
                }
            }
            return t * sumS() / nvp / ((double) ngp * (ngp - 1));
        }

        /** Busyness = Σᵢ pᵢsᵢ / Σᵢ Σⱼ |i pᵢ − j pⱼ|, and 0 where the denominator is 0. */
        double busyness() {
            double d = 0;
            for (int x = 0; x < i.length; x++) {
                for (int y = 0; y < i.length; y++) {
                    d += Math.abs(i[x] * p[x] - i[y] * p[y]);
                }
            }
            return d == 0 ? 0 : sumPs() / d;
        }

        /** Complexity = Σᵢ Σⱼ |i − j| (pᵢsᵢ + pⱼsⱼ)/(pᵢ + pⱼ) / N<sub>v,p</sub>. */
        double complexity() {
            double t = 0;
            for (int x = 0; x < i.length; x++) {
                for (int y = 0; y < i.length; y++) {
                    t += Math.abs(i[x] - i[y]) * (p[x] * s[x] + p[y] * s[y]) / (p[x] + p[y]);
                }
            }
            return t / nvp;
        }

        /** Strength = Σᵢ Σⱼ (pᵢ + pⱼ)(i − j)² / Σᵢ sᵢ, and 0 where Σᵢ sᵢ = 0. */
        double strength() {
            double ss = sumS();
            if (ss == 0) {
                return 0;
            }
            double t = 0;
            for (int x = 0; x < i.length; x++) {
                for (int y = 0; y < i.length; y++) {
                    double d = i[x] - i[y];
                    t += (p[x] + p[y]) * d * d;
                }
            }
            return t / ss;
        }
    }
}
