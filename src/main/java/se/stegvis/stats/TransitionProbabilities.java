package se.stegvis.stats;

import java.util.Arrays;
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
    /**
     * Below this a negative variance is rounding of an exact 0 (the recursion subtracts equal
     * terms, e.g. -4.8e-18 once P = 1), not a defect; probabilities and their variances are at most
     * 1, so the bound is absolute.
     */
    private static final double ROUNDING = 1e-12;

    public TransitionProbabilities {
        variance = Arrays.stream(variance).map(row -> Arrays.stream(row).map(v -> v < 0 && v > -ROUNDING ? 0 : v).toArray())
                .toArray(double[][]::new);
    }

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
