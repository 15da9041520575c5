package se.stegvis.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Which lead time to measure: from one milestone to another, the share reached within
 * {@code withinDays}, the horizons at which exit destinations are given as cumulative incidence,
 * and the bootstrap replicates for the baseline-versus-comparison difference in medians.
 *
 * <pre>{@code LeadTime.between(Milestone.REFERRAL, Milestone.FIRST_MEETING).withinDays(14)}</pre>
 *
 * @param from start milestone
 * @param to end milestone
 * @param withinDays the N of "share within N days"
 * @param horizons days at which competing-risk cumulative incidences are reported (to = exit)
 * @param bootstrapReplicates replicates for the interval of the difference in medians
 * @param seed seed of the bootstrap, so a result can be reproduced
 */
public record LeadTime(Milestone from, Milestone to, int withinDays, List<Integer> horizons,
                       int bootstrapReplicates, long seed) {

    public LeadTime {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (from == to) {
            throw new IllegalArgumentException("a lead time needs two different milestones");
        }
        // Which milestones come between is data, but every episode starts at referral and ends at exit:
        // a lead time into referral or out of exit is a swapped pair, and would come out empty or negative.
        if (to == Milestone.REFERRAL || from == Milestone.EXIT) {
            throw new IllegalArgumentException("a lead time from " + from.code() + " to " + to.code()
                    + " runs backwards: referral is every episode's first milestone and exit its last");
        }
        if (withinDays < 0 || bootstrapReplicates < 0) {
            throw new IllegalArgumentException("days and replicates cannot be negative");
        }
        horizons = List.copyOf(horizons);
    }

    /** From {@code from} to {@code to}; share within 30 days; horizons 90, 180, 365, 730; 1000 replicates. */
    public static LeadTime between(Milestone from, Milestone to) {
        return new LeadTime(from, to, 30, List.of(90, 180, 365, 730), 1000, 20261125L);
    }

    public LeadTime withinDays(int days) {
        return new LeadTime(from, to, days, horizons, bootstrapReplicates, seed);
    }

    public LeadTime horizons(List<Integer> days) {
        return new LeadTime(from, to, withinDays, days, bootstrapReplicates, seed);
    }

    public LeadTime bootstrap(int replicates, long bootstrapSeed) {
        return new LeadTime(from, to, withinDays, horizons, replicates, bootstrapSeed);
    }
}
