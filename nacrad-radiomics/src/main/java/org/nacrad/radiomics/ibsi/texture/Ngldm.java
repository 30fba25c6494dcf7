package org.nacrad.radiomics.ibsi.texture;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;

/**
 * Neighbouring grey level dependence matrix (NGLDM) features as IBSI-1 defines them (IBSI family REK0).
 *
 * <p>Worked example (IBSI-1, figure "NGLDM"; a unit test): in the 4 × 4 image
 * <pre>
 *   1 2 2 3
 *   1 2 3 3
 *   4 2 4 1
 *   4 1 2 3
 * </pre>
 * the figure counts, as Sun and Wee did, for the four centre pixels only (complete neighbourhoods, δ = 1, α = 0) the
 * neighbours of equal grey level k: the 2s have k = 3 and 2, the 3 has k = 2, the 4 has k = 0. IBSI's dependence
 * j = k + 1 counts the centre too and takes every ROI pixel, neighbours outside the ROI not counting; for the whole
 * image as ROI (rows: grey level i = 1..4, columns: dependence j = 1..4)
 * <pre>
 *   2 2 0 0
 *   0 1 3 1
 *   1 0 3 0
 *   1 2 0 0      (16 neighbourhoods)
 * </pre>
 * so low dependence emphasis = (4 + 5/4 + 6/9 + 1/16)/16 = 0.374 and dependence count percentage = 1.
 *
 * <p>Construction (IBSI-1 "Neighbouring grey level dependence based features"):
 * <ul>
 *   <li>the neighbourhood is every voxel within Chebyshev distance δ ({@link TextureSettings#ngldmDistance()}),
 *       in-plane in 2D and 2.5D; a neighbour in the intensity mask is dependent when its grey level differs from
 *       the centre's by at most α ({@link TextureSettings#ngldmAlpha()}); j<sub>k</sub> = 1 + the number of
 *       dependent neighbours;</li>
 *   <li>every intensity-mask voxel is a centre, so N<sub>s</sub> = N<sub>v</sub>;</li>
 *   <li>2D: a matrix per slice, features averaged over slices with voxels; 2.5D: the slices' matrices summed; 3D:
 *       one matrix.</li>
 * </ul>
 *
 * <p>Notation: s<sub>ij</sub> the number of voxels of grey level i and dependence j, N<sub>s</sub> = Σ
 * s<sub>ij</sub>, s<sub>i.</sub>, s<sub>.j</sub> the marginal sums, p<sub>ij</sub> = s<sub>ij</sub>/N<sub>s</sub>.
 *
 * <p>References: Sun C, Wee WG. Neighboring gray level dependence matrix for texture classification. Comput Vis
 * Graph Image Process 1983;23(3):341–352. IBSI-1 reference manual (arXiv:1612.07003).
 */
final class Ngldm {

    private Ngldm() {
    }

    /** The 17 NGLDM features in the order of the IBSI tables, with their IBSI codes. */
    static final List<Feature<CountMatrix>> FEATURES = List.of(
            new Feature<>("lde", "SODN", Ngldm::lowDependenceEmphasis),
            new Feature<>("hde", "IMOQ", Ngldm::highDependenceEmphasis),
            new Feature<>("lgce", "TL9H", Ngldm::lowGreyLevelCountEmphasis),
            new Feature<>("hgce", "OAE7", Ngldm::highGreyLevelCountEmphasis),
            new Feature<>("ldlge", "EQ3F", Ngldm::lowDependenceLowGreyLevelEmphasis),
            new Feature<>("ldhge", "JA6D", Ngldm::lowDependenceHighGreyLevelEmphasis),
            new Feature<>("hdlge", "NBZI", Ngldm::highDependenceLowGreyLevelEmphasis),
            new Feature<>("hdhge", "9QMG", Ngldm::highDependenceHighGreyLevelEmphasis),
            new Feature<>("glnu", "FP8K", Ngldm::greyLevelNonUniformity),
            new Feature<>("glnu_norm", "5SPA", Ngldm::normalisedGreyLevelNonUniformity),
            new Feature<>("dcnu", "Z87G", Ngldm::dependenceCountNonUniformity),
            new Feature<>("dcnu_norm", "OKJI", Ngldm::normalisedDependenceCountNonUniformity),
            new Feature<>("dc_perc", "6XV8", Ngldm::dependenceCountPercentage),
            new Feature<>("gl_var", "1PFV", Ngldm::greyLevelVariance),
            new Feature<>("dc_var", "DNX2", Ngldm::dependenceCountVariance),
            new Feature<>("dc_entr", "FCBV", Ngldm::dependenceCountEntropy),
            new Feature<>("dc_energy", "CAS9", Ngldm::dependenceCountEnergy));

    /** F<sub>ngl.lde</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub> / j². */
    static double lowDependenceEmphasis(CountMatrix m) {
        return m.smallJEmphasis();
    }

    /** F<sub>ngl.hde</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> j² s<sub>.j</sub>. */
    static double highDependenceEmphasis(CountMatrix m) {
        return m.largeJEmphasis();
    }

    /** F<sub>ngl.lgce</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub> / i². */
    static double lowGreyLevelCountEmphasis(CountMatrix m) {
        return m.lowGreyEmphasis();
    }

    /** F<sub>ngl.hgce</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> i² s<sub>i.</sub>. */
    static double highGreyLevelCountEmphasis(CountMatrix m) {
        return m.highGreyEmphasis();
    }

