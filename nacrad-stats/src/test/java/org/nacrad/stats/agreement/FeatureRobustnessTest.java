package org.nacrad.stats.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nacrad.stats.agreement.FeatureRobustness.Criterion;
import org.nacrad.stats.agreement.FeatureRobustness.Form;
import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.data.RFixture;

class FeatureRobustnessTest {

    /** The class documentation's worked example; the ICCs are psych::ICC's (lmer = FALSE). */
    @Test
    void workedExample() {
        double[][] first = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        double[][] second = {{1.1, 4}, {2.1, 1}, {2.9, 2}, {4.2, 3}};
        FeatureRobustness.Selection s = FeatureRobustness.select(List.of("a", "b"), List.of(first, second),
                List.of("reader 1", "reader 2"), Form.ICC2_1, FeatureRobustness.DEFAULT_THRESHOLD, Criterion.ESTIMATE);
        assertThat(s.kept()).containsExactly("a");
        assertThat(s.features().get(0).icc()).isCloseTo(0.9948289, within(5e-8));
        assertThat(s.features().get(0).lower()).isCloseTo(0.9479813, within(5e-8));
        assertThat(s.features().get(1).icc()).isCloseTo(-2.0 / 7, within(1e-15));
        assertThat(s.features().get(1).note()).isEqualTo("ICC -0.286 below 0.75");
        FeatureRobustness.Selection s3 = FeatureRobustness.select(List.of("a", "b"), List.of(first, second),
                List.of("reader 1", "reader 2"), Form.ICC3_1, 0.75, Criterion.ESTIMATE);
        assertThat(s3.features().get(1).icc()).isCloseTo(-0.2, within(1e-15));
        // the lower bound is the stricter rule: 0.948 passes 0.9 but not 0.95
        assertThat(FeatureRobustness.select(List.of("a", "b"), List.of(first, second), List.of("r1", "r2"), Form.ICC2_1,
                0.95, Criterion.LOWER_BOUND).kept()).isEmpty();
        assertThat(FeatureRobustness.select(List.of("a", "b"), List.of(first, second), List.of("r1", "r2"), Form.ICC2_1,
                0.9, Criterion.LOWER_BOUND).kept()).containsExactly("a");
    }

    /** Five perturbations of one feature: the filter reports exactly what Icc (tested against psych) computes. */
    @Test
    void perturbationsOfTheFixture() {
        Dataset d = RFixture.dataset("icc/icc_perturb.csv");
        double[][] x = d.matrix(d.names());
        List<double[][]> tables = new java.util.ArrayList<>();
        for (int m = 0; m < 5; m++) {
            double[][] t = new double[x.length][1];
            for (int i = 0; i < x.length; i++) {
                t[i][0] = x[i][m];
            }
            tables.add(t);
        }
        RFixture f = RFixture.load("icc/icc_perturb.icc.csv");
        FeatureRobustness.FeatureIcc r = FeatureRobustness.select(List.of("p"), tables, d.names(), Form.ICC2_1, 0.75,
                Criterion.LOWER_BOUND).features().get(0);
        assertThat(r.icc()).isCloseTo(f.num("icc2"), within(1e-12));
        assertThat(r.lower()).isCloseTo(f.num("icc2.lo"), within(1e-10));
        assertThat(r.kept()).isEqualTo(f.num("icc2.lo") >= 0.75);
    }

    @Test
    void degenerateFeaturesAndBadInput() {
        double[][] a = {{5, 1}, {5, 2}, {5, 3}};
        double[][] b = {{5, 3}, {5, 4}, {5, 5}}; // feature 2 is shifted by exactly 2: no residual variation
        FeatureRobustness.Selection s = FeatureRobustness.select(List.of("const", "shifted"), List.of(a, b),
                List.of("r1", "r2"), Form.ICC3_1, 0.75, Criterion.LOWER_BOUND);
        assertThat(s.features().get(0).kept()).isFalse();
        assertThat(s.features().get(0).note()).contains("constant");
        assertThat(s.features().get(1).icc()).isEqualTo(1.0);
        assertThat(s.kept()).containsExactly("shifted");
        // absolute agreement penalises the shift: MSB/(MSB + k MSJ/n) = 2/(2 + 2*6/3)
        assertThat(FeatureRobustness.select(List.of("const", "shifted"), List.of(a, b), List.of("r1", "r2"), Form.ICC2_1,
                0.75, Criterion.ESTIMATE).features().get(1).icc()).isCloseTo(1.0 / 3, within(1e-15));
        double[][] bad = {{5, 1}, {5, Double.NaN}, {5, 3}};
        assertThatThrownBy(() -> FeatureRobustness.select(List.of("x", "y"), List.of(a, bad), List.of("reader 1", "eroded"),
                Form.ICC2_1, 0.75, Criterion.ESTIMATE)).hasMessageContaining("eroded, patient row 2, feature 'y'");
        assertThatThrownBy(() -> FeatureRobustness.select(List.of("x", "y"), List.<double[][]>of(a), List.of("reader 1"),
                Form.ICC2_1, 0.75, Criterion.ESTIMATE)).hasMessageContaining("at least 2 measurements");
    }
}
