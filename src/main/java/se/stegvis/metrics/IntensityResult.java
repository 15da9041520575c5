package se.stegvis.metrics;

import java.util.List;

/**
 * Contacts, gaps and idle cases per group.
 *
 * @param basis definition, n (enrolled episodes), suppression
 * @param idleDays the N of "idle for N days"
 * @param summary {@code group,episodes,person_months,contacts,held,cancelled,no_show,contacts_per_person_month,
 *     rate_lower,rate_upper,median_gap_days,p75_gap_days,cancelled_share,cancelled_lower,cancelled_upper,attendance,
 *     attendance_lower,attendance_upper,open,idle_days,idle,idle_share,idle_lower,idle_upper}
 */
public record IntensityResult(Basis basis, int idleDays, MetricTable summary) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(summary);
    }
}
