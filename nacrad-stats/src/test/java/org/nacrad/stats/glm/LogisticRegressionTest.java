package org.nacrad.stats.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** Against R's glm / summary.glm / confint / rms lrm / step on two committed datasets (glm_reference.R). */
class LogisticRegressionTest {

    private static final double REL = 1e-6;

    static void close(double actual, double expected, double rel, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logit_ties", "logit_nearsep"})
    void equalsGlmSummaryConfintAndLrm(String name) {
        Dataset d = RFixture.dataset(name + ".csv");
        RFixture r = RFixture.load(name + ".glm.csv");
        List<String> preds = d.namesExcept(List.of("y"));
        double[][] x = d.matrix(preds);
        double[] y = d.binaryLabel("y");
        LogisticRegression est = LogisticRegression.maximumLikelihood();
        LogisticFit fit = est.fit(x, y, preds);
        for (int j = 0; j < fit.coefficients().size(); j++) {
            Coefficient c = fit.coefficients().get(j);
            String t = c.term();
            close(c.estimate(), r.num(t + ".estimate"), REL, t + " estimate");
            close(c.se(), r.num(t + ".se"), REL, t + " se (summary.glm)");
            // summary.glm's SE uses the weights before the last IRLS update; at the converged estimate: 1e-10
            close(c.se(), r.num(t + ".se.converged"), 1e-10, t + " se at the converged estimate");
            close(c.z(), r.num(t + ".z"), REL, t + " z");
            close(c.p(), r.num(t + ".p"), REL, t + " p");
            double[] wald = c.waldInterval(0.95);
            close(wald[0], r.num(t + ".wald.lo"), REL, t + " wald lo");
            close(wald[1], r.num(t + ".wald.hi"), REL, t + " wald hi");
            double[] prof = est.profileInterval(fit, x, y, j, 0.95);
            close(prof[0], r.num(t + ".profile.lo"), REL, t + " exact profile lo");
            close(prof[1], r.num(t + ".profile.hi"), REL, t + " exact profile hi");
            // R's confint interpolates a spline through the profile: agreement to its interpolation error only
            close(prof[0], r.num(t + ".confint.lo"), 2e-3, t + " confint lo");
            close(prof[1], r.num(t + ".confint.hi"), 2e-3, t + " confint hi");
        }
        close(fit.deviance(), r.num("deviance"), REL, "deviance");
        close(fit.nullDeviance(), r.num("null.deviance"), REL, "null deviance");
        close(fit.aic(), r.num("aic"), REL, "aic");
        close(fit.lrChiSquare(), r.num("lr.chi2"), REL, "LR chi2");
        close(fit.lrPValue(), r.num("lr.p"), REL, "LR p");
        close(fit.cIndex(), r.num("lrm.C"), 1e-12, "C");
        close(fit.somersDxy(), r.num("lrm.Dxy"), 1e-12, "Dxy");
        close(fit.r2Nagelkerke(), r.num("lrm.R2"), REL, "R2");
        close(fit.brier(), r.num("lrm.Brier"), REL, "Brier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"logit_ties", "logit_nearsep"})
    void stepAndUnivariateEqualR(String name) {
        Dataset d = RFixture.dataset(name + ".csv");
        RFixture r = RFixture.load(name + ".glm.csv");
        List<String> preds = d.namesExcept(List.of("y"));
        double[][] x = d.matrix(preds);
        double[] y = d.binaryLabel("y");
        LogisticRegression est = LogisticRegression.maximumLikelihood();
        LogisticFit step = ModelSelection.backwardAic(est, x, y, preds);
        assertThat(String.join(";", step.predictors())).isEqualTo(r.str("step.terms"));
        close(step.aic(), r.num("step.aic"), REL, "step AIC");
        for (ModelSelection.Screen s : ModelSelection.univariate(est, x, y, preds)) {
            close(s.coefficient().estimate(), r.num("uni." + s.predictor() + ".estimate"), REL, s.predictor());
            close(s.coefficient().p(), r.num("uni." + s.predictor() + ".p"), REL, s.predictor() + " p");
        }
    }

    /** The worked example of the class Javadoc: closed forms for one binary predictor. */
    @Test
    void twoByTwoTableClosedFormsForMlAndFirth() {
        double[][] x = new double[20][1];
        double[] y = new double[20];
        for (int i = 0; i < 10; i++) {
            x[i][0] = 1;
            y[i] = i < 8 ? 1 : 0;
            y[10 + i] = i < 3 ? 1 : 0;
        }
        LogisticFit ml = LogisticRegression.maximumLikelihood().fit(x, y, List.of("x"));
        assertThat(ml.beta()[1]).isCloseTo(Math.log(8.0 * 7 / (2 * 3)), within(1e-12));
        assertThat(ml.coefficients().get(1).se()).isCloseTo(Math.sqrt(1 / 8.0 + 1 / 2.0 + 1 / 3.0 + 1 / 7.0),
                within(1e-10));
        LogisticFit firth = LogisticRegression.firth().fit(x, y, List.of("x"));
        assertThat(firth.beta()[1]).isCloseTo(Math.log(8.5 * 7.5 / (2.5 * 3.5)), within(1e-10));
        assertThat(firth.beta()[0]).isCloseTo(Math.log(3.5 / 7.5), within(1e-10));
    }

    @Test
    void firthGivesFiniteEstimatesUnderSeparation() {
        double[][] x = {{1}, {2}, {3}, {4}, {5}, {6}};
        double[] y = {0, 0, 0, 1, 1, 1};
        assertThatThrownBy(() -> LogisticRegression.maximumLikelihood().fit(x, y, List.of("dose")))
                .hasMessageContaining("predictor 'dose' separates the outcome completely")
                .hasMessageContaining("Firth");
        LogisticFit f = LogisticRegression.firth().fit(x, y, List.of("dose"));
        assertThat(f.beta()[1]).isPositive().isLessThan(10);
        // symmetric data: fitted probability at the centre (x = 3.5) is one half
        assertThat(f.beta()[0] + 3.5 * f.beta()[1]).isCloseTo(0, within(1e-9));
    }

    @Test
    void edgeCasesHaveClearMessages() {
        double[][] x = {{1, 5}, {2, 5}, {3, 5}, {4, 5}};
        assertThatThrownBy(() -> LogisticRegression.maximumLikelihood().fit(x, new double[] {1, 1, 1, 1},
                List.of("a", "b"))).hasMessage("the outcome has one class only (all 4 rows are 1); a logistic model needs both");
        assertThatThrownBy(() -> LogisticRegression.maximumLikelihood().fit(x, new double[] {1, 0, 1, 0},
                List.of("a", "b"))).hasMessage("predictor 'b' is constant (every row is 5.0); it has no coefficient");
        double[][] quasi = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 0.5}, {1, 0.5}, {2, 3}, {3, 2}};
        double[] yq = {0, 0, 0, 1, 0, 1, 1, 1};
        assertThatThrownBy(() -> LogisticRegression.maximumLikelihood().fit(quasi, yq, List.of("a", "b")))
                .hasMessageContaining("separated").hasMessageContaining("diverges");
    }
}
