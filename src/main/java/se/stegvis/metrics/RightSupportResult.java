package se.stegvis.metrics;

import java.util.List;

/**
 * Income sources before and after, and applications for compensation.
 *
 * @param basis definition, n (selected episodes with income sources), suppression
 * @param classification version of the right-support classification used
 * @param folded the sources (or combinations) folded into "Övriga" in the matrix; empty when not folded
 * @param matrix {@code group,at,from_source,to_source,n,share,lower,upper}: source at entry (from) against
 *     the source at {@code at} (exit, follow_up_90, ...); share of the from-row, Wilson interval; folded
 *     sources are in the rows and columns "Övriga"
 * @param rightSupport {@code group,at,classification,n,denominator,share,lower,upper}: episodes with a
 *     right-support move by {@code at}
 * @param applications {@code group,benefit,applications,decided,granted,refused,pending,granted_share,lower,
 *     upper,median_days,median_lower,median_upper}: granted of decided, days to decision (KM, pending censored)
 */
public record RightSupportResult(Basis basis, String classification, List<String> folded, MetricTable matrix, MetricTable rightSupport,
                                 MetricTable applications) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(matrix, rightSupport, applications);
    }
}
