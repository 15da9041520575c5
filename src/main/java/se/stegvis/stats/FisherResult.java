package se.stegvis.stats;

/**
 * Fisher's exact test on a 2x2 table, as R's {@code fisher.test}.
 *
 * @param pValue two-sided p-value
 * @param oddsRatio conditional maximum-likelihood odds ratio (0 or +Infinity at the edge of the
 *     support, as R)
 * @param lower lower bound of the exact conditional interval (0 at the lower edge)
 * @param upper upper bound (+Infinity at the upper edge)
 * @param level confidence level
 */
public record FisherResult(double pValue, double oddsRatio, double lower, double upper, double level) {}
