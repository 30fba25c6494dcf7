package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.radiomics.testing.BaselineCases;

/**
 * nacrad's default parameter file ({@code params/nac-851.yaml}: Original + Wavelet, every default feature) against
 * current PyRadiomics' 851 features of breast1 and brain1 ({@code current/*_851.csv}), 1e-6 relative (1e-9
 * absolute at 0); and the same result, bit for bit, when image types and classes run in parallel.
 */
class Current851Test {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"breast1", "brain1"})
    void nac851MatchesCurrentPyRadiomics(String testCase) {
        Map<String, Double> expected = BaselineCases.current851(testCase);
        RadiomicsResult r = new RadiomicsExtractor(ParameterFile.nac851OrDefaults())
                .execute(BaselineCases.image(testCase), BaselineCases.mask(testCase));
        assertThat(r.features().keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> failures = new ArrayList<>();
        expected.forEach((k, v) -> {
            if (!BaselineExtractionTest.close(r.features().get(k), v)) {
                failures.add(k + ": " + r.features().get(k) + " vs PyRadiomics " + v);
            }
        });
        if (!failures.isEmpty()) {
            fail(testCase + ": " + failures.size() + " of 851 differ:\n  " + String.join("\n  ", failures));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"breast1", "brain1"})
    void parallelEqualsSingleThreaded(String testCase) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            ParameterFile p = ParameterFile.nac851OrDefaults();
            RadiomicsResult single = new RadiomicsExtractor(p).execute(BaselineCases.image(testCase),
                    BaselineCases.mask(testCase));
            RadiomicsResult parallel = new RadiomicsExtractor(p, pool).execute(BaselineCases.image(testCase),
                    BaselineCases.mask(testCase));
            assertThat(parallel.asMap()).containsExactlyEntriesOf(single.asMap());
        } finally {
            pool.shutdown();
        }
    }
}
