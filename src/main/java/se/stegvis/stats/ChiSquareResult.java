package se.stegvis.stats;

import java.util.Optional;

/**
 * Pearson's chi-square test of independence, as R's {@code chisq.test}.
 *
 * @param statistic X-squared
 * @param df degrees of freedom (r-1)(c-1)
 * @param pValue upper-tail chi-square p-value
 * @param expected expected counts under independence
 * @param yates whether Yates' continuity correction was applied
 * @param warning R's "Chi-squared approximation may be incorrect" when an expected count is below 5
 */
public record ChiSquareResult(double statistic, int df, double pValue, double[][] expected, boolean yates,
                              Optional<String> warning) {}
