package se.stegvis.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kaplan-Meier product-limit estimator (Kaplan and Meier 1958) with Greenwood's variance, as R's
 * {@code survival::survfit(Surv(time, status) ~ 1)}.
 *
 * <p>Conventions: at a tied time, events come before censorings (those censored at t are still at
 * risk at t); pointwise intervals default to log-log (R's survfit default is "log", available as
 * {@link ConfType#LOG}); times must be finite and non-negative; late entry (left truncation) is
 * supported. Unlike R, times are not merged by {@code aeqSurv} (it only matters for times differing
 * by rounding error).
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
    public static final class Options extends PointwiseOptions<Options> {
        private Options(ConfType confType, double level) {
            super(confType, level);
        }

        @Override
        Options copy(ConfType confType, double level) {
            return new Options(confType, level);
        }

        /**
         * Kaplan-Meier estimate with Greenwood standard errors and pointwise intervals.
         *
         * @param time follow-up times (finite, >= 0)
         * @param event true = event at {@code time}, false = censored
         */
        public KaplanMeierFit fit(double[] time, boolean[] event) {
            return fit(null, time, event);
        }

        /**
         * Kaplan-Meier with late entry (left truncation), as R's {@code survfit(Surv(entry, time, status) ~ 1)}:
         * a person is at risk at t when entry < t <= time. {@code entry} null means everyone is at
         * risk from the start (plain right censoring).
         *
         * @param entry time each person came under observation (finite, >= 0, < time), or null
         */
        public KaplanMeierFit fit(double[] entry, double[] time, boolean[] event) {
            Checks.sameLength("time and event", time.length, event.length);
            Checks.times(time);
            double[] entries = entry == null ? new double[0] : entry.clone();
            if (entry != null) {
                Checks.entries(entry, time);
                Arrays.sort(entries);
            }
            // Event and censoring times sorted apart (primitive sorts, no boxed index array), then
            // merged over the distinct times.
            int n = time.length;
            int events = 0;
            for (boolean e : event) {
                events += e ? 1 : 0;
            }
            double[] evTimes = new double[events];
            double[] censTimes = new double[n - events];
            for (int i = 0, a = 0, b = 0; i < n; i++) {
                if (event[i]) {
                    evTimes[a++] = time[i];
                } else {
                    censTimes[b++] = time[i];
                }
            }
            Arrays.sort(evTimes);
            Arrays.sort(censTimes);
            double[] t = new double[n];
            int[] risk = new int[n];
            int[] ev = new int[n];
            int[] cens = new int[n];
            int k = 0;
            int a = 0;
            int b = 0;
            while (a < evTimes.length || b < censTimes.length) {
                double next = b == censTimes.length || (a < evTimes.length && evTimes[a] <= censTimes[b])
                        ? evTimes[a] : censTimes[b];
                t[k] = next;
                // at risk: exit >= t, minus those not yet entered (entry >= t; they exit after t)
                risk[k] = n - a - b - notYetEntered(entries, next);
                for (; a < evTimes.length && evTimes[a] == next; a++) {
                    ev[k]++;
                }
                for (; b < censTimes.length && censTimes[b] == next; b++) {
                    cens[k]++;
                }
                k++;
            }
            t = Arrays.copyOf(t, k);
            risk = Arrays.copyOf(risk, k);
            ev = Arrays.copyOf(ev, k);
            cens = Arrays.copyOf(cens, k);
            return new KaplanMeierFit(n, t, risk, ev, cens, confType, level);
        }

        private static int notYetEntered(double[] sortedEntries, double t) {
            int lo = 0;
            int hi = sortedEntries.length;
            while (lo < hi) { // first index with entry >= t
                int mid = (lo + hi) >>> 1;
                if (sortedEntries[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return sortedEntries.length - lo;
        }

        /**
         * One fit per group, in the sorted order of the group labels (as R's factor levels).
         *
         * @param group a label per observation
         */
        public Map<String, KaplanMeierFit> fitByGroup(double[] time, boolean[] event, String[] group) {
            return fitByGroup(null, time, event, group);
        }

        /** One fit per group with late entry ({@code entry} may be null), groups sorted. */
        public Map<String, KaplanMeierFit> fitByGroup(double[] entry, double[] time, boolean[] event, String[] group) {
            Checks.sameLength("time and group", time.length, group.length);
            Checks.sameLength("time and event", time.length, event.length);
            if (entry != null) {
                Checks.sameLength("entry and time", entry.length, time.length);
            }
            Map<String, KaplanMeierFit> fits = new LinkedHashMap<>();
            Groups.indices(group).forEach((g, idx) -> {
                double[] tg = new double[idx.length];
                double[] sg = entry == null ? null : new double[idx.length];
                boolean[] eg = new boolean[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    tg[i] = time[idx[i]];
                    eg[i] = event[idx[i]];
                    if (sg != null) {
                        sg[i] = entry[idx[i]];
                    }
                }
                fits.put(g, fit(sg, tg, eg));
            });
            return fits;
        }
    }

    /** Same as {@code options().fitByGroup(time, event, group)}. */
    public static Map<String, KaplanMeierFit> fitByGroup(double[] time, boolean[] event, String[] group) {
        return options().fitByGroup(time, event, group);
    }
}
