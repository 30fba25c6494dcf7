package org.nacrad.study;

import java.util.List;

import org.nacrad.stats.validation.BootstrapValidation;

/**
 * Everything the study computed, for the report, the tables and {@code summary.json}.
 *
 * @param config       the configuration
 * @param cohort       the checked cohort
 * @param data         the analysis table
 * @param models       the fitted selections and models
 * @param evaluations  thresholds, each model on each set, DeLong tests
 * @param bootstrap    optimism bootstrap of the combined procedure (null when 0 resamples)
 * @param savedModel   the combined model as saved
 * @param log          what was done, step by step
 */
public record StudyResult(StudyConfig config, Cohort cohort, StudyData data, StudyModels models,
                          Evaluations evaluations, BootstrapValidation.Result bootstrap, SavedModel savedModel,
                          List<String> log) {

    /** The evaluation of a model on a set. */
    public Evaluation evaluation(Model m, Subset s) {
        return evaluations.get(m, s);
    }
}
