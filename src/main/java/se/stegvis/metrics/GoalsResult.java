package se.stegvis.metrics;

import java.util.List;

/**
 * The project's goals evaluated.
 *
 * @param basis definition, n (largest selection of a goal), suppression
 * @param goals the goals as read from the settings file
 * @param table {@code id,label,rate,selection,within_days,target,direction,n,denominator,share,lower,upper,status,
 *     note}; status is {@code met}, {@code not_met}, {@code cannot_tell} or {@code not_measurable}
 */
public record GoalsResult(Basis basis, List<Goal> goals, MetricTable table) implements MetricResult {
    public GoalsResult {
        goals = List.copyOf(goals);
    }

    @Override
    public List<MetricTable> parts() {
        return List.of(table);
    }
}
