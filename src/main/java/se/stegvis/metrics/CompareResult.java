package se.stegvis.metrics;

import java.util.List;

/**
 * Groups side by side on one rate.
 *
 * @param basis definition, n, suppression
 * @param rate the rate compared
 * @param folded the groups summed into the row "Övriga" (too small to show one by one); empty when none
 * @param groups {@code group,events,n,rate,lower,upper,target,funnel_lower95,funnel_upper95,funnel_lower998,
 *     funnel_upper998,signal,difference,diff_lower,diff_upper,fisher_p,std_rate,std_lower,std_upper,std_strata};
 *     with more than one group, a last row {@code all} is the whole selection (the funnel target)
 */
public record CompareResult(Basis basis, Rate rate, List<String> folded, MetricTable groups) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(groups);
    }
}
