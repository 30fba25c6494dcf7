package org.nacrad.radiomics.ibsi.texture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;

/**
 * Neighbourhood grey tone difference matrix (NGTDM) features as IBSI-1 defines them (IBSI family IPET).
 *
 * <p>Worked example (IBSI-1, figure "NGTDM"; a unit test): in the 4 × 4 image
 * <pre>
 *   1 2 2 3
 *   1 2 3 3
 *   4 2 4 1
 *   4 1 2 3
 * </pre>
 * the figure takes, as Amadasun and King did, only the four centre pixels (complete neighbourhoods) with δ = 1: the
 * two 2s have neighbour means 19/8 and 21/8, so s<sub>2</sub> = |2 − 19/8| + |2 − 21/8| = 1; s<sub>3</sub> =
 * |3 − 19/8| = 0.625; s<sub>4</sub> = |4 − 17/8| = 1.875; n = (0, 2, 1, 1). IBSI's definition, used here, takes
 * every ROI pixel with at least one ROI neighbour and averages over the neighbours inside the ROI, which for the
 * whole image as ROI gives n = (4, 5, 4, 3) and s = (91/15, 2, 81/40, 133/24); coarseness = 1/Σ p<sub>i</sub>
 * s<sub>i</sub> = 0.2712.
 *
 * <p>Construction (IBSI-1 "Neighbourhood grey tone difference based features"):
 * <ul>
 *   <li>the neighbourhood of a voxel is every voxel within Chebyshev distance δ
 *       ({@link TextureSettings#ngtdmDistance()}), in-plane in 2D and 2.5D, the centre excluded; only neighbours in
 *       the intensity mask count (W<sub>k</sub> of them), and a voxel with W<sub>k</sub> = 0 is left out;</li>
 *   <li>s<sub>i</sub> = Σ |i − X̄<sub>k</sub>| over the voxels k of grey level i, X̄<sub>k</sub> the mean of their
 *       neighbours; n<sub>i</sub> their number; N<sub>v,c</sub> = Σ n<sub>i</sub>, p<sub>i</sub> =
 *       n<sub>i</sub>/N<sub>v,c</sub>, N<sub>g,p</sub> the number of grey levels with p<sub>i</sub> &gt; 0; sums over
 *       pairs run over those levels;</li>
 *   <li>2D: a matrix per slice, features averaged over slices that have one; 2.5D: s<sub>i</sub> and n<sub>i</sub>
 *       summed over slices; 3D: one matrix.</li>
 * </ul>
 *
 * <p>Reference: Amadasun M, King R. Textural features corresponding to textural properties. IEEE Trans Syst Man
 * Cybern 1989;19(5):1264–1274. IBSI-1 reference manual (arXiv:1612.07003).
 */
final class Ngtdm {

    private Ngtdm() {
    }

    /** The 5 NGTDM features in the order of the IBSI tables, with their IBSI codes. */
    static final List<Feature<Matrix>> FEATURES = List.of(
            new Feature<>("coarseness", "QCDE", Ngtdm::coarseness),
            new Feature<>("contrast", "65HE", Ngtdm::contrast),
            new Feature<>("busyness", "NQ30", Ngtdm::busyness),
            new Feature<>("complexity", "HDEZ", Ngtdm::complexity),
            new Feature<>("strength", "1X9X", Ngtdm::strength));

    /** IBSI's cap on coarseness when Σ p<sub>i</sub> s<sub>i</sub> = 0. */
    static final double MAX_COARSENESS = 1e6;

    /** F<sub>ngt.coarseness</sub> = 1 / Σ<sub>i</sub> p<sub>i</sub> s<sub>i</sub>; 10⁶ when the sum is 0. */
    static double coarseness(Matrix m) {
        double ps = 0;
        for (int a = 0; a < m.level.length; a++) {
            ps += m.p[a] * m.s[a];
        }
        return ps == 0 ? MAX_COARSENESS : 1 / ps;
    }

    /**
     * F<sub>ngt.contrast</sub> = [Σ<sub>i1,i2</sub> p<sub>i1</sub> p<sub>i2</sub> (i1 − i2)² /
     * (N<sub>g,p</sub>(N<sub>g,p</sub> − 1))] · [Σ<sub>i</sub> s<sub>i</sub> / N<sub>v,c</sub>]; 0 when
     * N<sub>g,p</sub> = 1.
     */
    static double contrast(Matrix m) {
        int ngp = m.level.length;
        if (ngp == 1) {
            return 0;
        }
        double c = 0;
        for (int a = 0; a < ngp; a++) {
            for (int b = 0; b < ngp; b++) {
                double d = m.level[a] - m.level[b];
                c += m.p[a] * m.p[b] * d * d;
            }
        }
        return c / ((double) ngp * (ngp - 1)) * m.sumS() / m.nvc;
    }

    /**
     * F<sub>ngt.busyness</sub> = Σ<sub>i</sub> p<sub>i</sub> s<sub>i</sub> / Σ<sub>i1,i2</sub> |i1 p<sub>i1</sub> −
     * i2 p<sub>i2</sub>| (Hatt et al.'s correction of Amadasun and King's denominator); 0 when N<sub>g,p</sub> = 1.
     */
    static double busyness(Matrix m) {
        int ngp = m.level.length;
        if (ngp == 1) {
            return 0;
        }
        double num = 0;
        double den = 0;
        for (int a = 0; a < ngp; a++) {
            num += m.p[a] * m.s[a];
            for (int b = 0; b < ngp; b++) {
                den += Math.abs(m.level[a] * m.p[a] - m.level[b] * m.p[b]);
            }
        }
        return num / den;
    }

