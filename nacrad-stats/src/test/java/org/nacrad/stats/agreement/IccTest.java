package org.nacrad.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/**
 * The six ICCs against Shrout &amp; Fleiss's published example and {@code psych::ICC} (the R script
 * {@code src/test/r/icc/icc_reference.R}), on two, three, four and five raters or perturbations.
 */
class IccTest {

    static void close(String what, double actual, double expected, double rel) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.abs(expected)));
    }

    @Test
    void shroutFleissTable2() {
        double[][] x = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
        Icc.Result r = Icc.compute(x);
        // Shrout & Fleiss's Table 4
        assertThat(r.icc11().value()).isCloseTo(0.17, within(0.005));
        assertThat(r.icc21().value()).isCloseTo(0.29, within(0.005));
        assertThat(r.icc31().value()).isCloseTo(0.71, within(0.005));
        assertThat(r.icc1k().value()).isCloseTo(0.44, within(0.005));
        assertThat(r.icc2k().value()).isCloseTo(0.62, within(0.005));
        assertThat(r.icc3k().value()).isCloseTo(0.91, within(0.005));
        assertThat(r.icc31().f()).isCloseTo(11.03, within(0.005));
        // Shrout & Fleiss's mean squares: BMS 11.24, JMS 32.49, EMS 1.02, WMS 6.26
        assertThat(r.msSubjects()).isCloseTo(11.24, within(0.005));
        assertThat(r.msRaters()).isCloseTo(32.49, within(0.005));
        assertThat(r.msError()).isCloseTo(1.02, within(0.005));
        assertThat(r.msWithin()).isCloseTo(6.26, within(0.005));
    }

    static Dataset data(String ds) {
        return RFixture.dataset(ds.equals("icc_ties") || ds.equals("icc_extreme") ? "roc/" + ds + ".csv"
                : "icc/" + ds + ".csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"icc_ties", "icc_extreme", "icc_perturb", "icc_readers"})
    void equalsPsychIcc(String ds) {
        Dataset d = data(ds);
        RFixture f = RFixture.load("icc/" + ds + ".icc.csv");
        Icc.Result r = Icc.compute(d.matrix(d.names()));
        assertThat(r.raters()).isEqualTo(d.names().size());
        close("MSB", r.msSubjects(), f.num("MSB"), 1e-12);
        close("MSJ", r.msRaters(), f.num("MSJ"), 1e-12);
        close("MSE", r.msError(), f.num("MSE"), 1e-12);
        close("MSW", r.msWithin(), f.num("MSW"), 1e-12);
        Map<String, Icc.Estimate> all = Map.of("icc1", r.icc11(), "icc2", r.icc21(), "icc3", r.icc31(),
                "icc1k", r.icc1k(), "icc2k", r.icc2k(), "icc3k", r.icc3k());
        for (Map.Entry<String, Icc.Estimate> e : all.entrySet()) {
            String t = e.getKey();
            Icc.Estimate x = e.getValue();
            close(t, x.value(), f.num(t), 1e-12);
            close(t + " F", x.f(), f.num(t + ".F"), 1e-12);
            assertThat(x.df1()).as(t + " df1").isEqualTo(f.num(t + ".df1"));
            assertThat(x.df2()).as(t + " df2").isEqualTo(f.num(t + ".df2"));
            close(t + " p", x.p(), f.num(t + ".p"), 1e-10);
            close(t + " lower", x.lower(), f.num(t + ".lo"), 1e-10);
            close(t + " upper", x.upper(), f.num(t + ".hi"), 1e-10);
        }
    }

    /**
     * psych's default (lmer = TRUE) takes the variance components from lme4's REML fit: equal to the ANOVA values
     * only to the optimiser's tolerance, and different where MSJ &lt; MSE, because REML cannot give the rater
     * variance a negative value; then psych reports MSJ = MSE and ICC(2,1) = ICC(3,1).
     */
    @ParameterizedTest
    @ValueSource(strings = {"icc_ties", "icc_extreme", "icc_perturb", "icc_readers"})
    void psychsDefaultLmerDiffersOnlyByTheOptimiserOrTheTruncation(String ds) {
        Dataset d = data(ds);
        RFixture f = RFixture.load("icc/" + ds + ".icc.csv");
        Icc.Result r = Icc.compute(d.matrix(d.names()));
        if (r.msRaters() < r.msError()) {
            assertThat(ds).isEqualTo("icc_readers");
            close("lmer MSJ = MSE", f.num("lmer.MSJ"), f.num("lmer.MSE"), 1e-4);
            close("lmer icc2 = icc3", f.num("lmer.icc2"), f.num("lmer.icc3"), 1e-6);
            assertThat(Math.abs(r.icc31().value() - f.num("lmer.icc3"))).isGreaterThan(1e-3);
        } else {
            for (String t : List.of("icc1", "icc2", "icc3", "icc1k", "icc2k", "icc3k")) {
                double rel = Math.abs(f.num("lmer." + t) / f.num(t) - 1);
                assertThat(rel).as(t + " lmer vs aov").isLessThan(1e-6).isGreaterThan(0);
            }
        }
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Icc.compute(new double[][] {{1, 2}, {3, Double.NaN}}))
                .hasMessageContaining("subject 2, rater 2");
        assertThatThrownBy(() -> Icc.compute(new double[][] {{1, 1}, {2, 2}, {3, 3}}))
                .hasMessageContaining("residual mean square");
        assertThatThrownBy(() -> Icc.compute(new double[][] {{1, 2}})).hasMessageContaining("at least 2 subjects");
    }
}
