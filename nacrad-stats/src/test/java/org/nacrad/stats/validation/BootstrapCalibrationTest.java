package org.nacrad.stats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;
import org.nacrad.stats.glm.LogisticRegression;

/** Against rms 6.5.0 calibrate(lrm(y ~ .), B = 2000) (calibrate_reference.R). */
class BootstrapCalibrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"logit_ties", "logit_nearsep"})
    void agreesWithRmsCalibrate(String name) {
        Dataset d = RFixture.dataset(name + ".csv");
        RFixture r = RFixture.load(name + ".calibrate.csv");
        List<String> preds = d.namesExcept(List.of("y"));
        BootstrapCalibration cal = BootstrapCalibration.of(Procedures.logistic(LogisticRegression.maximumLikelihood()),
                d.matrix(preds), d.binaryLabel("y"), 2000, 20261127L, 2);
        double[] predy = r.vector("predy");
        double[] orig = r.vector("calibrated.orig");
        double[] corr = r.vector("calibrated.corrected");
        assertThat(cal.predy()).hasSize(predy.length);
        int compared = 0;
        for (int g = 0; g < predy.length; g++) {
            assertThat(cal.predy()[g]).as("predy %d", g + 1).isCloseTo(predy[g], within(1e-9));
            assertThat(cal.apparent()[g]).as("calibrated.orig %d", g + 1).isCloseTo(orig[g], within(1e-6));
            double tol = 4 * Math.sqrt(2) * cal.optimismSe()[g];
            assertThat(cal.corrected()[g]).as("calibrated.corrected %d (MC tol %s)", g + 1, tol)
                    .isCloseTo(corr[g], within(tol));
            compared++;
        }
        assertThat(compared).isEqualTo(50);
        // thread count does not matter
        BootstrapCalibration one = BootstrapCalibration.of(Procedures.logistic(LogisticRegression.maximumLikelihood()),
                d.matrix(preds), d.binaryLabel("y"), 50, 3L, 1);
        BootstrapCalibration two = BootstrapCalibration.of(Procedures.logistic(LogisticRegression.maximumLikelihood()),
                d.matrix(preds), d.binaryLabel("y"), 50, 3L, 2);
        assertThat(two.corrected()).containsExactly(one.corrected());
    }
}
