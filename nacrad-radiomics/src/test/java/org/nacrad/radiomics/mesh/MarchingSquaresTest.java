package org.nacrad.radiomics.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarchingSquaresTest {

    /** The Javadoc's worked example: one unit pixel gives the diamond |r| + |c| ≤ ½. */
    @Test
    void singlePixelIsADiamond() {
        ContourMeasures c = MarchingSquares.contour(new boolean[] {true}, 1, 1, new double[] {1, 1});
        assertThat(c.perimeter()).isCloseTo(2 * Math.sqrt(2), within(1e-15));
        assertThat(c.surface()).isCloseTo(0.5, within(1e-15));
        assertThat(c.vertices().count()).isEqualTo(4);
        assertThat(Diameters.feret2D(c.vertices())).isEqualTo(1.0);
    }

    /**
     * A rectangle of r × c pixels (spacing s₀ × s₁), by hand: the rectangle [−½, r−½] × [−½, c−½] with its four
     * corners cut at the edge midpoints (triangles of legs s/2). Surface = rc·s₀s₁ − 4 · (s₀/2)(s₁/2)/2, perimeter =
     * 2(r−1)s₀ + 2(c−1)s₁ + 4 · √((s₀/2)² + (s₁/2)²).
     */
    @ParameterizedTest
    @CsvSource({"1,1,1,1", "3,5,1,1", "4,2,0.5,2", "6,6,0.8,0.8"})
    void rectangle(int r, int c, double s0, double s1) {
        boolean[] mask = new boolean[r * c];
        Arrays.fill(mask, true);
        ContourMeasures m = MarchingSquares.contour(mask, r, c, new double[] {s0, s1});
        assertThat(m.surface()).isCloseTo(r * c * s0 * s1 - s0 * s1 / 2, within(1e-12));
        assertThat(m.perimeter()).isCloseTo(2 * (r - 1) * s0 + 2 * (c - 1) * s1 + 2 * Math.hypot(s0, s1),
                within(1e-12));
        assertThat(m.vertices().count()).isEqualTo(2 * (r + c));
    }

    /** Diagonal inside corners are separated: each is cut off by its own segment, oriented like a single corner. */
    @Test
    void ambiguousCasesSeparateTheInsideCorners() {
        assertThat(MarchingSquares.LINES[1]).containsExactly(3, 0);
        assertThat(MarchingSquares.LINES[5]).containsExactly(3, 0, 1, 2);
        assertThat(MarchingSquares.LINES[10]).containsExactly(0, 1, 2, 3);
        assertThat(MarchingSquares.LINES[0]).isEmpty();
        assertThat(MarchingSquares.LINES[15]).isEmpty();
        // two diagonal pixels: two diamonds, nothing joins them
        ContourMeasures c = MarchingSquares.contour(new boolean[] {true, false, false, true}, 2, 2, new double[] {1, 1});
        assertThat(c.surface()).isCloseTo(1.0, within(1e-15));
        assertThat(c.perimeter()).isCloseTo(4 * Math.sqrt(2), within(1e-15));
    }
}
