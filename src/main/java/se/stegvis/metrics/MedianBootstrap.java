package se.stegvis.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import se.stegvis.stats.Binomial;
import se.stegvis.stats.Bootstrap;
import se.stegvis.stats.Interval;

/**
 * Percentile bootstrap interval for the difference between two Kaplan-Meier medians (comparison
 * minus baseline): each replicate resamples the episodes of each arm with replacement and takes
 * the Kaplan-Meier median of each; replicates where a median is not reached are left out; the
 * interval is {@link Bootstrap#percentile} (as R's boot.ci "perc"). The curves are computed on the
 * counts per distinct (day, event) cell and a resample is drawn as those counts (multinomial), so a
 * replicate costs O(cells) whatever the number of episodes, and there is no jackknife: that is why
 * this does not go through {@link Bootstrap#twoSample}, which would cost O(n^2) here.
 */
final class MedianBootstrap {

    /** Episodes of one arm as counts per distinct (time, event) cell. */
    static final class Arm {
        final double[] times;
        final boolean[] eventCell;
        final int[] observed;
        final int cells;
        final int size;

        Arm(double[] days, boolean[] event) {
            // cell = (time, event), ordered by time with events before censorings (as R's survfit).
            long[] keys = new long[days.length];
            for (int i = 0; i < days.length; i++) {
                keys[i] = ((long) days[i] << 1) | (event[i] ? 0 : 1);
            }
            Arrays.sort(keys);
            int k = 0;
            int[] counts = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                if (i == 0 || keys[i] != keys[k - 1]) {
                    keys[k++] = keys[i];
                }
                counts[k - 1]++;
            }
            cells = k;
            size = days.length;
            observed = Arrays.copyOf(counts, k);
            times = new double[cells];
            eventCell = new boolean[cells];
            for (int c = 0; c < cells; c++) {
                times[c] = keys[c] >> 1;
                eventCell[c] = (keys[c] & 1) == 0;
            }
        }

        int size() {
            return size;
        }
    }

    private MedianBootstrap() {}

    /** Days must be whole numbers (they are: datediff in days). Returns {estimate, lower, upper}; NaN when undefined. */
    static double[] difference(Arm baseline, Arm comparison, int replicates, long seed, double level) {
        double estimate = median(comparison, c -> comparison.observed[c]) - median(baseline, c -> baseline.observed[c]);
        if (replicates == 0 || baseline.size() == 0 || comparison.size() == 0) {
            return new double[] {estimate, Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] diffs = new double[replicates];
        int kept = 0;
        for (int r = 0; r < replicates; r++) {
            double b = median(baseline, new Resample(baseline, random));
            double d = median(comparison, new Resample(comparison, random)) - b;
            if (!Double.isNaN(d)) {
                diffs[kept++] = d;
            }
        }
        if (kept < replicates / 2 || Double.isNaN(estimate)) {
            return new double[] {estimate, Double.NaN, Double.NaN};
        }
        Interval iv = Bootstrap.percentile(estimate, Arrays.copyOf(diffs, kept), level);
        return new double[] {estimate, iv.lower(), iv.upper()};
    }

    /**
     * The cell counts of one resample of the arm's episodes with replacement, asked for cell by
     * cell in order: multinomial with the observed shares, drawn as a binomial per cell given the
     * draws left for the cells after it. A replicate so costs O(cells), not O(episodes), has the
     * same distribution, and draws only the cells up to its median.
     */
    private static final class Resample implements IntUnaryOperator {
        private final Arm arm;
        private final SplittableRandom random;
        private int left;
        private int observedLeft;

        Resample(Arm arm, SplittableRandom random) {
            this.arm = arm;
            this.random = random;
            left = arm.size();
            observedLeft = arm.size();
        }

        @Override
        public int applyAsInt(int cell) {
            int draw = Binomial.sample(left, (double) arm.observed[cell] / observedLeft, random);
            left -= draw;
            observedLeft -= arm.observed[cell];
            return draw;
        }
    }

    /**
     * Kaplan-Meier median from the counts per (time, event) cell, each asked for once, in cell
     * order, and only as far as needed: the first time S(t) <= 0.5, or the midpoint to the next
     * event time where S is exactly 0.5 (R's rule); NaN when not reached.
     */
    static double median(Arm arm, IntUnaryOperator count) {
        long atRisk = arm.size();
        double s = 1;
        int c = 0;
        while (c < arm.cells) {
            double t = arm.times[c];
            long events = 0;
            long leaving = 0;
            for (; c < arm.cells && arm.times[c] == t; c++) {
                int n = count.applyAsInt(c);
                leaving += n;
                if (arm.eventCell[c]) {
                    events += n;
                }
            }
            if (events > 0) {
                s *= 1 - (double) events / atRisk;
                if (Math.abs(s - 0.5) < 1e-12) {
                    for (; c < arm.cells; c++) {
                        if (count.applyAsInt(c) > 0 && arm.eventCell[c]) {
                            return (t + arm.times[c]) / 2;
                        }
                    }
                    return t;
                }
                if (s < 0.5) {
                    return t;
                }
            }
            atRisk -= leaving;
        }
        return Double.NaN;
    }
}
