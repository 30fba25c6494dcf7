package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.nacrad.testkit.ReferenceData;

/**
 * IBSI-1 CT phantom, configuration A: 2D (slice-wise), no interpolation, re-segmentation to [−500, 400] HU, fixed
 * bin size 25 HU from −500, δ = 1, α = 0, Chebyshev linkage 1. The preparation is written out here (IBSI-1 reference
 * manual, section "Reference data sets"): the NIfTI image rounded to integers, the mask as the morphological mask,
 * the intensity mask the mask's voxels within [−500, 400] HU, grey level ⌊(HU + 500)/25⌋ + 1. Every 2D and 2.5D
 * texture feature of the configuration (272) lies within IBSI's tolerance.
 */
class CtPhantomConfigATest {

    static final double LOWER = -500;
    static final double UPPER = 400;
    static final double BIN_WIDTH = 25;

    /**
     * The discretised ROI of configuration A. N<sub>g</sub> is the number of bins of width 25 that cover the
     * re-segmentation range [−500, 400]: ⌈900/25⌉ = 36. (The reference values say so: with N<sub>g</sub> = 37 the
     * normalised inverse difference comes out 0.962 against IBSI's 0.961 ± 0.001. No ROI voxel lies at exactly
     * 400 HU, which would open a 37th bin; the highest is 377 HU, bin 36.)
     */
    static TextureInput configA() throws IOException {
        Volume image = ImageIO.read(ReferenceData.file("ibsi", "ct_phantom", "nifti", "image.nii.gz"));
        Volume mask = ImageIO.read(ReferenceData.file("ibsi", "ct_phantom", "nifti", "mask.nii.gz"));
        int[] size = image.geometry().size();
        double[] hu = image.data();
        double[] m = mask.data();
        int[] levels = new int[hu.length];
        boolean[] morph = new boolean[hu.length];
        int levelCount = (int) Math.ceil((UPPER - LOWER) / BIN_WIDTH);
        for (int k = 0; k < hu.length; k++) {
            morph[k] = m[k] > 0.5;
            double x = Math.rint(hu[k]);
            if (morph[k] && x >= LOWER && x <= UPPER) {
                levels[k] = (int) Math.floor((x - LOWER) / BIN_WIDTH) + 1;
            }
        }
        return new TextureInput(size[0], size[1], size[2], levels, levelCount, morph);
    }

    @Test
    void preparationGivesIbsisVoxelCounts() throws IOException {
        TextureInput in = configA();
        int roi = 0;
        int intensity = 0;
        for (int k = 0; k < in.levels().length; k++) {
            roi += in.morphMask()[k] ? 1 : 0;
            intensity += in.levels()[k] > 0 ? 1 : 0;
        }
        Map<String, IbsiReferenceValues.Row> ref = IbsiReferenceValues.ctPhantom('A');
        assertThat((double) roi).isEqualTo(ref.get("int_mask_vox_count_interp_roi").value());
        assertThat((double) intensity).isEqualTo(ref.get("int_mask_vox_count_reseg_roi").value());
    }

    @Test
    void everyTextureFeatureWithinTolerance() throws IOException {
        TextureSettings settings = TextureSettings.defaults().withDimensions(EnumSet.of(Dimension.D2, Dimension.D2_5));
        Map<String, Double> ours = IbsiTexture.compute(configA(), settings);
        List<IbsiReferenceValues.Row> ref = IbsiReferenceValues.texture(IbsiReferenceValues.ctPhantom('A'));
        assertThat(ref).hasSize(272);
        assertThat(ours.keySet()).containsExactlyElementsOf(ref.stream().map(IbsiReferenceValues.Row::tag).toList());
        List<String> failures = IbsiReferenceValues.failures(ours, ref);
        assertThat(failures).as(failures.size() + " of " + ref.size() + " differ").isEmpty();
    }
}
