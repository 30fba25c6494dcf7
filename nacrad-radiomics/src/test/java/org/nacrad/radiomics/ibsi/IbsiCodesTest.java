package org.nacrad.radiomics.ibsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nacrad.testkit.ReferenceData;

/** {@link IbsiCodes} against the manual's list of tags and codes ({@code ibsi_1_feature_codes.csv}). */
class IbsiCodesTest {

    @Test
    void everyTagHasTheManualsCode() throws Exception {
        List<String> lines = Files.readAllLines(ReferenceData.file("ibsi", "ibsi_1_feature_codes.csv"),
                StandardCharsets.UTF_8);
        Map<String, String> manual = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replace("\uFEFF", "").split(",");
            manual.put(f[0], f[1]);
        }
        assertThat(manual).hasSize(174);
        assertThat(IbsiCodes.FEATURES).containsExactlyEntriesOf(manual);
    }
}
