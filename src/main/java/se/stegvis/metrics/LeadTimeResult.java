package se.stegvis.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Lead time between two milestones per group, with people who have not reached the end milestone
 * censored (Kaplan-Meier), never dropped.
 *
 * @param basis definition, n, suppression
 * @param spec which lead time
 * @param summary {@code group,n,events,censored,out_of_order,median,median_lower,median_upper,q25,q25_lower,
 *     q25_upper,q75,q75_lower,q75_upper,within_days,share_within,within_lower,within_upper}
 * @param curve {@code group,time,surv,lower,upper}: the Kaplan-Meier steps, for charts
 * @param comparison per group, baseline against comparison arm (empty without a split):
 *     {@code group,baseline_n,baseline_events,baseline_median,comparison_n,comparison_events,
 *     comparison_median,median_difference,diff_lower,diff_upper,chi_square,p_value}
 * @param destinations competing risks (Aalen-Johansen) at the spec's horizons,
 *     {@code group,destination,events,days,cif,lower,upper}: when the end milestone is exit, each exit
 *     destination; otherwise {@code reached} (the end milestone) against {@code ended_before} (exit, not
 *     relevant or declined without reaching it)
 */
public record LeadTimeResult(Basis basis, LeadTime spec, MetricTable summary, MetricTable curve,
                             MetricTable comparison, MetricTable destinations) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        List<MetricTable> parts = new ArrayList<>(List.of(summary, curve, comparison, destinations));
        return List.copyOf(parts);
    }
}
