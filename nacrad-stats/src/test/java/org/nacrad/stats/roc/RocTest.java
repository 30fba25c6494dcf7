package org.nacrad.stats.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** ROC, DeLong and threshold metrics against pROC 1.18.0 and R's binom.test / prop.test (fixtures by roc_reference.R). */
class RocTest {

    static void close(String what, double actual, double expected, double rel) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(1.0, Math.abs(expected))));
    }

    static double[] score(Dataset d, String name) {
        if (name.equals("neg_s1")) {
            double[] s = d.column("s1");
            for (int i = 0; i < s.length; i++) {
                s[i] = -s[i];
            }
            return s;
        }
        return d.column(name);
    }

    @Test
    void workedExample() {
        double[] y = {0, 0, 0, 1, 1};
        double[] s = {1, 2, 3, 2, 4};
        RocCurve r = RocCurve.of(y, s);
        assertThat(r.direction()).isEqualTo(Direction.LESS);
        assertThat(r.thresholds()).containsExactly(Double.NEGATIVE_INFINITY, 1.5, 2.5, 3.5, Double.POSITIVE_INFINITY);
        assertThat(r.sensitivities()).containsExactly(1, 1, 0.5, 0.5, 0);
        assertThat(r.specificities()).containsExactly(0, 1.0 / 3, 2.0 / 3, 1, 1);
        assertThat(r.auc()).isEqualTo(0.75);
        DeLong.Placements p = DeLong.placements(y, s, Direction.LESS);
        assertThat(p.cases()).containsExactly(0.5, 1.0);
        assertThat(p.controls()).containsExactly(1.0, 0.75, 0.5);
        // pROC: var(roc(c(0,0,0,1,1), c(1,2,3,2,4))) = 0.08333333
        assertThat(DeLong.variance(p)).isCloseTo(0.125 / 2 + 0.0625 / 3, within(1e-15));
    }

    @Test
    void tiesCountHalf() {
        // every score tied: AUC exactly 1/2, variance 0, CI [0.5, 0.5] (no NaN)
        DeLong.AucInterval ci = DeLong.ci(new double[] {0, 1, 0, 1}, new double[] {3, 3, 3, 3}, 0.95);
        assertThat(ci.auc()).isEqualTo(0.5);
        assertThat(ci.variance()).isEqualTo(0.0);
        assertThat(ci.lower()).isEqualTo(0.5);
        assertThat(ci.upper()).isEqualTo(0.5);
        RocCurve r = RocCurve.of(new double[] {0, 1, 0, 1}, new double[] {3, 3, 3, 3});
        assertThat(r.thresholds()).containsExactly(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Test
    void adjacentDoublesKeepThresholdsApart() {
        // pROC: roc(c(0,1,0,1), c(1, 1+2^-52, 1, 2))$thresholds = -Inf, 1.0000000000000002, 1.5, Inf
        double x = 1 + Math.ulp(1.0);
        RocCurve r = RocCurve.of(new double[] {0, 1, 0, 1}, new double[] {1, x, 1, 2});
        assertThat(r.thresholds()).containsExactly(Double.NEGATIVE_INFINITY, x, 1.5, Double.POSITIVE_INFINITY);
        // and for direction ">": Inf, -1.0000000000000002, -1.5, -Inf
        RocCurve g = RocCurve.of(new double[] {0, 1, 0, 1}, new double[] {-1, -x, -1, -2});
        assertThat(g.direction()).isEqualTo(Direction.GREATER);
        assertThat(g.thresholds()).containsExactly(Double.POSITIVE_INFINITY, -x, -1.5, Double.NEGATIVE_INFINITY);
    }

    @Test
    void youdenKeepsTies() {
        // controls {1, 3}, cases {2, 4}: se + sp = 1.5 at 1.5 (se 1, sp 1/2) and at 3.5 (se 1/2, sp 1)
        List<RocCurve.Point> best = RocCurve.of(new double[] {0, 1, 0, 1}, new double[] {1, 2, 3, 4}).youden();
        assertThat(best).containsExactly(new RocCurve.Point(1.5, 1, 0.5), new RocCurve.Point(3.5, 0.5, 1));
    }

    @Test
    void proportionWorkedExample() {
        Proportion p = Proportion.of(7, 10);
        // R 4.2.2: binom.test(7, 10) 0.3475471499 0.9332604888; prop.test(7, 10, correct = FALSE) 0.3967781475 0.8922087326
        assertThat(p.exactLower()).isCloseTo(0.3475471499, within(1e-10));
        assertThat(p.exactUpper()).isCloseTo(0.9332604888, within(1e-10));
        assertThat(p.wilsonLower()).isCloseTo(0.3967781475, within(1e-10));
        assertThat(p.wilsonUpper()).isCloseTo(0.8922087326, within(1e-10));
    }

    @Test
    void thresholdWorkedExample() {
        ThresholdMetrics t = ThresholdMetrics.at(new double[] {0, 0, 1, 1, 1}, new double[] {1, 3, 2, 4, 5}, 2.5,
                Direction.LESS);
        assertThat(new int[] {t.tp(), t.fn(), t.tn(), t.fp()}).containsExactly(2, 1, 1, 1);
        assertThat(t.sensitivity().estimate()).isEqualTo(2.0 / 3);
        assertThat(t.accuracy().estimate()).isEqualTo(0.6);
        assertThat(t.npv().estimate()).isEqualTo(0.5);
    }

    @ParameterizedTest
    @CsvSource({"ties,s1", "ties,s2", "ties,p1", "ties,neg_s1", "sep,s1", "sep,s2", "sep,p1", "sep,neg_s1"})
    void agreesWithPROC(String ds, String name) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("roc/" + ds + ".pROC.csv");
        double[] y = d.column("y");
        double[] s = score(d, name);
        RocCurve roc = RocCurve.of(y, s);
        assertThat(roc.direction().symbol()).isEqualTo(r.str(name + ".direction"));
        assertThat(roc.thresholds()).containsExactly(r.vector(name + ".thr"));
        assertThat(roc.sensitivities()).containsExactly(r.vector(name + ".se"));
        assertThat(roc.specificities()).containsExactly(r.vector(name + ".sp"));
        close("auc", roc.auc(), r.num(name + ".auc"), 1e-13);
        assertThat(roc.auc()).isEqualTo(DeLong.placements(y, s, roc.direction()).theta());
        DeLong.AucInterval ci = DeLong.ci(y, s, 0.95);
        close("var", ci.variance(), r.num(name + ".var"), 1e-12);
        close("ci lo", ci.lower(), r.num(name + ".ci.lo"), 1e-12);
        close("ci hi", ci.upper(), r.num(name + ".ci.hi"), 1e-12);
        List<RocCurve.Point> best = roc.youden();
        double[] bt = r.vector(name + ".best.thr");
        assertThat(best).hasSize(bt.length);
        for (int i = 0; i < bt.length; i++) {
            assertThat(best.get(i).threshold()).isEqualTo(bt[i]);
            assertThat(best.get(i).sensitivity()).isEqualTo(r.num(name + ".best.se." + (i + 1)));
            assertThat(best.get(i).specificity()).isEqualTo(r.num(name + ".best.sp." + (i + 1)));
        }
        for (String at : new String[] {"best", "median"}) {
            String k = name + ".at." + at;
            ThresholdMetrics t = ThresholdMetrics.at(y, s, r.num(k + ".threshold"), roc.direction());
            assertThat(new double[] {t.tp(), t.fp(), t.tn(), t.fn()}).as(k)
                    .containsExactly(r.num(k + ".tp"), r.num(k + ".fp"), r.num(k + ".tn"), r.num(k + ".fn"));
            Map<String, Proportion> props = new java.util.LinkedHashMap<>();
            props.put("sens", t.sensitivity());
            props.put("spec", t.specificity());
            props.put("acc", t.accuracy());
            props.put("ppv", t.ppv());
            props.put("npv", t.npv());
            for (var e : props.entrySet()) {
                String kk = k + "." + e.getKey();
                if (!r.has(kk)) {
                    assertThat(e.getValue()).as(kk).isNull();
                    continue;
                }
                Proportion p = e.getValue();
                close(kk, p.estimate(), r.num(kk), 1e-15);
                close(kk + " cp lo", p.exactLower(), r.num(kk + ".cp.lo"), 1e-9);
                close(kk + " cp hi", p.exactUpper(), r.num(kk + ".cp.hi"), 1e-9);
                close(kk + " wilson lo", p.wilsonLower(), r.num(kk + ".wilson.lo"), 1e-12);
                close(kk + " wilson hi", p.wilsonUpper(), r.num(kk + ".wilson.hi"), 1e-12);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"ties,s1,s2", "ties,s1,p1", "ties,s2,p1", "ties,s1,neg_s1", "sep,s1,s2", "sep,s1,p1", "sep,s2,p1",
            "sep,s1,neg_s1"})
    void pairedDeLongAgreesWithPROC(String ds, String a, String b) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("roc/" + ds + ".pROC.csv");
        DeLong.Comparison c = DeLong.pairedTest(d.column("y"), score(d, a), score(d, b));
        close("z", c.statistic(), r.num("paired." + a + "." + b + ".z"), 1e-10);
        close("p", c.p(), r.num("paired." + a + "." + b + ".p"), 1e-10);
    }

    @ParameterizedTest
    @CsvSource({"s1", "s2", "p1"})
    void unpairedDeLongAgreesWithPROC(String name) {
        Dataset t = RFixture.dataset("roc/ties.csv");
        Dataset s = RFixture.dataset("roc/sep.csv");
        RFixture r = RFixture.load("roc/unpaired.pROC.csv");
        DeLong.Comparison c = DeLong.unpairedTest(t.column("y"), t.column(name), s.column("y"), s.column(name));
        close("D", c.statistic(), r.num(name + ".D"), 1e-10);
        close("df", c.df(), r.num(name + ".df"), 1e-10);
        close("p", c.p(), r.num(name + ".p"), 1e-9);
    }

    @Test
    void bootstrapIsSeededAndNearDeLong() {
        Dataset d = RFixture.dataset("roc/ties.csv");
        double[] y = d.column("y");
        double[] s = d.column("p1");
        BootstrapAuc.Interval a = BootstrapAuc.ci(y, s, 0.95, 2000, 42);
        BootstrapAuc.Interval b = BootstrapAuc.ci(y, s, 0.95, 2000, 42);
        assertThat(a).isEqualTo(b);
        DeLong.AucInterval dl = DeLong.ci(y, s, 0.95);
        // both estimate the same sampling distribution: with 2000 replicates the bounds agree to about 0.01
        assertThat(a.lower()).isCloseTo(dl.lower(), within(0.015));
        assertThat(a.upper()).isCloseTo(dl.upper(), within(0.015));
        assertThat(a.auc()).isEqualTo(dl.auc());
    }

    @Test
    void badInputIsExplained() {
        assertThatThrownBy(() -> RocCurve.of(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
                .hasMessageContaining("needs both outcomes").hasMessageContaining("cases (1)");
        assertThatThrownBy(() -> RocCurve.of(new double[] {0, 1, 2}, new double[] {1, 2, 3}))
                .hasMessageContaining("case 3: outcome must be 0 or 1");
        assertThatThrownBy(() -> RocCurve.of(new double[] {0, 1}, new double[] {1, Double.NaN}))
                .hasMessageContaining("case 2: score is missing");
        assertThatThrownBy(() -> DeLong.ci(new double[] {0, 1, 1}, new double[] {1, 2, 3}, 0.95))
                .hasMessageContaining("at least 2 cases and 2 controls");
    }
}
