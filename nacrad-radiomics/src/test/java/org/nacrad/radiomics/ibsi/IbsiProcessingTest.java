package org.nacrad.radiomics.ibsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;
import org.nacrad.radiomics.ibsi.IbsiSettings.Discretisation;
import org.nacrad.radiomics.ibsi.IbsiSettings.Interpolation;

/** The IBSI processing steps on small images: grid, interpolation, discretisation, re-segmentation, names. */
class IbsiProcessingTest {

    @Test
    void alignedGridWorkedExample() {
        Geometry g = Geometry.of(new int[] {4, 4, 1}, new double[] {3, 3, 3}, new double[3]);
        IbsiGrid grid = IbsiGrid.aligned(g, new double[] {2, 2, 2}, true);
        assertThat(grid.size()).containsExactly(6, 6, 1);
        double[] expected = {-1.0 / 6, 0.5, 7.0 / 6, 11.0 / 6, 2.5, 19.0 / 6};
        for (int t = 0; t < 6; t++) {
            assertThat(grid.position(0, t)).isCloseTo(expected[t], within(1e-12));
        }
        assertThat(grid.position(2, 0)).isEqualTo(0.0);
        // the grid centre is kept: origin moves by (s_a(n_a - 1) - s_b(n_b - 1)) / 2 = (9 - 10) / 2
        assertThat(grid.geometry(g).origin()[0]).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void interpolationReproducesLinearRampsAndPadsWithTheBoundary() {
        int n = 40;
        double[] ramp = new double[n * n * n];
        for (int p = 0; p < ramp.length; p++) {
            ramp[p] = 3 * (p % n) + 2 * ((p / n) % n) + (p / (n * n));
        }
        Geometry g = Geometry.of(new int[] {n, n, n}, new double[] {1, 1, 1}, new double[3]);
        IbsiGrid grid = IbsiGrid.aligned(g, new double[] {0.7, 0.7, 0.7}, false);
        for (Interpolation m : new Interpolation[] {Interpolation.LINEAR, Interpolation.CUBIC}) {
            int[] lo = {28, 28, 28}; // mid-image: the boundary's influence on the spline (0.27^d) is below 1e-9
            int[] sz = {2, 2, 2};
            double[] v = grid.interpolate(ramp, new int[] {n, n, n}, lo, sz, m);
            for (int k = 0, p = 0; k < 2; k++) {
                for (int j = 0; j < 2; j++) {
                    for (int i = 0; i < 2; i++, p++) {
                        double x = grid.position(0, 28 + i), y = grid.position(1, 28 + j), z = grid.position(2, 28 + k);
                        assertThat(v[p]).as(m.toString()).isCloseTo(3 * x + 2 * y + z, within(1e-9));
                    }
                }
            }
        }
        // the first grid point lies left of voxel 0: nearest-boundary padding gives voxel 0's value there
        double[] edge = grid.interpolate(ramp, new int[] {n, n, n}, new int[3], new int[] {1, 1, 1},
                Interpolation.LINEAR);
        assertThat(grid.position(0, 0)).isNegative();
        assertThat(edge[0]).isEqualTo(0.0);
    }

    @Test
    void discretisationWorkedExample() {
        double[] x = {-500, -476, -475, 400};
        boolean[] all = {true, true, true, true};
        assertThat(IbsiDiscretiser.discretise(x, all, Discretisation.fbs(25), -500).levels())
                .containsExactly(1, 1, 2, 37);
        IbsiDiscretiser.Levels fbn = IbsiDiscretiser.discretise(x, all, Discretisation.fbn(4), Double.NaN);
        assertThat(fbn.levels()).containsExactly(1, 1, 1, 4);
        assertThat(fbn.levelCount()).isEqualTo(4);
        assertThatThrownBy(() -> IbsiDiscretiser.discretise(new double[] {1.5}, new boolean[] {true},
                Discretisation.NONE, Double.NaN)).hasMessageContaining("whole numbers from 1");
    }

    @Test
    void resegmentationKeepsTheMorphologicalMask() {
        Geometry g = Geometry.of(new int[] {4, 1, 1}, new double[] {1, 1, 1}, new double[3]);
        Volume img = new Volume(g, PixelType.FLOAT64, new double[] {-900, 10, 20, 30});
        Volume msk = new Volume(g, PixelType.UINT8, new double[] {1, 1, 1, 1});
        IbsiSettings s = new IbsiSettings(1, true, null, Interpolation.LINEAR, Interpolation.LINEAR, false, 0.5,
                new double[] {-500, 400}, 0, Discretisation.fbn(8), Discretisation.NONE, List.of("statistics"),
                Map.of(), 1, 0, false, true);
        IbsiRoi roi = IbsiProcessing.process(img, msk, s);
        assertThat(roi.diagnostics().get("morph_mask_vox_count_reseg_roi")).isEqualTo(4.0);
        assertThat(roi.diagnostics().get("int_mask_vox_count_reseg_roi")).isEqualTo(3.0);
        assertThat(roi.intensities()).containsExactly(10, 20, 30);
        assertThatThrownBy(() -> IbsiProcessing.process(img, msk, new IbsiSettings(1, true, null,
                Interpolation.LINEAR, Interpolation.LINEAR, false, 0.5, new double[] {500, 600}, 0,
                Discretisation.fbn(8), Discretisation.NONE, List.of("statistics"), Map.of(), 1, 0, false, true)))
                .hasMessageContaining("no ROI voxel is left after re-segmentation (resegmentRange [500, 600])");
    }

    @Test
    void codesFollowTheManual() {
        assertThat(IbsiCodes.codeOf("stat_mean")).isEqualTo("Q4LE");
        assertThat(IbsiCodes.codeOf("ivh_v90")).isEqualTo("BC2M_90");
        assertThat(IbsiCodes.codeOf("cm_joint_max_3D_avg")).isEqualTo("GYBY_ITBB");
        assertThat(IbsiCodes.codeOf("ngl_lde_2_5D")).isEqualTo("SODN_62GR");
        assertThat(IbsiCodes.codeOf("int_mask_vox_count_reseg_roi")).isEqualTo("int_mask_vox_count_reseg_roi");
        for (String tag : org.nacrad.radiomics.ibsi.texture.IbsiTexture.tags(
                org.nacrad.radiomics.ibsi.texture.TextureSettings.defaults())) {
            assertThat(IbsiCodes.codeOf(tag)).as(tag).isEqualTo(org.nacrad.radiomics.ibsi.texture.IbsiTexture.code(tag));
        }
    }
}
