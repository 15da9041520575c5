package se.stegvis.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Funnel-plot control limits for a proportion (Spiegelhalter 2005, Stat Med 24:1185, appendix A.1.1):
 * exact binomial limits around a target p0 at each unit size n, at 95% (2 sided, p = 0.025/0.975)
 * and 99.8% (p = 0.001/0.999), with the continuity interpolation
 * {@code (r_p - alpha)/n}, {@code r_p = qbinom(p, n, p0)},
 * {@code alpha = (pbinom(r_p, n, p0) - p) / dbinom(r_p, n, p0)}, clipped to [0, 1].
 */
public final class FunnelLimits {
    private FunnelLimits() {}

    /**
     * Limits at one size.
     *
     * @param n unit size (denominator)
     * @param target the target proportion p0
     * @param lower95 lower 95% limit
     * @param upper95 upper 95% limit
     * @param lower998 lower 99.8% limit
     * @param upper998 upper 99.8% limit
     */
    public record Limits(int n, double target, double lower95, double upper95, double lower998, double upper998) {}

    /** The four limits for target p0 at size n. */
    public static Limits binomial(double p0, int n) {
        if (!(p0 > 0 && p0 < 1)) {
            throw new IllegalArgumentException("target proportion must be strictly between 0 and 1, got " + p0);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("unit size must be > 0, got " + n);
        }
        BinomialDistribution b = BinomialDistribution.of(n, p0);
        return new Limits(n, p0, limit(b, n, 0.025), limit(b, n, 0.975), limit(b, n, 0.001), limit(b, n, 0.999));
    }

    /** Limits at each size, e.g. a smooth funnel over 1..max. */
    public static List<Limits> binomial(double p0, int[] sizes) {
        return Arrays.stream(sizes).mapToObj(n -> binomial(p0, n)).toList();
    }

    /** Limit at probability p: the exact binomial quantile, interpolated (Spiegelhalter A.1.1). */
    public static double limit(double p0, int n, double p) {
        return limit(BinomialDistribution.of(n, p0), n, p);
    }

    private static double limit(BinomialDistribution b, int n, double p) {
        int r = b.inverseCumulativeProbability(p);
        double alpha = (b.cumulativeProbability(r) - p) / b.probability(r);
        return Math.min(1, Math.max(0, (r - alpha) / n));
    }
}
