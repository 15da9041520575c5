package se.stegvis.metrics;

import java.util.List;

/**
 * Flow against quality per unit (the cohort's group) and calendar quarter of exit.
 *
 * @param basis definition, n, suppression
 * @param quarterly {@code group,quarter,exits,fte,exits_per_fte,positive,positive_rate,lower,upper,
 *     two_plus,step_up,step_up_rate,step_lower,step_upper}
 */
public record FlowQualityResult(Basis basis, MetricTable quarterly) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(quarterly);
    }
}
