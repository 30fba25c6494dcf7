package org.nacrad.stats.tests;

/**
 * A test statistic with its degrees of freedom and two-sided P value.
 *
 * @param statistic the statistic (t, χ², …)
 * @param df        degrees of freedom (∞ for a normal statistic)
 * @param p         two-sided P value
 */
public record TestResult(double statistic, double df, double p) {
}
