package se.stegvis.stats;

/**
 * A time-to-event quantile with its confidence bounds; {@code null} means "not reached" (R's NA):
 * the curve or band never gets there within follow-up. Never a made-up number.
 *
 * @param p the quantile's probability of the event by then (0.5 = median: S(t) = 0.5)
 * @param estimate the time, or null if not reached
 * @param lower lower confidence bound, or null if not reached
 * @param upper upper confidence bound, or null if not reached
 */
public record Quantile(double p, Double estimate, Double lower, Double upper) {}
