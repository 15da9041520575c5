package se.stegvis.metrics;

import java.util.List;

/**
 * The directly-follows graph of milestones per group (a process map), with censoring-aware times
 * on each edge and the slowest waiting edge marked as the bottleneck.
 *
 * @param basis definition, n, suppression
 * @param edges {@code group,from_event,to_event,n,median_days,p75_days,bottleneck}: n episodes went
 *     straight from from_event to to_event; the times are those of the people who took that edge
 *     (Aalen-Johansen, see {@link ProcessMapMetric}); bottleneck is {@code true} on one edge per group
 * @param nodes {@code group,event,n,waiting,median_next_days}: episodes that reached the milestone,
 *     those still waiting there for their next milestone on the as-of date, and the Kaplan-Meier
 *     median time to the next milestone, whichever it is
 */
public record ProcessMapResult(Basis basis, MetricTable edges, MetricTable nodes) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(edges, nodes);
    }
}
