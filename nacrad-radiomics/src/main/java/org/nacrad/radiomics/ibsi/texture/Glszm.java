package org.nacrad.radiomics.ibsi.texture;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grey level size zone matrix (GLSZM) features as IBSI-1 defines them (IBSI family 9SAK).
 *
 * <p>Worked example (IBSI-1, figure "GLSZM"; a unit test): the 4 × 4 image
 * <pre>
 *   1 2 2 3
 *   1 2 3 3
 *   4 2 4 1
 *   4 1 2 3
 * </pre>
 * has, with zones linked through all 8 neighbours (rows: grey level i = 1..4, columns: zone size j = 1..5)
 * <pre>
 *   2 1 0 0 0
 *   0 0 0 0 1
 *   1 0 1 0 0
 *   1 1 0 0 0      (8 zones over 16 pixels)
 * </pre>
 * e.g. the five 2s form one zone (the 2 at the bottom joins the others diagonally). Then small zone emphasis =
 * (4 + 2/4 + 1/9 + 1/25)/8 = 0.581, zone percentage = 8/16 = 0.5, grey level non-uniformity = (9 + 1 + 4 + 4)/8 =
 * 2.25.
 *
 * <p>Construction (IBSI-1 "Grey level size zone based features"): a zone is a maximal set of intensity-mask voxels
 * of one grey level joined through linked neighbours ({@link TextureSettings#zoneLinkage()}; IBSI's default is
 * Chebyshev distance 1: 8-connected in-plane in 2D and 2.5D, 26-connected in 3D). 2D: a matrix per slice, features
 * averaged over slices with voxels; 2.5D: the slices' zones counted in one matrix; 3D: zones in the volume.
 * N<sub>v</sub> is the number of intensity-mask voxels the matrix covers.
 *
 * <p>Notation: s<sub>ij</sub> the number of zones of grey level i and size j, N<sub>s</sub> = Σ s<sub>ij</sub>,
 * s<sub>i.</sub>, s<sub>.j</sub> the marginal sums, p<sub>ij</sub> = s<sub>ij</sub>/N<sub>s</sub>.
 *
 * <p>References: Thibault G, Angulo J, Meyer F. Advanced statistical matrices for texture characterization:
 * application to cell classification. IEEE Trans Biomed Eng 2014;61(3):630–637. IBSI-1 reference manual
 * (arXiv:1612.07003).
 */
final class Glszm {

    private Glszm() {
    }

    /** The 16 GLSZM features in the order of the IBSI tables, with their IBSI codes. */
    static final List<Feature<CountMatrix>> FEATURES = List.of(
            new Feature<>("sze", "5QRC", Glszm::smallZoneEmphasis),
            new Feature<>("lze", "48P8", Glszm::largeZoneEmphasis),
            new Feature<>("lgze", "XMSY", Glszm::lowGreyLevelZoneEmphasis),
            new Feature<>("hgze", "5GN9", Glszm::highGreyLevelZoneEmphasis),
            new Feature<>("szlge", "5RAI", Glszm::smallZoneLowGreyLevelEmphasis),
            new Feature<>("szhge", "HW1V", Glszm::smallZoneHighGreyLevelEmphasis),
            new Feature<>("lzlge", "YH51", Glszm::largeZoneLowGreyLevelEmphasis),
            new Feature<>("lzhge", "J17V", Glszm::largeZoneHighGreyLevelEmphasis),
            new Feature<>("glnu", "JNSA", Glszm::greyLevelNonUniformity),
            new Feature<>("glnu_norm", "Y1RO", Glszm::normalisedGreyLevelNonUniformity),
            new Feature<>("zsnu", "4JP3", Glszm::zoneSizeNonUniformity),
            new Feature<>("zsnu_norm", "VB3A", Glszm::normalisedZoneSizeNonUniformity),
            new Feature<>("z_perc", "P30P", Glszm::zonePercentage),
            new Feature<>("gl_var", "BYLV", Glszm::greyLevelVariance),
            new Feature<>("zs_var", "3NSA", Glszm::zoneSizeVariance),
            new Feature<>("zs_entr", "GU8N", Glszm::zoneSizeEntropy));

    /** F<sub>szm.sze</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub> / j². */
    static double smallZoneEmphasis(CountMatrix m) {
        return m.smallJEmphasis();
    }

    /** F<sub>szm.lze</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> j² s<sub>.j</sub>. */
    static double largeZoneEmphasis(CountMatrix m) {
        return m.largeJEmphasis();
    }

    /** F<sub>szm.lgze</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub> / i². */
    static double lowGreyLevelZoneEmphasis(CountMatrix m) {
        return m.lowGreyEmphasis();
    }

    /** F<sub>szm.hgze</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> i² s<sub>i.</sub>. */
    static double highGreyLevelZoneEmphasis(CountMatrix m) {
        return m.highGreyEmphasis();
    }

    /** F<sub>szm.szlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> s<sub>ij</sub> / (i² j²). */
    static double smallZoneLowGreyLevelEmphasis(CountMatrix m) {
        return m.smallJLowGreyEmphasis();
    }

    /** F<sub>szm.szhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² s<sub>ij</sub> / j². */
    static double smallZoneHighGreyLevelEmphasis(CountMatrix m) {
        return m.smallJHighGreyEmphasis();
    }

    /** F<sub>szm.lzlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² s<sub>ij</sub> / i². */
    static double largeZoneLowGreyLevelEmphasis(CountMatrix m) {
        return m.largeJLowGreyEmphasis();
    }

    /** F<sub>szm.lzhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² s<sub>ij</sub>. */
    static double largeZoneHighGreyLevelEmphasis(CountMatrix m) {
        return m.largeJHighGreyEmphasis();
    }

    /** F<sub>szm.glnu</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub>². */
    static double greyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformity();
    }

    /** F<sub>szm.glnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>i</sub> s<sub>i.</sub>². */
    static double normalisedGreyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformityNormalised();
    }

    /** F<sub>szm.zsnu</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub>². */
    static double zoneSizeNonUniformity(CountMatrix m) {
        return m.jNonUniformity();
    }

    /** F<sub>szm.zsnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>j</sub> s<sub>.j</sub>². */
    static double normalisedZoneSizeNonUniformity(CountMatrix m) {
        return m.jNonUniformityNormalised();
    }

    /** F<sub>szm.z.perc</sub> = N<sub>s</sub> / N<sub>v</sub>. */
    static double zonePercentage(CountMatrix m) {
        return m.percentage();
    }

    /** F<sub>szm.gl.var</sub> = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ i p<sub>ij</sub>. */
    static double greyLevelVariance(CountMatrix m) {
        return m.greyVariance();
    }

    /** F<sub>szm.zs.var</sub> = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ j p<sub>ij</sub>. */
    static double zoneSizeVariance(CountMatrix m) {
        return m.jVariance();
    }

    /** F<sub>szm.zs.entr</sub> = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>. */
    static double zoneSizeEntropy(CountMatrix m) {
        return m.entropy();
    }

    /** The feature vectors of the requested dimensions' aggregations. */
    static void compute(RoiGrid g, Set<TextureSettings.Dimension> dimensions, Zones planar, Zones volume,
            Map<Aggregation, double[]> out) {
        ZoneAggregation.compute(g, dimensions, planar, volume, z -> z.size, FEATURES, out);
    }
}
