package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.disclosure.DisclosurePolicy;

/**
 * The metrics over a cohort store: the entry point for notebooks and the CLI. Every metric takes
 * a {@link Cohort} selection and an as-of date: episodes referred after it are not yet known,
 * events after it are ignored, and people still in the programme on it are censored, never
 * dropped. A selection that matches nothing is refused with a {@link SelectionException}.
 * Disclosure control ({@link DisclosurePolicy#DEFAULT}) applies to every result unless
 * {@link #unsuppressed()} is asked for, which is marked on the result.
 *
 * <pre>{@code
 * Metrics m = Metrics.on(store.connection());
 * FunnelResult f = m.funnel(Cohort.all().programme("evi").groupBy(GroupBy.MUNICIPALITY), LocalDate.of(2024, 12, 31));
 * }</pre>
 */
public final class Metrics {
    private final Connection connection;
    private final DisclosurePolicy policy;
    private final EpisodeTables tables;

    private Metrics(Connection connection, DisclosurePolicy policy, EpisodeTables tables) {
        this.connection = Objects.requireNonNull(connection);
        this.policy = Objects.requireNonNull(policy);
        this.tables = tables;
    }

    /** Metrics over a DuckDB connection to a cohort store, with default disclosure control. */
    public static Metrics on(Connection connection) {
        return new Metrics(connection, DisclosurePolicy.DEFAULT, new EpisodeTables(connection));
    }

    /** The same metrics under another policy (e.g. a project's threshold from its settings file). */
    public Metrics withPolicy(DisclosurePolicy p) {
        return new Metrics(connection, p, tables);
    }

    /** The researcher's opt-out: nothing is hidden and every result says so. */
    public Metrics unsuppressed() {
        return new Metrics(connection, policy.unsuppressed(), tables);
    }

    public DisclosurePolicy policy() {
        return policy;
    }

    /** Funnel: stage counts, share of referred and conversion (Wilson), where people are now. */
    public FunnelResult funnel(Cohort cohort, LocalDate asOf) {
        return run(() -> FunnelMetric.compute(context(cohort, asOf)));
    }

    /** Step movement: entry vs latest step, net and ever up/down (Wilson), distribution, time on step. */
    public StepResult steps(Cohort cohort, LocalDate asOf) {
        return run(() -> StepMetric.compute(context(cohort, asOf)));
    }

    /** Transition matrices (consecutive assessments, entry to exit) with Wilson intervals; Markov projection. */
    public TransitionResult transitions(Cohort cohort, LocalDate asOf) {
        return run(() -> TransitionMetric.compute(context(cohort, asOf)));
    }

    /**
     * As {@link #transitions(Cohort, LocalDate)}, with adjacent steps merged on both axes (keys such as
     * "4–7") when disclosure control would otherwise hide more than a third of the matrices' non-empty cells.
     */
    public TransitionResult transitionsCoarsened(Cohort cohort, LocalDate asOf) {
        return run(() -> TransitionMetric.coarsened(context(cohort, asOf)));
    }

    /** Lead time between two milestones: Kaplan-Meier quantiles, share within N days, arms, exit destinations. */
    public LeadTimeResult leadTime(Cohort cohort, LocalDate asOf, LeadTime spec) {
        return run(() -> LeadTimeMetric.compute(context(cohort, asOf), spec));
    }

    /**
     * The per-episode (time, status, group, arm) behind {@link #leadTime}: microdata, so only from
     * {@link #unsuppressed()} metrics (e.g. for the R {@code survfit} golden check).
     */
    public LeadTimeEpisodes leadTimeEpisodes(Cohort cohort, LocalDate asOf, LeadTime spec) {
        if (policy.applied()) {
            throw new IllegalStateException("per-episode lead times are microdata: ask for them from unsuppressed() metrics");
        }
        return run(() -> LeadTimeMetric.episodes(context(cohort, asOf), spec));
    }

    /** Flow by month: inflow, exits, work in progress, throughput per FTE, ageing of open episodes, Little's law. */
    public FlowResult flow(Cohort cohort, LocalDate asOf) {
        return flow(cohort, asOf, Period.MONTH);
    }

