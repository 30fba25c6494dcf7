package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;

class GlcmTest {

    /** IBSI figure "GLCM 2": the symmetric matrices of the four in-plane directions, as drawn (y pointing up). */
    static final double[][] RIGHT = {{0, 3, 0, 2}, {3, 2, 3, 2}, {0, 3, 2, 0}, {2, 2, 0, 0}};
    static final double[][] UP_RIGHT = {{0, 2, 0, 1}, {2, 2, 1, 2}, {0, 1, 2, 1}, {1, 2, 1, 0}};
    static final double[][] UP = {{2, 1, 2, 1}, {1, 4, 1, 1}, {2, 1, 2, 1}, {1, 1, 1, 2}};
    static final double[][] UP_LEFT = {{0, 2, 1, 1}, {2, 2, 2, 1}, {1, 2, 0, 1}, {1, 1, 1, 0}};

    static double[] matrix(RoiGrid g, int step) {
        int[] oneWay = new int[16];
        Glcm.count(g, 0, g.roi.length, step, oneWay);
        double[] m = new double[16];
        Glcm.symmetrise(oneWay, m, 4);
        return m;
    }

    static double[] flat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void workedExampleMatrices() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        int[] steps = g.steps(RoiGrid.DIRECTIONS_2D, 1);
        // our rows run downwards (y = row): (1,0) is →, (0,1) is ↓ ≡ ↑, (1,1) is ↘ ≡ ↖, (−1,1) is ↙ ≡ ↗
        assertThat(matrix(g, steps[0])).containsExactly(flat(RIGHT));
        assertThat(matrix(g, steps[1])).containsExactly(flat(UP_LEFT));
        assertThat(matrix(g, steps[2])).containsExactly(flat(UP));
        assertThat(matrix(g, steps[3])).containsExactly(flat(UP_RIGHT));
    }

    @Test
    void workedExampleProbabilitiesAndFeatures() {
        Glcm.CoMatrix m = new Glcm.CoMatrix(flat(RIGHT), 4);
        // IBSI figure "GLCM 3": margins 5, 10, 5, 4 of 24; diagonal 4, 12, 4, 4; cross-diagonal 0, 6, 2, 10, 6, 0, 0
        assertThat(m.marginal).containsExactly(new double[] {0, 5 / 24.0, 10 / 24.0, 5 / 24.0, 4 / 24.0},
                within(1e-15));
        assertThat(m.diagonal).containsExactly(new double[] {4 / 24.0, 12 / 24.0, 4 / 24.0, 4 / 24.0}, within(1e-15));
        assertThat(m.crossDiagonal).containsExactly(new double[] {0, 0, 0, 6 / 24.0, 2 / 24.0, 10 / 24.0, 6 / 24.0, 0, 0},
                within(1e-15));
        assertThat(Glcm.jointMax(m)).isCloseTo(0.125, within(1e-15));
        assertThat(Glcm.jointAverage(m)).isCloseTo(56 / 24.0, within(1e-15));
        assertThat(Glcm.contrast(m)).isCloseTo(64 / 24.0, within(1e-15));
        assertThat(Glcm.differenceAverage(m)).isCloseTo(32 / 24.0, within(1e-15));
        assertThat(Glcm.dissimilarity(m)).isCloseTo(32 / 24.0, within(1e-15));
        assertThat(Glcm.sumAverage(m)).isCloseTo(2 * 56 / 24.0, within(1e-14));
        // four cells of 3/24 and six of 2/24
        assertThat(Glcm.jointEntropy(m)).isCloseTo(1.5 + 0.5 * Math.log(12) / Math.log(2), within(1e-14));
        assertThat(Glcm.angularSecondMoment(m)).isCloseTo((4 * 9 + 6 * 4) / 576.0, within(1e-15));
        assertThat(Glcm.inverseVariance(m)).isCloseTo(12 / 24.0 + 4 / 24.0 / 4 + 4 / 24.0 / 9, within(1e-15));
        assertThat(Glcm.normalisedInverseDifference(m))
                .isCloseTo(4 / 24.0 + 12 / 24.0 / 1.25 + 4 / 24.0 / 1.5 + 4 / 24.0 / 1.75, within(1e-15));
    }

    @Test
    void averagedOverDirectionsVersusMerged() {
        Map<String, Double> f = IbsiTexture.compute(Images.slice(Images.IBSI_EXAMPLE),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLCM))
                        .withDimensions(EnumSet.of(Dimension.D2, Dimension.D2_5)));
        double avg = (3 / 24.0 + 2 / 18.0 + 4 / 24.0 + 2 / 18.0) / 4;
        assertThat(f.get("cm_joint_max_2D_avg")).isCloseTo(avg, within(1e-15));
        // one slice: averaging over slices or over directions changes nothing
        assertThat(f.get("cm_joint_max_2_5D_avg")).isCloseTo(avg, within(1e-15));
        // the four matrices merged: 84 co-occurrences, the largest cell (2,2) 2 + 2 + 4 + 2 = 10
        assertThat(f.get("cm_joint_max_2D_comb")).isCloseTo(10 / 84.0, within(1e-15));
        assertThat(f.get("cm_joint_max_2_5D_comb")).isCloseTo(10 / 84.0, within(1e-15));
    }

    @Test
    void directionsWithoutPairsAreLeftOut() {
        // a single column: only the vertical direction has pairs (1-2, 2-2); the others have no matrix
        Map<String, Double> f = IbsiTexture.compute(Images.slice(new int[][] {{1}, {2}, {2}}, 2),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLCM)));
        assertThat(f.get("cm_joint_max_2D_avg")).isEqualTo(0.5);
        assertThat(f.get("cm_contrast_2D_avg")).isEqualTo(0.5);
        assertThat(f.get("cm_joint_max_3D_comb")).isEqualTo(0.5);
        // inverse variance needs an off-diagonal cell; a uniform ROI has none for any matrix
        Map<String, Double> flat = IbsiTexture.compute(Images.slice(new int[][] {{2, 2}, {2, 2}}, 3),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLCM)));
        assertThat(flat.get("cm_inv_var_3D_avg")).isNaN();
        assertThat(flat.get("cm_corr_3D_avg")).isEqualTo(1.0);
        assertThat(flat.get("cm_info_corr1_2D_comb")).isEqualTo(1.0);
        assertThat(flat.get("cm_info_corr2_2D_comb")).isEqualTo(0.0);
        assertThat(flat.get("cm_joint_max_2_5D_comb")).isEqualTo(1.0);
        // a single voxel has no pairs at all
        Map<String, Double> one = IbsiTexture.compute(Images.slice(new int[][] {{1}}, 1),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLCM)));
        assertThat(one.values()).allMatch(v -> v.isNaN());
    }

    @Test
    void distanceMultipliesTheDirectionVectors() {
        // with δ = 2 the horizontal pairs of 1 2 1 2 are (1,1) and (2,2): no contrast along x
        int[][] row = {{1, 2, 1, 2, 1}};
        Map<String, Double> f = IbsiTexture.compute(Images.slice(row, 2),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLCM)).withDistance(2));
        assertThat(f.get("cm_contrast_2D_avg")).isEqualTo(0.0);
        Map<String, Double> d1 = IbsiTexture.compute(Images.slice(row, 2),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLCM)));
        assertThat(d1.get("cm_contrast_2D_avg")).isEqualTo(1.0);
    }
}
