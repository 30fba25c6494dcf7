package org.nacrad.cli.stats;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.nacrad.stats.data.Dataset;
import org.nacrad.stats.lasso.CrossValidation;
import org.nacrad.stats.lasso.LogisticNet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nacrad stats lasso}: cross-validated lasso / elastic-net logistic path, as R's cv.glmnet. */
@Command(name = "lasso",
        mixinStandardHelpOptions = true,
        description = {
            "Lasso (or elastic-net) logistic regression over glmnet's lambda path with K-fold cross-validation,",
            "as R's cv.glmnet(family = \"binomial\"): lambda, cvm, cvsd, lambda.min, lambda.1se and coefficients",
            "(original scale) at lambda.min, lambda.1se and each --lambda."})
public final class LassoCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Input CSV (header line, numeric columns).")
    Path data;

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

    @Option(names = "--lambda", arity = "1..*", description = "Also report coefficients at these lambdas.")
    List<Double> lambdas = new ArrayList<>();

    @Option(names = "--format", defaultValue = "json", description = "json (default) or table.")
    StatsFormat format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!measure.equals("deviance") && !measure.equals("auc")) {
            err.println("nacrad stats lasso: --measure must be deviance or auc, not '" + measure + "'");
            return 2;
        }
        try {
            Dataset d = Dataset.read(data);
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
                        throw new IllegalArgumentException(data + ": line " + (i + 2) + ", column '" + foldCol
                                + "': fold id must be an integer 1..K, found " + f[i]);
                    }
                    fold[i] = (int) f[i];
                }
            } else {
                int k = foldChoice != null && foldChoice.folds != null ? foldChoice.folds : 10;
                fold = CrossValidation.stratifiedFolds(y, k, seed);
            }
            CrossValidation.Result cv = CrossValidation.run(LogisticNet.lasso().withAlpha(alpha), x, y, preds, fold,
                    measure.equals("auc") ? CrossValidation.Measure.AUC : CrossValidation.Measure.DEVIANCE);
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            array(root.putArray("lambda"), cv.lambda());
            array(root.putArray("cvm"), cv.cvm());
            array(root.putArray("cvsd"), cv.cvsd());
            root.put("lambda_min", cv.lambdaMin());
            root.put("lambda_1se", cv.lambda1se());
            root.put("measure", measure);
            ObjectNode coefs = root.putObject("coefficients");
            coefficients(coefs.putObject("lambda_min"), cv.fit().namedCoefficients(cv.lambdaMin()));
            coefficients(coefs.putObject("lambda_1se"), cv.fit().namedCoefficients(cv.lambda1se()));
            for (double l : lambdas) {
                coefficients(coefs.putObject(Double.toString(l)), cv.fit().namedCoefficients(l));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format == StatsFormat.json) {
                out.println(m.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } else {
                out.printf("%5s %14s %12s %12s%n", "index", "lambda", "cvm", "cvsd");
                for (int k = 0; k < cv.lambda().length; k++) {
                    out.printf("%5d %14.6g %12.6g %12.6g%s%n", k + 1, cv.lambda()[k], cv.cvm()[k], cv.cvsd()[k],
                            cv.lambda()[k] == cv.lambdaMin() ? "  lambda.min"
                                    : cv.lambda()[k] == cv.lambda1se() ? "  lambda.1se" : "");
                }
                var it = coefs.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    out.println("coefficients at " + e.getKey() + ":");
                    var c = e.getValue().fields();
                    while (c.hasNext()) {
                        var t = c.next();
                        out.printf("  %-20s %.6g%n", t.getKey(), t.getValue().asDouble());
                    }
                }
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            String msg = e.getMessage();
            err.println("nacrad stats lasso: " + (msg.startsWith(data.toString()) ? msg : data + ": " + msg));
            err.flush();
            return 1;
        }
    }

    private static void array(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }

    private static void coefficients(ObjectNode o, Map<String, Double> c) {
        c.forEach(o::put);
    }
}
