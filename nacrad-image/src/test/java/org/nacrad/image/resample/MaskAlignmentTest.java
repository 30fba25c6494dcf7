package org.nacrad.image.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Geometry;
import org.nacrad.image.PixelType;
import org.nacrad.image.Volume;

class MaskAlignmentTest {

    private static final Volume IMAGE = new Volume(
            Geometry.of(new int[] {4, 4, 4}, new double[] {2, 2, 2}, new double[] {0, 0, 0}),
            PixelType.INT16, new double[64]);

    /** A mask of 8³ voxels of 1 mm covering the image's box, label 1 on the voxels with all indices in 2..5. */
    private static Volume fineMask(double[] origin) {
        double[] m = new double[512];
        for (int k = 0; k < 8; k++) {
            for (int j = 0; j < 8; j++) {
                for (int i = 0; i < 8; i++) {
                    boolean in = i >= 2 && i <= 5 && j >= 2 && j <= 5 && k >= 2 && k <= 5;
                    m[i + 8 * (j + 8 * k)] = in ? 1 : (i + j + k) % 3 == 0 ? 2 : 0;
                }
            }
        }
        return new Volume(Geometry.of(new int[] {8, 8, 8}, new double[] {1, 1, 1}, origin), PixelType.UINT8, m);
    }

    @Test
    void workedExample() {
        Volume mask = fineMask(new double[] {-0.5, -0.5, -0.5});
        Volume c = MaskAlignment.align(IMAGE, mask, 1, 1e-6, true);
        assertThat(c.geometry()).isEqualTo(IMAGE.geometry());
        assertThat(c.pixelType()).isEqualTo(PixelType.UINT8);
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 4; i++) {
                    assertThat(c.get(i, j, k)).isEqualTo(mask.get(2 * i + 1, 2 * j + 1, 2 * k + 1));
                }
            }
        }
        // label 1 at mask indices 2..5 lands on image voxels 1..2 (mask 3 and 5)
        assertThat(c.get(1, 1, 1)).isEqualTo(1);
        assertThat(c.get(2, 2, 2)).isEqualTo(1);
        assertThat(c.get(0, 1, 1)).isNotEqualTo(1);
    }

    @Test
    void matchingGridWithinToleranceIsKept() {
        Volume mask = new Volume(Geometry.of(new int[] {4, 4, 4}, new double[] {2, 2, 2 + 1e-6},
                new double[] {1e-6, 0, 0}), PixelType.UINT8, new double[64]);
        assertThat(MaskAlignment.align(IMAGE, mask, 1, 1e-6, false)).isSameAs(mask);
        // 1e-6 × spacing 2 = 2e-6 allowed; 3e-6 is not
        Volume off = new Volume(Geometry.of(new int[] {4, 4, 4}, new double[] {2, 2, 2},
                new double[] {3e-6, 0, 0}), PixelType.UINT8, new double[64]);
        assertThatThrownBy(() -> MaskAlignment.align(IMAGE, off, 1, 1e-6, false))
                .hasMessageStartingWith("image and mask geometries differ (origin").hasMessageNotContaining("\n");
    }

    @Test
    void roiOutsideTheImageIsRejected() {
        // origin 2.5 mm: the label's upper corner, mask index 5 + 0.5, is at 8 mm = image index 4 > 3.5 + 1e-3
        Volume mask = fineMask(new double[] {2.5, -0.5, -0.5});
        assertThatThrownBy(() -> MaskAlignment.align(IMAGE, mask, 1, 1e-6, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extends outside the image").hasMessageNotContaining("\n");
        // origin 0.5 mm: 6 mm = image index 3, inside; origin 1.5 mm: 7 mm = index 3.5 exactly, still accepted
        assertThat(MaskAlignment.align(IMAGE, fineMask(new double[] {1.5, -0.5, -0.5}), 1, 1e-6, true)).isNotNull();
        assertThat(MaskAlignment.align(IMAGE, fineMask(new double[] {0.5, -0.5, -0.5}), 1, 1e-6, true).geometry())
                .isEqualTo(IMAGE.geometry());
        assertThatThrownBy(() -> MaskAlignment.align(IMAGE, fineMask(new double[] {0, 0, 0}), 7, 1e-6, true))
                .hasMessage("label 7 is not present in the mask");
    }
}