    /** As {@link #flow(Cohort, LocalDate)} by quarter, half-year or year. */
    public FlowResult flow(Cohort cohort, LocalDate asOf, Period period) {
        return run(() -> FlowMetric.compute(context(cohort, asOf), period));
    }

    /**
     * As {@link #flow(Cohort, LocalDate)}, by the finest period in which disclosure control hides at
     * most a third of the counts (months, else quarters, half-years, years): small numbers that still
     * say something. {@link FlowResult#period()} says which.
     */
    public FlowResult flowCoarsened(Cohort cohort, LocalDate asOf) {
        return run(() -> FlowMetric.coarsened(context(cohort, asOf)));
    }

    /** Outcomes: exits to work or studies, drop-out, step up, plan within {@code planDays}; follow-up with loss. */
    public OutcomeResult outcomes(Cohort cohort, LocalDate asOf, int planDays) {
        return run(() -> OutcomeMetric.compute(context(cohort, asOf), planDays));
    }

    /** Flow against quality per group (a unit: programme, municipality or both) and quarter of exit. */
    public FlowQualityResult flowQuality(Cohort cohort, LocalDate asOf) {
        return run(() -> FlowQualityMetric.compute(context(cohort, asOf)));
    }

    /**
     * Groups side by side on {@code rate}: Wilson intervals, funnel-plot limits, Newcombe difference
     * and Fisher's test against the other groups, direct standardisation for age band and gender.
     * {@code planDays} is the N of {@link Rate#PLAN_WITHIN}.
     */
    public CompareResult compare(Cohort cohort, LocalDate asOf, Rate rate, int planDays) {
        return run(() -> CompareMetric.compute(context(cohort, asOf), rate, planDays));
    }

    /**
     * As {@link #compare}, with the smallest groups folded into "Övriga" ({@link CompareResult#folded()})
     * while disclosure control would hide more than a third of the groups' counts.
     */
    public CompareResult compareCoarsened(Cohort cohort, LocalDate asOf, Rate rate, int planDays) {
        return run(() -> CompareMetric.coarsened(context(cohort, asOf), rate, planDays));
    }

    /** Data quality: completeness, impossible sequences, missing assessments, duplicates, late registrations. */
    public DataQualityResult dataQuality(Cohort cohort, LocalDate asOf) {
        return run(() -> DataQualityMetric.compute(context(cohort, asOf)));
    }

    /**
     * Process map: the directly-follows graph of milestones per group, with censoring-aware edge
     * times (Aalen-Johansen from each milestone) and the slowest waiting edge as the bottleneck.
     */
    public ProcessMapResult processMap(Cohort cohort, LocalDate asOf) {
        return run(() -> ProcessMapMetric.compute(context(cohort, asOf)));
    }

    /**
     * Feedback to referrers: per referral source (whatever the cohort's grouping), not relevant with
     * reasons, accepted, lead time to first meeting (Kaplan-Meier median with interval), where the
     * people are now and where those who exited went.
     */
    public ReferrersResult referrers(Cohort cohort, LocalDate asOf) {
        return referrers(cohort, asOf, false);
    }

    /**
     * As {@link #referrers(Cohort, LocalDate)}; with {@code coarsen}, a source's small reasons,
     * statuses and destinations are folded into "Övriga" (column {@code merged} lists them) where
     * suppression would otherwise hide more than a third of them, protected in the same grid as the
     * rest of the result (the seminar pack's referrer pages).
     */
    public ReferrersResult referrers(Cohort cohort, LocalDate asOf, boolean coarsen) {
        return run(() -> ReferrersMetric.compute(context(cohort.groupBy(GroupBy.REFERRAL_SOURCE), asOf), coarsen));
    }

