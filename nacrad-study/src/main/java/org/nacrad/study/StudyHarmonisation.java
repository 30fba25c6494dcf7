package org.nacrad.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.nacrad.stats.harmonisation.ComBat;
import org.nacrad.stats.harmonisation.ComBatModel;
import org.nacrad.stats.harmonisation.Covariates;
import org.nacrad.stats.harmonisation.FeatureTable;

/**
 * ComBat harmonisation of the radiomics features in the study ({@code harmonisation:} in the config): each analysis
 * row's centre and covariates, and fitting and applying {@link ComBat} on chosen rows only, so that the study fits it
 * on its training set, each bootstrap resample on the resample and each LASSO cross-validation fold on the fold's
 * training rows (no patient ever informs the harmonisation it is evaluated with).
 *
 * <p>Which features: every radiomics feature that is finite for all the rows ComBat is fitted on (a feature missing
 * for some patient is not harmonised; the selection drops it anyway). The clinical and diffusion predictors are not
 * harmonised. A feature's non-finite value in a row being harmonised stays as it is (each feature is adjusted on its
 * own once ComBat is fitted).
 *
 * <p>Immutable once built.
 */
final class StudyHarmonisation {

    private final StudyConfig.Harmonisation config;
    private final ComBat method;
    private final List<String> ids;
    private final List<String> centres;
    private final double[][] covariates;
    private final List<String> features;

    private StudyHarmonisation(StudyConfig.Harmonisation config, List<String> ids, List<String> centres,
                               double[][] covariates, List<String> features) {
        this.config = config;
        ComBat m = config.prior() == StudyConfig.ComBatPrior.PARAMETRIC ? ComBat.parametric() : ComBat.nonParametric();
        this.method = m.withMeanOnly(config.meanOnly()).withReferenceBatch(config.referenceBatch());
        this.ids = ids;
        this.centres = centres;
        this.covariates = covariates;
        this.features = features;
    }

