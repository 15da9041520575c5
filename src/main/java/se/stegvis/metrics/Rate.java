package se.stegvis.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An outcome rate: a numerator among a denominator, both indicators per episode of
 * {@code sql/episode_outcomes.sql}.
 */
public enum Rate {
    /** Exits to work or studies among exits. */
    EXIT_WORK_OR_STUDIES("positive", "exited"),
    /** Drop-outs among exits. */
    DROPOUT("dropout", "exited"),
    /** A net step up (latest above entry) among episodes assessed at least twice. */
    STEP_UP("step_up", "two_plus"),
    /** A joint plan within N days of referral among accepted episodes referred at least N days before as-of. */
    PLAN_WITHIN("plan_within", "plan_eligible");

    final String numerator;
    final String denominator;

    Rate(String numerator, String denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** The name used in tables and on the command line, e.g. {@code exit_work_or_studies}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Rate parse(String key) {
        for (Rate r : values()) {
            if (r.key().equalsIgnoreCase(key.trim().replace('-', '_'))) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown rate '" + key + "'; one of: "
                + Arrays.stream(values()).map(Rate::key).collect(Collectors.joining(", ")));
    }
}