    /**
     * F<sub>ngt.complexity</sub> = (1/N<sub>v,c</sub>) Σ<sub>i1,i2</sub> |i1 − i2| (p<sub>i1</sub> s<sub>i1</sub> +
     * p<sub>i2</sub> s<sub>i2</sub>) / (p<sub>i1</sub> + p<sub>i2</sub>).
     */
    static double complexity(Matrix m) {
        int ngp = m.level.length;
        double c = 0;
        for (int a = 0; a < ngp; a++) {
            for (int b = 0; b < ngp; b++) {
                c += Math.abs(m.level[a] - m.level[b]) * (m.p[a] * m.s[a] + m.p[b] * m.s[b]) / (m.p[a] + m.p[b]);
            }
        }
        return c / m.nvc;
    }

    /**
     * F<sub>ngt.strength</sub> = Σ<sub>i1,i2</sub> (p<sub>i1</sub> + p<sub>i2</sub>)(i1 − i2)² / Σ<sub>i</sub>
     * s<sub>i</sub>; 0 when Σ s<sub>i</sub> = 0.
     */
    static double strength(Matrix m) {
        double sum = m.sumS();
        if (sum == 0) {
            return 0;
        }
        int ngp = m.level.length;
        double c = 0;
        for (int a = 0; a < ngp; a++) {
            for (int b = 0; b < ngp; b++) {
                double d = m.level[a] - m.level[b];
                c += (m.p[a] + m.p[b]) * d * d;
            }
        }
        return c / sum;
    }

    /**
     * Adds the voxels {@code voxels[from..to)} to n<sub>i</sub> and s<sub>i</sub> (indexed by grey level): each
     * voxel with at least one intensity-mask neighbour among {@code steps} adds |i − X̄| to s<sub>i</sub> and 1 to
     * n<sub>i</sub>.
     */
    static void accumulate(RoiGrid g, int[] steps, int[] voxels, int from, int to, double[] n, double[] s) {
        int[] level = g.level;
        for (int r = from; r < to; r++) {
            int v = voxels[r];
            int count = 0;
            int sum = 0;
            for (int step : steps) {
                int w = level[v + step];
                if (w != 0) {
                    count++;
                    sum += w;
                }
            }
            if (count > 0) {
                int a = level[v];
                n[a]++;
                s[a] += Math.abs(a - (double) sum / count);
            }
        }
    }

    /** The feature vectors of the requested dimensions' aggregations. */
    static void compute(RoiGrid g, TextureSettings settings, Map<Aggregation, double[]> out) {
        int ng = g.levelCount;
        int nf = FEATURES.size();
        boolean d2 = settings.dimensions().contains(Dimension.D2);
        boolean d25 = settings.dimensions().contains(Dimension.D2_5);
        if (d2 || d25) {
            int[] steps = g.neighbourhood(Norm.CHEBYSHEV, settings.ngtdmDistance(), true);
            double[] nAll = new double[ng + 1];
            double[] sAll = new double[ng + 1];
            FeatureMean perSlice = new FeatureMean(nf);
            double[] n = new double[ng + 1];
            double[] s = new double[ng + 1];
            for (int z = 0; z < g.nz; z++) {
                if (g.sliceVoxels(z) == 0) {
                    continue;
                }
                Arrays.fill(n, 0);
                Arrays.fill(s, 0);
                accumulate(g, steps, g.roi, g.sliceStart[z], g.sliceStart[z + 1], n, s);
                Matrix m = Matrix.of(n, s);
                if (m != null && d2) {
                    perSlice.add(Feature.values(FEATURES, m));
                }
                for (int a = 1; a <= ng; a++) {
                    nAll[a] += n[a];
                    sAll[a] += s[a];
                }
            }
            if (d2) {
                out.put(Aggregation.SLICE_2D, perSlice.mean());
            }
            if (d25) {
                out.put(Aggregation.MERGED_2_5D, values(Matrix.of(nAll, sAll)));
            }
        }
        if (settings.dimensions().contains(Dimension.D3)) {
            int[] steps = g.neighbourhood(Norm.CHEBYSHEV, settings.ngtdmDistance(), false);
            double[] n = new double[ng + 1];
            double[] s = new double[ng + 1];
            accumulate(g, steps, g.roi, 0, g.roi.length, n, s);
            out.put(Aggregation.VOLUME_3D, values(Matrix.of(n, s)));
        }
    }

    private static double[] values(Matrix m) {
        return m == null ? Feature.undefined(FEATURES.size()) : Feature.values(FEATURES, m);
    }

    /**
     * An NGTDM over the grey levels present (p<sub>i</sub> &gt; 0): their levels, p<sub>i</sub> and s<sub>i</sub>,
     * and N<sub>v,c</sub>. Immutable.
     */
    static final class Matrix {
        final int[] level;
        final double[] p;
        final double[] s;
        final double nvc;

        private Matrix(int[] level, double[] p, double[] s, double nvc) {
            this.level = level;
            this.p = p;
            this.s = s;
            this.nvc = nvc;
        }

        /** The matrix of n<sub>i</sub>, s<sub>i</sub> indexed by grey level, or null when no voxel counted. */
        static Matrix of(double[] n, double[] s) {
            int present = 0;
            double total = 0;
            for (int a = 1; a < n.length; a++) {
                if (n[a] > 0) {
                    present++;
                    total += n[a];
                }
            }
            if (present == 0) {
                return null;
            }
            int[] level = new int[present];
            double[] p = new double[present];
            double[] sp = new double[present];
            for (int a = 1, k = 0; a < n.length; a++) {
                if (n[a] > 0) {
                    level[k] = a;
                    p[k] = n[a] / total;
                    sp[k++] = s[a];
                }
            }
            return new Matrix(level, p, sp, total);
        }

        double sumS() {
            double t = 0;
            for (double x : s) {
                t += x;
            }
            return t;
        }
    }
}
