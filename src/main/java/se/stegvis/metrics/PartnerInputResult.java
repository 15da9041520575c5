package se.stegvis.metrics;

import java.util.List;

/**
 * Partners' hours and presence beside the outcomes of the same unit and year.
 *
 * @param basis definition, n (selected episodes), suppression
 * @param summary {@code unit,period,hours_agreed,hours_given,given_share,meetings,partners_per_meeting,episodes,
 *     assessed_twice,step_up,step_up_share,step_up_lower,step_up_upper,median_days_to_first_meeting,median_lower,
 *     median_upper}: per unit (programme/municipality) and calendar year (hours and meetings in that year,
 *     episodes referred in it)
 * @param hours {@code unit,partner,month,hours_agreed,hours_given,given_share}
 * @param presence {@code unit,period,partner,meetings,present,share,lower,upper}: held meetings with the partner present
 */
public record PartnerInputResult(Basis basis, MetricTable summary, MetricTable hours, MetricTable presence)
        implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(summary, hours, presence);
    }
}
