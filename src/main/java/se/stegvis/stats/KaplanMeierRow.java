package se.stegvis.stats;

/**
 * One distinct time of a Kaplan-Meier fit, as a row of R's {@code summary(survfit(...), censored = TRUE)}.
 * Once S has dropped to 0 R's std.err is NaN and its bounds NA; here both are {@code NaN}.
 *
 * @param time the time
 * @param nRisk number at risk just before {@code time}
 * @param nEvent events at {@code time}
 * @param nCensor censorings at {@code time} (counted as still at risk for the events at that time)
 * @param surv Kaplan-Meier estimate S(time)
 * @param stdErr Greenwood standard error of S(time) (R's summary std.err: S times the SE of the cumulative hazard)
 * @param lower lower pointwise confidence bound
 * @param upper upper pointwise confidence bound
 */
public record KaplanMeierRow(double time, int nRisk, int nEvent, int nCensor,
                             double surv, double stdErr, double lower, double upper) {}
