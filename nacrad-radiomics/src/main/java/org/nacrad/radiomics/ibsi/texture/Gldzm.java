package org.nacrad.radiomics.ibsi.texture;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grey level distance zone matrix (GLDZM) features as IBSI-1 defines them (IBSI family VMDZ).
 *
 * <p>Worked example (IBSI-1, figure "GLDZM"; a unit test): the 4 × 4 image and its distance map
 * <pre>
 *   1 2 2 3      1 1 1 1
 *   1 2 3 3      1 2 2 1
 *   4 2 4 1      1 2 2 1
 *   4 1 2 3      1 1 1 1
 * </pre>
 * give, with zones linked through the 4 face neighbours as in IBSI's figure (rows: grey level i = 1..4, columns:
 * distance j = 1..2)
 * <pre>
 *   3 0
 *   2 0
 *   2 0
 *   1 1      (9 zones over 16 pixels)
 * </pre>
 * e.g. the lone 4 in the middle is 2 steps from the edge. Then small distance emphasis = (8 + 1/4)/9 = 0.917, large
 * distance emphasis = (8 + 4)/9 = 1.333, zone percentage = 9/16. (With IBSI's default 8-neighbour linkage the 2s
 * form one zone and row 2 becomes 1 0.)
 *
 * <p>Construction (IBSI-1 "Grey level distance zone based features"):
 * <ul>
 *   <li>zones as for {@link Glszm} (intensity mask, {@link TextureSettings#zoneLinkage()});</li>
 *   <li>the distance map is computed on the <em>morphological</em> mask: the Manhattan distance of a voxel to the
 *       nearest voxel outside it (4-connected steps within the slice in 2D and 2.5D, 6-connected in 3D; outside the
 *       image counts as outside), 1 on the edge ({@link Zones#distanceMap});</li>
 *   <li>a zone's distance is the smallest distance of its voxels;</li>
 *   <li>2D, 2.5D and 3D aggregation as for {@link Glszm}.</li>
 * </ul>
 *
 * <p>Notation: d<sub>ij</sub> the number of zones of grey level i and distance j, N<sub>s</sub> = Σ d<sub>ij</sub>,
 * d<sub>i.</sub>, d<sub>.j</sub> the marginal sums, p<sub>ij</sub> = d<sub>ij</sub>/N<sub>s</sub>, N<sub>v</sub> the
 * number of intensity-mask voxels.
 *
 * <p>References: Thibault G, Angulo J, Meyer F. Advanced statistical matrices for texture characterization:
 * application to cell classification. IEEE Trans Biomed Eng 2014;61(3):630–637. IBSI-1 reference manual
 * (arXiv:1612.07003).
 */
final class Gldzm {

    private Gldzm() {
    }

    /** The 16 GLDZM features in the order of the IBSI tables, with their IBSI codes. */
    static final List<Feature<CountMatrix>> FEATURES = List.of(
            new Feature<>("sde", "0GBI", Gldzm::smallDistanceEmphasis),
            new Feature<>("lde", "MB4I", Gldzm::largeDistanceEmphasis),
            new Feature<>("lgze", "S1RA", Gldzm::lowGreyLevelZoneEmphasis),
            new Feature<>("hgze", "K26C", Gldzm::highGreyLevelZoneEmphasis),
            new Feature<>("sdlge", "RUVG", Gldzm::smallDistanceLowGreyLevelEmphasis),
            new Feature<>("sdhge", "DKNJ", Gldzm::smallDistanceHighGreyLevelEmphasis),
            new Feature<>("ldlge", "A7WM", Gldzm::largeDistanceLowGreyLevelEmphasis),
            new Feature<>("ldhge", "KLTH", Gldzm::largeDistanceHighGreyLevelEmphasis),
            new Feature<>("glnu", "VFT7", Gldzm::greyLevelNonUniformity),
            new Feature<>("glnu_norm", "7HP3", Gldzm::normalisedGreyLevelNonUniformity),
            new Feature<>("zdnu", "V294", Gldzm::zoneDistanceNonUniformity),
            new Feature<>("zdnu_norm", "IATH", Gldzm::normalisedZoneDistanceNonUniformity),
            new Feature<>("z_perc", "VIWW", Gldzm::zonePercentage),
            new Feature<>("gl_var", "QK93", Gldzm::greyLevelVariance),
            new Feature<>("zd_var", "7WT1", Gldzm::zoneDistanceVariance),
            new Feature<>("zd_entr", "GBDU", Gldzm::zoneDistanceEntropy));

    /** F<sub>dzm.sde</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> d<sub>.j</sub> / j². */
    static double smallDistanceEmphasis(CountMatrix m) {
        return m.smallJEmphasis();
    }

    /** F<sub>dzm.lde</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> j² d<sub>.j</sub>. */
    static double largeDistanceEmphasis(CountMatrix m) {
        return m.largeJEmphasis();
    }

    /** F<sub>dzm.lgze</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> d<sub>i.</sub> / i². */
    static double lowGreyLevelZoneEmphasis(CountMatrix m) {
        return m.lowGreyEmphasis();
    }

    /** F<sub>dzm.hgze</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> i² d<sub>i.</sub>. */
    static double highGreyLevelZoneEmphasis(CountMatrix m) {
        return m.highGreyEmphasis();
    }

    /** F<sub>dzm.sdlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> d<sub>ij</sub> / (i² j²). */
    static double smallDistanceLowGreyLevelEmphasis(CountMatrix m) {
        return m.smallJLowGreyEmphasis();
    }

    /** F<sub>dzm.sdhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² d<sub>ij</sub> / j². */
    static double smallDistanceHighGreyLevelEmphasis(CountMatrix m) {
        return m.smallJHighGreyEmphasis();
    }

    /** F<sub>dzm.ldlge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² d<sub>ij</sub> / i². */
    static double largeDistanceLowGreyLevelEmphasis(CountMatrix m) {
        return m.largeJLowGreyEmphasis();
    }

    /** F<sub>dzm.ldhge</sub> = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² d<sub>ij</sub>. */
    static double largeDistanceHighGreyLevelEmphasis(CountMatrix m) {
        return m.largeJHighGreyEmphasis();
    }

    /** F<sub>dzm.glnu</sub> = (1/N<sub>s</sub>) Σ<sub>i</sub> d<sub>i.</sub>². */
    static double greyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformity();
    }

    /** F<sub>dzm.glnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>i</sub> d<sub>i.</sub>². */
    static double normalisedGreyLevelNonUniformity(CountMatrix m) {
        return m.greyNonUniformityNormalised();
    }

    /** F<sub>dzm.zdnu</sub> = (1/N<sub>s</sub>) Σ<sub>j</sub> d<sub>.j</sub>². */
    static double zoneDistanceNonUniformity(CountMatrix m) {
        return m.jNonUniformity();
    }

    /** F<sub>dzm.zdnu.norm</sub> = (1/N<sub>s</sub>²) Σ<sub>j</sub> d<sub>.j</sub>². */
    static double normalisedZoneDistanceNonUniformity(CountMatrix m) {
        return m.jNonUniformityNormalised();
    }

    /** F<sub>dzm.z.perc</sub> = N<sub>s</sub> / N<sub>v</sub>. */
    static double zonePercentage(CountMatrix m) {
        return m.percentage();
    }

    /** F<sub>dzm.gl.var</sub> = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ i p<sub>ij</sub>. */
    static double greyLevelVariance(CountMatrix m) {
        return m.greyVariance();
    }

    /** F<sub>dzm.zd.var</sub> = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ j p<sub>ij</sub>. */
    static double zoneDistanceVariance(CountMatrix m) {
        return m.jVariance();
    }

    /** F<sub>dzm.zd.entr</sub> = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>. */
    static double zoneDistanceEntropy(CountMatrix m) {
        return m.entropy();
    }

    /**
     * The feature vectors of the requested dimensions' aggregations, from zones labelled with the distance maps of
     * {@link Zones#distanceMap} (in-plane for {@code planar}, 3D for {@code volume}).
     */
    static void compute(RoiGrid g, Set<TextureSettings.Dimension> dimensions, Zones planar, Zones volume,
            Map<Aggregation, double[]> out) {
        ZoneAggregation.compute(g, dimensions, planar, volume, z -> z.distance, FEATURES, out);
    }
}
