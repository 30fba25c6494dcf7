package org.nacrad.stats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;
import org.nacrad.stats.glm.LogisticRegression;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LogisticNet;

/** Against rms 6.5.0 validate(lrm(y ~ .), B = 2000) (validate_reference.R). */
class BootstrapValidationTest {

    private static final Map<String, String> R_NAME = Map.of("Dxy", "Dxy", "R2", "R2", "Intercept", "Intercept",
            "Slope", "Slope", "B", "B");

    @ParameterizedTest
    @ValueSource(strings = {"logit_ties", "logit_nearsep"})
    void agreesWithRmsValidateWithinMonteCarloError(String name) {
        Dataset d = RFixture.dataset(name + ".csv");
        RFixture r = RFixture.load(name + ".validate.csv");
        List<String> preds = d.namesExcept(List.of("y"));
        BootstrapValidation.Result res = new BootstrapValidation(2000, 20261127L, 2)
                .validate(Procedures.logistic(LogisticRegression.maximumLikelihood()), d.matrix(preds),
                        d.binaryLabel("y"));
        for (Map.Entry<String, String> e : R_NAME.entrySet()) {
            BootstrapValidation.Index ix = res.index(e.getKey());
            String k = e.getValue();
            assertThat(ix.apparent()).as(k + " apparent").isCloseTo(r.num(k + ".index.orig"), within(1e-6));
            // two independent Monte-Carlo estimates: difference SD ~ sqrt(2) x SE; allow 4 such SDs
            double tol = 4 * Math.sqrt(2) * ix.optimismSe();
            assertThat(ix.corrected()).as(k + " corrected (MC tol " + tol + ")")
                    .isCloseTo(r.num(k + ".index.corrected"), within(Math.max(tol, 1e-12)));
        }
        // Dxy/AUC relation
        assertThat(res.index("AUC").corrected()).isCloseTo((res.index("Dxy").corrected() + 1) / 2, within(1e-12));
    }

    @Test
    void identicalForASeedWhateverTheThreadCount() {
        Dataset d = RFixture.dataset("lasso_tall.csv");
        List<String> preds = d.namesExcept(List.of("y", "foldid"));
        double[][] x = d.matrix(preds);
        double[] y = d.binaryLabel("y");
        ModellingProcedure proc = Procedures.lassoThenLogistic(LogisticNet.lasso(), 5,
                CrossValidation.Measure.DEVIANCE, true, LogisticRegression.maximumLikelihood());
        BootstrapValidation.Result one = new BootstrapValidation(40, 7L, 1).validate(proc, x, y);
        BootstrapValidation.Result two = new BootstrapValidation(40, 7L, 2).validate(proc, x, y);
        BootstrapValidation.Result four = new BootstrapValidation(40, 7L, 4).validate(proc, x, y);
        assertThat(two).isEqualTo(one);
        assertThat(four).isEqualTo(one);
        BootstrapValidation.Result other = new BootstrapValidation(40, 8L, 2).validate(proc, x, y);
        assertThat(other.index("Dxy").optimism()).isNotEqualTo(one.index("Dxy").optimism());
        // selection is repeated in each resample: optimism of a selected model is positive
        assertThat(one.index("Dxy").optimism()).isPositive();
        assertThat(one.index("Slope").corrected()).isLessThan(1);
    }
}
