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
 * (Therneau, survival vignette "Multi-state models and competing risks"; computed in O(n + times x
 * causes) from running sums rather than per person), and the pointwise
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
    public static final class Options extends PointwiseOptions<Options> {
        private Options(ConfType confType, double level) {
            super(confType, level);
        }

        @Override
        Options copy(ConfType confType, double level) {
            return new Options(confType, level);
        }

        /** One fit per group, in the sorted order of the group labels. */
        public Map<String, CumulativeIncidence> fitByGroup(double[] time, int[] cause, String[] group) {
            Checks.sameLength("time and cause", time.length, cause.length);
            Checks.sameLength("time and group", time.length, group.length);
            Map<String, CumulativeIncidence> out = new LinkedHashMap<>();
            Groups.indices(group).forEach((g, idx) ->
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
            int m = times.length;
            // exits per distinct time, by cause (column k = censored)
            int[] exitIndex = new int[n];
            int[][] exits = new int[m][k + 1];
            for (int i = 0; i < n; i++) {
                exitIndex[i] = Arrays.binarySearch(times, time[i]);
                exits[exitIndex[i]][causeIndex[i] < 0 ? k : causeIndex[i]]++;
            }
            double z = ConfType.z(level);
            Map<Integer, List<CumulativeIncidenceRow>> rows = new TreeMap<>();
            for (int c : codes) {
                rows.put(c, new ArrayList<>());
            }
            // Influence dF_k/dw_i takes few forms: everyone still at risk shares one trajectory (g*);
            // at its exit a person's value depends only on the time and cause; afterwards it moves as
            // a + b F_k(t). So the jackknife sum of squares needs running sums, not a pass over people.
            double s = 1;                   // all-cause KM just before the current time
            double[] f = new double[k];
            double gS = 0;                  // dS/dw for someone still at risk
            double[] gF = new double[k];
            double[] sumA2 = new double[k];  // over people who have left: sum a^2, sum a b, sum b^2
            double[] sumAB = new double[k];
            double sumB2 = 0;
            int risk = n;
            for (int j = 0; j < m; j++) {
                int[] d = Arrays.copyOf(exits[j], k);
                int dAll = Arrays.stream(d).sum();
                int leaving = dAll + exits[j][k];
                double h = (double) dAll / risk;
                double sAfter = s * (1 - h);
                double[] hk = new double[k];
                for (int c = 0; c < k; c++) {
                    hk[c] = (double) d[c] / risk;
                    f[c] += s * hk[c];
                }
                // people leaving now: censored (status k) or failing from cause c
                for (int status = 0; status <= k; status++) {
                    int count = exits[j][status];
                    if (count == 0) {
                        continue;
                    }
                    double fails = status < k ? 1 : 0;
                    double dh = (fails - h) / risk;
                    double eS = gS * (1 - h) - s * dh;
                    double b = sAfter > 0 ? eS / sAfter : 0;
                    sumB2 += count * b * b;
                    for (int c = 0; c < k; c++) {
                        double dhk = ((status == c ? 1 : 0) - hk[c]) / risk;
                        double eF = gF[c] + gS * hk[c] + s * dhk;
                        double a = eF - b * f[c];
                        sumA2[c] += count * a * a;
                        sumAB[c] += count * a * b;
                    }
                }
                // those still at risk after this time
                double dhRisk = -h / risk;
                for (int c = 0; c < k; c++) {
                    gF[c] += gS * hk[c] + s * (-hk[c] / risk);
                }
                gS = gS * (1 - h) - s * dhRisk;
                int stay = risk - leaving;
                for (int c = 0; c < k; c++) {
                    double var = stay * gF[c] * gF[c] + sumA2[c] + 2 * f[c] * sumAB[c] + f[c] * f[c] * sumB2;
                    double se = Math.sqrt(Math.max(0, var));
                    double[] bnd = confType.bounds(f[c], se == 0 ? 0 : se / f[c], z);
                    rows.get(codes.get(c)).add(new CumulativeIncidenceRow(times[j], risk, d[c], f[c], se, bnd[0], bnd[1]));
                }
                s = sAfter;
                risk = stay;
            }
            return new CumulativeIncidence(n, confType, level, rows);
        }
    }

    /** Same as {@code options().fitByGroup(time, cause, group)}. */
    public static Map<String, CumulativeIncidence> fitByGroup(double[] time, int[] cause, String[] group) {
        return options().fitByGroup(time, cause, group);
    }
}
