package se.stegvis.metrics;

import java.util.List;

/**
 * Feedback to referrers: per referral source, what happened to the people it sent.
 *
 * @param basis definition, n, suppression
 * @param summary {@code group,referred,not_relevant,not_relevant_share,nr_lower,nr_upper,accepted,accepted_share,
 *     acc_lower,acc_upper,met,meeting_median,meeting_lower,meeting_upper,exited,positive,positive_share,pos_lower,
 *     pos_upper}: group is the referral source; the lead time to first meeting is the Kaplan-Meier median
 *     from referral (with its 95 % interval), positive exits (work or studies) are a share of those exited
 * @param reasons {@code group,reason,n,share,lower,upper,merged}: why referrals were not relevant (share of
 *     the not relevant); when coarsened, a row {@code Övriga} whose {@code merged} lists its codes joined by '+'
 * @param now {@code group,status,n,share,lower,upper,merged}: where the people stand on the as-of date
 * @param destinations {@code group,destination,n,share,lower,upper,merged}: where those who exited went
 */
public record ReferrersResult(Basis basis, MetricTable summary, MetricTable reasons, MetricTable now,
                              MetricTable destinations) implements MetricResult {
    @Override
    public List<MetricTable> parts() {
        return List.of(summary, reasons, now, destinations);
    }
}
