package org.nacrad.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.LogisticRegression;
import org.nacrad.stats.glm.ModelSelection;

/**
 * Selection of the independent clinical and diffusion predictors, as the study did: each candidate in its own
 * logistic model on the training set (univariate screen), those with P below the screen threshold together in a
 * multivariable model, reduced by backward elimination (Wald P ≥ threshold, or AIC as R's {@code step}). Constant
 * candidates are left out. When nothing passes the screen, the single most significant candidate is kept, so the
 * clinical model is never empty.
 *
 * @param candidates   candidates considered (non-constant in training)
 * @param univariate   the univariate screen
 * @param screened     candidates passing the screen
 * @param multivariable the full multivariable model of the screened candidates
 * @param selected     the final model after backward elimination
 */
public record ClinicalSelection(List<String> candidates, List<ModelSelection.Screen> univariate, List<String> screened,
                                LogisticFit multivariable, LogisticFit selected) {

    /** The selected predictor names. */
    public List<String> predictors() {
        return selected.predictors();
    }

    /**
     * Runs the selection.
     *
     * @param x           training rows, candidate columns
     * @param y           0/1 outcomes
     * @param names       candidate names
     * @param screenP     univariate threshold
     * @param method      backward elimination by P or by AIC
     * @param keepP       backward-elimination threshold (method p)
     */
    public static ClinicalSelection fit(double[][] x, double[] y, List<String> names, double screenP,
                                        StudyConfig.ClinicalMethod method, double keepP) {
        return fit(LogisticRegression.maximumLikelihood(), x, y, names, screenP, method, keepP);
    }

    /**
     * As {@link #fit(double[][], double[], List, double, StudyConfig.ClinicalMethod, double)}, falling back to Firth's penalised
     * likelihood when maximum likelihood does not exist (a separating candidate, as happens in small bootstrap
     * resamples).
     */
    static ClinicalSelection fitOrFirth(double[][] x, double[] y, List<String> names, double screenP,
                                        StudyConfig.ClinicalMethod method, double keepP) {
        try {
            return fit(LogisticRegression.maximumLikelihood(), x, y, names, screenP, method, keepP);
        } catch (IllegalArgumentException e) {
            return fit(LogisticRegression.firth(), x, y, names, screenP, method, keepP);
        }
    }

    private static ClinicalSelection fit(LogisticRegression ml, double[][] x, double[] y, List<String> names,
                                         double screenP, StudyConfig.ClinicalMethod method, double keepP) {
        List<Integer> usable = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double first = x[0][j];
            boolean varies = false;
            for (double[] row : x) {
                varies |= row[j] != first;
            }
            if (varies) {
                usable.add(j);
            }
        }
        List<String> cand = new ArrayList<>();
        for (int j : usable) {
            cand.add(names.get(j));
        }
        double[][] xc = columns(x, usable);
        List<ModelSelection.Screen> screen = ModelSelection.univariate(ml, xc, y, cand);
        List<Integer> pass = new ArrayList<>();
        for (int j = 0; j < screen.size(); j++) {
            if (screen.get(j).coefficient().p() < screenP) {
                pass.add(j);
            }
        }
        if (pass.isEmpty()) {
            int best = 0;
            for (int j = 1; j < screen.size(); j++) {
                if (screen.get(j).coefficient().p() < screen.get(best).coefficient().p()) {
                    best = j;
                }
            }
            pass.add(best);
        }
        List<String> screened = new ArrayList<>();
        for (int j : pass) {
            screened.add(cand.get(j));
        }
        double[][] xs = columns(xc, pass);
        LogisticFit full = ml.fit(xs, y, screened);
        LogisticFit sel = method == StudyConfig.ClinicalMethod.AIC ? ModelSelection.backwardAic(ml, xs, y, screened)
                : ModelSelection.backwardP(ml, xs, y, screened, keepP);
        if (sel.predictors().isEmpty()) {
            String best = screened.stream().min(Comparator.comparingDouble(s -> screen.get(cand.indexOf(s))
                    .coefficient().p())).orElseThrow();
            sel = ml.fit(columns(xs, List.of(screened.indexOf(best))), y, List.of(best));
        }
        return new ClinicalSelection(List.copyOf(cand), List.copyOf(screen), List.copyOf(screened), full, sel);
    }

    static double[][] columns(double[][] x, List<Integer> cols) {
        double[][] out = new double[x.length][cols.size()];
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < cols.size(); t++) {
                out[i][t] = x[i][cols.get(t)];
            }
        }
        return out;
    }
}
