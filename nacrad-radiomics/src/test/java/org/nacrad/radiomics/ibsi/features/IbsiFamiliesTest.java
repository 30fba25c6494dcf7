package org.nacrad.radiomics.ibsi.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The worked examples of the IBSI non-texture family classes, and the exact fast paths against direct sums. */
class IbsiFamiliesTest {

    @Test
    void statisticsWorkedExample() {
        Map<String, Double> f = new IntensityStatistics(new double[] {1, 2, 3, 4}).features();
        assertThat(f.get("stat_mean")).isEqualTo(2.5);
        assertThat(f.get("stat_var")).isEqualTo(1.25);
        assertThat(f.get("stat_skew")).isEqualTo(0.0);
        assertThat(f.get("stat_kurt")).isCloseTo(-1.36, within(1e-12));
        assertThat(f.get("stat_median")).isEqualTo(2.5);
        assertThat(f.get("stat_p10")).isCloseTo(1.3, within(1e-12));
        assertThat(f.get("stat_p90")).isCloseTo(3.7, within(1e-12));
        assertThat(f.get("stat_iqr")).isEqualTo(1.5);
        assertThat(f.get("stat_energy")).isEqualTo(30.0);
        assertThat(f.get("stat_rms")).isCloseTo(Math.sqrt(7.5), within(1e-15));
        assertThat(f.get("stat_medad")).isEqualTo(1.0);
        assertThat(f.get("stat_qcod")).isCloseTo(1.5 / 5.0, within(1e-15));
    }

    @Test
    void intensityHistogramWorkedExample() {
        Map<String, Double> f = new IntensityHistogram(new int[] {1, 1, 1, 2, 4}, 4).features();
        assertThat(f.get("ih_mode")).isEqualTo(1.0);
        double p = 0.6, q = 0.2;
        assertThat(f.get("ih_entropy")).isCloseTo(-(p * Math.log(p) + 2 * q * Math.log(q)) / Math.log(2),
                within(1e-12));
        assertThat(f.get("ih_entropy")).isCloseTo(1.371, within(5e-4));
        assertThat(f.get("ih_uniformity")).isCloseTo(0.44, within(1e-12));
        assertThat(f.get("ih_max_grad")).isEqualTo(1.0);
        assertThat(f.get("ih_max_grad_g")).isEqualTo(4.0);
        assertThat(f.get("ih_min_grad")).isEqualTo(-2.0);
        assertThat(f.get("ih_min_grad_g")).isEqualTo(1.0);
    }

    @Test
    void histogramModeTiesGoToTheLevelNearestTheMeanThenTheLowerOne() {
        // counts (2, 0, 2): mean 2, both modes 1 apart: the lower
        assertThat(new IntensityHistogram(new int[] {1, 1, 3, 3}, 3).mode()).isEqualTo(1.0);
        // counts (2, 0, 2, 1): mean 2.4: level 3 is nearer
        assertThat(new IntensityHistogram(new int[] {1, 1, 3, 3, 4}, 4).mode()).isEqualTo(3.0);
    }

    @Test
    void intensityVolumeHistogramWorkedExample() {
        Map<String, Double> f = IntensityVolumeHistogram.discrete(new double[] {1, 1, 3, 4}, null).features();
        assertThat(f.get("ivh_v10")).isEqualTo(0.5);
        assertThat(f.get("ivh_v90")).isEqualTo(0.25);
        assertThat(f.get("ivh_i90")).isEqualTo(2.0);
        assertThat(f.get("ivh_i10")).isEqualTo(5.0);
        // the continuous case: bins of 2.5 from -1000 and their centres
        IntensityVolumeHistogram c = IntensityVolumeHistogram.continuous(new double[] {-1000, -997.5, 0, 399},
                new double[] {-1000, 400}, 2.5);
        assertThat(c.intensityAtVolumeFraction(0.9)).isEqualTo(-996.25);
        assertThat(c.intensityAtVolumeFraction(0.3)).isEqualTo(3.75); // bin 401, the first with ν ≤ 0.3
    }

    @Test
    void localIntensityWorkedExample() {
        LocalIntensity li = new LocalIntensity(new int[] {3, 1, 1}, new double[] {4, 4, 4}, new double[] {1, 5, 3},
                new boolean[] {true, true, true});
        assertThat(li.localPeak()).isEqualTo(3.0);
        assertThat(li.globalPeak()).isEqualTo(4.0);
    }

    @Test
    void moranAndGearyWorkedExample() {
        SpatialAutocorrelation sa = new SpatialAutocorrelation(new int[] {2, 1, 1}, new double[] {2, 2, 2},
                new double[] {1, 3}, new boolean[] {true, true});
        assertThat(sa.moranI()).isCloseTo(-1, within(1e-12));
        assertThat(sa.gearyC()).isCloseTo(1, within(1e-12));
    }

