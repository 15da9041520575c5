package se.stegvis.metrics;

import java.util.List;

/**
 * Transition matrices on the default ladder per group, and a Markov projection from them.
 *
 * @param basis definition, n (transitions), suppression
 * @param finerHiddenShare when adjacent steps were merged (from_step and to_step such as "4–7"): the share
 *     of counts step by step would have hidden; else NaN
 * @param consecutive consecutive assessments of an episode, ordered by date:
 *     {@code group,from_step,to_step,n,share,lower,upper} (share of the from-step row, Wilson interval)
 * @param entryExit entry step against exit step of exited episodes, same columns
 * @param projection {@code group,steps_ahead,step,share}: the entry-step distribution moved
 *     {@code steps_ahead} assessments on by the estimated consecutive matrix (a row never left stays put)
 */
public record TransitionResult(Basis basis, double finerHiddenShare, MetricTable consecutive, MetricTable entryExit, MetricTable projection)
        implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(consecutive, entryExit, projection);
    }

    /** Whether adjacent steps were merged, to keep small counts from hiding most of the matrices. */
    public boolean coarsened() {
        return !Double.isNaN(finerHiddenShare);
    }
}
