package org.nacrad.radiomics.ibsi.texture;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;

/**
 * The 2D, 2.5D and 3D aggregations of a matrix of zones (GLSZM: grey level against zone size; GLDZM: grey level
 * against distance to the ROI edge): 2D averages the features of each slice's matrix over the slices with voxels,
 * 2.5D counts the zones of all slices in one matrix (N<sub>v</sub> summed), 3D builds one matrix from the volume's
 * zones.
 */
final class ZoneAggregation {

    private ZoneAggregation() {
    }

    /**
     * @param planar   the in-plane zones (needed for 2D and 2.5D), or {@code null}
     * @param volume   the 3D zones (needed for 3D), or {@code null}
     * @param property the zone property counted against grey level
     */
    static void compute(RoiGrid g, Set<Dimension> dimensions, Zones planar, Zones volume,
            Function<Zones, int[]> property, List<Feature<CountMatrix>> features, Map<Aggregation, double[]> out) {
        int ng = g.levelCount;
        int n = features.size();
        if (dimensions.contains(Dimension.D2)) {
            FeatureMean perSlice = new FeatureMean(n);
            for (int z = 0; z < g.nz; z++) {
                int from = planar.sliceStart[z];
                int to = planar.sliceStart[z + 1];
                if (to > from) {
                    perSlice.add(Feature.values(features,
                            CountMatrix.ofPairs(planar.level, property.apply(planar), from, to, ng, g.sliceVoxels(z))));
                }
            }
            out.put(Aggregation.SLICE_2D, perSlice.mean());
        }
        if (dimensions.contains(Dimension.D2_5)) {
            out.put(Aggregation.MERGED_2_5D, planar.count == 0 ? Feature.undefined(n) : Feature.values(features,
                    CountMatrix.ofPairs(planar.level, property.apply(planar), 0, planar.count, ng, g.roi.length)));
        }
        if (dimensions.contains(Dimension.D3)) {
            out.put(Aggregation.VOLUME_3D, volume.count == 0 ? Feature.undefined(n) : Feature.values(features,
                    CountMatrix.ofPairs(volume.level, property.apply(volume), 0, volume.count, ng, g.roi.length)));
        }
    }
}
