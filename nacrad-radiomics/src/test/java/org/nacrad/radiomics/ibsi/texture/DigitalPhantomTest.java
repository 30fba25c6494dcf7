package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.image.Volume;
import org.nacrad.image.io.ImageIO;
import org.nacrad.testkit.ReferenceData;

/**
 * The IBSI-1 digital phantom (5 × 4 × 4 voxels, grey levels 1, 3, 4, 6 in the ROI, N<sub>g</sub> = 6, no
 * processing): every texture feature with a reference value, 408 of them, rounds to IBSI's value at its three
 * reported significant digits.
 */
class DigitalPhantomTest {

    /** The phantom as IBSI prescribes it: grey levels as stored, ROI from the mask, N_g = 6. */
    static TextureInput phantom() throws IOException {
        Volume image = ImageIO.read(ReferenceData.file("ibsi", "digital_phantom", "image.nii.gz"));
        Volume mask = ImageIO.read(ReferenceData.file("ibsi", "digital_phantom", "mask.nii.gz"));
        int[] size = image.geometry().size();
        double[] v = image.data();
        double[] m = mask.data();
        int[] levels = new int[v.length];
        boolean[] roi = new boolean[v.length];
        for (int k = 0; k < v.length; k++) {
            roi[k] = m[k] > 0.5;
            levels[k] = roi[k] ? (int) Math.round(v[k]) : 0;
        }
        return new TextureInput(size[0], size[1], size[2], levels, 6, roi);
    }

    @Test
    void everyTextureFeatureMatchesItsReportedDigits() throws IOException {
        Map<String, Double> ours = IbsiTexture.compute(phantom(), TextureSettings.defaults());
        List<IbsiReferenceValues.Row> ref = IbsiReferenceValues.texture(IbsiReferenceValues.digitalPhantom());
        assertThat(ref).hasSize(408);
        assertThat(ours.keySet()).containsExactlyElementsOf(ref.stream().map(IbsiReferenceValues.Row::tag).toList());
        List<String> failures = IbsiReferenceValues.failures(ours, ref);
        assertThat(failures).as(failures.size() + " of " + ref.size() + " differ").isEmpty();
    }
}
