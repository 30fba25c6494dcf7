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
 * @param robustness   the ICC filter of radiomics features (null when off)
 */
public record StudyResult(StudyConfig config, Cohort cohort, StudyData data, StudyModels models,
                          Evaluations evaluations, BootstrapValidation.Result bootstrap, SavedModel savedModel,
                          List<String> log, RobustnessStep.Result robustness) {

    /** The evaluation of a model on a set. */
    public Evaluation evaluation(Model m, Subset s) {
        return evaluations.get(m, s);
    }

    /** Radiomics features left after each selection step, all extracted to LASSO (with the ICC filter when on). */
    public java.util.Map<String, Integer> funnel() {
        return RobustnessStep.funnel(robustness, models.radiomicsSelection());
    }
}
