package org.nacrad.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nacrad.clinical.Rcb.RcbClass;
import org.nacrad.clinical.Response.Recist;

class CalculatorsTest {

    @Test
    void shrinkageAndRecist() {
        assertThat(Response.of(40, 26)).isEqualTo(new Response(0.35, Recist.PR));
        assertThat(Response.of(40, 30)).isEqualTo(new Response(0.25, Recist.SD));
        assertThat(Response.of(40, 0).recist()).isEqualTo(Recist.CR);
        // exactly 30 % is PR, although (50 - 35) / 50 is not exactly the double 0.3
        assertThat(Response.of(50, 35).recist()).isEqualTo(Recist.PR);
        assertThat(Response.of(23.3, 16.31).recist()).isEqualTo(Recist.PR);
        // +20 % and +5 mm is PD; +20 % but only +4 mm is SD
        assertThat(Response.of(25, 30).recist()).isEqualTo(Recist.PD);
        assertThat(Response.of(20, 24).recist()).isEqualTo(Recist.SD);
        assertThatThrownBy(() -> Response.of(0, 10)).hasMessageStartingWith("baseline_diameter_mm must be > 0");
        assertThatThrownBy(() -> Response.of(30, -1)).hasMessageStartingWith("post_diameter_mm must be ≥ 0");
    }

    @Test
    void relativeDoseIntensity() {
        var doc = new DoseIntensity.Course("docetaxel", 450, 360, 63, 70);
        assertThat(doc.rdi()).isEqualTo((360.0 / 70) / (450.0 / 63)).isCloseTo(0.72, org.assertj.core.api.Assertions.within(1e-15));
        var epi = new DoseIntensity.Course("epirubicin", 300, 300, 63, 63);
        assertThat(epi.rdi()).isEqualTo(1.0);
        assertThat(DoseIntensity.regimen(List.of(doc, epi))).isEqualTo((doc.rdi() + 1.0) / 2);
        assertThat(new DoseIntensity.Course("x", 100, 0, 21, 0).rdi()).isZero();
        assertThatThrownBy(() -> new DoseIntensity.Course("docetaxel", 0, 360, 63, 70))
                .hasMessageStartingWith("docetaxel_planned_dose_mg_m2 must be > 0");
        assertThatThrownBy(() -> new DoseIntensity.Course("docetaxel", 450, 360, 63, 0))
                .hasMessage("docetaxel_actual_days is 0 but 360.0 mg/m² were delivered");
    }

    @Test
    void receptorStatus() {
        Receptors r = Receptors.of(1, 0.5, 2, Receptors.Ish.AMPLIFIED, 20, 20);
        assertThat(r).isEqualTo(new Receptors(true, false, true, true));
        assertThat(Receptors.of(0, 0, 3, Receptors.Ish.NOT_DONE, 19.9, 20)).isEqualTo(new Receptors(false, false, true, false));
        assertThat(Receptors.of(90, 50, 1, Receptors.Ish.NOT_DONE, 30, 30).her2Positive()).isFalse();
        assertThat(Receptors.of(90, 50, 2, Receptors.Ish.NOT_AMPLIFIED, 30, 30).her2Positive()).isFalse();
        assertThatThrownBy(() -> Receptors.of(90, 50, 2, Receptors.Ish.NOT_DONE, 30, 20))
                .hasMessageContaining("her2_ish is empty but HER2 IHC is 2+");
        assertThatThrownBy(() -> Receptors.Ish.parse("positive")).hasMessageContaining("her2_ish must be");
        assertThatThrownBy(() -> Receptors.of(140, 50, 1, Receptors.Ish.NOT_DONE, 30, 20)).hasMessageContaining("er_pct");
    }

    @Test
    void defaultResistanceRule() {
        ResistanceRule rule = ResistanceRule.defaultRule();
        assertThat(rule.spec()).isEqualTo("rcb>=II and shrinkage<0.30");
        assertThat(rule.describe()).isEqualTo("chemoresistant when the RCB class is RCB-II or RCB-III and the tumour "
                + "shrinkage rate is below 30 % (rule: rcb>=II and shrinkage<0.30)");
        assertThat(rule.resistant(RcbClass.RCB_II, 40, 30)).isTrue();   // 25 % shrinkage
        assertThat(rule.resistant(RcbClass.RCB_III, 50, 35)).isFalse();  // exactly 30 %: not below
        assertThat(rule.resistant(RcbClass.RCB_I, 40, 39)).isFalse();
        ResistanceRule or = ResistanceRule.parse("rcb>=III or shrinkage<10%");
        assertThat(or.spec()).isEqualTo("rcb>=III or shrinkage<0.10");
        assertThat(or.resistant(RcbClass.RCB_I, 40, 38)).isTrue();
        assertThat(ResistanceRule.parse("rcb>=II").resistant(RcbClass.RCB_II, 0, 0)).isTrue();
        assertThatThrownBy(() -> ResistanceRule.parse("ki67>20")).hasMessageContaining("cannot read term 'ki67>20'");
    }
}
