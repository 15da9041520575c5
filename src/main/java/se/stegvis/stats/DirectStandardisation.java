package se.stegvis.stats;

/**
 * Directly standardised rate: the study's stratum-specific rates weighted by a standard
 * population's stratum sizes (e.g. age band x gender x income source at entry), with the gamma
 * interval of Fay and Feuer (1997, Stat Med 16:791), as R's {@code epitools::ageadjust.direct}.
 * For proportions (events per person) the person count is the denominator.
 */
public final class DirectStandardisation {
    private DirectStandardisation() {}

    /**
     * The result.
     *
     * @param crude crude rate sum(events) / sum(denominator)
     * @param adjusted directly standardised rate sum(w_s events_s / denominator_s), w_s = standard_s / sum(standard)
     * @param lower Fay-Feuer lower bound (0 when there are no events, where R's formula gives NaN)
     * @param upper Fay-Feuer upper bound
     * @param level confidence level
     */
    public record Result(double crude, double adjusted, double lower, double upper, double level) {
        /** The adjusted rate as an {@link Interval}. */
        public Interval interval() {
            return new Interval(adjusted, lower, upper, level);
        }
    }

    /**
     * Standardises.
     *
     * @param events events per stratum in the study population
     * @param denominator persons (or person-time) per stratum in the study population, all > 0
     * @param standard the standard population per stratum (weights), >= 0 with a positive sum
     */
    public static Result direct(long[] events, double[] denominator, double[] standard, double level) {
        Checks.level(level);
        Checks.sameLength("events and denominator", events.length, denominator.length);
        Checks.sameLength("events and standard", events.length, standard.length);
        if (events.length == 0) {
            throw new IllegalArgumentException("no strata");
        }
        double sumStd = 0;
        double sumEvents = 0;
        double sumDen = 0;
        for (int s = 0; s < events.length; s++) {
            if (!(denominator[s] > 0)) {
                throw new IllegalArgumentException("stratum " + (s + 1) + " has no study population (denominator "
                        + denominator[s] + "): its rate is unknown; merge strata or drop it from the standard");
            }
            if (events[s] < 0 || !(standard[s] >= 0)) {
                throw new IllegalArgumentException("events and standard population must be >= 0 (stratum " + (s + 1) + ")");
            }
            sumStd += standard[s];
            sumEvents += events[s];
            sumDen += denominator[s];
        }
        if (!(sumStd > 0)) {
            throw new IllegalArgumentException("the standard population is empty");
        }
        double dsr = 0;
        double var = 0;
        double wm = 0;
        for (int s = 0; s < events.length; s++) {
            double w = standard[s] / sumStd;
            dsr += w * events[s] / denominator[s];
            var += w * w * events[s] / (denominator[s] * denominator[s]);
            wm = Math.max(wm, w / denominator[s]);
        }
        double alpha = 1 - level;
        // Fay-Feuer: gamma with the DSR's mean and variance; the upper one inflated by the largest weight
        double lower = dsr == 0 ? 0 : gammaQuantile(alpha / 2, dsr * dsr / var, var / dsr);
        double upper = gammaQuantile(1 - alpha / 2, (dsr + wm) * (dsr + wm) / (var + wm * wm), (var + wm * wm) / (dsr + wm));
        return new Result(sumEvents / sumDen, dsr, lower, upper, level);
    }

    private static double gammaQuantile(double p, double shape, double scale) {
        return org.apache.commons.statistics.distribution.GammaDistribution.of(shape, scale).inverseCumulativeProbability(p);
    }
}
