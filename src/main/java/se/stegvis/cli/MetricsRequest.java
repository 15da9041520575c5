package se.stegvis.cli;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.metrics.Goal;
import se.stegvis.metrics.LeadTime;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.Metrics;
import se.stegvis.metrics.Period;
import se.stegvis.metrics.Rate;
import se.stegvis.output.ResultWriter;

/** A parsed {@code stegvis metrics} call: which metric, on which selection, how shown. */
record MetricsRequest(Name name, Cohort cohort, DisclosurePolicy policy, LeadTime leadTime, int withinDays,
                      String rate, ResultWriter.Format format, int idleDays, int keep, String period,
                      boolean coarsen, List<Goal> goals) {

    /** The metric names of the CLI. */
    enum Name {
        FUNNEL, STEPS, TRANSITIONS, LEADTIME, FLOW, OUTCOMES, FLOW_QUALITY, COMPARE, DATA_QUALITY,
        RIGHT_SUPPORT, CYCLING, INTENSITY, PARTNER_INPUT, GOALS, RATINGS, PROCESS_MAP, REFERRERS;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Name parse(String s) {
            for (Name n : values()) {
                if (n.key().equals(s)) {
                    return n;
                }
            }
            throw new IllegalArgumentException("unknown metric '" + s + "'; one of: "
                    + Arrays.stream(values()).map(Name::key).collect(Collectors.joining(", ")));
        }
    }

    MetricResult run(Metrics m, LocalDate asOf) {
        return switch (name) {
            case FUNNEL -> m.funnel(cohort, asOf);
            case STEPS -> m.steps(cohort, asOf);
            case TRANSITIONS -> coarsen ? m.transitionsCoarsened(cohort, asOf) : m.transitions(cohort, asOf);
            case LEADTIME -> m.leadTime(cohort, asOf, leadTime);
            case FLOW -> "auto".equals(period) ? m.flowCoarsened(cohort, asOf)
                    : m.flow(cohort, asOf, Period.valueOf(period.toUpperCase(Locale.ROOT).replace('-', '_')));
            case OUTCOMES -> m.outcomes(cohort, asOf, withinDays);
            case FLOW_QUALITY -> m.flowQuality(cohort, asOf);
            case COMPARE -> coarsen ? m.compareCoarsened(cohort, asOf, Rate.parse(rate), withinDays)
                    : m.compare(cohort, asOf, Rate.parse(rate), withinDays);
            case DATA_QUALITY -> m.dataQuality(cohort, asOf);
            case RIGHT_SUPPORT -> m.rightSupport(cohort, asOf, keep);
            case CYCLING -> m.cycling(cohort, asOf);
            case INTENSITY -> m.intensity(cohort, asOf, idleDays);
            case PARTNER_INPUT -> m.partnerInput(cohort, asOf);
            case GOALS -> m.goals(goals, asOf);
            case RATINGS -> m.ratings(cohort, asOf);
            case PROCESS_MAP -> m.processMap(cohort, asOf);
            case REFERRERS -> m.referrers(cohort, asOf, coarsen);
        };
    }
}
