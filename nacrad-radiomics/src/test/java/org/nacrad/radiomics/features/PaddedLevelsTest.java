package org.nacrad.radiomics.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.FeatureInput;
import org.nacrad.radiomics.RadiomicsSettings;

/**
 * The padded grid is made once per input and padding and shared by the families, and the one family that marks
 * voxels (GLSZM's zone search) leaves the shared grid as it was.
 */
class PaddedLevelsTest {

    @Test
    void oneGridPerInputAndPaddingSharedAndLeftUnchanged() {
        FeatureInput in = GlszmTest.image2D(GlszmTest.DOC_IMAGE, RadiomicsSettings.defaults());
        PaddedLevels a = PaddedLevels.of(in, Directions.forMatrix(in, new int[] {1}, true));
        PaddedLevels b = PaddedLevels.of(in, Directions.forMatrix(in, new int[] {1}, false));
        assertThat(b.levels).isSameAs(a.levels);
        assertThat(b.roi).isSameAs(a.roi);
        assertThat(b.steps).isNotEqualTo(a.steps); // 26 neighbours (2D: 8) against 13 (2D: 4) directions
        // 5 x 5 x 1 padded by one voxel along i and j; a single slice has no offsets along k, so no padding there
        assertThat(a.levels).hasSize(7 * 7);
        assertThat(a.roi).hasSize(25);
        assertThat(a.maxLevel).isEqualTo(5);
        int[] before = a.levels.clone();

        Glszm.Matrix m = Glszm.matrix(in);
        assertThat(m.nz).isEqualTo(11);
        assertThat(a.levels).containsExactly(before);
        // a fresh input of the same image gives a new grid with the same content
        FeatureInput again = GlszmTest.image2D(GlszmTest.DOC_IMAGE, RadiomicsSettings.defaults());
        PaddedLevels c = PaddedLevels.of(again, Directions.forMatrix(again, new int[] {1}, true));
        assertThat(c.levels).isNotSameAs(a.levels).containsExactly(before);
    }
}
