package se.stegvis.metrics;

import java.util.List;

/**
 * The funnel: per group, how many reached each stage by the as-of date (share of referred and
 * conversion from the stage before, Wilson intervals), and where every episode stands now.
 *
 * @param basis definition, n, suppression
 * @param stages columns {@code group,stage,n,share,lower,upper,from_n,conv_n,conversion,conv_lower,conv_upper}
 * @param now columns {@code group,status,n,share,lower,upper}; one row per status and a {@code total} row
 */
public record FunnelResult(Basis basis, MetricTable stages, MetricTable now) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(stages, now);
    }
}
