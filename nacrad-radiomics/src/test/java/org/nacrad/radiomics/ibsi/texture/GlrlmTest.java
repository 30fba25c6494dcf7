package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GlrlmTest {

    /** IBSI figure "GLRLM": rows grey level 1..4, columns run length 1..4, per direction as drawn (y up). */
    static final double[][] RIGHT = {{4, 0, 0, 0}, {3, 1, 0, 0}, {2, 1, 0, 0}, {3, 0, 0, 0}};
    static final double[][] UP_RIGHT = {{4, 0, 0, 0}, {3, 1, 0, 0}, {2, 1, 0, 0}, {3, 0, 0, 0}};
    static final double[][] UP = {{2, 1, 0, 0}, {2, 0, 1, 0}, {2, 1, 0, 0}, {1, 1, 0, 0}};
    static final double[][] UP_LEFT = {{4, 0, 0, 0}, {3, 1, 0, 0}, {4, 0, 0, 0}, {3, 0, 0, 0}};

    static CountMatrix matrix(RoiGrid g, int step) {
        int width = g.longestLine + 1;
        double[] counts = new double[4 * width];
        Glrlm.count(g, 0, g.roi.length, step, counts, width);
        return CountMatrix.dense(counts, 4, width, g.roi.length);
    }

    @Test
    void workedExampleMatrices() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        int[] steps = g.steps(RoiGrid.DIRECTIONS_2D, 1);
        // our rows run downwards: (1,0) →, (1,1) ↘ ≡ ↖, (0,1) ↓ ≡ ↑, (−1,1) ↙ ≡ ↗
        ZoneFamiliesTest.assertMatrix(matrix(g, steps[0]), RIGHT);
        ZoneFamiliesTest.assertMatrix(matrix(g, steps[1]), UP_LEFT);
        ZoneFamiliesTest.assertMatrix(matrix(g, steps[2]), UP);
        ZoneFamiliesTest.assertMatrix(matrix(g, steps[3]), UP_RIGHT);
    }

    @Test
    void workedExampleFeatures() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        CountMatrix m = matrix(g, g.steps(RoiGrid.DIRECTIONS_2D, 1)[0]);
        assertThat(Glrlm.shortRunsEmphasis(m)).isCloseTo((12 + 2 / 4.0) / 14, within(1e-15));
        assertThat(Glrlm.longRunsEmphasis(m)).isCloseTo((12 + 2 * 4.0) / 14, within(1e-15));
        assertThat(Glrlm.runPercentage(m)).isCloseTo(14 / 16.0, within(1e-15));
        assertThat(Glrlm.greyLevelNonUniformity(m)).isCloseTo(50 / 14.0, within(1e-15));
        assertThat(Glrlm.runLengthNonUniformity(m)).isCloseTo((144 + 4) / 14.0, within(1e-14));
        assertThat(Glrlm.lowGreyLevelRunEmphasis(m)).isCloseTo((4 + 4 / 4.0 + 3 / 9.0 + 3 / 16.0) / 14, within(1e-15));
        double mu = (1 * 4 + 2 * 4 + 3 * 3 + 4 * 3) / 14.0;
        double var = (4 * (1 - mu) * (1 - mu) + 4 * (2 - mu) * (2 - mu) + 3 * (3 - mu) * (3 - mu)
                + 3 * (4 - mu) * (4 - mu)) / 14;
        assertThat(Glrlm.greyLevelVariance(m)).isCloseTo(var, within(1e-14));
    }

    @Test
    void mergedMatricesSumTheVoxelCounts() {
        Map<String, Double> f = IbsiTexture.compute(Images.slice(Images.IBSI_EXAMPLE),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLRLM)));
        // 14 + 14 + 12 + 14 runs over 4 × 16 voxels (IBSI: N_v is summed with the matrices)
        assertThat(f.get("rlm_r_perc_2D_comb")).isCloseTo(54 / 64.0, within(1e-15));
        assertThat(f.get("rlm_r_perc_2_5D_comb")).isCloseTo(54 / 64.0, within(1e-15));
        assertThat(f.get("rlm_r_perc_2D_avg")).isCloseTo(54 / 64.0, within(1e-15));
        // one slice in 3D: the 9 out-of-plane directions each give 16 runs of length 1
        assertThat(f.get("rlm_r_perc_3D_comb")).isCloseTo((54 + 9 * 16) / (13 * 16.0), within(1e-15));
    }

    @Test
    void runsCrossSlicesOnlyIn3D() {
        int[][][] two = {{{1, 1}}, {{1, 1}}};
        Map<String, Double> f = IbsiTexture.compute(Images.volume(two, 1),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLRLM)));
        // 2D, per slice: x gives one run of 2, the other three directions two runs of 1
        assertThat(f.get("rlm_lre_2D_avg")).isCloseTo((4 + 1 + 1 + 1) / 4.0, within(1e-15));
        assertThat(f.get("rlm_lre_2D_comb")).isCloseTo((4 + 6) / 7.0, within(1e-15));
        // 3D: along z and x two runs of 2, along (1,0,±1) a run of 2 and two of 1, the 9 directions with a y step
        // four runs of 1
        assertThat(f.get("rlm_lre_3D_avg")).isCloseTo((4 + 4 + 2 + 2 + 9) / 13.0, within(1e-15));
        assertThat(f.get("rlm_lre_3D_comb")).isCloseTo((6 * 4 + 40) / 46.0, within(1e-15));
    }
}
