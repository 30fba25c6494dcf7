package org.nacrad.cli.stats;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LassoPath;
import org.nacrad.stats.lasso.LogisticNet;

import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats lasso}: cross-validated lasso / elastic-net logistic path, as R's cv.glmnet. */
@Command(name = "lasso",
        description = {
            "Lasso (or elastic-net) logistic regression over glmnet's lambda path with K-fold cross-validation,",
            "as R's cv.glmnet(family = \"binomial\"): lambda, cvm, cvsd, lambda.min, lambda.1se and coefficients",
            "(original scale) at lambda.min, lambda.1se (path points) and each --lambda: there the exact minimiser,",
            "as coef(fit, s = L, exact = TRUE), not glmnet's interpolation between path points."})
public final class LassoCommand extends StatsSubcommand {

    @Option(names = "--label", required = true, description = "Outcome column, 0/1.")
    String label;

    @Option(names = "--exclude", split = ",", description = "Columns that are not predictors (ids, ...).")
    List<String> exclude = new ArrayList<>();

    static final class Folds {
        @Option(names = "--foldid", description = "Column with fold ids 1..K (as cv.glmnet's foldid).")
        String foldid;

        @Option(names = "--folds", description = "Number of seeded stratified folds (default 10).")
        Integer folds;
    }

    @ArgGroup(exclusive = true)
    Folds foldChoice;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the stratified folds (default 1).")
    long seed;

    @Option(names = "--measure", defaultValue = "deviance", description = "deviance (default) or auc.")
    String measure;

    @Option(names = "--alpha", defaultValue = "1", description = "Elastic-net mixing: 1 lasso (default), 0 ridge.")
    double alpha;

    @Option(names = "--lambda", arity = "1..*", description = {"Also report the exact solution at these lambdas",
            "(the penalised objective minimised at each, KKT conditions to 1e-9)."})
    List<Double> lambdas = new ArrayList<>();

    @Override
    String checkOptions() {
        return measure.equals("deviance") || measure.equals("auc") ? null
                : "--measure must be deviance or auc, not '" + measure + "'";
    }

    @Override
    Output compute(Dataset d) {
        List<String> notPredictors = new ArrayList<>(exclude);
        notPredictors.add(label);
        String foldCol = foldChoice != null ? foldChoice.foldid : null;
        if (foldCol != null) {
            notPredictors.add(foldCol);
        }
        for (String c : notPredictors) {
            d.column(c); // names a missing column clearly
        }
        List<String> preds = d.namesExcept(notPredictors);
        double[] y = d.binaryLabel(label);
        double[][] x = d.matrix(preds);
        int[] fold;
        if (foldCol != null) {
            double[] f = d.column(foldCol);
            fold = new int[f.length];
            for (int i = 0; i < f.length; i++) {
                if (f[i] != Math.rint(f[i]) || f[i] < 1) {
                    throw cellError(i, foldCol, "fold id must be an integer 1..K, found " + f[i]);
                }
                fold[i] = (int) f[i];
            }
        } else {
            int k = foldChoice != null && foldChoice.folds != null ? foldChoice.folds : 10;
            fold = CrossValidation.stratifiedFolds(y, k, seed);
        }
        CrossValidation.Result cv = CrossValidation.run(LogisticNet.lasso().withAlpha(alpha), x, y, preds, fold,
                measure.equals("auc") ? CrossValidation.Measure.AUC : CrossValidation.Measure.DEVIANCE);
        Map<String, Map<String, Double>> coefficients = new LinkedHashMap<>();
        coefficients.put("lambda_min", cv.fit().namedCoefficients(cv.lambdaMin()));
        coefficients.put("lambda_1se", cv.fit().namedCoefficients(cv.lambda1se()));
        if (!lambdas.isEmpty()) {
            LassoPath exact = LogisticNet.lasso().withAlpha(alpha).fitAt(x, y, preds,
                    lambdas.stream().mapToDouble(Double::doubleValue).toArray());
            for (double l : lambdas) {
                coefficients.put(Double.toString(l), exact.namedCoefficients(l));
            }
        }
        ObjectNode root = object();
        putDoubles(root, "lambda", cv.lambda());
        putDoubles(root, "cvm", cv.cvm());
        putDoubles(root, "cvsd", cv.cvsd());
        root.put("lambda_min", cv.lambdaMin());
        root.put("lambda_1se", cv.lambda1se());
        root.put("measure", measure);
        ObjectNode coefs = root.putObject("coefficients");
        coefficients.forEach((at, c) -> c.forEach(coefs.putObject(at)::put));
        return new Output(root, out -> printTable(out, cv, coefficients));
    }

    private static void printTable(PrintWriter out, CrossValidation.Result cv,
            Map<String, Map<String, Double>> coefficients) {
        out.printf("%5s %14s %12s %12s%n", "index", "lambda", "cvm", "cvsd");
        for (int k = 0; k < cv.lambda().length; k++) {
            out.printf("%5d %14.6g %12.6g %12.6g%s%n", k + 1, cv.lambda()[k], cv.cvm()[k], cv.cvsd()[k],
                    cv.lambda()[k] == cv.lambdaMin() ? "  lambda.min"
                            : cv.lambda()[k] == cv.lambda1se() ? "  lambda.1se" : "");
        }
        coefficients.forEach((at, c) -> {
            out.println("coefficients at " + at + ":");
            c.forEach((term, value) -> out.printf("  %-20s %.6g%n", term, value));
        });
    }
}
