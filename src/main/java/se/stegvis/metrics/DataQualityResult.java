package se.stegvis.metrics;

import java.util.List;

/**
 * Data quality checks per group, to be read before any other number.
 *
 * @param basis definition, n, suppression
 * @param checks {@code group,check,table,column,problems,total,share,lower,upper}
 * @param nearDuplicates {@code value,near,episodes}: municipalities that may be one written differently
 */
public record DataQualityResult(Basis basis, MetricTable checks, MetricTable nearDuplicates) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(checks, nearDuplicates);
    }
}
