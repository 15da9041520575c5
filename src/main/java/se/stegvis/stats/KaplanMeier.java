package se.stegvis.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kaplan-Meier product-limit estimator (Kaplan and Meier 1958) with Greenwood's variance, as R's
 * {@code survival::survfit(Surv(time, status) ~ 1)}.
 *
 * <p>Conventions: at a tied time, events come before censorings (those censored at t are still at
 * risk at t); pointwise intervals default to log-log (R's survfit default is "log", available as
 * {@link ConfType#LOG}); times must be finite and non-negative. Unlike R, times are not merged by
 * {@code aeqSurv} (it only matters for times differing by rounding error).
 */
public final class KaplanMeier {
    private KaplanMeier() {}

    /** Fits with the default options: log-log intervals at level 0.95. */
    public static KaplanMeierFit fit(double[] time, boolean[] event) {
        return options().fit(time, event);
    }

    /** Options for a fit: {@code KaplanMeier.options().confType(ConfType.LOG).level(0.9).fit(t, e)}. */
    public static Options options() {
        return new Options(ConfType.LOG_LOG, 0.95);
    }

    /** Fit options (immutable; each setter returns a copy). */
    public static final class Options {
        private final ConfType confType;
        private final double level;

        private Options(ConfType confType, double level) {
            this.confType = confType;
            this.level = level;
        }

        /** The pointwise interval transformation (default log-log). */
        public Options confType(ConfType type) {
            return new Options(type, level);
        }

        /** The confidence level (default 0.95). */
        public Options level(double level) {
            Checks.level(level);
            return new Options(confType, level);
        }

        /**
         * Kaplan-Meier estimate with Greenwood standard errors and pointwise intervals.
         *
         * @param time follow-up times (finite, >= 0)
         * @param event true = event at {@code time}, false = censored
         */
        public KaplanMeierFit fit(double[] time, boolean[] event) {
            Checks.sameLength("time and event", time.length, event.length);
            Checks.times(time);
            Integer[] order = new Integer[time.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(time[a], time[b]));
            int n = time.length;
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || time[order[i]] != time[order[i - 1]]) {
                    distinct++;
                }
            }
            double[] t = new double[distinct];
            int[] risk = new int[distinct];
            int[] ev = new int[distinct];
            int[] cens = new int[distinct];
            int k = -1;
            for (int i = 0; i < n; i++) {
                int o = order[i];
                if (i == 0 || time[o] != time[order[i - 1]]) {
                    k++;
                    t[k] = time[o];
                    risk[k] = n - i;
                }
                if (event[o]) {
                    ev[k]++;
                } else {
                    cens[k]++;
                }
            }
            return new KaplanMeierFit(t, risk, ev, cens, confType, level);
        }

        /**
         * One fit per group, in the sorted order of the group labels (as R's factor levels).
         *
         * @param group a label per observation
         */
        public Map<String, KaplanMeierFit> fitByGroup(double[] time, boolean[] event, String[] group) {
            Checks.sameLength("time and group", time.length, group.length);
            Checks.sameLength("time and event", time.length, event.length);
            Map<String, int[]> members = Groups.indices(group);
            Map<String, KaplanMeierFit> fits = new LinkedHashMap<>();
            members.forEach((g, idx) -> {
                double[] tg = new double[idx.length];
                boolean[] eg = new boolean[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    tg[i] = time[idx[i]];
                    eg[i] = event[idx[i]];
                }
                fits.put(g, fit(tg, eg));
            });
            return fits;
        }
    }

    /** Same as {@code options().fitByGroup(time, event, group)}. */
    public static Map<String, KaplanMeierFit> fitByGroup(double[] time, boolean[] event, String[] group) {
        return options().fitByGroup(time, event, group);
    }

    /** Group labels to the indices of their members, labels sorted. */
    static final class Groups {
        private Groups() {}

        static Map<String, int[]> indices(String[] group) {
            Map<String, int[]> counts = new TreeMap<>();
            for (String g : group) {
                if (g == null) {
                    throw new IllegalArgumentException("group label missing");
                }
                counts.merge(g, new int[] {1}, (a, b) -> new int[] {a[0] + 1});
            }
            Map<String, int[]> out = new LinkedHashMap<>();
            Map<String, Integer> fill = new TreeMap<>();
            counts.forEach((g, c) -> {
                out.put(g, new int[c[0]]);
                fill.put(g, 0);
            });
            for (int i = 0; i < group.length; i++) {
                int pos = fill.merge(group[i], 1, Integer::sum) - 1;
                out.get(group[i])[pos] = i;
            }
            return out;
        }
    }
}
