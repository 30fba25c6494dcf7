package org.nacrad.stats.harmonisation;

import java.util.List;

/**
 * Covariates whose effect on the features ComBat keeps (its {@code mod} design matrix, without the intercept):
 * numeric columns, one row per patient, categorical variables coded by the caller as 0/1 indicator columns.
 *
 * <p>The outcome of a prediction study must never be a covariate: ComBat would then keep the outcome's effect in the
 * harmonised training features (information the model could never have for a new patient, whose outcome is
 * unknown), inflating the apparent performance. So covariates for {@link ComBat#fit} can only be built with
 * {@link #forTraining}, which takes the outcome and refuses any column that reproduces it (equal to it, or any
 * linear recoding of it such as {@code 1 - y}: |Pearson r| ≥ 1 − 1e-9); {@link ComBat#fit} refuses covariates built
 * otherwise. Covariates of new patients ({@link #of}) need no outcome.
 *
 * <p>Immutable.
 */
public final class Covariates {

    private static final Covariates NONE = new Covariates(List.of(), new double[0][], true);

    private final List<String> names;
    private final double[][] values;
    private final boolean checkedAgainstOutcome;

    private Covariates(List<String> names, double[][] values, boolean checked) {
        this.names = List.copyOf(names);
        this.values = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != names.size()) {
                throw new IllegalArgumentException("covariates: row " + (i + 1) + " has " + values[i].length
                        + " values, not " + names.size() + " (one per covariate " + names + ")");
            }
            this.values[i] = values[i].clone();
        }
        this.checkedAgainstOutcome = checked;
    }

    /** No covariates. */
    public static Covariates none() {
        return NONE;
    }

    /**
     * Covariates of the training patients, checked against their outcome.
     *
     * @param names   covariate names (e.g. "age", "er_positive")
     * @param values  {@code values[patient][covariate]}
     * @param outcome the training patients' outcome (e.g. 0/1), used only to refuse a covariate that reproduces it
     */
    public static Covariates forTraining(List<String> names, double[][] values, double[] outcome) {
        if (outcome == null) {
            throw new IllegalArgumentException("covariates: the outcome is needed to check that no covariate is the outcome");
        }
        if (outcome.length != values.length) {
            throw new IllegalArgumentException("covariates: " + values.length + " rows but " + outcome.length
                    + " outcome values");
        }
        Covariates c = new Covariates(names, values, true);
        for (int j = 0; j < names.size(); j++) {
            double[] col = new double[values.length];
            for (int i = 0; i < col.length; i++) {
                col[i] = values[i][j];
            }
            if (Math.abs(correlation(col, outcome)) >= 1 - 1e-9) {
                throw new IllegalArgumentException("covariate '" + names.get(j) + "' is the outcome (or a recoding of "
                        + "it): ComBat must not keep the outcome's effect, it would leak the outcome into the features");
            }
        }
        return c;
    }

    /** Covariates of new patients, to apply a fitted model (no outcome involved). */
    public static Covariates of(List<String> names, double[][] values) {
        return new Covariates(names, values, false);
    }

    /** Covariate names, in column order. */
    public List<String> names() {
        return names;
    }

    /** Number of covariates. */
    public int count() {
        return names.size();
    }

    /** Number of rows (0 for {@link #none()}). */
    public int rowCount() {
        return values.length;
    }

    /** One value. */
    public double get(int row, int covariate) {
        return values[row][covariate];
    }

    boolean checkedAgainstOutcome() {
        return checkedAgainstOutcome;
    }

    /** Pearson correlation; 0 when either is constant (a constant column cannot reproduce a varying outcome). */
    static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
