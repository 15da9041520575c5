package se.stegvis.metrics;

import java.util.List;

/**
 * Step movement on the default ladder (crosswalk applied): entry step against latest (or exit)
 * step per group.
 *
 * @param basis definition, n, suppression
 * @param summary {@code group,n_episodes,n_assessed,n_two_plus,mean_entry,mean_latest,mean_net,n_up,share_up,
 *     up_lower,up_upper,n_same,n_down,share_down,down_lower,down_upper,n_ever_up,share_ever_up,ever_up_lower,
 *     ever_up_upper,n_ever_down,share_ever_down,ever_down_lower,ever_down_upper}
 * @param distribution {@code group,step,n_entry,n_latest}
 * @param timeOnStep {@code group,step,spells,completed,mean_days,median_days}
 */
public record StepResult(Basis basis, MetricTable summary, MetricTable distribution, MetricTable timeOnStep)
        implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(summary, distribution, timeOnStep);
    }
}