    @Test
    void moranAndGearyByFftEqualTheDirectPairSums() {
        Random rnd = new Random(7);
        int[] size = {9, 7, 5};
        double[] spacing = {0.8, 1.1, 2.5};
        int n = size[0] * size[1] * size[2];
        double[] v = new double[n];
        boolean[] m = new boolean[n];
        for (int p = 0; p < n; p++) {
            v[p] = Math.floor(rnd.nextGaussian() * 40 + (p % size[0]) * 5);
            m[p] = rnd.nextDouble() < 0.7;
        }
        SpatialAutocorrelation sa = new SpatialAutocorrelation(size, spacing, v, m);
        // the manual's definition, pair by pair
        double mean = 0;
        int c = 0;
        for (int p = 0; p < n; p++) {
            if (m[p]) {
                mean += v[p];
                c++;
            }
        }
        mean /= c;
        double w = 0, cross = 0, sq = 0, ss = 0;
        for (int p = 0; p < n; p++) {
            if (!m[p]) {
                continue;
            }
            ss += (v[p] - mean) * (v[p] - mean);
            for (int q = 0; q < n; q++) {
                if (!m[q] || q == p) {
                    continue;
                }
                double dx = (p % size[0] - q % size[0]) * spacing[0];
                double dy = ((p / size[0]) % size[1] - (q / size[0]) % size[1]) * spacing[1];
                double dz = (p / (size[0] * size[1]) - q / (size[0] * size[1])) * spacing[2];
                double wij = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                w += wij;
                cross += wij * (v[p] - mean) * (v[q] - mean);
                sq += wij * (v[p] - v[q]) * (v[p] - v[q]);
            }
        }
        assertThat(sa.moranI()).isCloseTo(c / w * cross / ss, within(1e-12));
        assertThat(sa.gearyC()).isCloseTo((c - 1) / (2 * w) * sq / ss, within(1e-12));
    }

    @Test
    void convexHullWorkedExampleAndDegenerateLattice() {
        int[] pts = {0, 0, 0, 2, 0, 0, 0, 3, 0, 2, 3, 0, 0, 0, 4, 2, 0, 4, 0, 3, 4, 2, 3, 4, 1, 1, 2};
        ConvexHull3D hull = new ConvexHull3D(pts, 9);
        assertThat(hull.faceCount()).isEqualTo(12);
        assertThat(hull.volume(new double[] {1, 1, 1})).isCloseTo(24, within(1e-12));
        assertThat(hull.area(new double[] {1, 1, 1})).isCloseTo(52, within(1e-12));
        assertThat(hull.volume(new double[] {0.5, 2, 1})).isCloseTo(24, within(1e-12));
        // every point of a 4 x 4 x 4 lattice cube: many coplanar and collinear points
        int[] cube = new int[3 * 64];
        for (int i = 0; i < 64; i++) {
            cube[3 * i] = i % 4;
            cube[3 * i + 1] = (i / 4) % 4;
            cube[3 * i + 2] = i / 16;
        }
        ConvexHull3D c = new ConvexHull3D(cube, 64);
        assertThat(c.volume(new double[] {1, 1, 1})).isCloseTo(27, within(1e-12));
        assertThat(c.area(new double[] {1, 1, 1})).isCloseTo(54, within(1e-12));
        assertThat(c.vertexCoordinates()).hasSize(3 * 8);
    }

    @Test
    void morphologyOfASingleVoxel() {
        Map<String, Double> f = new Morphology(new int[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {7},
                new boolean[] {true}, new boolean[] {true}).features();
        assertThat(f.get("morph_volume")).isCloseTo(1.0 / 6, within(1e-15));
        assertThat(f.get("morph_area_mesh")).isCloseTo(Math.sqrt(3), within(1e-15));
        assertThat(f.get("morph_av")).isCloseTo(6 * Math.sqrt(3), within(1e-12));
        assertThat(f.get("morph_sphericity")).isCloseTo(Math.cbrt(Math.PI) / Math.sqrt(3), within(1e-12));
        assertThat(f.get("morph_vol_dens_conv_hull")).isCloseTo(1, within(1e-12));
        assertThat(f.get("morph_diam")).isCloseTo(1, within(1e-15));
        assertThat(f.get("morph_vol_approx")).isEqualTo(1.0);
        assertThat(f.get("morph_integ_int")).isCloseTo(7.0 / 6, within(1e-12));
        assertThat(f.get("morph_com")).isEqualTo(0.0);
    }

    @Test
    void ellipsoidAreaIsTheManualsSeries() {
        assertThat(Morphology.ellipsoidArea(2, 2, 2)).isCloseTo(16 * Math.PI, within(1e-12));
        // the manual's 20-term series as NumPy's legval evaluates it (MIRP's implementation, which produced the
        // consensus values); it is the manual's approximation, not the exact area: near a prolate spheroid
        // (a = 3, b = c = 1, exact area 30.89) it gives 22.78, and nacrad, like MIRP, uses the closed forms only
        // when two semi-axes are exactly equal
        assertThat(Morphology.ellipsoidArea(2, 1.999, 1.998)).isCloseTo(50.215232054624025, within(1e-9));
        assertThat(Morphology.ellipsoidArea(3, 1.0001, 1)).isCloseTo(22.778092388772713, within(1e-9));
        assertThat(Morphology.ellipsoidArea(3, 2.9999, 2.5)).isCloseTo(107.03488140435647, within(1e-9));
        assertThat(Morphology.ellipsoidArea(3, 1, 1)).isCloseTo(30.893723975088694, within(1e-9));
    }
}
