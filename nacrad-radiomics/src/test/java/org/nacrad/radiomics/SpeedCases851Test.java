package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.testing.BaselineCases;
import org.nacrad.testkit.ReferenceData;

/**
 * The three cases of the reference's speed suite ({@code speed/}: an int16 NIfTI with negative values as in DCE
 * subtraction, a uint16 NRRD with a two-slice ROI of label 2, a 200 000-voxel tumour) are parity cases as well: the
 * default 851-feature configuration ({@code params/nac-851.yaml}) with the case's label from {@code cases.csv}
 * against PyRadiomics' values beside them ({@code *_851.csv}), 1e-6 relative (1e-9 absolute at 0). A speed-up that
 * changed a number would fail here.
 */
class SpeedCases851Test {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dce_subtraction", "thin_uint16", "large_tumour"})
    void nac851MatchesPyRadiomics(String testCase) throws IOException {
        Map<String, String> row = caseRow(testCase);
        Path dir = ReferenceData.file("speed");
        Map<String, Double> expected = new LinkedHashMap<>();
        List<List<String>> rows = BaselineCases.Csv.parse(Files.readString(dir.resolve(testCase + "_851.csv")));
        for (List<String> r : rows.subList(1, rows.size())) {
            expected.put(r.get(0), Double.parseDouble(r.get(1)));
        }
        ParameterFile params = ParameterFile.nac851OrDefaults()
                .withSetting("label", Integer.parseInt(row.get("label")));
        RadiomicsResult result = new RadiomicsExtractor(params)
                .execute(dir.resolve(row.get("image")), dir.resolve(row.get("mask")));

        assertThat(expected).hasSize(851);
        assertThat(result.features().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> failures = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (!BaselineExtractionTest.close(result.features().get(k), v)) {
                failures.add(k + ": " + result.features().get(k) + " vs PyRadiomics " + v);
            }
        });
        if (!failures.isEmpty()) {
            fail(testCase + ": " + failures.size() + " of 851 differ:\n  " + String.join("\n  ", failures));
        }
    }

    private static Map<String, String> caseRow(String testCase) throws IOException {
        List<List<String>> rows = BaselineCases.Csv.parse(Files.readString(ReferenceData.file("speed", "cases.csv")));
        List<String> header = rows.get(0);
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.get(0).equals(testCase)) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), r.get(i));
                }
                return m;
            }
        }
        throw new AssertionError(testCase + " is not in speed/cases.csv");
    }
}