    /**
     * The checks of {@link #of} that need only the cohort (no centre column, no centre, a centre with a single patient,
     * a covariate missing, not a number or not a column, the reference centre absent), run before any feature is
     * extracted so that such a cohort is refused at once, by row and column, and nothing is written.
     */
    static void check(StudyConfig.Harmonisation h, Cohort cohort) throws CohortException {
        if (!h.combat()) {
            return;
        }
        int n = cohort.patients().size();
        List<String> ids = new ArrayList<>();
        double[] y = new double[n];
        boolean[] all = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids.add(cohort.patients().get(i).id());
            y[i] = cohort.patients().get(i).resistant() ? 1 : 0;
            all[i] = true;
        }
        of(h, cohort, new StudyData(ids, y, all, List.of(), new double[n][0], List.of(), new double[n][0], Map.of()));
    }

    /**
     * The centre of every analysis row, or null when the manifest has no such column and harmonisation is off.
     * With harmonisation on, every problem is reported by manifest row and column: the centre column or a covariate
     * column absent, a centre or covariate value missing or not a number, a centre with a single patient in the
     * cohort or in the training set, the reference batch absent from the training set.
     */
    static StudyHarmonisation of(StudyConfig.Harmonisation h, Cohort cohort, StudyData data) throws CohortException {
        String col = h.column();
        boolean present = cohort.table().columns().contains(col);
        String source = cohort.manifest().toString();
        if (!present) {
            if (!h.combat()) {
                return null;
            }
            throw new CohortException(source, List.of(new Problem(0, null, col, "no centre column '" + col
                    + "' in the manifest, which harmonisation (combat: true) needs; name it with harmonisation.column")));
        }
        Map<String, Cohort.Patient> byId = new LinkedHashMap<>();
        for (Cohort.Patient p : cohort.patients()) {
            byId.put(p.id(), p);
        }
        List<Problem> problems = new ArrayList<>();
        for (String c : h.covariates()) {
            if (!cohort.table().columns().contains(c)) {
                problems.add(new Problem(0, null, c, "covariate '" + c + "' of harmonisation.covariates is not a "
                        + "manifest column (covariates are numeric manifest columns, such as age)"));
            }
        }
        if (!problems.isEmpty() && h.combat()) {
            throw new CohortException(source, problems);
        }
        int n = data.ids().size();
        List<String> centres = new ArrayList<>();
        double[][] cov = new double[n][h.covariates().size()];
        Map<String, List<Cohort.Patient>> all = new TreeMap<>();
        Map<String, List<Cohort.Patient>> training = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Cohort.Patient p = byId.get(data.ids().get(i));
            String c = p.values().get(col);
            c = c == null ? "" : c.trim();
            if (c.isEmpty()) {
                problems.add(new Problem(p.row(), p.id(), col, "no centre"));
            }
            centres.add(c);
            all.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
            if (data.train()[i]) {
                training.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
            }
            for (int k = 0; k < h.covariates().size(); k++) {
                String name = h.covariates().get(k);
                String v = p.values().get(name);
                double x;
                try {
                    x = v == null || v.isBlank() ? Double.NaN : Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    x = Double.NaN;
                }
                if (!Double.isFinite(x)) {
                    problems.add(new Problem(p.row(), p.id(), name, "covariate of the harmonisation is "
                            + (v == null || v.isBlank() ? "missing" : "not a number ('" + v + "')")));
                }
                cov[i][k] = x;
            }
        }
        if (!h.combat()) {
            return new StudyHarmonisation(h, data.ids(), centres, cov, data.radiomicsNames());
        }
        for (Map.Entry<String, List<Cohort.Patient>> e : all.entrySet()) {
            if (e.getValue().size() < 2 && !e.getKey().isEmpty()) {
                Cohort.Patient p = e.getValue().get(0);
                problems.add(new Problem(p.row(), p.id(), col, "centre '" + e.getKey() + "' has a single patient; "
                        + "ComBat needs at least two patients per centre to estimate its effect"));
            }
        }
        for (Map.Entry<String, List<Cohort.Patient>> e : training.entrySet()) {
            if (e.getValue().size() < 2 && all.get(e.getKey()).size() >= 2 && !e.getKey().isEmpty()) {
                Cohort.Patient p = e.getValue().get(0);
                problems.add(new Problem(p.row(), p.id(), col, "centre '" + e.getKey() + "' has a single patient in "
                        + "the training set; ComBat, fitted on the training set, needs at least two per centre"));
            }
        }
        if (problems.isEmpty() && training.size() < 2) {
            problems.add(new Problem(0, null, col, "the training set has only centre " + training.keySet()
                    + "; ComBat needs at least two centres (set harmonisation.combat to false)"));
        }
        if (problems.isEmpty() && h.referenceBatch() != null && !training.containsKey(h.referenceBatch())) {
            problems.add(new Problem(0, null, col, "harmonisation.reference_batch '" + h.referenceBatch()
                    + "' is not a centre of the training set " + training.keySet()));
        }
        if (!problems.isEmpty()) {
            throw new CohortException(source, problems);
        }
        return new StudyHarmonisation(h, data.ids(), centres, cov, data.radiomicsNames());
    }

    /** The harmonisation as configured, in words, for the report's methods. */
    static String describe(StudyConfig.Harmonisation h) {
        return "radiomics features harmonised across centres (column " + h.column() + ") with ComBat (Johnson et al. "
                + "2007; as R sva::ComBat), " + h.prior() + " empirical Bayes" + (h.meanOnly() ? ", location only" : "")
                + (h.referenceBatch() == null ? "" : ", to the reference centre " + h.referenceBatch())
                + (h.covariates().isEmpty() ? "" : ", keeping the effect of " + String.join(", ", h.covariates()))
                + "; fitted on the training set only and refitted in every bootstrap resample and LASSO "
                + "cross-validation fold; a patient of a centre not in the training set is "
                + (h.unseenCentre() == StudyConfig.UnseenCentre.REFUSE ? "refused"
                : "left unharmonised (as the reference centre) with a warning") + ".";
    }

    /** Whether ComBat is on (otherwise this only carries the centres, for the per-centre table). */
    boolean on() {
        return config.combat();
    }

    StudyConfig.Harmonisation config() {
        return config;
    }

    /** The centre of each analysis row. */
    List<String> centres() {
        return centres;
    }

    /**
     * Fits ComBat on some analysis rows.
     *
     * @param x    their raw radiomics features, {@code x[k]} of row {@code rows[k]}
     * @param rows their analysis rows (repeats allowed: a bootstrap resample)
     * @param y    their outcomes, used only to refuse a covariate that reproduces the outcome
     */
    ComBatModel fit(double[][] x, int[] rows, double[] y) {
        List<String> used = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            boolean finite = true;
            for (double[] r : x) {
                finite &= Double.isFinite(r[j]);
            }
            if (finite) {
                used.add(features.get(j));
                cols.add(j);
            }
        }
        double[][] v = new double[x.length][cols.size()];
        List<String> rowNames = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        double[][] cv = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            for (int c = 0; c < cols.size(); c++) {
                v[k][c] = x[k][cols.get(c)];
            }
            rowNames.add(ids.get(rows[k]));
            batch.add(centres.get(rows[k]));
            cv[k] = covariates[rows[k]];
        }
        Covariates covs = config.covariates().isEmpty() ? Covariates.none()
                : Covariates.forTraining(config.covariates(), cv, y);
        return method.fit(new FeatureTable(rowNames, used, v), batch, covs);
    }

    /**
     * Harmonises raw radiomics rows with a fitted model: the model's features are adjusted, the others (and
     * non-finite values) left as they are. A row of a centre the model has not seen follows {@code unseen_centre}:
     * refused (an error naming the row and the column), or left as the reference batch is; {@code warnings} (may
     * be null) receives one sentence per such row.
     *
     * @param x    raw features, {@code x[k]} of analysis row {@code rows[k]}
     * @param rows their analysis rows
     */
    double[][] apply(ComBatModel model, double[][] x, int[] rows, List<String> warnings) {
        List<String> used = model.features();
        int[] col = new int[used.size()];
        for (int c = 0; c < col.length; c++) {
            col[c] = features.indexOf(used.get(c));
        }
        double[][] v = new double[x.length][col.length];
        List<String> rowNames = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        double[][] cv = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            for (int c = 0; c < col.length; c++) {
                double a = x[k][col[c]];
                v[k][c] = Double.isFinite(a) ? a : 0; // placeholder: adjusted alone, then restored below
            }
            rowNames.add(ids.get(rows[k]));
            String centre = centres.get(rows[k]);
            String unseen = unseen(model, centre, ids.get(rows[k]), config);
            if (unseen != null && warnings != null) {
                warnings.add(unseen);
            }
            batch.add(centre);
            cv[k] = covariates[rows[k]];
        }
        double[][] h = model.apply(new FeatureTable(rowNames, used, v), batch,
                config.covariates().isEmpty() ? Covariates.none() : Covariates.of(config.covariates(), cv),
                policy(config));
        double[][] out = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k].clone();
            for (int c = 0; c < col.length; c++) {
                if (Double.isFinite(x[k][col[c]])) {
                    out[k][col[c]] = h[k][c];
                }
            }
        }
        return out;
    }

    /**
     * The preprocessing refitted in each LASSO cross-validation fold ({@link RadiomicsSelection#fit(double[][],
     * double[], List, boolean, Function)}): ComBat fitted on the fold's training rows, applied to all the rows.
     *
     * @param x    raw features of the rows the selection is fitted on
     * @param rows their analysis rows
     * @param y    their outcomes
     */
    Function<boolean[], double[][]> foldRefit(double[][] x, int[] rows, double[] y) {
        return fitRows -> {
            int m = 0;
            for (boolean b : fitRows) {
                m += b ? 1 : 0;
            }
            double[][] xf = new double[m][];
            int[] rf = new int[m];
            double[] yf = new double[m];
            for (int i = 0, k = 0; i < fitRows.length; i++) {
                if (fitRows[i]) {
                    xf[k] = x[i];
                    rf[k] = rows[i];
                    yf[k++] = y[i];
                }
            }
            return apply(fit(xf, rf, yf), x, rows, null);
        };
    }

    /** The warning for a patient of an unseen centre, or null when the model knows the centre; refuses per policy. */
    static String unseen(ComBatModel model, String centre, String id, StudyConfig.Harmonisation config) {
        if (model.knows(centre)) {
            return null;
        }
        if (config.unseenCentre() == StudyConfig.UnseenCentre.REFUSE) {
            throw new IllegalArgumentException("patient " + id + ", column " + config.column() + ": centre '" + centre
                    + "' was not in the training set " + model.batches() + ", so its scanner effect is unknown; "
                    + "the model refuses it (harmonisation.unseen_centre: refuse)");
        }
        return "patient " + id + ": centre '" + centre + "' was not in the training set " + model.batches()
                + "; its radiomics features were not harmonised (taken as the reference centre '"
                + model.method().referenceBatch() + "', harmonisation.unseen_centre: reference), so its Rad-score "
                + "may carry a scanner effect";
    }

    static ComBatModel.UnseenBatch policy(StudyConfig.Harmonisation config) {
        return config.unseenCentre() == StudyConfig.UnseenCentre.REFERENCE
                ? ComBatModel.UnseenBatch.treatAs(config.referenceBatch()) : ComBatModel.UnseenBatch.refuse();
    }
}
