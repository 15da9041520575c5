package se.stegvis.metrics;

import java.util.List;

/**
 * People who go round in the system.
 *
 * @param basis definition, n (selected episodes), suppression
 * @param summary {@code group,persons,episodes,episodes_per_person,persons_2plus,share_2plus,share_2plus_lower,
 *     share_2plus_upper,ended,reentered,median_days,median_lower,median_upper}: median days from an episode's
 *     end to the next referral (Kaplan-Meier)
 * @param within {@code group,months,ended,share,lower,upper}: share back within 6, 12 and 24 months (1 - S(t))
 * @param distribution {@code group,episodes_of_person,persons}: persons with 1, 2, 3, 4+ episodes
 * @param curve {@code group,time,surv,lower,upper}: the Kaplan-Meier steps of staying away
 */
public record CyclingResult(Basis basis, MetricTable summary, MetricTable within, MetricTable distribution,
                            MetricTable curve) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(summary, within, distribution, curve);
    }
}
