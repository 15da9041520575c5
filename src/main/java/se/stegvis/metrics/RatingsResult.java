package se.stegvis.metrics;

import java.util.List;

/**
 * Self-ratings before and after.
 *
 * @param basis definition, n (episodes rated before), suppression
 * @param summary {@code group,instrument,rated_before,due_after,paired,lost,share_lost,lost_lower,lost_upper,
 *     mean_before,mean_after,median_difference,wilcoxon_v,p_value,improved,share_improved,improved_lower,
 *     improved_upper}: due_after are the exited among those rated before; lost are those of them without an
 *     after-rating; the test and means are over all pairs (after - before)
 */
public record RatingsResult(Basis basis, MetricTable summary) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(summary);
    }
}
