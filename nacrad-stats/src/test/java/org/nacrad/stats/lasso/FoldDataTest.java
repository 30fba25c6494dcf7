package org.nacrad.stats.lasso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link CrossValidation#run(LogisticNet, double[][], java.util.function.IntFunction, double[], List, int[],
 * CrossValidation.Measure)}: each fold's path is fitted on, and its held-out rows scored with, the rows that fold's
 * preprocessing gives (how the study refits ComBat without the held-out fold).
 */
class FoldDataTest {

    @Test
    void eachFoldUsesItsOwnRowsAndTheSameRowsGiveTheSameResult() {
        Random r = new Random(3);
        int n = 60;
        double[][] x = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = x[i][0] + r.nextGaussian() > 0 ? 1 : 0;
        }
        List<String> names = List.of("a", "b", "c", "d");
        int[] folds = CrossValidation.stratifiedFolds(y, 5, 1);
        CrossValidation.Result plain = CrossValidation.run(LogisticNet.lasso(), x, y, names, folds,
                CrossValidation.Measure.DEVIANCE);
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        CrossValidation.Result same = CrossValidation.run(LogisticNet.lasso(), x, f -> {
            asked.add(f);
            return x;
        }, y, names, folds, CrossValidation.Measure.DEVIANCE);
        assertThat(same.cvm()).containsExactly(plain.cvm());
        assertThat(same.lambdaMin()).isEqualTo(plain.lambdaMin());
        assertThat(asked).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        // fold 2's rows shifted: only fold 2's path and held-out scores change, so the CV curve changes
        double[][] shifted = new double[n][];
        for (int i = 0; i < n; i++) {
            shifted[i] = x[i].clone();
            shifted[i][0] += 1.5;
        }
        CrossValidation.Result other = CrossValidation.run(LogisticNet.lasso(), x, f -> f == 2 ? shifted : x, y, names,
                folds, CrossValidation.Measure.DEVIANCE);
        assertThat(other.cvm()).isNotEqualTo(plain.cvm());
        assertThat(other.lambda()).containsExactly(plain.lambda()); // the full-data path uses x
    }
}
