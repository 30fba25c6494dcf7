package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nacrad.stats.glm.Coefficient;

class OddsRatioUnitTest {

    @Test
    void unitsReadAsAPaperStatesThem() {
        assertThat(OddsRatioUnit.of("er_positive", new double[] {0, 1, 1, 0}))
                .isEqualTo(new OddsRatioUnit("positive vs negative", 1));
        assertThat(OddsRatioUnit.of("ki67_high", new double[] {1, 0})).isEqualTo(new OddsRatioUnit("≥ 20 % vs < 20 %", 1));
        assertThat(OddsRatioUnit.of("adc_mean", new double[] {0.9e-3, 1.1e-3}))
                .isEqualTo(new OddsRatioUnit("per 10⁻⁴ mm²/s", 1e-4));
        assertThat(OddsRatioUnit.of("rdi", new double[] {0.8, 1})).isEqualTo(new OddsRatioUnit("per 10 % of dose intensity", 0.1));
        assertThat(OddsRatioUnit.of("age", new double[] {40, 60})).isEqualTo(new OddsRatioUnit("per 10 years", 10));
        // any other continuous predictor: per training SD (n − 1), stated: values 1, 2, 3, 4 have SD 1.29099...
        OddsRatioUnit sd = OddsRatioUnit.of("rmk", new double[] {1, 2, 3, 4});
        assertThat(sd.label()).isEqualTo("per SD (1.29)");
        assertThat(sd.size()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-15));
    }

    @Test
    void theOddsRatioIsPerTheUnit() {
        // beta = -10.22 per unit of RDI: per 100 % of dose intensity OR exp(-10.22) = 3.6e-5, which no reader can use;
        // per 10 %: exp(-1.022) = 0.36
        Coefficient c = new Coefficient("rdi", -10.22, 3.0, -10.22 / 3.0, 0.0007);
        double[] or = new OddsRatioUnit("per 10 % of dose intensity", 0.1).oddsRatio(c);
        assertThat(or[0]).isCloseTo(Math.exp(-1.022), within(1e-15));
        assertThat(or[1]).isCloseTo(Math.exp((-10.22 - 1.959963984540054 * 3.0) * 0.1), within(1e-12));
        assertThat(or[2]).isCloseTo(Math.exp((-10.22 + 1.959963984540054 * 3.0) * 0.1), within(1e-12));
    }

    @Test
    void formatsWithoutExponentInfinityOrZero() {
        assertThat(OddsRatioUnit.format(3.456)).isEqualTo("3.46");
        assertThat(OddsRatioUnit.format(0.5)).isEqualTo("0.50");
        assertThat(OddsRatioUnit.format(12.34)).isEqualTo("12.3");
        assertThat(OddsRatioUnit.format(456.7)).isEqualTo("457");
        assertThat(OddsRatioUnit.format(0.00869)).isEqualTo("0.0087");
        assertThat(OddsRatioUnit.format(0.0523)).isEqualTo("0.052");
        assertThat(OddsRatioUnit.format(3.77e-5)).isEqualTo("< 0.0001");
        assertThat(OddsRatioUnit.format(2.5e7)).isEqualTo("> 100000");
        assertThat(OddsRatioUnit.format(Double.POSITIVE_INFINITY)).isEqualTo("–");
        assertThat(OddsRatioUnit.format(0)).isEqualTo("–");
    }
}
