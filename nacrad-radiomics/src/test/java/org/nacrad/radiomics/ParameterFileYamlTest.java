package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a YAML reader would resolve silently is refused, with one line naming the file, the key and the line: a key
 * given twice (the last would win) and anchors/aliases (read as the anchor's value or, by some readers, its name).
 */
class ParameterFileYamlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "setting:\\n  binWidth: 25\\n  binWidth: 5\\n | p.yaml: setting.binWidth: duplicate key at line 3; each key may be given once",
        "setting: {label: 1}\\nsetting: {label: 2}\\n | p.yaml: setting: duplicate key at line 2; each key may be given once",
        "imageType:\\n  Original: {}\\n  Wavelet: {level: 1, level: 2}\\n | p.yaml: imageType.Wavelet.level: duplicate key at line 3; each key may be given once",
        "{\"setting\": {\"label\": 1, \"label\": 2}} | p.yaml: setting.label: duplicate key at line 1; each key may be given once",
        "setting:\\n  binWidth: &w 25\\nimageType:\\n  Wavelet: {binWidth: *w}\\n | p.yaml: imageType.Wavelet.binWidth: YAML alias at line 4 is not accepted; write the value out",
        "base: &b {binWidth: 5}\\nsetting: *b\\n | p.yaml: base: YAML anchor at line 1 is not accepted; write the value out",
        "setting:\\n  distances: [1, *d]\\n | p.yaml: setting.distances[1]: YAML alias at line 2 is not accepted; write the value out",
    })
    void duplicateKeysAndAliasesAreRefused(String yaml, String message) {
        assertThatThrownBy(() -> ParameterFile.parse(yaml.replace("\\n", "\n"), "p.yaml"))
                .isInstanceOf(ParameterFile.InvalidParametersException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "setting:\\n  binWidth: 25\\nimageType:\\n  Wavelet: {binWidth: 25}\\n",
        "{\"setting\": {\"label\": 1}, \"imageType\": {\"Original\": {}}}",
    })
    void theSameKeyInDifferentMappingsIsFine(String yaml) {
        assertThat(ParameterFile.parse(yaml.replace("\\n", "\n"), "p.yaml").settings().label()).isEqualTo(1);
    }
}
