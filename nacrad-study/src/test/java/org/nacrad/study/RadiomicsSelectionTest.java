package org.nacrad.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RadiomicsSelectionTest {

    /** 60 patients, 8 features of pure noise (a fixed linear congruential stream), outcome unrelated. */
    private static double[][] noise(double[] y) {
        double[][] x = new double[y.length][8];
        long s = 1; // a stream on which 5-fold CV prefers the empty model (as for about half of the streams)
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < 8; j++) {
                s = s * 6364136223846793005L + 1442695040888963407L;
                x[i][j] = (s >>> 11) / (double) (1L << 53);
            }
            y[i] = i % 3 == 0 ? 1 : 0;
        }
        return x;
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            n.add("f" + j);
        }
        return n;
    }

    @Test
    void withoutSignalTheStudyGetsTheBestNonEmptySignatureAndAWarning() {
        double[] y = new double[60];
        double[][] x = noise(y);
        RadiomicsSelection sel = new RadiomicsSelection(0.9, 0, 5, false, 42);
        RadiomicsSelection.Fitted empty = sel.fit(x, y, names(), true);
        // cross-validation prefers the empty model on noise: the bootstrap's procedure keeps it empty
        assertThat(empty.selected()).isEmpty();
        assertThat(empty.note()).isEmpty();
        assertThat(empty.lambda()).isEqualTo(empty.cv().lambdaMin());

        RadiomicsSelection.Fitted fitted = sel.fit(x, y, names(), false);
        assertThat(fitted.selected()).isNotEmpty();
        assertThat(fitted.note()).contains("preferred the empty model").contains("lowest CV deviance");
        // the chosen lambda has the lowest CV deviance among the lambdas whose model is not empty
        double[] lambdas = fitted.cv().lambda();
        int chosen = -1;
        for (int k = 0; k < lambdas.length; k++) {
            if (lambdas[k] == fitted.lambda()) {
                chosen = k;
            }
        }
        assertThat(chosen).isPositive();
        for (int k = 0; k < lambdas.length; k++) {
            double[] c = fitted.cv().fit().coefficients(lambdas[k]);
            boolean any = false;
            for (int j = 1; j < c.length; j++) {
                any |= c[j] != 0;
            }
            if (any) {
                assertThat(fitted.cv().cvm()[k]).isGreaterThanOrEqualTo(fitted.cv().cvm()[chosen]);
            }
        }
        assertThat(fitted.cv().cvm()[chosen]).isGreaterThan(fitted.cv().cvm()[0]);
    }
}
