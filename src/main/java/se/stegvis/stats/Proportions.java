package se.stegvis.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/** Confidence intervals for one proportion and for the difference of two independent proportions. */
public final class Proportions {
    private Proportions() {}

    /**
     * Wilson score interval without continuity correction (Wilson 1927); equals R's
     * {@code prop.test(x, n, correct = FALSE)$conf.int}.
     */
    public static Interval wilson(long successes, long trials, double level) {
        return binomial(BinomialConfidenceInterval.WILSON_SCORE, successes, trials, level);
    }

    /**
     * Clopper-Pearson exact interval (Clopper and Pearson 1934) from beta quantiles; equals R's
     * {@code binom.test(x, n)$conf.int}.
     */
    public static Interval clopperPearson(long successes, long trials, double level) {
        return binomial(BinomialConfidenceInterval.CLOPPER_PEARSON, successes, trials, level);
    }

    /**
     * Interval for p1 - p2 by Newcombe's hybrid score method (Newcombe 1998, Stat Med 17:873,
     * method 10): combines the two Wilson intervals,
     * {@code L = d - sqrt((p1-l1)^2 + (u2-p2)^2)}, {@code U = d + sqrt((u1-p1)^2 + (p2-l2)^2)}.
     */
    public static Interval newcombeDifference(long k1, long n1, long k2, long n2, double level) {
        Interval a = wilson(k1, n1, level);
        Interval b = wilson(k2, n2, level);
        double d = a.estimate() - b.estimate();
        double lower = d - Math.hypot(a.estimate() - a.lower(), b.upper() - b.estimate());
        double upper = d + Math.hypot(a.upper() - a.estimate(), b.estimate() - b.lower());
        return new Interval(d, lower, upper, level);
    }

    private static Interval binomial(BinomialConfidenceInterval method, long successes, long trials, double level) {
        Checks.counts(successes, trials);
        Checks.level(level);
        var ci = method.fromErrorRate((int) trials, (int) successes, 1 - level);
        return new Interval((double) successes / trials, ci.getLowerBound(), ci.getUpperBound(), level);
    }
}
