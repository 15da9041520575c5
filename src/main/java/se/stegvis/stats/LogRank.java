package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * The log-rank test (Mantel 1966; Peto and Peto 1972) comparing survival between groups, with the
 * hypergeometric variance, as R's {@code survival::survdiff(Surv(time, status) ~ group)} (rho = 0),
 * optionally stratified ({@code ~ group + strata(s)}: observed, expected and variance summed over
 * strata). Events before censorings at tied times.
 *
 * <p>Late entry (left truncation): with entry times the risk set at t is those with entry < t <= time.
 * R's {@code survdiff} refuses such data; on untied event times the statistic equals the Cox score
 * test, {@code coxph(Surv(entry, time, status) ~ group)$score}. With tied event times it keeps
 * survdiff's hypergeometric variance, which no R function computes for late entry.
 */
public final class LogRank {
    private LogRank() {}

    /** Unstratified log-rank test across the groups. */
    public static LogRankResult test(double[] time, boolean[] event, String[] group) {
        return test(null, time, event, group, oneStratum(time.length));
    }

    /** Log-rank test stratified by {@code stratum}. */
    public static LogRankResult test(double[] time, boolean[] event, String[] group, String[] stratum) {
        return test(null, time, event, group, stratum);
    }

    /** Unstratified log-rank test with late entry: at risk when entry < t <= time. */
    public static LogRankResult test(double[] entry, double[] time, boolean[] event, String[] group) {
        return test(entry, time, event, group, oneStratum(time.length));
    }

    private static String[] oneStratum(int n) {
        String[] one = new String[n];
        Arrays.fill(one, "");
        return one;
    }

    /**
     * Log-rank test stratified by {@code stratum}, with late entry.
     *
     * @param entry time each person came under observation (>= 0, < time), or null: at risk from 0
     */
    public static LogRankResult test(double[] entry, double[] time, boolean[] event, String[] group, String[] stratum) {
        Checks.sameLength("time and event", time.length, event.length);
        Checks.sameLength("time and group", time.length, group.length);
        Checks.sameLength("time and stratum", time.length, stratum.length);
        Checks.times(time);
        if (entry != null) {
            Checks.entries(entry, time);
        }
        Map<String, int[]> groups = Groups.indices(group);
        if (groups.size() < 2) {
            throw new IllegalArgumentException("log-rank needs at least 2 groups, got " + groups.size());
        }
        List<String> labels = new ArrayList<>(groups.keySet());
        int k = labels.size();
        int[] g = new int[time.length];
        for (int j = 0; j < k; j++) {
            for (int i : groups.get(labels.get(j))) {
                g[i] = j;
            }
        }
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] var = new double[k][k];
        for (int[] members : Groups.indices(stratum).values()) {
            accumulate(entry, time, event, g, k, members, obs, exp, var);
        }
        boolean anyEvent = false;
        for (boolean e : event) {
            anyEvent |= e;
        }
        if (!anyEvent) {
            throw new IllegalArgumentException("no events: the log-rank test is undefined");
        }
        int[] used = java.util.stream.IntStream.range(0, k).filter(j -> exp[j] > 0).toArray();
        if (used.length < 2) {
            throw new IllegalArgumentException("fewer than 2 groups have anyone at risk at an event time");
        }
        // drop the first used group: the variance matrix of all k is singular
        int m = used.length - 1;
        double[][] v = new double[m][m];
        double[] diff = new double[m];
        for (int a = 0; a < m; a++) {
            diff[a] = obs[used[a + 1]] - exp[used[a + 1]];
            for (int b = 0; b < m; b++) {
                v[a][b] = var[used[a + 1]][used[b + 1]];
            }
        }
        RealVector d = new ArrayRealVector(diff);
        var solver = new LUDecomposition(new Array2DRowRealMatrix(v)).getSolver();
        if (!solver.isNonSingular()) {
            throw new IllegalArgumentException("the log-rank variance matrix is singular: some groups never share a risk set"
                    + " at an event time; compare fewer groups");
        }
        double chi = solver.solve(d).dotProduct(d);
        double p = ChiSquaredDistribution.of(m).survivalProbability(chi);
        List<LogRankGroup> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            out.add(new LogRankGroup(labels.get(j), groups.get(labels.get(j)).length, obs[j], exp[j]));
        }
        return new LogRankResult(chi, m, p, out);
    }

    /** {@code members} ordered by time: a primitive sort of (rank of the time, index), no boxing. */
    private static int[] byTime(double[] time, int[] members) {
        double[] distinct = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            distinct[i] = time[members[i]];
        }
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || Double.compare(distinct[i], distinct[d - 1]) != 0) {
                distinct[d++] = distinct[i];
            }
        }
        long[] keys = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            keys[i] = ((long) Arrays.binarySearch(distinct, 0, d, time[members[i]]) << 32) | members[i];
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    private static void accumulate(double[] entry, double[] time, boolean[] event, int[] g, int k, int[] members,
                                   double[] obs, double[] exp, double[][] var) {
        int[] order = byTime(time, members);
        int[] byEntry = entry == null ? new int[0] : byTime(entry, members);
        int[] atRisk = new int[k];
        if (entry == null) {
            for (int i : members) {
                atRisk[g[i]]++;
            }
        }
        int i = 0;
        int entered = 0;
        while (i < order.length) {
            double t = time[order[i]];
            for (; entered < byEntry.length && entry[byEntry[entered]] < t; entered++) {
                atRisk[g[byEntry[entered]]]++;
            }
            int j = i;
            int[] deaths = new int[k];
            int[] leaving = new int[k];
            while (j < order.length && time[order[j]] == t) {
                int o = order[j];
                leaving[g[o]]++;
                if (event[o]) {
                    deaths[g[o]]++;
                }
                j++;
            }
            int n = Arrays.stream(atRisk).sum();
            int dTotal = Arrays.stream(deaths).sum();
            if (dTotal > 0) {
                for (int a = 0; a < k; a++) {
                    obs[a] += deaths[a];
                    exp[a] += (double) dTotal * atRisk[a] / n;
                }
                if (n > 1) {
                    double w = (double) dTotal * (n - dTotal) / ((double) n * n * (n - 1));
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            var[a][b] += w * atRisk[a] * ((a == b ? n : 0) - atRisk[b]);
                        }
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                atRisk[a] -= leaving[a];
            }
            i = j;
        }
    }
}