    /** F<sub>ngl.ldlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> s<sub>ij</sub> / (i² j²). */
    static double lowDependenceLowGreyLevelEmphasis(CountMatrix m) {
        return m.smallJLowGreyEmphasis();
    }

    /** F<sub>ngl.ldhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² s<sub>ij</sub> / j². */
    static double lowDependenceHighGreyLevelEmphasis(CountMatrix m) {
        return m.smallJHighGreyEmphasis();
    }

    /** F<sub>ngl.hdlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² s<sub>ij</sub> / i². */
    static double highDependenceLowGreyLevelEmphasis(CountMatrix m) {
        return m.largeJLowGreyEmphasis();
    }

    /** F<sub>ngl.hdhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² s<sub>ij</sub>. */
    static double highDependenceHighGreyLevelEmphasis(CountMatrix m) {
        return m.largeJHighGreyEmphasis();
    }

    /** F<sub>ngl.glnu</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub>². */
    static double greyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformity();
    }

    /** F<sub>ngl.glnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>i</sub> s<sub>i.</sub>². */
    static double normalisedGreyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformityNormalised();
    }

    /** F<sub>ngl.dcnu</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub>². */
    static double dependenceCountNonUniformity(CountMatrix m) {
        return m.jNonUniformity();
    }

    /** F<sub>ngl.dcnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>j</sub> s<sub>.j</sub>². */
    static double normalisedDependenceCountNonUniformity(CountMatrix m) {
        return m.jNonUniformityNormalised();
    }

    /** F<sub>ngl.dc.perc</sub> = N<sub>s</sub> / N<sub>v</sub> (1 under IBSI's definition). */
    static double dependenceCountPercentage(CountMatrix m) {
        return m.percentage();
    }

    /** F<sub>ngl.gl.var</sub> = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ i p<sub>ij</sub>. */
    static double greyLevelVariance(CountMatrix m) {
        return m.greyVariance();
    }

    /** F<sub>ngl.dc.var</sub> = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ j p<sub>ij</sub>. */
    static double dependenceCountVariance(CountMatrix m) {
        return m.jVariance();
    }

    /** F<sub>ngl.dc.entr</sub> = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>. */
    static double dependenceCountEntropy(CountMatrix m) {
        return m.entropy();
    }

    /** F<sub>ngl.dc.energy</sub> = Σ<sub>i,j</sub> p<sub>ij</sub>². */
    static double dependenceCountEnergy(CountMatrix m) {
        return m.energy();
    }

    /**
     * Counts the voxels {@code voxels[from..to)} by grey level and dependence into {@code counts} (cell (i, j) at
     * {@code (i − 1) * width + j}, width = number of steps + 2).
     */
    static void accumulate(RoiGrid g, int[] steps, int alpha, int[] voxels, int from, int to, double[] counts) {
        int[] level = g.level;
        int width = steps.length + 2;
        for (int r = from; r < to; r++) {
            int v = voxels[r];
            int a = level[v];
            int j = 1;
            for (int step : steps) {
                int w = level[v + step];
                // j += [w ≠ 0 and |w − a| ≤ α], without a branch (which grey level a neighbour has is unpredictable)
                int d = w - a;
                int abs = (d ^ (d >> 31)) - (d >> 31);
                j += ((alpha - abs) >>> 31 ^ 1) & (-w >>> 31);
            }
            counts[(a - 1) * width + j]++;
        }
    }

    /** The feature vectors of the requested dimensions' aggregations. */
    static void compute(RoiGrid g, TextureSettings settings, Map<Aggregation, double[]> out) {
        int ng = g.levelCount;
        int nf = FEATURES.size();
        int alpha = settings.ngldmAlpha();
        boolean d2 = settings.dimensions().contains(Dimension.D2);
        boolean d25 = settings.dimensions().contains(Dimension.D2_5);
        if (d2 || d25) {
            int[] steps = g.neighbourhood(Norm.CHEBYSHEV, settings.ngldmDistance(), true);
            int width = steps.length + 2;
            double[] all = new double[ng * width];
            double[] slice = new double[ng * width];
            FeatureMean perSlice = new FeatureMean(nf);
            for (int z = 0; z < g.nz; z++) {
                int nv = g.sliceVoxels(z);
                if (nv == 0) {
                    continue;
                }
                Arrays.fill(slice, 0);
                accumulate(g, steps, alpha, g.roi, g.sliceStart[z], g.sliceStart[z + 1], slice);
                if (d2) {
                    perSlice.add(Feature.values(FEATURES, CountMatrix.dense(slice, ng, width, nv)));
                }
                for (int k = 0; k < all.length; k++) {
                    all[k] += slice[k];
                }
            }
            if (d2) {
                out.put(Aggregation.SLICE_2D, perSlice.mean());
            }
            if (d25) {
                out.put(Aggregation.MERGED_2_5D, g.roi.length == 0 ? Feature.undefined(nf)
                        : Feature.values(FEATURES, CountMatrix.dense(all, ng, width, g.roi.length)));
            }
        }
        if (settings.dimensions().contains(Dimension.D3)) {
            int[] steps = g.neighbourhood(Norm.CHEBYSHEV, settings.ngldmDistance(), false);
            int width = steps.length + 2;
            double[] counts = new double[ng * width];
            accumulate(g, steps, alpha, g.roi, 0, g.roi.length, counts);
            out.put(Aggregation.VOLUME_3D, g.roi.length == 0 ? Feature.undefined(nf)
                    : Feature.values(FEATURES, CountMatrix.dense(counts, ng, width, g.roi.length)));
        }
    }
}
