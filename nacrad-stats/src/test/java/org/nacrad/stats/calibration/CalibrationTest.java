package org.nacrad.stats.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** Calibration measures against R (stats::glm, rms::val.prob, base R Hosmer-Lemeshow, stats::lowess). */
class CalibrationTest {

    /** Relative agreement demanded from every R comparison. */
    private static final double REL = 1e-9;

    static void close(double actual, double expected, double rel) {
        assertThat(actual).isCloseTo(expected, within(rel * Math.max(1.0, Math.abs(expected))));
    }

    @Test
    void workedExample() {
        double[] y = {0, 0, 1, 1};
        double[] p = {0.2, 0.4, 0.6, 0.8};
        assertThat(Calibration.brier(y, p)).isCloseTo(0.1, within(1e-15));
        assertThat(Calibration.intercept(y, p)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void hosmerLemeshowWorkedExample() {
        HosmerLemeshow.Result r = HosmerLemeshow.test(new double[] {0, 1, 0, 1}, new double[] {0.1, 0.2, 0.3, 0.4},
                3, HosmerLemeshow.Grouping.QUANTILE);
        assertThat(r.groups()).extracting(HosmerLemeshow.Group::n).containsExactly(2, 1, 1);
        double c = 0.49 / 0.3 + 0.49 / 1.7 + 0.09 / 0.3 + 0.09 / 0.7 + 0.36 / 0.4 + 0.36 / 0.6;
        assertThat(r.statistic()).isCloseTo(c, within(1e-12)).isCloseTo(3.8502, within(1e-4));
        assertThat(r.df()).isEqualTo(1);
    }

    @Test
    void tiedRisksCollapseBreaksAsRUnique() {
        // type-7 quantiles at 0, 1/3, 2/3, 1 (indices 1, 3.33, 5.67, 8): 0.1, 0.1, 0.1, 0.9 -> unique {0.1, 0.9}:
        // one closed group [0.1, 0.9] holds everything
        double[] p = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.5, 0.9};
        int[] g = HosmerLemeshow.quantileGroups(p, 3);
        assertThat(g).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(HosmerLemeshow.quantile7(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    }

    @Test
    void deciles() {
        assertThat(HosmerLemeshow.countGroups(new double[] {0.5, 0.1, 0.3, 0.2, 0.4}, 2)).containsExactly(1, 0, 1, 0, 1);
        // ranks 1..5 go to ceil(2i/5) = 1, 1, 2, 2, 2
    }

    @Test
    void lowessReproducesALine() {
        Lowess.Curve c = Lowess.fit(new double[] {5, 1, 3, 2, 4}, new double[] {10, 2, 6, 4, 8});
        assertThat(c.x()).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(c.y()[i]).isCloseTo(2.0 * (i + 1), within(1e-12));
        }
    }

    @ParameterizedTest
    @CsvSource({"ties,p1", "ties,p2", "sep,p1", "sep,p2"})
    void agreesWithR(String ds, String col) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("calibration/" + ds + ".calibration.csv");
        double[] y = d.column("y");
        double[] p = d.column(col);
        Calibration.Summary s = Calibration.summarize(y, p);
        close(s.brier(), r.num(col + ".brier"), 1e-14);
        close(s.brier(), r.num(col + ".valprob.brier"), 1e-14);
        close(s.intercept(), r.num(col + ".intercept"), REL);
        close(s.slope(), r.num(col + ".slope"), REL);
        close(s.slopeIntercept(), r.num(col + ".slope_intercept"), REL);
        // rms::val.prob fits by lrm with a looser convergence criterion: agreement to 1e-6 only
        close(s.slope(), r.num(col + ".valprob.slope"), 1e-6);
        for (int g : new int[] {10, 5, 40}) {
            for (HosmerLemeshow.Grouping kind : HosmerLemeshow.Grouping.values()) {
                String k = col + ".hl." + kind.name().toLowerCase() + "." + g;
                HosmerLemeshow.Result h = HosmerLemeshow.test(y, p, g, kind);
                assertThat(h.df()).as(k).isEqualTo((int) r.num(k + ".df"));
                double[] n = r.vector(k + ".n");
                double[] obs = r.vector(k + ".obs");
                double[] exp = r.vector(k + ".exp");
                List<HosmerLemeshow.Group> groups = h.groups();
                assertThat(groups).hasSize(n.length);
                for (int j = 0; j < n.length; j++) {
                    assertThat(groups.get(j).n()).as(k + " group " + j).isEqualTo((int) n[j]);
                    assertThat(groups.get(j).observed()).isEqualTo(obs[j]);
                    close(groups.get(j).expected(), exp[j], 1e-12);
                }
                close(h.statistic(), r.num(k + ".chisq"), 1e-11);
                close(h.p(), r.num(k + ".p"), 1e-9);
            }
        }
        Lowess.Curve c = Lowess.fit(p, y);
        double[] rx = r.vector(col + ".lowess.x");
        double[] ry = r.vector(col + ".lowess.y");
        assertThat(c.x()).containsExactly(rx);
        for (int i = 0; i < ry.length; i++) {
            assertThat(c.y()[i]).as("lowess point " + i).isCloseTo(ry[i], within(1e-12));
        }
        double[] ry0 = r.vector(col + ".lowess0.y");
        double[] y0 = Lowess.fit(p, y, 0.3, 0, 0).y();
        for (int i = 0; i < ry0.length; i++) {
            assertThat(y0[i]).as("lowess(f=.3, iter=0, delta=0) point " + i).isCloseTo(ry0[i], within(1e-12));
        }
    }

    @Test
    void slopeOfBadlyMiscalibratedRisksConvergesAsInR() {
        // Risks spread over logits -12..+11.7 that hardly track the outcome: plain Newton from (0, 1) overshoots into
        // a singular information matrix at its third step; with step halving it converges to R's values:
        //   i <- 0:79; p <- plogis(12 * (i / 40 - 1)); y <- as.integer(i %% 5 == 0 | i %in% c(7, 30, 79))
        //   coef(glm(y ~ qlogis(p), family = binomial))   # -1.24010359943474, -0.011213625557629
        double[] p = new double[80];
        double[] y = new double[80];
        for (int i = 0; i < 80; i++) {
            p[i] = 1 / (1 + Math.exp(-12 * (i / 40.0 - 1)));
            y[i] = i % 5 == 0 || i == 7 || i == 30 || i == 79 ? 1 : 0;
        }
        double[] fit = Calibration.slopeFit(y, p);
        assertThat(fit[0]).isCloseTo(-1.24010359943474, within(1e-9));
        assertThat(fit[1]).isCloseTo(-0.011213625557629, within(1e-9));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Calibration.intercept(new double[] {0, 0}, new double[] {0.2, 0.3}))
                .hasMessageContaining("needs both outcomes");
        assertThatThrownBy(() -> Calibration.slopeFit(new double[] {0, 1}, new double[] {0.2, 1.0}))
                .hasMessageContaining("case 2").hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> Calibration.brier(new double[] {0, 2}, new double[] {0.2, 0.3}))
                .hasMessageContaining("case 2: outcome must be 0 or 1");
        assertThatThrownBy(() -> HosmerLemeshow.test(new double[] {0, 1, 0, 1}, new double[] {0.3, 0.3, 0.3, 0.3}))
                .hasMessageContaining("only 1 distinct groups");
    }
}
