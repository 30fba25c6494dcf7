package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Linkage;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;

/** GLSZM and GLDZM: the zones, the distance map, the worked examples. */
class ZoneFamiliesTest {

    /** Asserts the cells (i, j), i, j ≥ 1, and that there are no others. */
    static void assertMatrix(CountMatrix m, double[][] expected) {
        double total = 0;
        for (int i = 1; i <= expected.length; i++) {
            for (int j = 1; j <= expected[0].length; j++) {
                assertThat(m.count(i, j)).as("(%d,%d)", i, j).isEqualTo(expected[i - 1][j - 1]);
                total += expected[i - 1][j - 1];
            }
        }
        assertThat(m.total()).isEqualTo(total);
    }

    @Test
    void glszmWorkedExample() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        Zones z = Zones.of(g, g.neighbourhood(Norm.CHEBYSHEV, 1, true), null);
        CountMatrix m = CountMatrix.ofPairs(z.level, z.size, 0, z.count, 4, 16);
        // IBSI figure "GLSZM"
        assertMatrix(m, new double[][] {{2, 1, 0, 0, 0}, {0, 0, 0, 0, 1}, {1, 0, 1, 0, 0}, {1, 1, 0, 0, 0}});
        assertThat(Glszm.smallZoneEmphasis(m)).isCloseTo((4 + 2 / 4.0 + 1 / 9.0 + 1 / 25.0) / 8, within(1e-15));
        assertThat(Glszm.zonePercentage(m)).isEqualTo(0.5);
        assertThat(Glszm.greyLevelNonUniformity(m)).isEqualTo(2.25);
        assertThat(Glszm.largeZoneEmphasis(m)).isCloseTo((4 + 2 * 4 + 9 + 25) / 8.0, within(1e-15));
    }

    @Test
    void glszmThroughTheEntryPoint() {
        Map<String, Double> f = IbsiTexture.compute(Images.slice(Images.IBSI_EXAMPLE),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLSZM)));
        assertThat(f.get("szm_z_perc_2D")).isEqualTo(0.5);
        assertThat(f.get("szm_z_perc_2_5D")).isEqualTo(0.5);
        assertThat(f.get("szm_z_perc_3D")).isEqualTo(0.5);
        // 4-connected linkage splits the 2s (figure "GLDZM"): 9 zones
        Map<String, Double> four = IbsiTexture.compute(Images.slice(Images.IBSI_EXAMPLE), TextureSettings.defaults()
                .withFamilies(EnumSet.of(TextureFamily.GLSZM)).withZoneLinkage(new Linkage(Norm.MANHATTAN, 1)));
        assertThat(four.get("szm_z_perc_2D")).isEqualTo(9 / 16.0);
    }

    @Test
    void gldzmWorkedExample() {
        RoiGrid g = RoiGrid.of(Images.slice(Images.IBSI_EXAMPLE), 1);
        int[] d = Zones.distanceMap(g, true);
        int[][] expected = {{1, 1, 1, 1}, {1, 2, 2, 1}, {1, 2, 2, 1}, {1, 1, 1, 1}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                assertThat(d[g.offset(x + 1, y + 1, 1)]).isEqualTo(expected[y][x]);
            }
        }
        // IBSI's figure links zones through the 4 face neighbours
        Zones z = Zones.of(g, g.neighbourhood(Norm.MANHATTAN, 1, true), d);
        CountMatrix m = CountMatrix.ofPairs(z.level, z.distance, 0, z.count, 4, 16);
        assertMatrix(m, new double[][] {{3, 0}, {2, 0}, {2, 0}, {1, 1}});
        assertThat(Gldzm.smallDistanceEmphasis(m)).isCloseTo((8 + 0.25) / 9, within(1e-15));
        assertThat(Gldzm.largeDistanceEmphasis(m)).isCloseTo(12 / 9.0, within(1e-15));
        assertThat(Gldzm.zonePercentage(m)).isEqualTo(9 / 16.0);
        // with IBSI's default 8-neighbour linkage the 2s are one zone
        Zones z8 = Zones.of(g, g.neighbourhood(Norm.CHEBYSHEV, 1, true), d);
        assertMatrix(CountMatrix.ofPairs(z8.level, z8.distance, 0, z8.count, 4, 16),
                new double[][] {{3, 0}, {1, 0}, {2, 0}, {1, 1}});
    }

    @Test
    void distanceIsMeasuredOnTheMorphologicalMask() {
        // a 5 × 5 morphological mask whose centre voxel alone is in the intensity mask: distance 3 from the edge
        int[] levels = new int[25];
        boolean[] morph = new boolean[25];
        java.util.Arrays.fill(morph, true);
        levels[12] = 1;
        Map<String, Double> f = IbsiTexture.compute(new TextureInput(5, 5, 1, levels, 1, morph),
                TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.GLDZM)));
        assertThat(f.get("dzm_lde_2D")).isEqualTo(9.0);
        assertThat(f.get("dzm_sde_2D")).isCloseTo(1 / 9.0, within(1e-15));
        // in 3D the one-slice mask is its own edge
        assertThat(f.get("dzm_lde_3D")).isEqualTo(1.0);
    }

    /** The distance map equals IBSI's iterated erosion with the 6- (3D) or 4-connected (2D) structuring element. */
    @Test
    void distanceMapEqualsIteratedErosion() {
        Random random = new Random(17);
        for (int trial = 0; trial < 20; trial++) {
            int nx = 3 + random.nextInt(8), ny = 3 + random.nextInt(8), nz = 1 + random.nextInt(6);
            int[] levels = new int[nx * ny * nz];
            boolean[] morph = new boolean[levels.length];
            for (int v = 0; v < levels.length; v++) {
                morph[v] = random.nextDouble() < 0.85;
                levels[v] = morph[v] ? 1 : 0;
            }
            RoiGrid g = RoiGrid.of(new TextureInput(nx, ny, nz, levels, 1, morph), 1);
            for (boolean inPlane : new boolean[] {true, false}) {
                int[] fast = Zones.distanceMap(g, inPlane);
                int[] steps = inPlane ? new int[] {1, -1, g.nx, -g.nx}
                        : new int[] {1, -1, g.nx, -g.nx, g.nx * g.ny, -g.nx * g.ny};
                boolean[] mask = g.morph.clone();
                int[] byErosion = new int[mask.length];
                for (int round = 1; ; round++) {
                    boolean any = false;
                    boolean[] eroded = new boolean[mask.length];
                    for (int v = 0; v < mask.length; v++) {
                        if (mask[v]) {
                            byErosion[v] = round;
                            any = true;
                            boolean keep = true;
                            for (int s : steps) {
                                int w = v + s;
                                keep &= w >= 0 && w < mask.length && mask[w];
                            }
                            eroded[v] = keep;
                        }
                    }
                    if (!any) {
                        break;
                    }
                    mask = eroded;
                }
                assertThat(fast).as("trial %d inPlane %s", trial, inPlane).containsExactly(byErosion);
            }
        }
    }
}
