package org.nacrad.radiomics.ibsi.texture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Dimension;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Linkage;
import org.nacrad.radiomics.ibsi.texture.TextureSettings.Norm;
import org.nacrad.radiomics.testing.BaselineCases;
import org.nacrad.testkit.ReferenceData;

/** The entry point's names, codes, order and errors. */
class IbsiTextureTest {

    /** Every feature tag and code written in the families equals the IBSI manual's table of codes. */
    @Test
    void featureCodesMatchTheIbsiTable() throws IOException {
        String text = Files.readString(ReferenceData.file("ibsi", "ibsi_1_feature_codes.csv"), StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        Map<String, String> table = new HashMap<>();
        for (List<String> row : BaselineCases.Csv.parse(text)) {
            if (row.size() > 1 && row.get(0).matches("(cm|rlm|szm|dzm|ngt|ngl)_.*")) {
                table.put(row.get(0).trim(), row.get(1).trim());
            }
        }
        Map<String, String> ours = new HashMap<>();
        for (TextureFamily f : TextureFamily.values()) {
            List<String> tags = IbsiTexture.featureTags(f);
            List<String> codes = IbsiTexture.featureCodes(f);
            for (int k = 0; k < tags.size(); k++) {
                ours.put(f.prefix() + "_" + tags.get(k), codes.get(k));
            }
        }
        assertThat(ours).hasSize(95).isEqualTo(table);
    }

    @Test
    void codesJoinFeatureAndAggregation() {
        assertThat(IbsiTexture.code("cm_joint_max_3D_avg")).isEqualTo("GYBY_ITBB");
        assertThat(IbsiTexture.code("cm_joint_max_2_5D_comb")).isEqualTo("GYBY_ZW7Z");
        assertThat(IbsiTexture.code("rlm_sre_2D_avg")).isEqualTo("22OV_BTW3");
        assertThat(IbsiTexture.code("szm_sze_2_5D")).isEqualTo("5QRC_62GR");
        assertThat(IbsiTexture.code("ngl_lde_2D")).isEqualTo("SODN_8QNN");
        assertThat(IbsiTexture.code("ngt_coarseness_3D")).isEqualTo("QCDE_KOBO");
        assertThatThrownBy(() -> IbsiTexture.code("szm_sze_2D_avg")).hasMessageContaining("szm_sze_2D_avg");
        assertThatThrownBy(() -> IbsiTexture.code("stat_mean")).isInstanceOf(IllegalArgumentException.class);
        // every tag of the defaults has a distinct code
        List<String> tags = IbsiTexture.tags(TextureSettings.defaults());
        assertThat(tags).hasSize(408);
        assertThat(tags.stream().map(IbsiTexture::code).distinct()).hasSize(408);
    }

    @Test
    void keysFollowTheSettingsInTableOrder() {
        TextureSettings s = TextureSettings.defaults().withFamilies(EnumSet.of(TextureFamily.NGLDM, TextureFamily.GLCM))
                .withDimensions(EnumSet.of(Dimension.D3, Dimension.D2_5));
        Map<String, Double> f = IbsiTexture.compute(Images.slice(Images.IBSI_EXAMPLE), s);
        assertThat(f.keySet()).containsExactlyElementsOf(IbsiTexture.tags(s));
        assertThat(f).hasSize(25 * 4 + 17 * 2);
        List<String> keys = List.copyOf(f.keySet());
        assertThat(keys.get(0)).isEqualTo("cm_joint_max_2_5D_avg");
        assertThat(keys.get(25)).isEqualTo("cm_joint_max_2_5D_comb");
        assertThat(keys.get(50)).isEqualTo("cm_joint_max_3D_avg");
        assertThat(keys.get(100)).isEqualTo("ngl_lde_2_5D");
        assertThat(keys.get(133)).isEqualTo("ngl_dc_energy_3D");
        assertThatThrownBy(() -> f.put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aggregationsIbsiDefinesPerFamily() {
        assertThat(TextureFamily.GLCM.aggregations()).extracting(Aggregation::suffix)
                .containsExactly("2D_avg", "2D_comb", "2_5D_avg", "2_5D_comb", "3D_avg", "3D_comb");
        assertThat(TextureFamily.NGTDM.aggregations()).extracting(Aggregation::suffix)
                .containsExactly("2D", "2_5D", "3D");
        assertThat(Aggregation.parse(TextureFamily.GLRLM, "2_5d_comb")).isEqualTo(Aggregation.COMB_2_5D);
        assertThatThrownBy(() -> Aggregation.parse(TextureFamily.GLSZM, "2D_avg"))
                .hasMessage("aggregation '2D_avg' is not defined for GLSZM (IBSI defines 2D, 2_5D, 3D)");
        assertThatThrownBy(() -> Aggregation.parse(TextureFamily.GLCM, "3D"))
                .hasMessageContaining("not defined for GLCM");
        assertThat(TextureFamily.parse("ngl")).isEqualTo(TextureFamily.NGLDM);
        assertThat(TextureFamily.parse("GLDZM")).isEqualTo(TextureFamily.GLDZM);
        assertThatThrownBy(() -> TextureFamily.parse("gldm")).hasMessageContaining("unknown texture family 'gldm'");
        assertThat(Dimension.parse("2.5D")).isEqualTo(Dimension.D2_5);
        assertThatThrownBy(() -> Dimension.parse("4D")).hasMessageContaining("'4D'");
    }

    @Test
    void badSettingsNameTheSetting() {
        TextureSettings d = TextureSettings.defaults();
        assertThatThrownBy(() -> d.withDistance(0)).hasMessage("glcmDistance must be at least 1 voxel, got 0");
        assertThatThrownBy(() -> d.withNgldmAlpha(-1)).hasMessageContaining("ngldmAlpha");
        assertThatThrownBy(() -> d.withZoneLinkage(new Linkage(Norm.CHEBYSHEV, 0)))
                .hasMessageContaining("zoneLinkage distance");
        assertThat(d.families()).hasSize(6);
        assertThat(d.dimensions()).hasSize(3);
        assertThat(d.glcmDistance()).isEqualTo(1);
        assertThat(d.ngldmAlpha()).isZero();
        assertThat(d.zoneLinkage()).isEqualTo(new Linkage(Norm.CHEBYSHEV, 1));
    }

    @Test
    void badInputIsRejectedWithTheVoxel() {
        boolean[] all = {true, true};
        assertThatThrownBy(() -> IbsiTexture.compute(new TextureInput(2, 1, 1, new int[] {1, 7}, 6, all),
                TextureSettings.defaults()))
                .hasMessage("grey level 7 at voxel (1, 0, 0) is outside 0..N_g = 6");
        assertThatThrownBy(() -> IbsiTexture.compute(
                new TextureInput(2, 1, 1, new int[] {1, 1}, 6, new boolean[] {true, false}), TextureSettings.defaults()))
                .hasMessageContaining("voxel (1, 0, 0) is in the intensity mask but not in the morphological mask");
    }

    @Test
    void emptyIntensityMaskGivesNaN() {
        TextureInput empty = new TextureInput(3, 3, 2, new int[18], 4, new boolean[18]);
        Map<String, Double> f = IbsiTexture.compute(empty, TextureSettings.defaults());
        assertThat(f).hasSize(408);
        assertThat(f.values()).allMatch(v -> v.isNaN());
        boolean[] morph = new boolean[18];
        morph[4] = true;
        assertThat(IbsiTexture.compute(new TextureInput(3, 3, 2, new int[18], 4, morph), TextureSettings.defaults())
                .values()).allMatch(v -> v.isNaN());
    }

    @Test
    void noFamiliesNoFeatures() {
        assertThat(IbsiTexture.compute(Images.slice(Images.IBSI_EXAMPLE),
                TextureSettings.defaults().withFamilies(Set.of()))).isEmpty();
    }
}
