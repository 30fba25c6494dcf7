package org.nacrad.radiomics.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Geometry;
import org.nacrad.radiomics.settings.ResegmentMode;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

/** The worked examples of the preprocessing Javadoc, with NumPy's numbers where NumPy was the reference. */
class PreprocessTest {

    private static Volume line(double... v) {
        return new Volume(Geometry.of(new int[] {v.length, 1, 1}, new double[] {1, 1, 1}, new double[3]),
                PixelType.FLOAT64, v);
    }

    @Test
    void normalisationUsesTheUnbiasedStandardDeviation() {
        // NumPy: (x - x.mean()) / x.std(ddof=1) for x = [1, 2, 3, 4]
        double[] z = Normalisation.normalize(line(1, 2, 3, 4), 1, null).data();
        assertThat(z).containsExactly(new double[] {-1.161895003862225, -0.3872983346207417, 0.3872983346207417,
            1.161895003862225}, within(1e-15));
        double[] clipped = Normalisation.normalize(line(1, 2, 3, 4), 100, 1.0).data();
        assertThat(clipped).containsExactly(new double[] {-100, -38.72983346207417, 38.72983346207417, 100},
                within(1e-12));
    }

    @Test
    void resegmentationModes() {
        double[] v = {1, 5, 3, 7};
        boolean[] roi = {true, true, true, false};
        assertThat(Resegmentation.resegment(v, roi, new double[] {0.5}, ResegmentMode.RELATIVE))
                .containsExactly(false, true, true, false);
        assertThat(Resegmentation.resegment(v, roi, new double[] {6, 2}, ResegmentMode.ABSOLUTE))
                .containsExactly(false, true, true, false);
    }

    @Test
    void resegmentationKeepingOneVoxelFails() {
        assertThatThrownBy(() -> Resegmentation.resegment(new double[] {1, 5, 10}, new boolean[] {true, true, true},
                new double[] {9}, ResegmentMode.ABSOLUTE)).hasMessageContaining("kept 1 voxel(s)");
    }

    @Test
    void sigmaModeUsesThePopulationStandardDeviation() {
        // ROI {0, 2, 4, 6}: mean 3, population sd √5 = 2.236; [-1, 1] → [0.764, 5.236]: keeps 2 and 4
        boolean[] r = Resegmentation.resegment(new double[] {0, 2, 4, 6}, new boolean[] {true, true, true, true},
                new double[] {-1, 1}, ResegmentMode.SIGMA);
        assertThat(r).containsExactly(false, true, true, false);
    }

    @Test
    void connectedComponentsAre26Connected() {
        Geometry g = Geometry.of(new int[] {3, 3, 3}, new double[] {1, 1, 1}, new double[3]);
        boolean[] roi = new boolean[27];
        roi[g.index(0, 0, 0)] = true;
        roi[g.index(1, 1, 1)] = true; // touches (0,0,0) by a corner
        roi[g.index(2, 2, 0)] = true; // separate from both? (1,1,1)-(2,2,0) touch by a corner too
        roi[g.index(0, 2, 2)] = true; // touches (1,1,1) by a corner
        assertThat(Masks.connectedComponents(g, roi)).isEqualTo(1);
        roi[g.index(1, 1, 1)] = false;
        assertThat(Masks.connectedComponents(g, roi)).isEqualTo(3);
    }

    @Test
    void boundingBoxAndChecks() {
        Geometry g = Geometry.of(new int[] {4, 3, 2}, new double[] {1, 1, 1}, new double[3]);
        boolean[] roi = new boolean[24];
        roi[g.index(1, 0, 1)] = true;
        roi[g.index(2, 2, 1)] = true;
        BoundingBox bb = Masks.checkRoi(g, roi, 1, 2, null);
        assertThat(bb.asStartAndSize()).containsExactly(1, 0, 1, 2, 3, 1);
        assertThatThrownBy(() -> Masks.checkRoi(g, roi, 1, 3, null)).hasMessageContaining("too few dimensions");
        assertThatThrownBy(() -> Masks.checkRoi(g, roi, 1, 2, 2)).hasMessageContaining("too small: 2 voxels");
    }