    /**
     * The context events up to {@code asOf} that concern a programme and municipality (null: any), named
     * as in a {@link Cohort} selection; empty when the store has no {@code context_events} (an optional table).
     */
    public java.util.List<ContextEvent> contextEvents(String programme, String municipality, LocalDate asOf) {
        return run(() -> {
            java.util.List<ContextEvent> out = new java.util.ArrayList<>();
            if (!se.stegvis.store.CohortStore.hasTable(connection, "context_events")) {
                return out;
            }
            SqlQuery q = SqlQuery.load("context_events")
                    .bind("programme", StoreSelection.resolve(connection, "programme", GroupBy.PROGRAMME, programme))
                    .bind("municipality", StoreSelection.resolve(connection, "municipality", GroupBy.MUNICIPALITY, municipality))
                    .bind("as_of", asOf);
            try (var ps = q.prepare(connection); var rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date end = rs.getDate(2);
                    out.add(new ContextEvent(rs.getDate(1).toLocalDate(), end == null ? null : end.toLocalDate(),
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }

    /**
     * Right support: income source at entry against exit and each follow-up (transition matrix), share
     * with a right-support move by the dictionary's classification, applications and decisions.
     * Needs table {@code income_sources}.
     */
    public RightSupportResult rightSupport(Cohort cohort, LocalDate asOf) {
        return rightSupport(cohort, asOf, 0);
    }

    /**
     * As {@link #rightSupport(Cohort, LocalDate)}, with only the {@code keep} most common sources of the
     * selection in their own rows and columns of the matrix and the rest folded into "Övriga" (listed in
     * {@link RightSupportResult#folded()}), suppressed together with the other parts; 0 folds nothing.
     */
    public RightSupportResult rightSupport(Cohort cohort, LocalDate asOf, int keep) {
        return run(() -> RightSupportMetric.compute(context(cohort, asOf), DataDictionary.load().rightSupport(), keep));
    }

    /** Cycling: episodes per person, time from an episode's end to re-entry (Kaplan-Meier), share back within 6/12/24 months. */
    public CyclingResult cycling(Cohort cohort, LocalDate asOf) {
        return run(() -> CyclingMetric.compute(context(cohort, asOf)));
    }

    /**
     * Intensity: held contacts per person-month (Poisson), gaps, cancelled share, attendance, open
     * episodes idle for {@code idleDays} (default {@value IntensityMetric#DEFAULT_IDLE_DAYS}). Needs table {@code contacts}.
     */
    public IntensityResult intensity(Cohort cohort, LocalDate asOf, int idleDays) {
        return run(() -> IntensityMetric.compute(context(cohort, asOf), idleDays));
    }

    /**
     * Partner input: hours agreed vs given per partner and month, partners present at meetings, beside
     * the same unit's and year's step-up share and median lead time to the first meeting. Needs table
     * {@code partner_hours} or {@code contacts}.
     */
    public PartnerInputResult partnerInput(Cohort cohort, LocalDate asOf) {
        return run(() -> PartnerInputMetric.compute(context(cohort, asOf)));
    }

    /** The project's goals (see {@link Goal#fromSettings}), each met, not met, cannot tell or not measurable. */
    public GoalsResult goals(List<Goal> goals, LocalDate asOf) {
        return run(() -> GoalsMetric.compute(context(Cohort.all(), asOf), goals, DataDictionary.load().rightSupport()));
    }

    /** Self-ratings before and after: paired Wilcoxon signed-rank test, share improved, loss. Needs table {@code ratings}. */
    public RatingsResult ratings(Cohort cohort, LocalDate asOf) {
        return run(() -> RatingsMetric.compute(context(cohort, asOf)));
    }

    /**
     * The latest date recorded in the store (events, exits, step assessments, follow-ups): the
     * natural as-of date of an export.
     */
    public LocalDate latestDate() {
        return run(() -> {
            try (var ps = SqlQuery.load("latest_date").prepare(connection); var rs = ps.executeQuery()) {
                rs.next();
                java.sql.Date d = rs.getDate(1);
                return d == null ? LocalDate.now() : d.toLocalDate();
            }
        });
    }

    /**
     * Forgets the per-episode tables cached for earlier selections (they are kept, up to a limit,
     * so that several metrics on one selection scan the events once).
     */
    public void clearCache() {
        tables.clear();
    }

    /** The metric call's context, its selection resolved against the store ({@link StoreSelection}). */
    private QueryContext context(Cohort cohort, LocalDate asOf) throws SQLException {
        Objects.requireNonNull(asOf);
        return new QueryContext(connection, policy, StoreSelection.resolve(connection, Objects.requireNonNull(cohort), asOf),
                asOf, tables);
    }

    private interface Computation<T> {
        T compute() throws SQLException;
    }

    private static <T> T run(Computation<T> c) {
        try {
            return c.compute();
        } catch (SQLException e) {
            throw new MetricException(e);
        }
    }
}
