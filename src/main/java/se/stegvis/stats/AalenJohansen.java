package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
            return fitByGroup(null, time, cause, group);
        }

        /**
         * One fit per group with late entry ({@code entry} may be null), groups sorted. Every group
         * has a curve for every cause in the data, 0 throughout where the group has none of it, as R.
         */
        public Map<String, CumulativeIncidence> fitByGroup(double[] entry, double[] time, int[] cause, String[] group) {
            Checks.sameLength("time and cause", time.length, cause.length);
            Checks.sameLength("time and group", time.length, group.length);
            if (entry != null) {
                Checks.sameLength("entry and time", entry.length, time.length);
            }
            List<Integer> codes = causes(cause);
            Map<String, CumulativeIncidence> out = new LinkedHashMap<>();
            Groups.indices(group).forEach((g, idx) -> out.put(g, fit(
                    entry == null ? null : Arrays.stream(idx).mapToDouble(i -> entry[i]).toArray(),
                    Arrays.stream(idx).mapToDouble(i -> time[i]).toArray(),
                    Arrays.stream(idx).map(i -> cause[i]).toArray(), codes)));
            return out;
        }

        /**
         * Cumulative incidence per cause.
         *
         * @param time follow-up times (finite, >= 0)
         * @param cause 0 = censored, 1..k = the cause of the event at {@code time}
         */
        public CumulativeIncidence fit(double[] time, int[] cause) {
            return fit(null, time, cause);
        }

        /**
         * Cumulative incidence per cause with late entry (left truncation), as R's
         * {@code survfit(Surv(entry, time, factor(cause)) ~ 1, id = id)}: a person is at risk at t when
         * entry < t <= time. {@code entry} null means everyone is at risk from the start.
         *
         * @param entry time each person came under observation (>= 0, < time), or null
         */
        public CumulativeIncidence fit(double[] entry, double[] time, int[] cause) {
            Checks.sameLength("time and cause", time.length, cause.length);
            return fit(entry, time, cause, causes(cause));
        }

        /** The cause codes present, ascending; refuses negative codes and data without any event. */
        private static List<Integer> causes(int[] cause) {
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
            return new ArrayList<>(causes);
        }

        private CumulativeIncidence fit(double[] entry, double[] time, int[] cause, List<Integer> codes) {
            Checks.times(time);
            if (entry != null) {
                Checks.entries(entry, time);
            }
            int n = time.length;
            double[] times = Arrays.stream(time).distinct().sorted().toArray();
            int k = codes.size();
            int m = times.length;
            // people by exit time (counting sort over the distinct times); status k = censored
            int[] status = new int[n];
            int[] exitsAt = new int[m + 1];
            for (int i = 0; i < n; i++) {
                status[i] = cause[i] == 0 ? k : codes.indexOf(cause[i]);
                exitsAt[Arrays.binarySearch(times, time[i]) + 1]++;
            }
            for (int j = 0; j < m; j++) {
                exitsAt[j + 1] += exitsAt[j];
            }
            int[] byExit = new int[n];
            int[] fill = Arrays.copyOf(exitsAt, m);
            for (int i = 0; i < n; i++) {
                byExit[fill[Arrays.binarySearch(times, time[i])]++] = i;
            }
            int[] byEntry = entry == null ? new int[0]
                    : IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> entry[i])).mapToInt(i -> i).toArray();
            double z = ConfType.z(level);
            Map<Integer, List<CumulativeIncidenceRow>> rows = new TreeMap<>();
            for (int c : codes) {
                rows.put(c, new ArrayList<>());
            }
            // Influence dF_k/dw_i takes few forms: everyone at risk from the start shares one trajectory
            // (g*); one who entered at e differs from it by -A_i - c_i F_k(t) (and by -c_i S(t) in dS/dw),
            // with c_i = g*_S(e) / S(e), A_i = g*_F(e) - c_i F_k(e), since that difference starts at -g*(e)
            // and then moves with S and F; after their exit a person's value is a + b F_k(t). So the
            // jackknife sum of squares needs running sums of A, c and b, not a pass over people per time.
            double s = 1;                   // all-cause KM just before the current time
            double[] f = new double[k];
            double gS = 0;                  // dS/dw for someone at risk from the start
            double[] gF = new double[k];
            double[] sumA2 = new double[k];  // over people who have left: sum a^2, sum a b, sum b^2
            double[] sumAB = new double[k];
            double sumB2 = 0;
            double[] entryC = new double[n];     // c_i and A_i of late entrants (0 for those at risk from 0)
            double[][] entryA = new double[n][k];
            double riskC = 0;                    // over those at risk: sum c, sum c^2, sum A, sum A^2, sum A c
            double riskC2 = 0;
            double[] riskA = new double[k];
            double[] riskA2 = new double[k];
            double[] riskAC = new double[k];
            int risk = entry == null ? n : 0;
            int entered = 0;
            for (int j = 0; j < m; j++) {
                for (; entered < byEntry.length && entry[byEntry[entered]] < times[j]; entered++) {
                    int i = byEntry[entered];
                    if (s == 0) {
                        throw new IllegalArgumentException("entry at " + entry[i] + " after everyone at risk had an event"
                                + " (all-cause survival 0): the cumulative incidence of later entrants is undefined");
                    }
                    double c = gS / s;
                    entryC[i] = c;
                    riskC += c;
                    riskC2 += c * c;
                    for (int q = 0; q < k; q++) {
                        double a = gF[q] - c * f[q];
                        entryA[i][q] = a;
                        riskA[q] += a;
                        riskA2[q] += a * a;
                        riskAC[q] += a * c;
                    }
                    risk++;
                }
                int[] d = new int[k];
                for (int x = exitsAt[j]; x < exitsAt[j + 1]; x++) {
                    if (status[byExit[x]] < k) {
                        d[status[byExit[x]]]++;
                    }
                }
                int dAll = Arrays.stream(d).sum();
                int leaving = exitsAt[j + 1] - exitsAt[j];
                double h = (double) dAll / risk;
                double sAfter = s * (1 - h);
                double[] hk = new double[k];
                for (int c = 0; c < k; c++) {
                    hk[c] = (double) d[c] / risk;
                    f[c] += s * hk[c];
                }
                // people leaving now, censored (status k) or failing from cause c: first the values of
                // someone at risk from the start, then each leaver's own
                for (int x = exitsAt[j]; x < exitsAt[j + 1]; x++) {
                    int i = byExit[x];
                    int st = status[i];
                    double fails = st < k ? 1 : 0;
                    double dh = (fails - h) / risk;
                    double eS = gS * (1 - h) - s * dh;
                    double ci = entryC[i];
                    double b = sAfter > 0 ? eS / sAfter - ci : 0;
                    sumB2 += b * b;
                    riskC -= ci;
                    riskC2 -= ci * ci;
                    for (int c = 0; c < k; c++) {
                        double dhk = ((st == c ? 1 : 0) - hk[c]) / risk;
                        double eF = gF[c] + gS * hk[c] + s * dhk - entryA[i][c] - ci * f[c];
                        double a = eF - b * f[c];
                        sumA2[c] += a * a;
                        sumAB[c] += a * b;
                        riskA[c] -= entryA[i][c];
                        riskA2[c] -= entryA[i][c] * entryA[i][c];
                        riskAC[c] -= entryA[i][c] * ci;
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
                    // sum over those at risk of (gF - A_i - c_i F)^2
                    double atRisk = stay * gF[c] * gF[c] - 2 * gF[c] * (riskA[c] + f[c] * riskC)
                            + riskA2[c] + 2 * f[c] * riskAC[c] + f[c] * f[c] * riskC2;
                    double var = atRisk + sumA2[c] + 2 * f[c] * sumAB[c] + f[c] * f[c] * sumB2;
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
