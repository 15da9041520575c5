package se.stegvis.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Transformation for pointwise confidence intervals of a survival-type probability, as R's
 * {@code survfit(conf.type = ...)} (survival package, internal {@code survfit_confint}).
 * Where R gives NA (log and log-log at p = 0, log-log at p = 1) the bounds are {@code NaN}.
 */
public enum ConfType {
    /** {@code exp(-exp(log(-log p) -/+ z se / log p))}: R's "log-log". */
    LOG_LOG("log-log"),
    /** {@code p * exp(-/+ z se)}, upper capped at 1: R's "log" (survfit's default). */
    LOG("log"),
    /** {@code p -/+ z se p}, clipped to [0, 1]: R's "plain". */
    PLAIN("plain");

    private final String rName;

    ConfType(String rName) {
        this.rName = rName;
    }

    /** The name R's survfit uses for this type. */
    public String rName() {
        return rName;
    }

    /** Parses R's name ("log-log", "log", "plain"). */
    public static ConfType fromR(String name) {
        for (ConfType t : values()) {
            if (t.rName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown conf type '" + name + "' (log-log, log or plain)");
    }

    /** The standard normal quantile for a two-sided interval at {@code level}. */
    static double z(double level) {
        Checks.level(level);
        return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * Bounds {lower, upper} for probability {@code p} whose standard error on the log scale
     * (the standard error of the cumulative hazard, Greenwood) is {@code seLog}.
     */
    double[] bounds(double p, double seLog, double z) {
        switch (this) {
            case PLAIN -> {
                double h = seLog * p * z;
                return new double[] {max0(p - h), min1(p + h)};
            }
            case LOG -> {
                if (p == 0) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double h = z * seLog;
                return new double[] {Math.exp(Math.log(p) - h), min1(Math.exp(Math.log(p) + h))};
            }
            default -> {
                if (p == 0 || p == 1) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double h = z * seLog / Math.log(p);
                double ll = Math.log(-Math.log(p));
                return new double[] {Math.exp(-Math.exp(ll - h)), Math.exp(-Math.exp(ll + h))};
            }
        }
    }

    // R's pmax/pmin propagate NaN; Math.max/min do too.
    private static double max0(double x) {
        return Math.max(x, 0);
    }

    private static double min1(double x) {
        return Math.min(x, 1);
    }
}
