package se.stegvis.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a column's numbers mean, which decides how every output formats them. Until each result
 * declares a schema, the unit is derived here, in one place, from the metrics' column names.
 */
public enum Unit {
    /** A label or code: rendered as its Swedish or English label. */
    CODE,
    /** People, episodes, events: a whole number. */
    COUNT,
    /** A proportion 0-1, shown in percent. */
    SHARE,
    /** A duration in days, shown in whole days. */
    DAYS,
    /** A p-value, shown as R's {@code format.pval} does. */
    P_VALUE,
    /** A test statistic, mean score or other plain number. */
    STATISTIC,
    /** A rate per its unit (per person-month, per FTE, per meeting). */
    RATE;

    /** An interval bound: {@code lower}, {@code conv_upper}, {@code funnel_lower95}, ... */
    private static final Pattern BOUND = Pattern.compile("(.*_)?(lower|upper)(95|998)?");

    /** The unit of {@code columns[index]}; a bound has the unit of the estimate before it in the table. */
    public static Unit of(List<MetricTable.Column> columns, int index) {
        MetricTable.Column column = columns.get(index);
        switch (column.kind()) {
            case KEY:
                return CODE;
            case COUNT:
                return COUNT;
            default:
                break;
        }
        String name = column.name();
        if (BOUND.matcher(name).matches()) {
            for (int i = index - 1; i >= 0; i--) {
                MetricTable.Column before = columns.get(i);
                if (before.kind() == MetricTable.Kind.NUMBER && !BOUND.matcher(before.name()).matches()) {
                    return of(columns, i);
                }
            }
        }
        // ratings: the median difference of paired self-ratings is a score, not a duration
        if (name.equals("median_difference") && columns.stream().anyMatch(c -> c.name().equals("mean_before"))) {
            return STATISTIC;
        }
        return ofName(name);
    }

    private static Unit ofName(String name) {
        if (name.equals("p_value") || name.equals("fisher_p") || name.equals("p")) {
            return P_VALUE;
        }
        if (name.contains("median") || name.startsWith("q25") || name.startsWith("q75") || name.contains("days")
                || name.equals("time")) {
            return DAYS;
        }
        if (name.contains("share") || name.contains("conversion") || name.equals("rate") || name.endsWith("_rate")
                || List.of("cif", "surv", "attendance", "target", "difference").contains(name)) {
            return SHARE;
        }
        if (name.contains("_per_") || name.startsWith("throughput")) {
            return RATE;
        }
        return STATISTIC;
    }
}
