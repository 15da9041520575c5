package se.stegvis.metrics;

import java.util.List;

/**
 * Quality and outcomes per group.
 *
 * @param basis definition, n, suppression
 * @param rates {@code group,outcome,n,denominator,rate,lower,upper} for each {@link Rate}
 * @param followUp status after exit at each recorded offset, loss shown:
 *     {@code group,offset_days,due,observed,lost,share_lost,lost_lower,lost_upper,positive,share_positive,lower,upper}
 */
public record OutcomeResult(Basis basis, MetricTable rates, MetricTable followUp) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(rates, followUp);
    }
}
