package org.nacrad.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nacrad.clinical.Rcb.RcbClass;

class RcbTest {

    private static Rcb rcb(double d1, double d2, double ca, double cis, int ln, double met) {
        return Rcb.of(new Rcb.Inputs(d1, d2, ca, cis, ln, met));
    }

    @Test
    void javadocWorkedExample() {
        // d_prim = sqrt(30*20) = 24.4949; f_inv = (1-0.10)*0.40 = 0.36; f_inv*d_prim = 8.81816
        // primary = 1.4 * 8.81816^0.17 = 1.4 * exp(0.17 * 2.176815) = 1.4 * 1.447823 = 2.026952
        // nodal = (4 * (1 - 0.75^2) * 6)^0.17 = 10.5^0.17 = exp(0.17 * 2.351375) = 1.491422
        Rcb r = rcb(30, 20, 40, 10, 2, 6);
        assertThat(r.index()).isCloseTo(2.026952 + 1.491422, within(2e-6));
        assertThat(r.rcbClass()).isEqualTo(RcbClass.RCB_III);
    }

    @Test
    void primaryOnlyNoNodes() {
        // sqrt(25*15) = 19.36492; f_inv = 0.30; product 5.809475; 5.809475^0.17 = exp(0.17*1.759491) = 1.348655
        Rcb r = rcb(25, 15, 30, 0, 0, 0);
        assertThat(r.index()).isCloseTo(1.4 * 1.348663, within(2e-5));
        assertThat(r.rcbClass()).isEqualTo(RcbClass.RCB_II);
    }

    @Test
    void smallResidualIsRcbOne() {
        // 10x10 bed, 5 % cellularity: 1.4 * (0.05*10)^0.17 = 1.4 * 0.5^0.17 = 1.4 * 0.888843 = 1.244380
        Rcb r = rcb(10, 10, 5, 0, 0, 0);
        assertThat(r.index()).isCloseTo(1.244380, within(1e-6));
        assertThat(r.rcbClass()).isEqualTo(RcbClass.RCB_I);
    }

    @Test
    void pathologicCompleteResponseIsZero() {
        Rcb r = rcb(0, 0, 0, 0, 0, 0);
        assertThat(r.index()).isZero();
        assertThat(r.rcbClass()).isEqualTo(RcbClass.RCB_0);
    }

    @Test
    void allInSituWithoutNodesIsPcr() {
        // 100 % in situ: no invasive cancer in the bed, f_inv = 0
        Rcb r = rcb(40, 30, 50, 100, 0, 0);
        assertThat(r.index()).isZero();
        assertThat(r.rcbClass()).isEqualTo(RcbClass.RCB_0);
    }

    @Test
    void allInSituWithNodesCountsOnlyNodes() {
        // nodal = (4*(1-0.75^3)*4)^0.17 = (4*0.578125*4)^0.17 = 9.25^0.17 = exp(0.17*2.224624) = 1.459634
        Rcb r = rcb(40, 30, 50, 100, 3, 4);
        assertThat(r.index()).isCloseTo(1.459634, within(1e-6));
        assertThat(r.rcbClass()).isEqualTo(RcbClass.RCB_II);
    }

    @Test
    void cutOffsAreInclusiveUpward() {
        assertThat(Rcb.classify(1.36)).isEqualTo(RcbClass.RCB_I);
        assertThat(Rcb.classify(Math.nextUp(1.36))).isEqualTo(RcbClass.RCB_II);
        assertThat(Rcb.classify(3.28)).isEqualTo(RcbClass.RCB_II);
        assertThat(Rcb.classify(Math.nextUp(3.28))).isEqualTo(RcbClass.RCB_III);
        assertThat(Rcb.classify(Double.MIN_VALUE)).isEqualTo(RcbClass.RCB_I);
    }

    @Test
    void outOfRangeInputsNameTheColumn() {
        assertThatThrownBy(() -> rcb(30, 20, 140, 10, 2, 6)).isInstanceOf(ClinicalValueException.class)
                .hasMessage("cellularity_pct must be a percentage in [0, 100], got 140.0");
        assertThatThrownBy(() -> rcb(-1, 20, 40, 10, 2, 6)).hasMessageStartingWith("tumour_bed_d1_mm must be ≥ 0");
        assertThatThrownBy(() -> rcb(30, 20, 40, 10, 0, 6))
                .hasMessage("largest_node_metastasis_mm is 6.0 mm but positive_nodes is 0");
        assertThatThrownBy(() -> rcb(30, 20, 40, 10, -2, 6)).hasMessageStartingWith("positive_nodes must be ≥ 0");
    }
}
