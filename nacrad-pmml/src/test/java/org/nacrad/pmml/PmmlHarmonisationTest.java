package org.nacrad.pmml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.study.SavedModel;

/** A model whose radiomics features are ComBat-harmonised is refused by the PMML export, saying why (issue 19). */
class PmmlHarmonisationTest {

    @Test
    void aComBatModelIsRefusedWithTheReason() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("format", SavedModel.FORMAT);
        v.put("harmonisation", Map.of("column", "centre", "unseen_centre", "refuse", "combat", Map.of()));
        assertThatThrownBy(() -> PmmlExport.toPmml(new SavedModel(v)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("harmonises its radiomics features across centres with ComBat")
                .hasMessageContaining("Use nacrad predict or nacrad serve for this model");
    }
}
