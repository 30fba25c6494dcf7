package org.nacrad.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nacrad.stats.glm.LogisticFit;
import org.nacrad.stats.glm.LogisticRegression;
import org.nacrad.stats.validation.ModellingProcedure;

/**
 * The study's three logistic models, fitted on the training set:
 * <ul>
 *   <li><b>clinical</b>: the independent clinical and diffusion predictors ({@link ClinicalSelection});</li>
 *   <li><b>radiomics</b>: the Rad-score alone ({@link RadiomicsSelection});</li>
 *   <li><b>combined</b>: the Rad-score and the independent clinical and diffusion predictors.</li>
 * </ul>
 */
public record StudyModels(ClinicalSelection clinicalSelection, RadiomicsSelection.Fitted radiomicsSelection,
                          LogisticFit clinical, LogisticFit radiomics, LogisticFit combined) {

    /** The fit of a model. */
    public LogisticFit model(Model m) {
        return switch (m) {
            case CLINICAL -> clinical;
            case RADIOMICS -> radiomics;
            case COMBINED -> combined;
        };
    }

    /** Fits the selections and models on the training rows of the data. */
    static StudyModels fit(StudyData d, StudyConfig c) {
        return fit(d, c, null);
    }

    /**
     * Fits the selections and models on the training rows of the data; {@code refit} (null for none) is the
     * radiomics preprocessing refitted in each LASSO CV fold (ComBat, {@link StudyHarmonisation#foldRefit}).
     */
    static StudyModels fit(StudyData d, StudyConfig c, java.util.function.Function<boolean[], double[][]> refit) {
        int[] tr = d.rows(true);
        double[] y = StudyData.select(d.y(), tr);
        ClinicalSelection cs = ClinicalSelection.fit(d.clinicalColumns(d.clinicalNames(), tr), y, d.clinicalNames(),
                c.clinical().univariateP(), c.clinical().method(), c.clinical().pThreshold(), c.clinical().redundancy());
        RadiomicsSelection rsel = radiomicsSelection(c);
        RadiomicsSelection.Fitted rs = rsel.fit(StudyData.select(d.radiomics(), tr), y, d.radiomicsNames(), false,
                refit);
        LogisticRegression ml = LogisticRegression.maximumLikelihood();
        List<String> clin = cs.predictors();
        LogisticFit clinical = ml.fit(d.clinicalColumns(clin, tr), y, clin);
        double[] score = radScores(d, rs, tr);
        LogisticFit radiomics = ml.fit(column(score), y, List.of("rad_score"));
        LogisticFit combined = ml.fit(combinedDesign(score, d.clinicalColumns(clin, tr)), y, combinedNames(clin));
        return new StudyModels(cs, rs, clinical, radiomics, combined);
    }

    static RadiomicsSelection radiomicsSelection(StudyConfig c) {
        StudyConfig.Selection s = c.selection();
        return new RadiomicsSelection(s.correlation(), s.univariateP() == null ? 0 : s.univariateP(), s.folds(),
                s.lambda() == StudyConfig.Lambda.ONE_SE, s.seed());
    }

    /** Predicted probabilities of a model for the given rows. */
    double[] predict(Model model, StudyData d, int[] rows) {
        List<String> clin = clinicalSelection.predictors();
        return switch (model) {
            case CLINICAL -> clinical.predict(d.clinicalColumns(clin, rows));
            case RADIOMICS -> radiomics.predict(column(radScores(d, radiomicsSelection, rows)));
            case COMBINED -> combined.predict(combinedDesign(radScores(d, radiomicsSelection, rows),
                    d.clinicalColumns(clin, rows)));
        };
    }

    static double[] radScores(StudyData d, RadiomicsSelection.Fitted rs, int[] rows) {
        double[] s = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            s[k] = rs.radScore(d.radiomicsOf(rows[k]));
        }
        return s;
    }

    static List<String> combinedNames(List<String> clin) {
        List<String> n = new ArrayList<>();
        n.add("rad_score");
        n.addAll(clin);
        return n;
    }

    static double[][] combinedDesign(double[] score, double[][] clin) {
        double[][] x = new double[score.length][];
        for (int i = 0; i < score.length; i++) {
            x[i] = new double[clin[i].length + 1];
            x[i][0] = score[i];
            System.arraycopy(clin[i], 0, x[i], 1, clin[i].length);
        }
        return x;
    }

    static double[][] column(double[] v) {
        double[][] x = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            x[i][0] = v[i];
        }
        return x;
    }

    /**
     * The whole combined-model procedure for bootstrap validation: on rows {@code [clinical candidates…, radiomics
     * features…]} it repeats the clinical selection, the radiomics selection (filters, LASSO with CV) and the
     * combined fit, and scores new rows with the result. Resamples are never dropped for separation (Firth instead)
     * or for an empty LASSO selection (the model is then the clinical one).
     */
    static ModellingProcedure combinedProcedure(StudyData d, StudyConfig c) {
        return combinedProcedure(d, c, null);
    }

    /**
     * As {@link #combinedProcedure(StudyData, StudyConfig)}; with harmonisation (non-null and on) each row ends with
     * its analysis row index, and ComBat is refitted on each resample (and in each of its LASSO CV folds) before the
     * radiomics selection, the rows scored being harmonised with the resample's ComBat.
     */
    static ModellingProcedure combinedProcedure(StudyData d, StudyConfig c, StudyHarmonisation h) {
        int pc = d.clinicalNames().size();
        List<String> clinNames = d.clinicalNames();
        List<String> radNames = d.radiomicsNames();
        boolean harmonise = h != null && h.on();
        int end = pc + radNames.size();
        return (x, y, seed) -> {
            double[][] xc = new double[x.length][];
            double[][] xr0 = new double[x.length][];
            int[] rowIds = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                xc[i] = java.util.Arrays.copyOfRange(x[i], 0, pc);
                xr0[i] = java.util.Arrays.copyOfRange(x[i], pc, end);
                rowIds[i] = harmonise ? (int) x[i][end] : -1;
            }
            org.nacrad.stats.harmonisation.ComBatModel cm = harmonise ? h.fit(xr0, rowIds, y) : null;
            double[][] xr = harmonise ? h.apply(cm, xr0, rowIds, null) : xr0;
            java.util.function.Function<double[][], double[][]> radOf = rows -> {
                double[][] rr = new double[rows.length][];
                int[] ri = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    rr[i] = java.util.Arrays.copyOfRange(rows[i], pc, end);
                    ri[i] = harmonise ? (int) rows[i][end] : -1;
                }
                return harmonise ? h.apply(cm, rr, ri, null) : rr;
            };
            ClinicalSelection cs = ClinicalSelection.fitOrFirth(xc, y, clinNames, c.clinical().univariateP(),
                    c.clinical().method(), c.clinical().pThreshold(), c.clinical().redundancy());
            StudyConfig.Selection s = c.selection();
            RadiomicsSelection.Fitted rs = new RadiomicsSelection(s.correlation(),
                    s.univariateP() == null ? 0 : s.univariateP(), s.folds(), s.lambda() == StudyConfig.Lambda.ONE_SE, seed)
                    .fit(xr, y, radNames, true, harmonise ? h.foldRefit(xr0, rowIds, y) : null);
            List<String> clin = cs.predictors();
            List<Integer> idx = new ArrayList<>();
            for (String n : clin) {
                idx.add(clinNames.indexOf(n));
            }
            if (rs.selected().isEmpty()) {
                // no radiomics feature in this resample: the procedure's model is the clinical one
                LogisticFit f = fitOrFirth(ClinicalSelection.columns(xc, idx), y, clin);
                return rows -> {
                    double[][] rc = new double[rows.length][];
                    for (int i = 0; i < rows.length; i++) {
                        rc[i] = java.util.Arrays.copyOfRange(rows[i], 0, pc);
                    }
                    return f.linearPredictor(ClinicalSelection.columns(rc, idx));
                };
            }
            double[] score = scoreRows(rs, xr, radNames);
            LogisticFit f = fitOrFirth(combinedDesign(score, ClinicalSelection.columns(xc, idx)), y, combinedNames(clin));
            return rows -> {
                double[][] rc = new double[rows.length][];
                double[][] rr = radOf.apply(rows);
                for (int i = 0; i < rows.length; i++) {
                    rc[i] = java.util.Arrays.copyOfRange(rows[i], 0, pc);
                }
                return f.linearPredictor(combinedDesign(scoreRows(rs, rr, radNames), ClinicalSelection.columns(rc, idx)));
            };
        };
    }

    /**
     * Maximum likelihood, or Firth's penalised likelihood where ML estimates do not exist (separation: in bootstrap
     * resamples, duplicated patients often let an overfitted Rad-score separate the outcome). Dropping such
     * resamples instead would bias the optimism estimate downwards.
     */
    static LogisticFit fitOrFirth(double[][] x, double[] y, List<String> names) {
        try {
            return LogisticRegression.maximumLikelihood().fit(x, y, names);
        } catch (IllegalArgumentException e) {
            return LogisticRegression.firth().fit(x, y, names);
        }
    }

    private static double[] scoreRows(RadiomicsSelection.Fitted rs, double[][] xr, List<String> names) {
        double[] s = new double[xr.length];
        for (int i = 0; i < xr.length; i++) {
            Map<String, Double> m = new java.util.HashMap<>();
            for (String f : rs.selected().keySet()) {
                m.put(f, xr[i][names.indexOf(f)]);
            }
            s[i] = rs.radScore(m);
        }
        return s;
    }
}
