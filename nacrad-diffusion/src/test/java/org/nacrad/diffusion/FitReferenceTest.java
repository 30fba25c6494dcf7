package org.nacrad.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nacrad's voxel fits against independent implementations on the same noisy signals
 * ({@code src/test/fixtures-gen/dki_fixtures.py}: DIPY msdki WLS, SciPy least_squares with bounds, NumPy polyfit,
 * SciPy curve_fit), and against the known truth.
 */
class FitReferenceTest {

    private static final double[] B = {0, 50, 800, 1500, 2000};
    private static final double[] B_ADC = {0, 50, 800};
    private static final List<double[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = FitReferenceTest.class.getResourceAsStream("/diffusion/dki_reference.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String l : lines) {
                if (l.startsWith("#") || l.startsWith("snr") || l.isBlank()) {
                    continue;
                }
                String[] t = l.split(",");
                double[] r = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    r[i] = Double.parseDouble(t[i]);
                }
                ROWS.add(r);
            }
        }
        assertThat(ROWS).hasSize(600);
    }

    private static double[] signal(double[] r) {
        return new double[] {r[4], r[5], r[6], r[7], r[8]};
    }

    @Test
    void weightedLinearEqualsDipyMsdki() {
        for (double[] r : ROWS) {
            KurtosisFit.Result f = KurtosisFit.weightedLinear(B, signal(r));
            assertThat(f.d()).isCloseTo(r[9], within(1e-10 * Math.abs(r[9])));
            // K = β₂/D² is of order one; near K = 0 the two solvers (Cramer here, pinv in DIPY) differ by rounding only
            assertThat(f.k()).isCloseTo(r[10], within(1e-9 * Math.max(Math.abs(r[10]), 1)));
        }
    }

    @Test
    void constrainedRefinementEqualsScipyLeastSquares() {
        int atBound = 0;
        for (double[] r : ROWS) {
            KurtosisFit.Result f = KurtosisFit.fit(B, signal(r));
            assertThat(f.s0()).isCloseTo(r[11], within(1e-4 * r[11]));
            assertThat(f.d()).isCloseTo(r[12], within(1e-4 * r[12]));
            if (r[13] < 1e-6 || r[13] > 3 - 1e-6) {
                atBound++;
                assertThat(f.k()).isCloseTo(r[13], within(1e-6));
                assertThat(f.status()).isEqualTo(FitStatus.IMPLAUSIBLE_KURTOSIS);
            } else {
                assertThat(f.k()).isCloseTo(r[13], within(1e-4 * r[13]));
                assertThat(f.status()).isEqualTo(FitStatus.OK);
            }
        }
        assertThat(atBound).as("fits on a kurtosis bound at SNR 20-100").isLessThan(30);
    }

    @Test
    void adcEqualsNumpyAndScipy() {
        for (double[] r : ROWS) {
            double[] s = {r[4], r[5], r[6]};
            assertThat(AdcFit.logLinear(B_ADC, s).adc()).isCloseTo(r[14], within(1e-12 * r[14]));
            assertThat(AdcFit.nonLinear(B_ADC, s).adc()).isCloseTo(r[15], within(1e-6 * r[15]));
        }
    }

    @Test
    void recoversTheTruthAtSnr50() {
        double biasD = 0, biasK = 0, absD = 0, absK = 0;
        int n = 0;
        for (double[] r : ROWS) {
            if (r[0] != 50) {
                continue;
            }
            KurtosisFit.Result f = KurtosisFit.fit(B, signal(r));
            biasD += f.d() / r[2] - 1;
            biasK += f.k() / r[3] - 1;
            absD += Math.abs(f.d() / r[2] - 1);
            absK += Math.abs(f.k() / r[3] - 1);
            n++;
        }
        assertThat(n).isEqualTo(200);
        // mean relative bias: MD within 2 %, MK within 5 % of the truth
        assertThat(Math.abs(biasD / n)).isLessThan(0.02);
        assertThat(Math.abs(biasK / n)).isLessThan(0.05);
        System.out.printf("SNR 50: MD bias %.4f, MK bias %.4f, MD mean |err| %.4f, MK mean |err| %.4f%n",
                biasD / n, biasK / n, absD / n, absK / n);
    }

    @Test
    void worksOnExactSignals() {
        double[] s = new double[B.length];
        for (int i = 0; i < B.length; i++) {
            s[i] = SignalModels.kurtosis(800, 1.5e-3, 0.9, B[i]);
        }
        KurtosisFit.Result f = KurtosisFit.fit(B, s);
        assertThat(f.d()).isCloseTo(1.5e-3, within(1e-15));
        assertThat(f.k()).isCloseTo(0.9, within(1e-10));
        assertThat(f.s0()).isCloseTo(800, within(1e-9));
        // javadoc example of AdcFit: ln(1000/449.33)/800 = 1.0e-3
        assertThat(AdcFit.logLinear(new double[] {0, 800}, new double[] {1000, 449.32896411722156}).adc())
                .isCloseTo(1.0e-3, within(1e-15));
        assertThat(KurtosisFit.fit(B, new double[] {1000, 900, 0, 300, 200}).status()).isEqualTo(FitStatus.BAD_SIGNAL);
    }
}
