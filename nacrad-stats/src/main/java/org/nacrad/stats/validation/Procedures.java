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
     * LASSO selection then logistic refit: {@code cv.glmnet} with {@code folds} seeded stratified folds on the
     * training sample; the predictors with a nonzero coefficient at {@code lambda.1se} (or {@code lambda.min}) are
     * refitted by {@code refit} (maximum likelihood, or Firth when refits may separate); with none selected the model
     * is the intercept only.
     */
    public static ModellingProcedure lassoThenLogistic(LogisticNet net, int folds, CrossValidation.Measure measure,
                                                       boolean oneSe, LogisticRegression refit) {
        return (x, y, seed) -> {
            List<String> names = names(x[0].length);
            CrossValidation.Result cv = CrossValidation.run(net, x, y, names,
                    CrossValidation.stratifiedFolds(y, folds, seed), measure);
            return refitSelected(cv.fit().coefficients(oneSe ? cv.lambda1se() : cv.lambdaMin()), x, y, refit);
        };
    }

    /**
     * LASSO selection at a penalty fixed beforehand (e.g. the full-data {@code lambda.1se}), then logistic refit. The
     * path is computed with warm starts along {@code lambdas} (decreasing, ending at the chosen penalty), as
     * {@code glmnet(x, y, lambda = lambdas)}: no cross-validation inside the resample, so it is ~10× cheaper than
     * {@link #lassoThenLogistic}, and ignores the variability of the penalty choice.
     */
    public static ModellingProcedure lassoAtLambda(LogisticNet net, double[] lambdas, LogisticRegression refit) {
        LogisticNet fixed = net.withLambda(lambdas);
        double last = lambdas[lambdas.length - 1];
        return (x, y, seed) -> {
            LassoPath path = fixed.fit(x, y, names(x[0].length));
            return refitSelected(path.coefficients(last), x, y, refit);
        };
    }

    private static ModellingProcedure.Scorer refitSelected(double[] c, double[][] x, double[] y,
                                                           LogisticRegression refit) {
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
        LogisticFit f = refit.fit(xs, y, names(keep.size()));
        return rows -> {
            double[][] sub = new double[rows.length][keep.size()];
            for (int i = 0; i < rows.length; i++) {
                for (int t = 0; t < keep.size(); t++) {
                    sub[i][t] = rows[i][keep.get(t)];
                }
            }
            return f.linearPredictor(sub);
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
