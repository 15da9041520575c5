package se.stegvis.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Fisher's exact test (Fisher 1935) as R's {@code fisher.test}. For 2x2 tables the p-value comes from
 * Commons Statistics and the conditional maximum-likelihood odds ratio with its exact conditional
 * interval is ours (Commons gives the sample odds ratio), following R: the MLE solves
 * E[X; psi] = x under the noncentral hypergeometric distribution, the bounds solve
 * P(X >= x; psi) = alpha/2 and P(X <= x; psi) = alpha/2. R solves with {@code uniroot}'s default
 * tolerance (1.2e-4 on psi below 1, on 1/psi above, so R's large bounds can be ~1% off); this
 * solves to full precision and equals R's code run with a tight tolerance.
 * For r x c tables the p-value sums the tables with the observed margins that are as or less probable
 * (relative tolerance 1e-7, as R), walked as a network with whole sub-networks added or dropped at once
 * (the idea of Mehta and Patel 1983, which R's FEXACT implements). The walk is bounded by a count of
 * steps, not a clock or memory, so the same table always gets the same answer: beyond the bound the
 * p-value is simulated as R's {@code simulate.p.value = TRUE} with a fixed seed, and says so.
 */
public final class FisherExact {
    /** R's relative tolerance for "as or less probable than observed". */
    private static final double REL_ERR = 1 + 1e-7;
    /**
     * Column splits the exact walk may enumerate (about a second on one core, well under 1 GB): a
     * 5 x 3 table with n = 77 took 0.76 million, a 6 x 3 with n = 99 took 7.9 million (8 to 20 s).
     */
    static final long MAX_STEPS = 2_000_000;
    /** Simulated tables beyond the bound: the Monte Carlo standard error is at most 0.005. */
    static final int REPLICATES = 10_000;
    /** Fixed, so a simulated p-value is reproducible. */
    public static final long SEED = 18;

    private FisherExact() {}

    /**
     * Two-sided test on the 2x2 table {@code {{a, b}, {c, d}}} with the conditional MLE odds ratio
     * (a*d/(b*c) direction) and its exact interval at {@code level}.
     */
    public static FisherResult test2x2(int a, int b, int c, int d, double level) {
        Checks.level(level);
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        int m = a + c;      // first column total
        int n = b + d;      // second column total
        int k = a + b;      // first row total
        if (m + n == 0) {
            throw new IllegalArgumentException("no observations: the table is empty");
        }
        double p = pValue2x2(a, b, c, d);
        NoncentralHypergeometric h = new NoncentralHypergeometric(m, n, k);
        double alpha = (1 - level) / 2;
        double or = a == h.lo ? 0 : a == h.hi ? Double.POSITIVE_INFINITY : h.solve(psi -> h.mean(psi) - a);
        double lower = a == h.lo ? 0 : h.solve(psi -> h.upperTail(a, psi) - alpha);
        double upper = a == h.hi ? Double.POSITIVE_INFINITY : h.solve(psi -> alpha - h.lowerTail(a, psi));
        return new FisherResult(p, or, lower, upper, level);
    }

    /**
     * Two-sided p-value of the 2x2 table {@code {{a, b}, {c, d}}}, as {@link #test2x2} without the odds
     * ratio and its interval (their root finding is most of the cost on large counts).
     */
    public static double pValue2x2(int a, int b, int c, int d) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (a + b + c + d == 0) {
            throw new IllegalArgumentException("no observations: the table is empty");
        }
        return FisherExactTest.withDefaults().test(new int[][] {{a, b}, {c, d}}).getPValue();
    }

    /**
     * Two-sided test of an r x c table: R's {@code fisher.test(x)$p.value} when the exact walk stays
     * within {@link #MAX_STEPS}, else R's {@code fisher.test(x, simulate.p.value = TRUE, B = 10000)}
     * with seed {@link #SEED}.
     */
    public static FisherRxcResult testRxc(long[][] table) {
        Table t = Table.of(table);
        if (t.rows() == 2 && t.cols() == 2) {
            return new FisherRxcResult(pValue2x2((int) table[0][0], (int) table[0][1], (int) table[1][0], (int) table[1][1]), 0, 0);
        }
        int[] rows = new int[t.rows()];
        int[] cols = new int[t.cols()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                rows[i] += (int) table[i][j];
                cols[j] += (int) table[i][j];
            }
        }
        double[] logFact = new double[(int) t.total() + 1];
        for (int i = 1; i < logFact.length; i++) {
            logFact[i] = logFact[i - 1] + Math.log(i);
        }
        double constant = -logFact[(int) t.total()];
        for (int r : rows) {
            constant += logFact[r];
        }
        for (int c : cols) {
            constant += logFact[c];
        }
        double observed = constant;
        for (long[] row : table) {
            for (long x : row) {
                observed -= logFact[(int) x];
            }
        }
        // walk the longer margin as stages: nodes are multisets of the shorter one, far fewer of them
        boolean transpose = rows.length > cols.length;
        Network net = new Network(transpose ? rows : cols, logFact, constant, observed + Math.log(REL_ERR));
        try {
            return new FisherRxcResult(Math.min(1, net.pValue(descending(transpose ? cols : rows))), 0, 0);
        } catch (TooManySteps e) {
            return simulated(rows, cols, observed - constant, logFact);
        }
    }

    /**
     * R's Monte Carlo p-value, (1 + #{simulated tables with sum log(x!) >= observed's}) / (B + 1),
     * with R's tolerance; tables with the observed margins drawn uniformly by shuffling the column
     * labels of the n observations against their row labels.
     */
    private static FisherRxcResult simulated(int[] rows, int[] cols, double observedStatistic, double[] logFact) {
        int[] columnOf = new int[Arrays.stream(cols).sum()];
        for (int j = 0, k = 0; j < cols.length; j++) {
            for (int c = 0; c < cols[j]; c++) {
                columnOf[k++] = j;
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        int[] cells = new int[cols.length];
        int asExtreme = 0;
        for (int b = 0; b < REPLICATES; b++) {
            for (int i = columnOf.length - 1; i > 0; i--) { // Fisher-Yates shuffle
                int j = random.nextInt(i + 1);
                int tmp = columnOf[i];
                columnOf[i] = columnOf[j];
                columnOf[j] = tmp;
            }
            double statistic = 0; // -sum log(x!), larger = more probable, as R's STATISTIC
            for (int i = 0, k = 0; i < rows.length; i++) {
                Arrays.fill(cells, 0);
                for (int end = k + rows[i]; k < end; k++) {
                    cells[columnOf[k]]++;
                }
                for (int x : cells) {
                    statistic -= logFact[x];
                }
            }
            if (statistic <= observedStatistic / (1 + 64 * Math.ulp(1.0))) { // R: STATISTIC / almost.1
                asExtreme++;
            }
        }
        double p = (1.0 + asExtreme) / (REPLICATES + 1);
        return new FisherRxcResult(p, REPLICATES, Math.sqrt(p * (1 - p) / REPLICATES));
    }

    /** The exact walk reached {@link #MAX_STEPS}. */
    private static final class TooManySteps extends RuntimeException {
        TooManySteps() {
            super(null, null, false, false);
        }
    }

    private static int[] descending(int[] x) {
        int[] s = x.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            int tmp = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = tmp;
        }
        return s;
    }

    /**
     * The network algorithm's idea (Mehta and Patel 1983) in plain form: fill the table a column at
     * a time; the tables still reachable depend only on the remaining row totals (as a multiset), so
     * for each such node we bound the most and least probable completion (cheap loose bounds first,
     * exact memoised ones where those cannot decide) and know the total of all completions (closed form). A node whose every completion is as or less probable than observed
     * adds its total at once; one whose every completion is more probable is dropped; only the rest
     * is walked further. Paths reaching a node with the same probability so far (to 1e-12) are merged
     * and counted, as FEXACT does with its past-path hash.
     */
    private static final class Network {
        final int[] cols;
        final double[] logFact;
        final double constant;
        final double threshold;
        final Map<Node, double[]> exact = new HashMap<>();
        long steps;

        Network(int[] cols, double[] logFact, double constant, double threshold) {
            this.cols = cols;
            this.logFact = logFact;
            this.constant = constant;
            this.threshold = threshold;
        }

        double pValue(int[] rows) {
            Map<Node, Map<Long, double[]>> stage = new HashMap<>(); // node -> rounded past -> {past, paths}
            stage.computeIfAbsent(new Node(0, rows), k -> new HashMap<>()).put(0L, new double[] {0, 1});
            double p = 0;
            for (int j = 0; j <= cols.length; j++) { // at j = cols.length the bounds are exact: all decided
                int nextColumn = j + 1;
                Map<Node, Map<Long, double[]>> next = new HashMap<>();
                for (Map.Entry<Node, Map<Long, double[]>> e : stage.entrySet()) {
                    double[] loose = bounds(j, e.getKey().rowsLeft());
                    for (double[] path : e.getValue().values()) {
                        double past = path[0];
                        boolean decided = constant + past + loose[0] <= threshold || constant + past + loose[1] > threshold;
                        double[] b = decided ? loose : exact(e.getKey());
                        if (constant + past + b[0] <= threshold) {
                            p += path[1] * Math.exp(constant + past + b[2]);
                        } else if (constant + past + b[1] <= threshold) {
                            forEachAllocation(e.getKey().rowsLeft(), cols[j], (rowsLeft, weight) -> {
                                double value = past + weight;
                                next.computeIfAbsent(new Node(nextColumn, rowsLeft), k -> new HashMap<>())
                                        .merge(Math.round(value * 1e12), new double[] {value, path[1]},
                                                (x, y) -> new double[] {x[0], x[1] + y[1]});
                            });
                        }
                    }
                }
                stage = next;
            }
            return p;
        }

        /**
         * {upper bound of the max, lower bound of the min, log of the sum} over completions from column
         * j of -sum log(x!). The bounds relax one set of margins: spreading each total evenly gives
         * the most probable cells, piling it in one cell the least; the sum is exact:
         * sum over tables with these margins of prod 1/x! = N! / (prod r! prod c!).
         */
        double[] bounds(int j, int[] rowsLeft) {
            int total = 0;
            double logSum = 0;
            double pileRows = 0;
            for (int r : rowsLeft) {
                total += r;
                logSum -= logFact[r];
                pileRows -= logFact[r];
            }
            if (j == cols.length) {
                return new double[] {0, 0, 0};
            }
            if (j == cols.length - 1) { // the last column is forced
                return new double[] {pileRows, pileRows, pileRows};
            }
            double pileCols = 0;
            double evenCols = 0;
            int nonZeroRows = (int) Arrays.stream(rowsLeft).filter(r -> r > 0).count();
            for (int jj = j; jj < cols.length; jj++) {
                logSum -= logFact[cols[jj]];
                pileCols -= logFact[cols[jj]];
                evenCols -= evenSplit(cols[jj], nonZeroRows);
            }
            double evenRows = 0;
            for (int r : rowsLeft) {
                evenRows -= evenSplit(r, cols.length - j);
            }
            return new double[] {Math.min(evenRows, evenCols), Math.max(pileRows, pileCols), logSum + logFact[total]};
        }

        /** Exact {max, min, log sum} of the completions of a node, memoised: used where the loose bounds cannot decide. */
        double[] exact(Node node) {
            int j = node.column();
            if (j >= cols.length - 1) {
                return bounds(j, node.rowsLeft());
            }
            double[] known = exact.get(node);
            if (known != null) {
                return known;
            }
            double[] b = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, bounds(j, node.rowsLeft())[2]};
            forEachAllocation(node.rowsLeft(), cols[j], (next, weight) -> {
                double[] rest = exact(new Node(j + 1, next));
                b[0] = Math.max(b[0], weight + rest[0]);
                b[1] = Math.min(b[1], weight + rest[1]);
            });
            exact.put(node, b);
            return b;
        }

        /** log of the product of factorials when {@code total} is split as evenly as possible into {@code parts}. */
        private double evenSplit(int total, int parts) {
            if (parts == 0) {
                return 0;
            }
            int q = total / parts;
            int rem = total % parts;
            return rem * logFact[q + 1] + (parts - rem) * logFact[q];
        }

        /** A node: the next column and the remaining row totals (sorted, so permutations share a node). */
        record Node(int column, int[] rowsLeft) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Node n && n.column == column && Arrays.equals(n.rowsLeft, rowsLeft);
            }

            @Override
            public int hashCode() {
                return 31 * column + Arrays.hashCode(rowsLeft);
            }
        }

        interface Allocation {
            void accept(int[] rowsLeft, double weight);
        }

        /** Every split of a column total over the rows within their remaining totals. */
        void forEachAllocation(int[] rowsLeft, int column, Allocation then) {
            int[] x = new int[rowsLeft.length];
            int[] suffix = new int[rowsLeft.length + 1];
            for (int i = rowsLeft.length - 1; i >= 0; i--) {
                suffix[i] = suffix[i + 1] + rowsLeft[i];
            }
            allocate(0, column, rowsLeft, suffix, x, 0, then);
        }

        private void allocate(int i, int left, int[] rowsLeft, int[] suffix, int[] x, double weight, Allocation then) {
            if (i == rowsLeft.length) {
                if (++steps > MAX_STEPS) {
                    throw new TooManySteps();
                }
                int[] next = new int[rowsLeft.length];
                for (int k = 0; k < next.length; k++) {
                    next[k] = rowsLeft[k] - x[k];
                }
                then.accept(descending(next), weight);
                return;
            }
            int min = Math.max(0, left - suffix[i + 1]);
            int max = Math.min(rowsLeft[i], left);
            for (int v = min; v <= max; v++) {
                x[i] = v;
                allocate(i + 1, left - v, rowsLeft, suffix, x, weight - logFact[v], then);
            }
        }
    }

    /** The noncentral hypergeometric distribution of the top-left cell given the margins (R's dnhyper). */
    private static final class NoncentralHypergeometric {
        final int lo;
        final int hi;
        final double[] logDensity;

        NoncentralHypergeometric(int m, int n, int k) {
            lo = Math.max(0, k - n);
            hi = Math.min(k, m);
            HypergeometricDistribution central = HypergeometricDistribution.of(m + n, m, k);
            logDensity = new double[hi - lo + 1];
            for (int x = lo; x <= hi; x++) {
                logDensity[x - lo] = central.logProbability(x);
            }
        }

        double[] density(double psi) {
            double[] d = new double[logDensity.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                d[i] = logDensity[i] + Math.log(psi) * (lo + i);
                max = Math.max(max, d[i]);
            }
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.exp(d[i] - max);
                sum += d[i];
            }
            for (int i = 0; i < d.length; i++) {
                d[i] /= sum;
            }
            return d;
        }

        double mean(double psi) {
            double[] d = density(psi);
            double mu = 0;
            for (int i = 0; i < d.length; i++) {
                mu += (lo + i) * d[i];
            }
            return mu;
        }

        double lowerTail(int x, double psi) {
            double[] d = density(psi);
            double s = 0;
            for (int i = 0; i <= x - lo; i++) {
                s += d[i];
            }
            return s;
        }

        double upperTail(int x, double psi) {
            double[] d = density(psi);
            double s = 0;
            for (int i = x - lo; i < d.length; i++) {
                s += d[i];
            }
            return s;
        }

        /** Root in psi of an increasing function of log(psi), bracketing outward from log(psi) = 0. */
        double solve(DoubleUnaryOperator increasing) {
            DoubleUnaryOperator f = theta -> increasing.applyAsDouble(Math.exp(theta));
            double lo = -1;
            double hi = 1;
            while (f.applyAsDouble(lo) > 0) {
                lo *= 2;
                if (lo < -700) {
                    throw new IllegalStateException("odds ratio root below exp(-700)");
                }
            }
            while (f.applyAsDouble(hi) < 0) {
                hi *= 2;
                if (hi > 700) {
                    throw new IllegalStateException("odds ratio root above exp(700)");
                }
            }
            double theta = new BrentSolver(1e-15, 1e-14).solve(10_000, f::applyAsDouble, lo, hi);
            return Math.exp(theta);
        }
    }
}
