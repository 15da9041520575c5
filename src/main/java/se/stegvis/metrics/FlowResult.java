package se.stegvis.metrics;

import java.util.List;

/**
 * Flow through the programme per group and month.
 *
 * @param basis definition, n, suppression
 * @param monthly {@code group,month,inflow,exits,other_ends,wip,fte,exits_per_fte,mean_days_to_exit}
 * @param ageing open episodes on the as-of date by days since referral: {@code group,age_days,n}
 * @param little Little's-law check over the window: {@code group,months,ended,mean_wip,throughput_per_month,
 *     mean_months_to_end,little_wip,ratio} (ratio = mean_wip / little_wip; near 1 in a steady state)
 */
public record FlowResult(Basis basis, MetricTable monthly, MetricTable ageing, MetricTable little) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(monthly, ageing, little);
    }
}
