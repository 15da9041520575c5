package se.stegvis.stats;

/**
 * Fisher's test on an r x c table: the exact p-value, or, for a table beyond the exact walk's work
 * bound, a Monte Carlo estimate as R's {@code fisher.test(x, simulate.p.value = TRUE, B = replicates)}.
 *
 * @param pValue two-sided p-value
 * @param replicates simulated tables, 0 when the p-value is exact
 * @param monteCarloStdErr standard error of the Monte Carlo estimate, sqrt(p (1 - p) / B); 0 when exact
 */
public record FisherRxcResult(double pValue, int replicates, double monteCarloStdErr) {
    /** True when the p-value is exact rather than simulated. */
    public boolean exact() {
        return replicates == 0;
    }
}
