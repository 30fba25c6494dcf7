package org.nacrad.stats.validation;

/**
 * A whole modelling procedure, selection included, to be repeated on every bootstrap resample: given a training
 * sample it returns a fitted model that scores new rows. {@code seed} feeds any randomness inside the procedure
 * (e.g. cross-validation folds), so a resample's result depends only on its index and the validation seed.
 */
@FunctionalInterface
public interface ModellingProcedure {

    /** Fits on {@code x[i][j]}, {@code y} (0/1); throws {@link IllegalArgumentException} when it cannot. */
    Scorer fit(double[][] x, double[] y, long seed);

    /** A fitted model: the linear predictor (log odds) for new rows. */
    @FunctionalInterface
    interface Scorer {
        double[] linearPredictor(double[][] x);
    }
}
