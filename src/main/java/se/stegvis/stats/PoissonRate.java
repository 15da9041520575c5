package se.stegvis.stats;

import org.apache.commons.statistics.distribution.GammaDistribution;

/**
 * A rate of events per unit of exposure with the exact Poisson interval (Garwood 1936), as R's
 * {@code poisson.test(count, exposure)$conf.int}: lower {@code qgamma(a/2, k) / T}, upper
 * {@code qgamma(1 - a/2, k + 1) / T}.
 */
public final class PoissonRate {
    private PoissonRate() {}

    /** {@code count / exposure} with its exact interval; NaN throughout when there is no exposure. */
    public static Interval exact(long count, double exposure, double level) {
        Checks.level(level);
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, was " + count);
        }
        if (!(exposure > 0)) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, level);
        }
        double alpha = 1 - level;
        double lower = count == 0 ? 0 : GammaDistribution.of(count, 1).inverseCumulativeProbability(alpha / 2) / exposure;
        double upper = GammaDistribution.of(count + 1, 1).inverseSurvivalProbability(alpha / 2) / exposure;
        return new Interval(count / exposure, lower, upper, level);
    }
}
