package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.settings.WeightingNorm;

class DirectionsTest {

    /** {dk, dj, di} as PyRadiomics prints its angles (z, y, x), converted to our {di, dj, dk}. */
    private static int[][] rows(int[]... r) {
        return r;
    }

    private static int[] zyx(int dk, int dj, int di) {
        return new int[] {di, dj, dk};
    }

    @Test
    void thirteenDirectionsInPyRadiomicsOrder() {
        int[][] a = Directions.generate(new int[] {4, 4, 4}, new int[] {1}, false, -1);
        assertThat(a).isDeepEqualTo(rows(
                zyx(1, 1, 1), zyx(1, 1, 0), zyx(1, 1, -1), zyx(1, 0, 1), zyx(1, 0, 0), zyx(1, 0, -1),
                zyx(1, -1, 1), zyx(1, -1, 0), zyx(1, -1, -1), zyx(0, 1, 1), zyx(0, 1, 0), zyx(0, 1, -1),
                zyx(0, 0, 1)));
    }

    @Test
    void bidirectionalAddsTheNegativesInReverseOrder() {
        int[][] one = Directions.generate(new int[] {4, 4, 4}, new int[] {1}, false, -1);
        int[][] both = Directions.generate(new int[] {4, 4, 4}, new int[] {1}, true, -1);
        assertThat(both.length).isEqualTo(26);
        for (int n = 0; n < 13; n++) {
            assertThat(both[n]).isEqualTo(one[n]);
            assertThat(both[25 - n]).isEqualTo(new int[] {-one[n][0], -one[n][1], -one[n][2]});
        }
    }

    @Test
    void force2DKeepsTheInPlaneOffsets() {
        int[][] z = Directions.generate(new int[] {4, 4, 4}, new int[] {1}, false, 0);
        assertThat(z).isDeepEqualTo(rows(zyx(0, 1, 1), zyx(0, 1, 0), zyx(0, 1, -1), zyx(0, 0, 1)));
        int[][] y = Directions.generate(new int[] {4, 4, 4}, new int[] {1}, false, 1);
        assertThat(y).isDeepEqualTo(rows(zyx(1, 0, 1), zyx(1, 0, 0), zyx(1, 0, -1), zyx(0, 0, 1)));
        int[][] x = Directions.generate(new int[] {4, 4, 4}, new int[] {1}, false, 2);
        assertThat(x).isDeepEqualTo(rows(zyx(1, 1, 0), zyx(1, 0, 0), zyx(1, -1, 0), zyx(0, 1, 0)));
    }

    @Test
    void aSingleSliceBoxDropsOutOfPlaneOffsets() {
        int[][] a = Directions.generate(new int[] {5, 5, 1}, new int[] {1}, false, -1);
        assertThat(a).isDeepEqualTo(rows(zyx(0, 1, 1), zyx(0, 1, 0), zyx(0, 1, -1), zyx(0, 0, 1)));
        int[][] line = Directions.generate(new int[] {1, 7, 1}, new int[] {1}, true, -1);
        assertThat(line).isDeepEqualTo(rows(zyx(0, 1, 0), zyx(0, -1, 0)));
    }

    /** get_angle_count: Σ_δ Π_d (2·min(δ, s_d − 1) + 1) − Π_d (δ < s_d ? 2δ − 1 : 2(s_d − 1) + 1), halved. */
    private static int angleCount(int[] size, int[] distances, boolean bidirectional, int force2Ddim) {
        int[] np = {size[2], size[1], size[0]};
        int na = 0;
        for (int dist : distances) {
            int full = 1, inner = 1;
            for (int d = 0; d < 3; d++) {
                if (d == force2Ddim) {
                    continue;
                }
                if (dist < np[d]) {
                    full *= 2 * dist + 1;
                    inner *= 2 * dist - 1;
                } else {
                    full *= 2 * (np[d] - 1) + 1;
                    inner *= 2 * (np[d] - 1) + 1;
                }
            }
            na += full - inner;
        }
        return bidirectional ? na : na / 2;
    }

    @Test
    void countsMatchPyRadiomicsAngleCountAndEachOffsetHasARequestedDistance() {
        int[][] sizes = {{4, 4, 4}, {5, 5, 1}, {2, 6, 3}, {9, 9, 9}, {1, 3, 8}};
        int[][] distanceSets = {{1}, {2}, {1, 2}, {1, 3}, {3}};
        for (int[] size : sizes) {
            for (int[] dist : distanceSets) {
                for (int f2 = -1; f2 <= 2; f2++) {
                    for (boolean bi : new boolean[] {false, true}) {
                        int[][] a = Directions.generate(size, dist, bi, f2);
                        assertThat(a.length).as("%s %s %d %b", Arrays.toString(size), Arrays.toString(dist), f2, bi)
                                .isEqualTo(angleCount(size, dist, bi, f2));
                        Set<String> seen = new HashSet<>();
                        for (int[] o : a) {
                            assertThat(Arrays.stream(dist).anyMatch(d -> d == Directions.infinityNorm(o))).isTrue();
                            assertThat(seen.add(Arrays.toString(o))).isTrue();
                            if (!bi) {
                                assertThat(seen).doesNotContain(Arrays.toString(new int[] {-o[0], -o[1], -o[2]}));
                            }
                        }
                    }
                }
            }
        }
        assertThat(Directions.generate(new int[] {9, 9, 9}, new int[] {1, 2}, false, -1).length).isEqualTo(13 + 49);
    }

    @Test
    void weightsFollowTheNamedNorm() {
        int[] o = {1, -1, 2};
        double[] s = {0.5, 1.0, 2.0};
        // |o|·s = (0.5, 1, 4)
        assertThat(Directions.weight(o, s, WeightingNorm.INFINITY)).isEqualTo(Math.exp(-16.0));
        assertThat(Directions.weight(o, s, WeightingNorm.EUCLIDEAN)).isEqualTo(Math.exp(-(0.25 + 1 + 16)));
        assertThat(Directions.weight(o, s, WeightingNorm.MANHATTAN)).isEqualTo(Math.exp(-5.5 * 5.5));
        assertThat(Directions.weight(o, s, WeightingNorm.NO_WEIGHTING)).isEqualTo(1.0);
        assertThat(Directions.distance(o, s, WeightingNorm.INFINITY)).isEqualTo(4.0);
        assertThat(Directions.distance(o, s, WeightingNorm.EUCLIDEAN)).isEqualTo(Math.sqrt(17.25));
        assertThat(Directions.distance(o, s, WeightingNorm.MANHATTAN)).isEqualTo(5.5);
        assertThat(Directions.distance(o, s, WeightingNorm.NO_WEIGHTING)).isEqualTo(1.0);
    }

    @Test
    void linearStepUsesIFastestLayout() {
        assertThat(Directions.linearStep(new int[] {1, -1, 2}, new int[] {5, 4, 3})).isEqualTo(1 - 5 + 2 * 20);
    }

    @Test
    void badDistancesAreRejected() {
        assertThatThrownBy(() -> Directions.generate(new int[] {4, 4, 4}, new int[] {0}, false, -1))
                .hasMessageContaining("distances");
    }
}
