package org.nacrad.stats.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** Against R's predict.glm(se.fit = TRUE) on the two committed datasets (prediction_interval_reference.R). */
class PredictionIntervalTest {

    @Test
    void workedExample() {
        PredictionInterval.Result r = PredictionInterval.of(1.5, new double[][] {{0.04, 0}, {0, 0.01}},
                new double[] {1}, 0.95);
        assertThat(r.se()).isCloseTo(Math.sqrt(0.05), within(1e-15));
        double z = 1.959963984540054;
        assertThat(r.lower()).isCloseTo(1 / (1 + Math.exp(-(1.5 - z * Math.sqrt(0.05)))), within(1e-15));
        assertThat(r.upper()).isCloseTo(1 / (1 + Math.exp(-(1.5 + z * Math.sqrt(0.05)))), within(1e-15));
        assertThat(r.lower()).isCloseTo(0.7430, within(5e-5));
        assertThat(r.upper()).isCloseTo(0.8742, within(5e-5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logit_ties", "logit_nearsep"})
    void equalsPredictGlmSeFit(String name) {
        Dataset d = RFixture.dataset(name + ".csv");
        RFixture r = RFixture.load(name + ".predict.csv");
        List<String> preds = d.namesExcept(List.of("y"));
        LogisticFit fit = LogisticRegression.maximumLikelihood().fit(d.matrix(preds), d.binaryLabel("y"), preds);
        int rows = (int) r.num("rows");
        for (int i = 1; i <= rows; i++) {
            double[] x = new double[preds.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = r.num("row" + i + "." + preds.get(j));
            }
            double lp = fit.linearPredictor(new double[][] {x})[0];
            assertThat(lp).isCloseTo(r.num("row" + i + ".lp"), within(1e-9 * Math.max(1, Math.abs(lp))));
            PredictionInterval.Result p = PredictionInterval.of(lp, fit.covariance(), x, 0.95);
            // the covariance at the converged estimate: R's vcov from summary.glm uses the weights of the last
            // IRLS step's starting point, ~1e-8 apart (see LogisticRegressionTest)
            close(p.se(), r.num("row" + i + ".se.converged"), 1e-9, name + " row " + i + " se");
            close(p.lower(), r.num("row" + i + ".lower.converged"), 1e-9, name + " row " + i + " lower");
            close(p.upper(), r.num("row" + i + ".upper.converged"), 1e-9, name + " row " + i + " upper");
            close(p.se(), r.num("row" + i + ".se"), 1e-6, name + " row " + i + " se (predict.glm)");
            close(p.lower(), r.num("row" + i + ".lower"), 1e-6, name + " row " + i + " lower (predict.glm)");
            close(p.upper(), r.num("row" + i + ".upper"), 1e-6, name + " row " + i + " upper (predict.glm)");
            // the far row of the near-separated data has a probability of 1 in double precision
            assertThat(p.lower()).isLessThanOrEqualTo(1 / (1 + Math.exp(-lp))).isPositive();
            assertThat(p.upper()).isGreaterThanOrEqualTo(1 / (1 + Math.exp(-lp))).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void refusesACovarianceOfTheWrongSize() {
        assertThatThrownBy(() -> PredictionInterval.of(0, new double[][] {{1}}, new double[] {1}, 0.95))
                .hasMessageContaining("1 predictors plus the intercept");
    }

    private static void close(double actual, double expected, double rel, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(1e-3, Math.abs(expected))));
    }
}
