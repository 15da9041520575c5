/**
 * The statistics engine, each estimator checked against R on the same data (golden files made by
 * {@code r/golden.R}, compared to 1e-9 for closed forms).
 *
 * <p>Conventions, stated once for all estimators:
 * <ul>
 *   <li>At tied times events come before censorings: those censored at t are at risk at t.</li>
 *   <li>Median = first time S(t) <= 0.5; where S is exactly 0.5 over an interval, the interval's
 *       midpoint (R, SAS). Quantile intervals are Brookmeyer-Crowley as R's survfit reports them:
 *       read off where the pointwise band crosses. A bound never reached is null (R's NA), never a
 *       number.</li>
 *   <li>Cumulative incidence with competing exits is Aalen-Johansen, never 1 - Kaplan-Meier.</li>
 *   <li>Transition-matrix cells get Wilson intervals, never Wald; with exactly dated state changes the
 *       continuous-time rate is n_rs / T_r with exact Poisson intervals and P(t) = exp(Qt).</li>
 *   <li>Regression models ({@link se.stegvis.stats.CoxRegression}, {@link se.stegvis.stats.LogisticRegression})
 *       iterate exactly as R's {@code coxph} and {@code glm.fit} (same start, step rule and stopping
 *       rule), so their estimates equal R's to far below the 1e-6 (relative) the goldens require;
 *       categorical covariates are treatment contrasts against the first level ({@link se.stegvis.stats.Design}).
 *       An estimate that does not exist (a coefficient going to infinity, separation) is refused,
 *       where R prints a number with or without a warning.</li>
 *   <li>What an estimator cannot do (no observations, no events, lengths differ, a stratum without
 *       study population) is refused with an IllegalArgumentException saying so, never a silent NaN.
 *       Where R itself gives NA (a log-scale bound at S = 0) the value is NaN and documented.</li>
 * </ul>
 */
package se.stegvis.stats;
