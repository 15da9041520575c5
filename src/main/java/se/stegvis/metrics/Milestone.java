package se.stegvis.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A dated milestone of an episode, named as its event type in the data dictionary. Lead times are
 * measured between any two; the order a programme goes through them is data, not assumed.
 */
public enum Milestone {
    REFERRAL("referral_date"),
    DECISION_ACCEPTED("accepted"),
    DECISION_NOT_RELEVANT("not_relevant"),
    DECLINED("declined"),
    FIRST_MEETING("first_meeting"),
    MAPPING_DONE("mapping_done"),
    PLAN_ESTABLISHED("plan_established"),
    ACTIVITY_START("activity_start"),
    EXIT("exit_date");

    /** The column of {@code sql/episode_milestones.sql} holding this milestone's first date. */
    final String column;

    Milestone(String column) {
        this.column = column;
    }

    /** The event type code, e.g. {@code first_meeting}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an event type code such as {@code referral} or {@code plan_established}. */
    public static Milestone parse(String code) {
        for (Milestone m : values()) {
            if (m.code().equalsIgnoreCase(code.trim().replace('-', '_'))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown milestone '" + code + "'; one of: "
                + Arrays.stream(values()).map(Milestone::code).collect(Collectors.joining(", ")));
    }
}
