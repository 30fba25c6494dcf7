package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;

/** NGTDM and NGLDM: the worked examples, IBSI's definitions on the whole image, the special values. */
class NeighbourhoodFamiliesTest {

    /** Padded indices of the example's four centre pixels (x, y = 1..2). */
    static int[] centre(RoiGrid g) {
        return new int[] {g.offset(2, 2, 1), g.offset(3, 2, 1), g.offset(2, 3, 1), g.offset(3, 3, 1)};
    }

    @Test
    void ngtdmWorkedExample() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        int[] steps = g.neighbourhood(Norm.CHEBYSHEV, 1, true);
        double[] n = new double[5];
        double[] s = new double[5];
        // IBSI figure "NGTDM": Amadasun and King's complete neighbourhoods, the four centre pixels
        Ngtdm.accumulate(g, steps, centre(g), 0, 4, n, s);
        assertThat(n).containsExactly(0, 0, 2, 1, 1);
        assertThat(s).containsExactly(new double[] {0, 0, 1, 0.625, 1.875}, within(1e-15));
        // IBSI's definition: every pixel with a neighbour in the ROI
        java.util.Arrays.fill(n, 0);
        java.util.Arrays.fill(s, 0);
        Ngtdm.accumulate(g, steps, g.roi, 0, g.roi.length, n, s);
        assertThat(n).containsExactly(0, 4, 5, 4, 3);
        assertThat(s).containsExactly(new double[] {0, 91 / 15.0, 2, 81 / 40.0, 133 / 24.0}, within(1e-14));
        Ngtdm.Matrix m = Ngtdm.Matrix.of(n, s);
        double ps = (4 * 91 / 15.0 + 5 * 2 + 4 * 81 / 40.0 + 3 * 133 / 24.0) / 16;
        assertThat(Ngtdm.coarseness(m)).isCloseTo(1 / ps, within(1e-14)).isCloseTo(0.2712, within(5e-5));
        double[] p = {4 / 16.0, 5 / 16.0, 4 / 16.0, 3 / 16.0};
        double sumS = 91 / 15.0 + 2 + 81 / 40.0 + 133 / 24.0;
        double pairs = 0, strength = 0, busy = 0;
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                pairs += p[a] * p[b] * (a - b) * (a - b);
                strength += (p[a] + p[b]) * (a - b) * (a - b);
                busy += Math.abs((a + 1) * p[a] - (b + 1) * p[b]);
            }
        }
        assertThat(Ngtdm.contrast(m)).isCloseTo(pairs / 12 * sumS / 16, within(1e-14));
        assertThat(Ngtdm.strength(m)).isCloseTo(strength / sumS, within(1e-14));
        assertThat(Ngtdm.busyness(m)).isCloseTo(ps / busy, within(1e-14));
    }

    @Test
    void ngtdmSpecialValues() {
        // a uniform ROI: Σ p s = 0 gives IBSI's maximal coarseness, and contrast, busyness, strength 0
        Map<String, Double> f = IbsiTexture.compute(Images.slice(new int[][] {{2, 2}, {2, 2}}, 3),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.NGTDM)));
        assertThat(f.get("ngt_coarseness_2D")).isEqualTo(1e6);
        assertThat(f.get("ngt_contrast_2_5D")).isEqualTo(0.0);
        assertThat(f.get("ngt_busyness_3D")).isEqualTo(0.0);
        assertThat(f.get("ngt_strength_3D")).isEqualTo(0.0);
        // isolated voxels have no neighbour in the ROI and are left out: no matrix at all
        Map<String, Double> g = IbsiTexture.compute(Images.slice(new int[][] {{1, 0, 2}}, 2),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.NGTDM)));
        assertThat(g.values()).allMatch(v -> v.isNaN());
    }

    @Test
    void ngldmWorkedExample() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        int[] steps = g.neighbourhood(Norm.CHEBYSHEV, 1, true);
        int width = steps.length + 2;
        // IBSI figure "NGLDM": dependence k (centre not counted) 3 and 2 for the 2s, 2 for the 3, 0 for the 4
        double[] centre = new double[4 * width];
        Ngldm.accumulate(g, steps, 0, centre(g), 0, 4, centre);
        CountMatrix c = CountMatrix.dense(centre, 4, width, 4);
        assertThat(c.count(2, 4)).isEqualTo(1);
        assertThat(c.count(2, 3)).isEqualTo(1);
        assertThat(c.count(3, 3)).isEqualTo(1);
        assertThat(c.count(4, 1)).isEqualTo(1);
        assertThat(c.total()).isEqualTo(4);
        // IBSI's definition on the whole image
        double[] all = new double[4 * width];
        Ngldm.accumulate(g, steps, 0, g.roi, 0, g.roi.length, all);
        CountMatrix m = CountMatrix.dense(all, 4, width, 16);
        ZoneFamiliesTest.assertMatrix(m, new double[][] {{2, 2, 0, 0}, {0, 1, 3, 1}, {1, 0, 3, 0}, {1, 2, 0, 0}});
        assertThat(Ngldm.lowDependenceEmphasis(m)).isCloseTo((4 + 5 / 4.0 + 6 / 9.0 + 1 / 16.0) / 16, within(1e-15));
        assertThat(Ngldm.dependenceCountPercentage(m)).isEqualTo(1.0);
        assertThat(Ngldm.dependenceCountEnergy(m)).isCloseTo((4 + 4 + 1 + 9 + 1 + 1 + 9 + 1 + 4) / 256.0,
                within(1e-15));
    }

    @Test
    void ngldmCoarsenessAlpha() {
        // 1 2 / 2 1: with α = 0 each pixel depends on its diagonal twin only; with α = 1 on all three neighbours
        TextureSettings s = TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.NGLDM))
                .withDimensions(EnumSet.of(Dimension.D2));
        TextureInput in = Images.slice(new int[][] {{1, 2}, {2, 1}}, 2);
        assertThat(IbsiTexture.compute(in, s).get("ngl_hde_2D")).isEqualTo(4.0);
        assertThat(IbsiTexture.compute(in, s.withNgldmAlpha(1)).get("ngl_hde_2D")).isEqualTo(16.0);
    }
}
