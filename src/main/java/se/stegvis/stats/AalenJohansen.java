package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aalen-Johansen estimator of cumulative incidence with competing risks (Aalen and Johansen 1978):
 * {@code F_k(t) = sum_{s <= t} S(s-) d_k(s) / n(s)}, S the all-cause Kaplan-Meier. Never 1 - KM of
 * one cause, which overstates the incidence when other causes remove people from risk.
 *
 * <p>Matches R's {@code survival::survfit(Surv(time, factor(status)) ~ 1)} (multi-state, survival
 * >= 3): the standard error is the infinitesimal jackknife, {@code sqrt(sum_i (dF_k(t)/dw_i)^2)}
 * (Therneau, survival vignette "Multi-state models and competing risks"), and the pointwise
 * interval is survfit's default "log" transformation unless set otherwise. Events come before
 * censorings at tied times.
 */
public final class AalenJohansen {
    private AalenJohansen() {}

    /** Fits with R's defaults (log intervals, level 0.95). */
    public static CumulativeIncidence fit(double[] time, int[] cause) {
        return options().fit(time, cause);
    }

    /** Options: {@code AalenJohansen.options().confType(ConfType.LOG_LOG).level(0.9).fit(t, c)}. */
    public static Options options() {
        return new Options(ConfType.LOG, 0.95);
    }

    /** Fit options (immutable). */
    public static final class Options {
        private final ConfType confType;
        private final double level;

        private Options(ConfType confType, double level) {
            this.confType = confType;
            this.level = level;
        }

        /** Pointwise interval transformation (default log, as survfit). */
        public Options confType(ConfType type) {
            return new Options(type, level);
        }

        /** Confidence level (default 0.95). */
        public Options level(double level) {
            Checks.level(level);
            return new Options(confType, level);
        }

        /** One fit per group, in the sorted order of the group labels. */
        public Map<String, CumulativeIncidence> fitByGroup(double[] time, int[] cause, String[] group) {
            Checks.sameLength("time and cause", time.length, cause.length);
            Checks.sameLength("time and group", time.length, group.length);
            Map<String, CumulativeIncidence> out = new LinkedHashMap<>();
            KaplanMeier.Groups.indices(group).forEach((g, idx) ->
                    out.put(g, fit(Arrays.stream(idx).mapToDouble(i -> time[i]).toArray(),
                            Arrays.stream(idx).map(i -> cause[i]).toArray())));
            return out;
        }

        /**
         * Cumulative incidence per cause.
         *
         * @param time follow-up times (finite, >= 0)
         * @param cause 0 = censored, 1..k = the cause of the event at {@code time}
         */
        public CumulativeIncidence fit(double[] time, int[] cause) {
            Checks.sameLength("time and cause", time.length, cause.length);
            Checks.times(time);
            TreeSet<Integer> causes = new TreeSet<>();
            for (int c : cause) {
                if (c < 0) {
                    throw new IllegalArgumentException("cause must be 0 (censored) or a positive code, got " + c);
                }
                if (c > 0) {
                    causes.add(c);
                }
            }
            if (causes.isEmpty()) {
                throw new IllegalArgumentException("no events: every observation is censored, no cumulative incidence to estimate");
            }
            int n = time.length;
            double[] times = Arrays.stream(time).distinct().sorted().toArray();
            int[] causeIndex = new int[n]; // -1 censored, else position in causes
            List<Integer> codes = new ArrayList<>(causes);
            for (int i = 0; i < n; i++) {
                causeIndex[i] = cause[i] == 0 ? -1 : codes.indexOf(cause[i]);
            }
            int k = codes.size();
            double z = ConfType.z(level);
            double s = 1;                  // all-cause KM just before the current time
            double[] f = new double[k];
            double[] dS = new double[n];   // d S / d w_i
            double[][] dF = new double[k][n];
            Map<Integer, List<CumulativeIncidenceRow>> rows = new TreeMap<>();
            for (int c : codes) {
                rows.put(c, new ArrayList<>());
            }
            for (double t : times) {
                int risk = 0;
                int[] d = new int[k];
                for (int i = 0; i < n; i++) {
                    if (time[i] >= t) {
                        risk++;
                        if (time[i] == t && causeIndex[i] >= 0) {
                            d[causeIndex[i]]++;
                        }
                    }
                }
                int dAll = Arrays.stream(d).sum();
                double h = (double) dAll / risk;
                for (int i = 0; i < n; i++) {
                    boolean atRisk = time[i] >= t;
                    boolean failsNow = time[i] == t && causeIndex[i] >= 0;
                    double dh = ((failsNow ? 1 : 0) - (atRisk ? h : 0)) / risk;
                    for (int c = 0; c < k; c++) {
                        double hk = (double) d[c] / risk;
                        double dhk = ((failsNow && causeIndex[i] == c ? 1 : 0) - (atRisk ? hk : 0)) / risk;
                        dF[c][i] += dS[i] * hk + s * dhk;
                    }
                    dS[i] = dS[i] * (1 - h) - s * dh;
                }
                for (int c = 0; c < k; c++) {
                    f[c] += s * d[c] / risk;
                    double var = 0;
                    for (int i = 0; i < n; i++) {
                        var += dF[c][i] * dF[c][i];
                    }
                    double se = Math.sqrt(var);
                    double[] b = confType.bounds(f[c], se == 0 ? 0 : se / f[c], z);
                    rows.get(codes.get(c)).add(new CumulativeIncidenceRow(t, risk, d[c], f[c], se, b[0], b[1]));
                }
                s *= 1 - h;
            }
            return new CumulativeIncidence(n, confType, level, rows);
        }
    }

    /** Same as {@code options().fitByGroup(time, cause, group)}. */
    public static Map<String, CumulativeIncidence> fitByGroup(double[] time, int[] cause, String[] group) {
        return options().fitByGroup(time, cause, group);
    }
}
