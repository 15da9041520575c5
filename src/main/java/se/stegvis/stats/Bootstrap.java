package se.stegvis.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Nonparametric bootstrap (Efron and Tibshirani 1993), seeded so a result can be reproduced, with
 * percentile and BCa intervals computed as R's {@code boot::boot.ci(type = c("perc", "bca"))}
 * (Davison and Hinkley 1997): order statistics interpolated on the normal quantile scale
 * ({@code norm.inter}), BCa acceleration from the jackknife influence values
 * ({@code empinf(type = "jack")}). Two samples are resampled within each sample (R's {@code strata}).
 */
public final class Bootstrap {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final double[][] samples;
    private final ToDoubleFunction<double[][]> statistic;
    private final int replicates;
    private final long seed;

    private Bootstrap(double[][] samples, ToDoubleFunction<double[][]> statistic, int replicates, long seed) {
        this.samples = samples;
        this.statistic = statistic;
        this.replicates = replicates;
        this.seed = seed;
    }

    /** One sample and a statistic of it (e.g. the median); 2000 replicates, seed 1 until set. */
    public static Bootstrap of(double[] data, ToDoubleFunction<double[]> statistic) {
        if (data.length < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 observations, got " + data.length);
        }
        return new Bootstrap(new double[][] {data.clone()}, s -> statistic.applyAsDouble(s[0]), 2000, 1);
    }

    /** Two independent samples resampled separately, and a statistic of both (e.g. difference in medians). */
    public static Bootstrap twoSample(double[] x, double[] y, ToDoubleBiFunction<double[], double[]> statistic) {
        if (x.length < 2 || y.length < 2) {
            throw new IllegalArgumentException("bootstrap needs at least 2 observations per sample, got "
                    + x.length + " and " + y.length);
        }
        return new Bootstrap(new double[][] {x.clone(), y.clone()}, s -> statistic.applyAsDouble(s[0], s[1]), 2000, 1);
    }

    /** Number of bootstrap replicates. */
    public Bootstrap replicates(int r) {
        if (r < 100) {
            throw new IllegalArgumentException("use at least 100 replicates (1000+ for BCa), got " + r);
        }
        return new Bootstrap(samples, statistic, r, seed);
    }

    /** Seed of the resampling (java.util.SplittableRandom). */
    public Bootstrap seed(long s) {
        return new Bootstrap(samples, statistic, replicates, s);
    }

    /** Runs the resampling and the jackknife. */
    public Result run() {
        double t0 = statistic.applyAsDouble(samples);
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("the statistic is not a finite number on the data (" + t0 + ")");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            double[][] resample = new double[samples.length][];
            for (int s = 0; s < samples.length; s++) {
                double[] x = samples[s];
                resample[s] = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    resample[s][i] = x[rng.nextInt(x.length)];
                }
            }
            t[b] = statistic.applyAsDouble(resample);
        }
        return new Result(t0, t, influence());
    }

    /**
     * Jackknife influence values, as boot's {@code empinf(type = "jack")} ({@code usual.jack}):
     * L_i = (n_s - 1)(t0 - t_(-i)), n_s the size of i's sample; samples in order.
     */
    public double[] influence() {
        double t0 = statistic.applyAsDouble(samples);
        int total = Arrays.stream(samples).mapToInt(x -> x.length).sum();
        double[] l = new double[total];
        int k = 0;
        for (int s = 0; s < samples.length; s++) {
            double[] x = samples[s];
            for (int i = 0; i < x.length; i++) {
                double[][] left = samples.clone();
                double[] without = new double[x.length - 1];
                System.arraycopy(x, 0, without, 0, i);
                System.arraycopy(x, i + 1, without, i, x.length - i - 1);
                left[s] = without;
                l[k++] = (x.length - 1) * (t0 - statistic.applyAsDouble(left));
            }
        }
        return l;
    }

    /**
     * A bootstrap run.
     *
     * @param estimate the statistic on the data
     * @param replicates the statistic on each resample
     * @param influence jackknife influence values (for the BCa acceleration)
     */
    public record Result(double estimate, double[] replicates, double[] influence) {
        /** Percentile interval (R: boot.ci(type = "perc")). */
        public Interval percentile(double level) {
            return Bootstrap.percentile(estimate, replicates, level);
        }

        /** Bias-corrected and accelerated interval (R: boot.ci(type = "bca", L = empinf(b, type = "jack"))). */
        public Interval bca(double level) {
            return Bootstrap.bca(estimate, replicates, influence, level);
        }
    }

    /** Percentile interval from given replicates, as boot's {@code perc.ci}. */
    public static Interval percentile(double estimate, double[] replicates, double level) {
        Checks.level(level);
        double[] q = normInter(replicates, new double[] {(1 - level) / 2, (1 + level) / 2});
        return new Interval(estimate, q[0], q[1], level);
    }

    /**
     * BCa interval from given replicates and influence values, as boot's {@code bca.ci}: bias
     * correction w = qnorm(#(t* < t0)/R), acceleration a = sum(L^3) / (6 sum(L^2)^1.5).
     */
    public static Interval bca(double estimate, double[] replicates, double[] influence, double level) {
        Checks.level(level);
        double[] t = finite(replicates);
        long below = Arrays.stream(t).filter(x -> x < estimate).count();
        double w = STANDARD_NORMAL.inverseCumulativeProbability((double) below / t.length);
        if (!Double.isFinite(w)) {
            throw new IllegalArgumentException("BCa bias correction is infinite: every replicate is on one side of the estimate");
        }
        double s2 = 0;
        double s3 = 0;
        for (double l : influence) {
            s2 += l * l;
            s3 += l * l * l;
        }
        double a = s3 / (6 * Math.pow(s2, 1.5));
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("BCa acceleration undefined: the jackknife influence values are all 0");
        }
        double[] adj = new double[2];
        double[] alpha = {(1 - level) / 2, (1 + level) / 2};
        for (int i = 0; i < 2; i++) {
            double z = STANDARD_NORMAL.inverseCumulativeProbability(alpha[i]);
            adj[i] = STANDARD_NORMAL.cumulativeProbability(w + (w + z) / (1 - a * (w + z)));
        }
        double[] q = normInter(t, adj);
        return new Interval(estimate, q[0], q[1], level);
    }

    private static double[] finite(double[] t) {
        double[] f = Arrays.stream(t).filter(Double::isFinite).toArray();
        if (f.length == 0) {
            throw new IllegalArgumentException("no finite bootstrap replicates");
        }
        return f;
    }

    /** boot's norm.inter: the (R+1)alpha-th order statistic, interpolated on the normal quantile scale. */
    private static double[] normInter(double[] replicates, double[] alpha) {
        double[] t = finite(replicates);
        Arrays.sort(t);
        int r = t.length;
        double[] out = new double[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            double rk = (r + 1) * alpha[i];
            int k = (int) rk;
            if (k == rk && k >= 1 && k <= r) {
                out[i] = t[k - 1];
            } else if (k <= 0) {
                out[i] = t[0];
            } else if (k >= r) {
                out[i] = t[r - 1];
            } else {
                double z = STANDARD_NORMAL.inverseCumulativeProbability(alpha[i]);
                double zk = STANDARD_NORMAL.inverseCumulativeProbability((double) k / (r + 1));
                double zk1 = STANDARD_NORMAL.inverseCumulativeProbability((double) (k + 1) / (r + 1));
                out[i] = t[k - 1] + (z - zk) / (zk1 - zk) * (t[k] - t[k - 1]);
            }
        }
        return out;
    }
}
