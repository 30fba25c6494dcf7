package org.nacrad.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Python's repr of floats (shortest round trip, CPython's switch to exponents) and containers. */
class PythonReprTest {

    @Test
    void floatsAsPythonPrintsThem() {
        // values and their repr() in CPython 3
        assertThat(PythonRepr.ofDouble(0.1)).isEqualTo("0.1");
        assertThat(PythonRepr.ofDouble(2.0)).isEqualTo("2.0");
        assertThat(PythonRepr.ofDouble(-100.0)).isEqualTo("-100.0");
        assertThat(PythonRepr.ofDouble(1e-05)).isEqualTo("1e-05");
        assertThat(PythonRepr.ofDouble(0.0001)).isEqualTo("0.0001");
        assertThat(PythonRepr.ofDouble(1e16)).isEqualTo("1e+16");
        assertThat(PythonRepr.ofDouble(1234567890123456.0)).isEqualTo("1234567890123456.0");
        assertThat(PythonRepr.ofDouble(0.7812499999999999)).isEqualTo("0.7812499999999999");
        assertThat(PythonRepr.ofDouble(2.0E-3)).isEqualTo("0.002");
        assertThat(PythonRepr.ofDouble(1.0E23)).isEqualTo("1e+23");
        assertThat(PythonRepr.ofDouble(Double.NaN)).isEqualTo("nan");
        assertThat(PythonRepr.ofDouble(5e-324)).isEqualTo("5e-324");
        assertThat(PythonRepr.ofDouble(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(PythonRepr.ofDouble(9007199254740993.0)).isEqualTo("9007199254740992.0");
    }

    @Test
    void shortestFormReadsBackExactly() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int n = 0; n < 10000; n++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(v)) {
                assertThat(Double.parseDouble(PythonRepr.ofDouble(v))).isEqualTo(v);
            }
        }
    }

    @Test
    void containers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("binWidth", 25);
        m.put("resampledPixelSpacing", null);
        m.put("distances", List.of(1));
        m.put("force2D", false);
        m.put("interpolator", "sitkBSpline");
        assertThat(PythonRepr.of(m)).isEqualTo(
                "{'binWidth': 25, 'resampledPixelSpacing': None, 'distances': [1], 'force2D': False, "
                        + "'interpolator': 'sitkBSpline'}");
        assertThat(PythonRepr.tuple(0.664062, 0.664062, 2.1)).isEqualTo("(0.664062, 0.664062, 2.1)");
        assertThat(PythonRepr.tuple(21, 64, 8, 9, 12, 3)).isEqualTo("(21, 64, 8, 9, 12, 3)");
    }
}
