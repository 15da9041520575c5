package se.stegvis.metrics;

import java.util.List;

/**
 * Flow through the programme per group and calendar period.
 *
 * @param basis definition, n, suppression
 * @param period the period of the rows (month unless coarsened)
 * @param finerHiddenShare when coarsened: the share of counts the monthly table would have hidden; else NaN
 * @param periods {@code group,period,inflow,exits,other_ends,wip,fte,exits_per_fte,mean_days_to_exit}; period
 *     labelled 2024-03, 2024-Q1, 2024-H1 or 2024; wip at the period's end, fte the mean over its months
 * @param ageing open episodes on the as-of date by days since referral: {@code group,age_days,n}
 * @param little Little's-law check over the window: {@code group,months,ended,mean_wip,throughput_per_month,
 *     mean_months_to_end,little_wip,ratio} (mean_wip over the period ends; ratio = mean_wip / little_wip; near 1
 *     in a steady state)
 */
public record FlowResult(Basis basis, Period period, double finerHiddenShare, MetricTable periods, MetricTable ageing,
                         MetricTable little) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(periods, ageing, little);
    }

    /** Whether the rows are coarser than the months asked for, to keep small counts from hiding most of them. */
    public boolean coarsened() {
        return !Double.isNaN(finerHiddenShare);
    }
}
