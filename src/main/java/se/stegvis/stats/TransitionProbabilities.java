package se.stegvis.stats;

import java.util.List;

/**
 * The Aalen-Johansen transition probability matrix P(s, t) at one event time, with its
 * Greenwood-type variances, as one time slice of R's {@code etm}.
 *
 * @param time the event time t
 * @param probability P[r][q] = P(in q at t | in r at s)
 * @param variance variance of each element, same indexing
 * @param atRisk number in each state just before t
 */
public record TransitionProbabilities(double time, double[][] probability, double[][] variance, int[] atRisk) {

    /** Pointwise interval for one element, as etm's {@code summary(..., ci.fun = "linear")}: P -/+ z sd, clipped to [0, 1]. */
    public Interval interval(List<String> states, String from, String to, double level) {
        int r = states.indexOf(from);
        int q = states.indexOf(to);
        if (r < 0 || q < 0) {
            throw new IllegalArgumentException("unknown state " + (r < 0 ? from : to) + "; states are " + states);
        }
        double p = probability[r][q];
        double h = ConfType.z(level) * Math.sqrt(variance[r][q]);
        return new Interval(p, Math.max(0, p - h), Math.min(1, p + h), level);
    }
}
