package se.stegvis.stats;

import java.util.List;

/**
 * Result of a (stratified) log-rank test.
 *
 * @param chiSquare the log-rank chi-square statistic
 * @param df degrees of freedom (groups with expected events > 0, minus one)
 * @param pValue upper-tail chi-square p-value
 * @param groups observed and expected events per group, groups in sorted label order
 */
public record LogRankResult(double chiSquare, int df, double pValue, List<LogRankGroup> groups) {
    public LogRankResult {
        groups = List.copyOf(groups);
    }
}
