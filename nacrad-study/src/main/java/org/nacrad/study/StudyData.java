package org.nacrad.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nacrad.extraction.DiffusionQuantities;

/**
 * The analysis table of the study: one row per usable patient with its label, set, clinical and diffusion
 * candidate predictors and radiomics features.
 *
 * @param ids          patient ids
 * @param y            0/1 chemoresistance
 * @param train        true for the training set
 * @param clinicalNames clinical and diffusion candidate names
 * @param clinical     clinical[i][j]
 * @param radiomicsNames radiomics feature names
 * @param radiomics    radiomics[i][j]
 * @param excluded     patients left out with the reason (id → message)
 */
public record StudyData(List<String> ids, double[] y, boolean[] train, List<String> clinicalNames, double[][] clinical,
                        List<String> radiomicsNames, double[][] radiomics, Map<String, String> excluded) {

    /** Rows of one set. */
    public int[] rows(boolean trainingSet) {
        int c = 0;
        for (boolean t : train) {
            if (t == trainingSet) {
                c++;
            }
        }
        int[] r = new int[c];
        for (int i = 0, k = 0; i < train.length; i++) {
            if (train[i] == trainingSet) {
                r[k++] = i;
            }
        }
        return r;
    }

    static double[][] select(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = x[rows[k]];
        }
        return out;
    }

    static double[] select(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = v[rows[k]];
        }
        return out;
    }

    /** The named columns of the clinical matrix. */
    double[][] clinicalColumns(List<String> names, int[] rows) {
        double[][] out = new double[rows.length][names.size()];
        for (int t = 0; t < names.size(); t++) {
            int j = clinicalNames.indexOf(names.get(t));
            for (int k = 0; k < rows.length; k++) {
                out[k][t] = clinical[rows[k]][j];
            }
        }
        return out;
    }

    /** A patient's radiomics features as a map. */
    Map<String, Double> radiomicsOf(int i) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < radiomicsNames.size(); j++) {
            m.put(radiomicsNames.get(j), radiomics[i][j]);
        }
        return m;
    }

    /**
     * Assembles the table from the cohort and the feature steps. Patients with a failed step or a missing candidate
     * value are excluded when allowed; otherwise the caller reports them.
     */
    static StudyData assemble(Cohort cohort, boolean[] trainAll, List<String> clinicalNames,
                              FeatureSteps.Output diffusion, FeatureSteps.Output radiomics) {
        List<String> ids = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Boolean> tr = new ArrayList<>();
        List<double[]> cl = new ArrayList<>();
        List<double[]> rad = new ArrayList<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        List<String> radNames = radiomics.names();
        for (int i = 0; i < cohort.patients().size(); i++) {
            Cohort.Patient p = cohort.patients().get(i);
            if (diffusion.failures().containsKey(p.id())) {
                excluded.put(p.id(), "diffusion: " + diffusion.failures().get(p.id()));
                continue;
            }
            if (radiomics.failures().containsKey(p.id())) {
                excluded.put(p.id(), "radiomics: " + radiomics.failures().get(p.id()));
                continue;
            }
            Map<String, Double> dq = diffusion.features().get(p.id());
            double[] c = new double[clinicalNames.size()];
            String missing = null;
            for (int j = 0; j < c.length; j++) {
                String n = clinicalNames.get(j);
                Double v = dq.containsKey(n) ? dq.get(n) : (p.values().containsKey(n) ? p.number(n) : null);
                if (v == null) {
                    throw new IllegalArgumentException("clinical candidate '" + n + "' is neither a manifest or derived "
                            + "column nor a diffusion quantity (" + String.join(", ", DiffusionQuantities.PREDICTORS) + ")");
                }
                if (!Double.isFinite(v)) {
                    missing = n;
                }
                c[j] = v;
            }
            if (missing != null) {
                excluded.put(p.id(), "candidate " + missing + " is missing or not finite");
                continue;
            }
            Map<String, Double> rf = radiomics.features().get(p.id());
            double[] r = new double[radNames.size()];
            for (int j = 0; j < r.length; j++) {
                Double v = rf.get(radNames.get(j));
                r[j] = v == null ? Double.NaN : v;
            }
            ids.add(p.id());
            ys.add(p.resistant() ? 1.0 : 0.0);
            tr.add(trainAll[i]);
            cl.add(c);
            rad.add(r);
        }
        double[] y = new double[ids.size()];
        boolean[] train = new boolean[ids.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
            train[i] = tr.get(i);
        }
        return new StudyData(ids, y, train, List.copyOf(clinicalNames), cl.toArray(new double[0][]), radNames,
                rad.toArray(new double[0][]), excluded);
    }
}
