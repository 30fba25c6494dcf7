package org.nacrad.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** ICC(2,1) and ICC(3,1) against Shrout & Fleiss's published example and the R script icc_reference.R. */
class IccTest {

    static void close(String what, double actual, double expected, double rel) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.abs(expected)));
    }

    @Test
    void shroutFleissTable2() {
        double[][] x = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9}, {6, 2, 4, 7}};
        Icc.Result r = Icc.compute(x);
        assertThat(r.icc21().value()).isCloseTo(0.29, within(0.005));
        assertThat(r.icc31().value()).isCloseTo(0.71, within(0.005));
        assertThat(r.icc31().f()).isCloseTo(11.03, within(0.005));
        // Shrout & Fleiss's mean squares: BMS 11.24, JMS 32.49, EMS 1.02
        assertThat(r.msSubjects()).isCloseTo(11.24, within(0.005));
        assertThat(r.msRaters()).isCloseTo(32.49, within(0.005));
        assertThat(r.msError()).isCloseTo(1.02, within(0.005));
    }

    @ParameterizedTest
    @ValueSource(strings = {"icc_ties", "icc_extreme"})
    void agreesWithR(String ds) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture f = RFixture.load("icc/" + ds + ".icc.csv");
        Icc.Result r = Icc.compute(d.matrix(d.names()));
        close("MSB", r.msSubjects(), f.num("MSB"), 1e-12);
        close("MSJ", r.msRaters(), f.num("MSJ"), 1e-11);
        close("MSE", r.msError(), f.num("MSE"), 1e-10);
        close("icc2", r.icc21().value(), f.num("icc2"), 1e-12);
        close("icc2 lo", r.icc21().lower(), f.num("icc2.lo"), 1e-9);
        close("icc2 hi", r.icc21().upper(), f.num("icc2.hi"), 1e-9);
        close("icc3", r.icc31().value(), f.num("icc3"), 1e-12);
        close("icc3 lo", r.icc31().lower(), f.num("icc3.lo"), 1e-9);
        close("icc3 hi", r.icc31().upper(), f.num("icc3.hi"), 1e-9);
        close("F", r.icc31().f(), f.num("F"), 1e-10);
        close("p", r.icc21().p(), f.num("p"), 1e-8);
        assertThat(r.icc21().p()).isEqualTo(r.icc31().p());
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
