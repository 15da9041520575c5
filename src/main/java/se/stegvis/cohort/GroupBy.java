package se.stegvis.cohort;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The episode attribute a metric is broken down by. Each is a fixed SQL expression over the
 * episode ({@code e}), never user text; missing values become {@code unknown}.
 */
public enum GroupBy {
    NONE("'all'", true),
    PROGRAMME("e.programme", true),
    MUNICIPALITY("e.municipality", true),
    /** Programme and municipality together: the team that does the work. */
    UNIT("e.programme || '/' || e.municipality", true),
    GENDER("e.gender", false),
    AGE_BAND(AgeBand.labelExpression(), false),
    INCOME_SOURCE_AT_ENTRY("e.income_source_at_entry", false),
    REFERRAL_SOURCE("e.referral_source", false),
    EDUCATION("e.education", false),
    BORN_ABROAD("CAST(e.born_abroad AS VARCHAR)", false),
    REFERRAL_YEAR("CAST(year(e.referral_date) AS VARCHAR)", false),
    REFERRAL_QUARTER("strftime(e.referral_date, '%Y') || '-Q' || quarter(e.referral_date)", false),
    /** Baseline versus comparison as the cohort's split defines them. */
    ARM(null, false);

    private final String expression;
    private final boolean staffed;

    GroupBy(String expression, boolean staffed) {
        this.expression = expression;
        this.staffed = staffed;
    }

    /** SQL expression of the group label for episode {@code e} (not for {@link #ARM}); fixed text, never user input. */
    public String expression() {
        return "COALESCE(" + expression + ", 'unknown')";
    }

    /**
     * True when staffing (FTE per programme, municipality and month) can be attributed to each
     * group, so throughput per FTE is defined.
     */
    public boolean hasStaffing() {
        return staffed;
    }

    /** The CLI/notebook name, e.g. {@code age_band}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name such as {@code municipality} or {@code age_band}. */
    public static GroupBy parse(String name) {
        for (GroupBy g : values()) {
            if (g.key().equalsIgnoreCase(name.trim().replace('-', '_'))) {
                return g;
            }
        }
        throw new IllegalArgumentException("cannot group by '" + name + "'; one of: "
                + Arrays.stream(values()).map(GroupBy::key).collect(Collectors.joining(", ")));
    }
}
