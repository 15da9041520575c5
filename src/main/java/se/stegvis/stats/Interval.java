package se.stegvis.stats;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param estimate the point estimate
 * @param lower lower bound
 * @param upper upper bound
 * @param level confidence level, e.g. 0.95
 */
public record Interval(double estimate, double lower, double upper, double level) {}
