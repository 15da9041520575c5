package se.stegvis.stats;

/**
 * The cumulative incidence of one cause at one distinct time, as a row of R's
 * {@code survfit(Surv(time, factor(status)) ~ 1)} (multi-state) for that state.
 *
 * @param time the time
 * @param nRisk number still event-free and under observation just before {@code time}
 * @param nEvent events of this cause at {@code time}
 * @param estimate Aalen-Johansen cumulative incidence F_k(time)
 * @param stdErr infinitesimal-jackknife standard error (survfit's default for multi-state curves)
 * @param lower lower pointwise bound ({@code NaN} where R gives NA: estimate 0 on the log scales)
 * @param upper upper pointwise bound
 */
public record CumulativeIncidenceRow(double time, int nRisk, int nEvent, double estimate, double stdErr,
                                     double lower, double upper) {}
