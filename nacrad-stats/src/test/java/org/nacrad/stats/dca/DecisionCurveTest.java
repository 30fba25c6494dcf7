package org.nacrad.stats.dca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** Net benefit against the R formula script and NRI/IDI against Hmisc 4.8.0 improveProb (dca_reference.R). */
class DecisionCurveTest {

    static void close(String what, double actual, double expected, double rel) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(1.0, Math.abs(expected))));
    }

    @Test
    void workedExamples() {
        DecisionCurve.Curve c = DecisionCurve.compute(new double[] {1, 1, 0, 0}, new double[] {0.9, 0.4, 0.6, 0.1},
                new double[] {0.5});
        assertThat(c.model()[0]).isEqualTo(0.0);
        assertThat(c.treatAll()[0]).isEqualTo(0.0);
        double[] y = {1, 1, 0, 0};
        double[] p1 = {0.2, 0.5, 0.3, 0.6};
        double[] p2 = {0.4, 0.3, 0.1, 0.5};
        assertThat(Reclassification.continuousNri(y, p1, p2).estimate()).isEqualTo(1.0);
        assertThat(Reclassification.idi(y, p1, p2).estimate()).isCloseTo(0.15, within(1e-15));
    }

    @Test
    void riskEqualToTheThresholdIsTreated() {
        // a risk exactly at p_t counts as treated (>=): one TP at 0.3, NB = 1/2
        DecisionCurve.Curve c = DecisionCurve.compute(new double[] {1, 0}, new double[] {0.3, 0.1}, new double[] {0.3});
        assertThat(c.model()[0]).isEqualTo(0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ties", "sep"})
    void agreesWithR(String ds) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("dca/" + ds + ".dca.csv");
        double[] y = d.column("y");
        double[] grid = DecisionCurve.grid(0.01, 0.99, 0.01);
        assertThat(grid).containsExactly(r.vector("thr"));
        for (String col : new String[] {"p1", "p2"}) {
            DecisionCurve.Curve c = DecisionCurve.compute(y, d.column(col), grid);
            double[] nb = r.vector(col + ".nb");
            double[] all = r.vector("all");
            for (int i = 0; i < grid.length; i++) {
                close(col + " NB at " + grid[i], c.model()[i], nb[i], 1e-13);
                close("treat all at " + grid[i], c.treatAll()[i], all[i], 1e-13);
            }
        }
        double[] p1 = d.column("p1");
        double[] p2 = d.column("p2");
        Reclassification.Improvement nri = Reclassification.continuousNri(y, p1, p2);
        close("nri", nri.estimate(), r.num("cont.nri"), 1e-13);
        close("se nri", nri.se(), r.num("cont.se.nri"), 1e-13);
        close("z nri", nri.z(), r.num("cont.z.nri"), 1e-12);
        close("p nri", nri.p(), r.num("cont.p.nri"), 1e-10);
        close("nri ev", nri.events(), r.num("cont.nri.ev"), 1e-13);
        close("nri ne", nri.nonEvents(), r.num("cont.nri.ne"), 1e-13);
        Reclassification.Improvement idi = Reclassification.idi(y, p1, p2);
        close("idi", idi.estimate(), r.num("cont.idi"), 1e-12);
        close("se idi", idi.se(), r.num("cont.se.idi"), 1e-12);
        close("p idi", idi.p(), r.num("cont.p.idi"), 1e-10);
        Reclassification.Improvement cat = Reclassification.categoricalNri(y, p1, p2, new double[] {0.2, 0.5});
        close("cat nri", cat.estimate(), r.num("cat.nri"), 1e-13);
        close("cat se", cat.se(), r.num("cat.se.nri"), 1e-13);
        close("cat p", cat.p(), r.num("cat.p.nri"), 1e-10);
        close("cat ev", cat.events(), r.num("cat.nri.ev"), 1e-13);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> DecisionCurve.compute(new double[] {1, 0}, new double[] {0.3, 1.2}, new double[] {0.1}))
                .hasMessageContaining("case 2: risk must be in [0, 1]");
        assertThatThrownBy(() -> DecisionCurve.compute(new double[] {1, 0}, new double[] {0.3, 0.2}, new double[] {1.0}))
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> Reclassification.continuousNri(new double[] {1, 0}, new double[] {0.3, 0.2},
                new double[] {0.3, 0.2})).hasMessageContaining("no case changes risk");
        assertThatThrownBy(() -> DecisionCurve.grid(0.5, 0.1, 0.1)).hasMessageContaining("to >= from");
    }
}
