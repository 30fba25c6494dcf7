package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final double[] DCA = Evaluation.thresholds("0.1:0.5:0.1");

    @Test
    void aModelOfOneBinaryPredictorHasNoHosmerLemeshowTestButTheRestIsReported() {
        // two distinct risks cannot form the test's groups: reported as not estimable, not an error
        double[] y = {0, 0, 1, 0, 1, 1, 0, 1};
        double[] p = {0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75};
        Evaluation e = Evaluation.of(Subset.VALIDATION, y, p, 0.5, DCA);
        assertThat(e.hosmerLemeshow().p()).isNaN();
        assertThat(e.auc().auc()).isCloseTo(0.75, within(1e-15));
        // Brier = (3·0.25² + 0.75² + 2·0.25² + 0.75² + 0.25²)/8 ... computed: mean of (p − y)²
        assertThat(e.calibration().brier()).isCloseTo((6 * 0.0625 + 2 * 0.5625) / 8, within(1e-15));
        assertThat(StudyOutputs.finiteOrNull(e.hosmerLemeshow().p())).isNull();
    }

    @Test
    void perfectlySeparatingRisksHaveNoCalibrationSlope() {
        // ML calibration slope does not exist when the risks separate the outcomes; Brier still does
        double[] y = {0, 0, 0, 1, 1, 1};
        double[] p = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        Evaluation e = Evaluation.of(Subset.TRAIN, y, p, 0.5, DCA);
        assertThat(e.calibration().slope()).isNaN();
        assertThat(e.calibration().intercept()).isNaN();
        assertThat(e.calibration().brier()).isCloseTo((0.01 + 0.04 + 0.09) * 2 / 6, within(1e-15));
        assertThat(Report.fixed(e.calibration().slope())).isEqualTo("–");
    }
}
