package org.nacrad.stats.validation;

import java.util.ArrayList;
import java.util.List;

import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.LogisticRegression;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LassoPath;
import org.nacrad.stats.lasso.LogisticNet;

/** Ready-made {@link ModellingProcedure}s. */
public final class Procedures {

    private Procedures() {
    }

    /** Logistic regression on all columns (rms {@code validate(lrm(y ~ .))}). */
    public static ModellingProcedure logistic(LogisticRegression est) {
        return (x, y, seed) -> {
            List<String> names = names(x[0].length);
            LogisticFit f = est.fit(x, y, names);
            return f::linearPredictor;
        };
    }

    /**
     * LASSO selection then logistic refit: {@code cv.glmnet} with {@code folds} seeded stratified folds, the
     * predictors with a nonzero coefficient at {@code lambda.1se} (or {@code lambda.min}) are refitted by maximum
     * likelihood; with none selected the model is the intercept only.
     */
    public static ModellingProcedure lassoThenLogistic(LogisticNet net, int folds, CrossValidation.Measure measure,
                                                       boolean oneSe) {
        return (x, y, seed) -> {
            List<String> names = names(x[0].length);
            CrossValidation.Result cv = CrossValidation.run(net, x, y, names,
                    CrossValidation.stratifiedFolds(y, folds, seed), measure);
            LassoPath path = cv.fit();
            double[] c = path.coefficients(oneSe ? cv.lambda1se() : cv.lambdaMin());
            List<Integer> keep = new ArrayList<>();
            for (int j = 1; j < c.length; j++) {
                if (c[j] != 0) {
                    keep.add(j - 1);
                }
            }
            double[][] xs = new double[x.length][keep.size()];
            for (int i = 0; i < x.length; i++) {
                for (int t = 0; t < keep.size(); t++) {
                    xs[i][t] = x[i][keep.get(t)];
                }
            }
            LogisticFit f = LogisticRegression.maximumLikelihood().fit(xs, y, names(keep.size()));
            return rows -> {
                double[][] sub = new double[rows.length][keep.size()];
                for (int i = 0; i < rows.length; i++) {
                    for (int t = 0; t < keep.size(); t++) {
                        sub[i][t] = rows[i][keep.get(t)];
                    }
                }
                return f.linearPredictor(sub);
            };
        };
    }

    private static List<String> names(int p) {
        List<String> n = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            n.add("x" + (j + 1));
        }
        return n;
    }
}
