package org.nacrad.stats.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

/** Group tests and correlation against R 4.2.2 (t.test, wilcox.test, chisq.test, fisher.test, cor.test). */
class GroupTestsTest {

    static void close(String what, double actual, double expected, double rel) {
        assertThat(actual).as(what).isCloseTo(expected, within(rel * Math.max(Math.abs(expected), 1e-300)));
    }

    static double[] group(Dataset d, String v, double g) {
        double[] x = d.column(v);
        double[] y = d.column("y");
        return java.util.stream.IntStream.range(0, x.length).filter(i -> y[i] == g).mapToDouble(i -> x[i]).toArray();
    }

    @Test
    void workedExamples() {
        TestResult t = TTest.student(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(t.statistic()).isCloseTo(-3 / Math.sqrt(2.0 / 3), within(1e-14));
        assertThat(t.df()).isEqualTo(4);
        assertThat(TTest.welch(new double[] {1, 2, 3}, new double[] {4, 5, 6}).df()).isCloseTo(4, within(1e-12));
        MannWhitney.Result mw = MannWhitney.test(new double[] {1, 2, 4}, new double[] {3, 5, 6, 7});
        assertThat(mw.w()).isEqualTo(1);
        assertThat(mw.pExact()).isCloseTo(4.0 / 35, within(1e-15));
        TestResult c = ChiSquare.test(new long[][] {{10, 20}, {20, 10}}, false);
        assertThat(c.statistic()).isCloseTo(100.0 / 15, within(1e-13));
        assertThat(ChiSquare.test(new long[][] {{10, 20}, {20, 10}}, true).statistic()).isCloseTo(5.4, within(1e-13));
        assertThat(Fisher.test(new long[][] {{3, 1}, {1, 3}}).p()).isCloseTo(34.0 / 70, within(1e-14));
        Correlation.Result r = Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
        assertThat(r.estimate()).isCloseTo(0.8, within(1e-15));
        assertThat(r.statistic()).isCloseTo(0.8 * Math.sqrt(2 / 0.36), within(1e-14));
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4}).statistic())
                .isCloseTo(2, within(1e-13));
    }

    @Test
    void yatesSubtractsAtMostTheDeviation() {
        // R: chisq.test(matrix(c(5, 5, 5, 6), 2)) — |O - E| = 0.238 < 0.5, so each cell's correction is |O - E|
        // itself and X² = 0, not the (|O - E| - 0.5)² > 0 of the textbook formula
        TestResult y = ChiSquare.test(new long[][] {{5, 5}, {5, 6}}, true);
        assertThat(y.statistic()).isEqualTo(0.0);
        assertThat(y.p()).isEqualTo(1.0);
    }

    @Test
    void fisherOddsRatioIsTheConditionalMle() {
        // {{3, 1}, {1, 3}}: the sample odds ratio is 9; the conditional MLE solves E_psi[X] = 3:
        // (16 psi + 72 psi^2 + 48 psi^3 + 4 psi^4) / (1 + 16 psi + 36 psi^2 + 16 psi^3 + psi^4) = 3
        double or = Fisher.test(new long[][] {{3, 1}, {1, 3}}).oddsRatio();
        double mean = (16 * or + 72 * or * or + 48 * Math.pow(or, 3) + 4 * Math.pow(or, 4))
                / (1 + 16 * or + 36 * or * or + 16 * Math.pow(or, 3) + Math.pow(or, 4));
        assertThat(mean).isCloseTo(3, within(1e-12));
        // R's fisher.test(...)$estimate is 6.408308867, found by uniroot with tol = eps^0.25; the exact root
        // (E = 3 to 1e-12 above) is 6.4083197 — they differ by 1.7e-6 relative, within uniroot's tolerance
        assertThat(or).isLessThan(9).isCloseTo(6.408308867, within(6.408308867 * 1e-5));
    }

    @ParameterizedTest
    @CsvSource({"ties,age", "ties,s1", "ties,p1", "sep,age", "sep,s1", "sep,p1", "small,x"})
    void numericAgreesWithR(String ds, String v) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("tests/" + ds + ".tests.csv");
        double[] a = group(d, v, 0);
        double[] b = group(d, v, 1);
        TestResult st = TTest.student(a, b);
        close("student t", st.statistic(), r.num(v + ".student.t"), 1e-12);
        assertThat(st.df()).isEqualTo(r.num(v + ".student.df"));
        close("student p", st.p(), r.num(v + ".student.p"), 1e-10);
        TestResult we = TTest.welch(a, b);
        close("welch t", we.statistic(), r.num(v + ".welch.t"), 1e-12);
        close("welch df", we.df(), r.num(v + ".welch.df"), 1e-12);
        close("welch p", we.p(), r.num(v + ".welch.p"), 1e-10);
        MannWhitney.Result mw = MannWhitney.test(a, b);
        assertThat(mw.w()).isEqualTo(r.num(v + ".mw.W"));
        close("mw p", mw.p(), r.num(v + ".mw.p"), 1e-10);
        close("mw p no corr", mw.pNoCorrection(), r.num(v + ".mw.p_nocorr"), 1e-10);
        if (r.has(v + ".mw.p_exact")) {
            close("mw exact", mw.pExact(), r.num(v + ".mw.p_exact"), 1e-13);
        } else {
            assertThat(mw.pExact()).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource({"ties,grade", "ties,her2", "sep,grade", "sep,her2"})
    void categoricalAgreesWithR(String ds, String v) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("tests/" + ds + ".tests.csv");
        long[][] t = Contingency.of(d.column(v), d.column("y")).counts();
        TestResult c = ChiSquare.test(t, false);
        close("chisq", c.statistic(), r.num(v + ".chisq.stat"), 1e-12);
        assertThat(c.df()).isEqualTo(r.num(v + ".chisq.df"));
        close("chisq p", c.p(), r.num(v + ".chisq.p"), 1e-10);
        TestResult y = ChiSquare.test(t, true);
        close("yates", y.statistic(), r.num(v + ".yates.stat"), 1e-12);
        close("yates p", y.p(), r.num(v + ".yates.p"), 1e-10);
        Fisher.Result f = Fisher.test(t);
        close("fisher p", f.p(), r.num(v + ".fisher.p"), 1e-9);
        if (r.has(v + ".fisher.or")) {
            close("fisher OR (precise)", f.oddsRatio(), r.num(v + ".fisher.or_precise"), 1e-9);
            // fisher.test's own estimate stops at uniroot's tol = eps^0.25
            close("fisher OR (fisher.test)", f.oddsRatio(), r.num(v + ".fisher.or"), 1e-4);
        } else {
            assertThat(f.oddsRatio()).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource({"ties,s1,p1", "ties,age,s2", "ties,s2,grade", "sep,s1,p1", "sep,age,s2", "sep,s2,grade"})
    void correlationAgreesWithR(String ds, String a, String b) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("tests/" + ds + ".tests.csv");
        String k = "cor." + a + "." + b;
        Correlation.Result p = Correlation.pearson(d.column(a), d.column(b));
        close("r", p.estimate(), r.num(k + ".pearson.r"), 1e-13);
        close("t", p.statistic(), r.num(k + ".pearson.t"), 1e-12);
        close("p", p.p(), r.num(k + ".pearson.p"), 1e-10);
        close("lo", p.lower(), r.num(k + ".pearson.lo"), 1e-12);
        close("hi", p.upper(), r.num(k + ".pearson.hi"), 1e-12);
        Correlation.Result s = Correlation.spearman(d.column(a), d.column(b), false);
        close("rho", s.estimate(), r.num(k + ".spearman.rho"), 1e-13);
        close("S", s.statistic(), r.num(k + ".spearman.S"), 1e-11);
        close("p", s.p(), r.num(k + ".spearman.p"), 1e-10);
        close("p (R default)", Correlation.spearman(d.column(a), d.column(b)).p(), r.num(k + ".spearman.p_default"),
                1e-10);
    }

    @ParameterizedTest
    @CsvSource({"ties,7", "ties,9", "ties,10", "ties,25", "sep,7", "sep,9", "sep,10", "sep,25"})
    void spearmanAs89AgreesWithR(String ds, int m) {
        Dataset d = RFixture.dataset("roc/" + ds + ".csv");
        RFixture r = RFixture.load("tests/" + ds + ".tests.csv");
        double[] s1 = d.column("s1");
        double[] p2 = d.column("p2");
        double[] a = new double[m];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = s1[i] + 1e-9 * (i + 1);
            b[i] = p2[i] + 1e-9 * (i + 1);
        }
        Correlation.Result s = Correlation.spearman(a, b);
        close("rho", s.estimate(), r.num("spearman_head." + m + ".rho"), 1e-13);
        // n <= 9: exact permutation counts (rational P); n >= 10: the Edgeworth series
        close("p", s.p(), r.num("spearman_head." + m + ".p"), 1e-12);
    }

    @Test
    void edgeCasesAreExplained() {
        assertThatThrownBy(() -> TTest.welch(new double[] {}, new double[] {1, 2}))
                .hasMessageContaining("the group is empty");
        assertThatThrownBy(() -> TTest.student(new double[] {3, 3}, new double[] {3, 3}))
                .hasMessageContaining("essentially constant");
        assertThatThrownBy(() -> MannWhitney.test(new double[] {3, 3}, new double[] {3, 3}))
                .hasMessageContaining("all 4 values are tied");
        assertThatThrownBy(() -> ChiSquare.test(Contingency.of(new double[] {1, 1, 1}, new double[] {0, 1, 1}).counts(), false))
                .hasMessageContaining("constant variable");
        assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3}))
                .hasMessageContaining("constant");
        assertThat(Arrays.deepToString(Contingency.of(new double[] {2, 1, 2}, new double[] {0, 1, 1}).counts()))
                .isEqualTo("[[0, 1], [1, 1]]");
    }
}
