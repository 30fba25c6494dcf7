package org.nacrad.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoredCaseTest {

    @Test
    void valuesComeBackBitForBit() throws Exception {
        Map<String, Double> f = new LinkedHashMap<>();
        double[] values = {0.1, 1.0 / 3, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, 1e300, 131.12587412587413};
        for (int k = 0; k < values.length; k++) {
            f.put("f" + k, values[k]);
        }
        CaseRow row = new CaseRow("P1", f, Map.of("diagnostics_x", "(1, 2)"), null, Map.of("image", "ab"), "dev",
                "cd");
        StoredCase back = StoredCase.parse(new StoredCase("key", row).toJson());
        assertThat(back.key()).isEqualTo("key");
        for (int k = 0; k < values.length; k++) {
            assertThat(Double.doubleToRawLongBits(back.row().features().get("f" + k)))
                    .isEqualTo(Double.doubleToRawLongBits(values[k]));
        }
        assertThat(back.row()).isEqualTo(row);
        assertThat(back.sha256()).isEqualTo(new StoredCase("key", row).sha256());
    }

    @Test
    void anythingElseIsDamaged() {
        CaseRow row = new CaseRow("P1", Map.of("a", 1.0), Map.of(), null, Map.of(), "dev", "cd");
        String json = new StoredCase("k", row).toJson();
        assertThatThrownBy(() -> StoredCase.parse(json.replace("\"1.0\"", "\"2.0\""))).hasMessage(
                "checksum mismatch: the entry was changed or cut short");
        assertThatThrownBy(() -> StoredCase.parse(json.substring(0, 40))).hasMessage("not a complete entry (cut short?)");
        assertThatThrownBy(() -> StoredCase.parse("key,abc\na,1.0\n")).hasMessage(
                "written by an older nacrad (cache format 0)");
        assertThatThrownBy(() -> StoredCase.parse("{}")).hasMessage("not a stored case of format nacrad-case/1");
    }
}
