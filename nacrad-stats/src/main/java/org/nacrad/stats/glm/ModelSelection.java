package org.nacrad.stats.glm;

import java.util.ArrayList;
import java.util.List;

/**
 * Univariate screening and backward elimination for logistic models.
 *
 * <p>{@link #backwardAic} is R's {@code step(fit, direction = "backward")}: from the full model, repeatedly drop the
 * term whose removal gives the lowest AIC ({@code deviance + 2k}), while that AIC is below the current one.
 * {@link #backwardP} drops the term with the largest Wald P value while it is at or above {@code alpha}.
 * Both are refits by {@link LogisticRegression}; no term is ever re-entered.
 */
public final class ModelSelection {

    /** One predictor fitted alone. */
    public record Screen(String predictor, Coefficient coefficient) {
    }

    private ModelSelection() {
    }

    /** Each predictor in its own model {@code y ~ x_j} (R: {@code glm(y ~ x_j, binomial)} for each j). */
    public static List<Screen> univariate(LogisticRegression est, double[][] x, double[] y, List<String> predictors) {
        List<Screen> out = new ArrayList<>();
        for (int j = 0; j < predictors.size(); j++) {
            LogisticFit f = est.fit(columns(x, List.of(j)), y, List.of(predictors.get(j)));
            out.add(new Screen(predictors.get(j), f.coefficients().get(1)));
        }
        return out;
    }

    /** Backward elimination by AIC, as {@code step(..., direction = "backward")}. Returns the selected model. */
    public static LogisticFit backwardAic(LogisticRegression est, double[][] x, double[] y, List<String> predictors) {
        List<Integer> kept = range(predictors.size());
        LogisticFit current = est.fit(columns(x, kept), y, names(predictors, kept));
        while (!kept.isEmpty()) {
            LogisticFit best = null;
            int drop = -1;
            for (int t = 0; t < kept.size(); t++) {
                List<Integer> trial = new ArrayList<>(kept);
                trial.remove(t);
                LogisticFit f = trial.isEmpty() ? interceptOnly(est, x, y) : est.fit(columns(x, trial), y,
                        names(predictors, trial));
                if (best == null || f.aic() < best.aic()) {
                    best = f;
                    drop = t;
                }
            }
            if (best.aic() >= current.aic()) {
                break;
            }
            kept.remove(drop);
            current = best;
        }
        return current;
    }

    /** Backward elimination by Wald P: drop the least significant term while its P is at least {@code alpha}. */
    public static LogisticFit backwardP(LogisticRegression est, double[][] x, double[] y, List<String> predictors,
                                        double alpha) {
        List<Integer> kept = range(predictors.size());
        LogisticFit current = est.fit(columns(x, kept), y, names(predictors, kept));
        while (!kept.isEmpty()) {
            int worst = -1;
            double worstP = -1;
            for (int t = 0; t < kept.size(); t++) {
                double p = current.coefficients().get(t + 1).p();
                if (p > worstP) {
                    worstP = p;
                    worst = t;
                }
            }
            if (worstP < alpha) {
                break;
            }
            kept.remove(worst);
            current = kept.isEmpty() ? interceptOnly(est, x, y) : est.fit(columns(x, kept), y,
                    names(predictors, kept));
        }
        return current;
    }

    private static LogisticFit interceptOnly(LogisticRegression est, double[][] x, double[] y) {
        return est.fit(new double[x.length][0], y, List.of());
    }

    private static List<Integer> range(int p) {
        List<Integer> r = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            r.add(j);
        }
        return r;
    }

    private static List<String> names(List<String> all, List<Integer> idx) {
        return idx.stream().map(all::get).toList();
    }

    static double[][] columns(double[][] x, List<Integer> idx) {
        double[][] out = new double[x.length][idx.size()];
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < idx.size(); t++) {
                out[i][t] = x[i][idx.get(t)];
            }
        }
        return out;
    }
}
