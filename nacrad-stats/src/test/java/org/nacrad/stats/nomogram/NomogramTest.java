package org.nacrad.stats.nomogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;
import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.LogisticRegression;

/** Against rms 6.5.0 nomogram(lrm(y ~ .), fun = plogis) (nomogram_reference.R). */
class NomogramTest {

    @ParameterizedTest
    @ValueSource(strings = {"logit_ties", "logit_nearsep"})
    void equalsRmsNomogram(String name) {
        Dataset d = RFixture.dataset(name + ".csv");
        RFixture r = RFixture.load(name + ".nomogram.csv");
        List<String> preds = d.namesExcept(List.of("y"));
        double[][] x = d.matrix(preds);
        LogisticFit fit = LogisticRegression.maximumLikelihood().fit(x, d.binaryLabel("y"), preds);
        Nomogram nom = Nomogram.of(fit, x, Nomogram.DEFAULT_RISKS);
        for (Nomogram.Axis a : nom.axes()) {
            assertThat(a.values()).as(a.predictor()).containsExactly(r.vector(a.predictor() + ".x"));
            double[] pts = r.vector(a.predictor() + ".points");
            for (int t = 0; t < pts.length; t++) {
                assertThat(a.points()[t]).as(a.predictor() + " points").isCloseTo(pts[t], within(1e-6));
            }
        }
        assertThat(nom.totalPoints()).containsExactly(r.vector("total.points"));
        assertThat(nom.lpTicks()).containsExactly(r.vector("lp.real"));
        double[] lpPts = r.vector("lp.points");
        for (int t = 0; t < lpPts.length; t++) {
            assertThat(nom.pointsOfLp(nom.lpTicks()[t])).isCloseTo(lpPts[t], within(1e-6));
        }
        double[] risk = r.vector("risk.real");
        double[] riskPts = r.vector("risk.points");
        // rms inverts plogis by linear interpolation on 1000 linear-predictor values between the lp ticks; the
        // nomogram uses the exact logit. Both are checked: the interpolation reproduces rms, the exact value is
        // within the interpolation error (< 1e-3 points)
        double[] lt = nom.lpTicks();
        double a = lt[0];
        double b = lt[lt.length - 1];
        for (int t = 0; t < risk.length; t++) {
            double exact = nom.pointsOfLp(Math.log(risk[t] / (1 - risk[t])));
            double interp = Double.NaN;
            for (int g = 0; g < 999; g++) {
                double x0 = a + (b - a) * g / 999;
                double x1 = a + (b - a) * (g + 1) / 999;
                double f0 = 1 / (1 + Math.exp(-x0));
                double f1 = 1 / (1 + Math.exp(-x1));
                if (f0 <= risk[t] && risk[t] <= f1) {
                    interp = x0 + (risk[t] - f0) * (x1 - x0) / (f1 - f0);
                    break;
                }
            }
            assertThat(nom.pointsOfLp(interp)).as("rms-interpolated risk %s", risk[t])
                    .isCloseTo(riskPts[t], within(1e-6));
            assertThat(exact).as("exact risk %s", risk[t]).isCloseTo(riskPts[t], within(1e-3));
        }
        assertThat(nom.toSvg()).startsWith("<svg").contains(">Total points<").endsWith("</svg>\n");
    }

    @Test
    void workedExampleOfTheJavadoc() {
        double[][] x = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
        LogisticFit fit = new LogisticFit(List.of("a", "b"), List.of(
                new org.nacrad.stats.glm.Coefficient("(Intercept)", 0, 1, 0, 1),
                new org.nacrad.stats.glm.Coefficient("a", 2, 1, 2, 0.05),
                new org.nacrad.stats.glm.Coefficient("b", -1, 1, -1, 0.3)),
                new double[3][3], 1, 2, 4, false, 1, 0.5, 0.25);
        Nomogram nom = Nomogram.of(fit, x, Nomogram.DEFAULT_RISKS);
        assertThat(nom.scale()).isEqualTo(50);
        assertThat(nom.axes().get(0).points()).containsExactly(0, 100);
        assertThat(nom.axes().get(1).points()).containsExactly(50, 0);
        assertThat(nom.lpOfPoints(150)).isEqualTo(2);
    }

    @Test
    void prettyEqualsR() {
        // R 4.2.2: pretty(c(-2.93, 2.61), 10); pretty(c(0, 137.2), 10); pretty(c(0.0012, 0.0049), 10)
        assertThat(Pretty.of(-2.93, 2.61, 10)).containsExactly(-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3);
        assertThat(Pretty.of(0, 137.2, 10)).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130,
                140);
        double[] small = Pretty.of(0.0012, 0.0049, 10);
        assertThat(small).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(small[i]).isCloseTo(0.001 + 0.0005 * i, within(1e-18));
        }
    }
}