    @Test
    void resamplingGridAsPyRadiomicsBuildsIt() {
        // mask 10×10×10 at 1 mm, ROI box (3..5, 4..4, 2..7) → 2 mm, pad 1: along i lower floor(2.5/2 - 1) = 0,
        // upper ceil(5.5/2 + 1) = 4 → 5 voxels; j is one voxel thick so keeps 1 mm: floor(3.5 - 1) = 2,
        // ceil(4.5 + 1) = 6 → 5 voxels; k: floor(1.5/2 - 1) = -1 → 0, ceil(7.5/2 + 1) = 5, clipped to the image's
        // last new index ceil(10/2) − 1 = 4 → 5 voxels. Origin
        // index: 0.5·(2 − 1)/1 + 0 = 0.5 along i and k, 0 + 2 along j.
        Geometry m = Geometry.of(new int[] {10, 10, 10}, new double[] {1, 1, 1}, new double[] {0, 0, 0});
        BoundingBox bb = new BoundingBox(new int[] {3, 4, 2}, new int[] {5, 4, 7});
        Geometry g = Resampling.grid(m, bb, new double[] {2, 2, 2}, 1);
        assertThat(g.size()).containsExactly(5, 5, 5);
        assertThat(g.spacing()).containsExactly(2, 1, 2);
        assertThat(g.origin()).containsExactly(0.5, 2, 0.5);
    }

    @Test
    void roiMatchesTheUInt32CastOfEveryLabelValue() {
        // Masks.roi tests label <= v < label + 1 instead of casting; the same voxels as (long) v == label
        double[] v = {0, 1, 1.999, 2, -0.5, 0.999, Double.NaN, 1e300, -1, 2.5, Double.POSITIVE_INFINITY, 3};
        Volume lm = line(v);
        for (int label = 0; label <= 3; label++) {
            boolean[] roi = Masks.roi(lm, label);
            for (int n = 0; n < v.length; n++) {
                assertThat(roi[n]).as("label %d, value %s", label, v[n]).isEqualTo((long) v[n] == label);
            }
        }
    }

    @Test
    void boundingBoxByRowsAsByVoxels() {
        Geometry g = Geometry.of(new int[] {7, 5, 4}, new double[] {1, 1, 1}, new double[3]);
        java.util.Random r = new java.util.Random(3);
        for (int trial = 0; trial < 200; trial++) {
            boolean[] roi = new boolean[7 * 5 * 4];
            int[] lo = {7, 5, 4};
            int[] hi = {-1, -1, -1};
            for (int s = r.nextInt(4); s > 0; s--) {
                int i = r.nextInt(7), j = r.nextInt(5), k = r.nextInt(4);
                roi[g.index(i, j, k)] = true;
                lo = new int[] {Math.min(lo[0], i), Math.min(lo[1], j), Math.min(lo[2], k)};
                hi = new int[] {Math.max(hi[0], i), Math.max(hi[1], j), Math.max(hi[2], k)};
            }
            BoundingBox bb = Masks.boundingBox(g, roi);
            if (hi[0] < 0) {
                assertThat(bb).isNull();
            } else {
                assertThat(bb.lower()).containsExactly(lo);
                assertThat(bb.upper()).containsExactly(hi);
            }
        }
    }

    @Test
    void digitizeCountsTheEdgesAtOrBelowAValue() {
        // against a plain count, for both kinds of edges, values on and between edges, outside them, infinities
        java.util.Random r = new java.util.Random(7);
        for (double[] edges : new double[][] {Discretiser.binWidthEdges(-37.5, 912.25, 25),
            Discretiser.binWidthEdges(0.1, 0.7, 0.1), Discretiser.binCountEdges(-3.3, 17.9, 16),
            Discretiser.binCountEdges(5, 5, 4), Discretiser.binWidthEdges(3, 3, 25)}) {
            java.util.List<Double> values = new java.util.ArrayList<>();
            for (double e : edges) {
                values.add(e);
                values.add(Math.nextUp(e));
                values.add(Math.nextDown(e));
            }
            for (int t = 0; t < 500; t++) {
                values.add(edges[0] - 1 + r.nextDouble() * (edges[edges.length - 1] - edges[0] + 2));
            }
            values.add(Double.POSITIVE_INFINITY);
            values.add(Double.NEGATIVE_INFINITY);
            for (double v : values) {
                int count = 0;
                for (double e : edges) {
                    count += e <= v ? 1 : 0;
                }
                assertThat(Discretiser.digitize(v, edges)).as("%s", v).isEqualTo(count);
            }
            assertThat(Discretiser.digitize(Double.NaN, edges)).isEqualTo(edges.length);
        }
        // NumPy: np.digitize(-0.0, [0.0, 25.0]) == 1 (numeric comparison)
        assertThat(Discretiser.digitize(-0.0, new double[] {0.0, 25.0})).isEqualTo(1);
    }
}
