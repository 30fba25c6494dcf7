package org.nacrad.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p><b>Redundant candidates.</b> Two candidates correlated above the redundancy threshold (|Pearson r| in the
 * training set, default 0.9) measure the same thing twice — mean ADC and the kurtosis model's MD (r ≈ 0.98), rADC
 * and rMD — and no multivariable model can tell them apart: entered together, their standard errors inflate about
 * five-fold and which one survives backward elimination is chance. Only the one listed first among the candidates
 * enters the multivariable model (the list's order is the analyst's stated preference, e.g. the clinically
 * established ADC before MD); the other is still shown in the univariate table. The choice is made without looking
 * at the outcome, as redundancy analysis should be (Harrell, Regression Modeling Strategies, 2nd ed. 2015, §4.7).
 *
 * @param candidates   candidates considered (non-constant in training)
 * @param univariate   the univariate screen
 * @param screened     candidates passing the screen
 * @param multivariable the full multivariable model of the screened candidates
 * @param selected     the final model after backward elimination
 * @param redundant    candidates kept out of the multivariable model → the earlier-listed candidate each duplicates
 *                     (with |r|)
 */
public record ClinicalSelection(List<String> candidates, List<ModelSelection.Screen> univariate, List<String> screened,
                                LogisticFit multivariable, LogisticFit selected, Map<String, Redundancy> redundant) {

    /**
     * A candidate left out of the multivariable model because it duplicates an earlier-listed one.
     *
     * @param keptInstead the earlier-listed candidate
     * @param r           their Pearson correlation in the training set
     */
    public record Redundancy(String keptInstead, double r) {
    }

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
     * @param redundancy  |r| above which the later-listed of two candidates stays out of the multivariable model
     *                    (≥ 1: none does)
     */
    public static ClinicalSelection fit(double[][] x, double[] y, List<String> names, double screenP,
                                        StudyConfig.ClinicalMethod method, double keepP, double redundancy) {
        return fit(LogisticRegression.maximumLikelihood(), x, y, names, screenP, method, keepP, redundancy);
    }

    /**
     * As {@link #fit(double[][], double[], List, double, StudyConfig.ClinicalMethod, double, double)}, falling back
     * to Firth's penalised likelihood when maximum likelihood does not exist (a separating candidate, as happens in
     * small bootstrap resamples).
     */
    static ClinicalSelection fitOrFirth(double[][] x, double[] y, List<String> names, double screenP,
                                        StudyConfig.ClinicalMethod method, double keepP, double redundancy) {
        try {
            return fit(LogisticRegression.maximumLikelihood(), x, y, names, screenP, method, keepP, redundancy);
        } catch (IllegalArgumentException e) {
            return fit(LogisticRegression.firth(), x, y, names, screenP, method, keepP, redundancy);
        }
    }

    private static ClinicalSelection fit(LogisticRegression ml, double[][] x, double[] y, List<String> names,
                                         double screenP, StudyConfig.ClinicalMethod method, double keepP,
                                         double redundancy) {
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
        Map<String, Redundancy> redundant = new LinkedHashMap<>();
        boolean[] eligible = new boolean[cand.size()];
        for (int j = 0; j < cand.size(); j++) {
            eligible[j] = true;
            for (int k = 0; k < j && eligible[j]; k++) {
                double r = pearson(xc, j, k);
                if (eligible[k] && Math.abs(r) > redundancy) {
                    eligible[j] = false;
                    redundant.put(cand.get(j), new Redundancy(cand.get(k), r));
                }
            }
        }
        List<Integer> pass = new ArrayList<>();
        for (int j = 0; j < screen.size(); j++) {
            if (eligible[j] && screen.get(j).coefficient().p() < screenP) {
                pass.add(j);
            }
        }
        if (pass.isEmpty()) {
            int best = -1;
            for (int j = 0; j < screen.size(); j++) {
                if (eligible[j] && (best < 0 || screen.get(j).coefficient().p() < screen.get(best).coefficient().p())) {
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
        return new ClinicalSelection(List.copyOf(cand), List.copyOf(screen), List.copyOf(screened), full, sel,
                java.util.Collections.unmodifiableMap(redundant));
    }

    /** Pearson correlation of columns {@code a} and {@code b}. */
    static double pearson(double[][] x, int a, int b) {
        int n = x.length;
        double ma = 0;
        double mb = 0;
        for (double[] row : x) {
            ma += row[a];
            mb += row[b];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] row : x) {
            double da = row[a] - ma;
            double db = row[b] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
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
