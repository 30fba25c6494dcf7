package org.nacrad.study;

import java.util.List;
import java.util.Map;

import org.nacrad.stats.roc.DeLong;
import org.nacrad.stats.validation.BootstrapValidation;

/**
 * Everything the study computed, for the report, the tables and {@code summary.json}.
 *
 * @param config       the configuration
 * @param cohort       the checked cohort
 * @param data         the analysis table
 * @param models       the fitted selections and models
 * @param thresholds   model → Youden threshold on training
 * @param evaluations  model → set → evaluation
 * @param delong       comparison name → set → paired DeLong test
 * @param bootstrap    optimism bootstrap of the combined procedure (null when 0 resamples)
 * @param savedModel   the combined model as saved
 * @param log          what was done, step by step
 */
public record StudyResult(StudyConfig config, Cohort cohort, StudyData data, StudyModels models,
                          Map<String, Double> thresholds, Map<String, Map<String, Evaluation>> evaluations,
                          Map<String, Map<String, DeLong.Comparison>> delong, BootstrapValidation.Result bootstrap,
                          SavedModel savedModel, List<String> log) {

    /** Sets in report order. */
    public static final List<String> SETS = List.of("train", "validation");
}
