package se.stegvis.stats;

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
 * For r x c tables the p-value is by full enumeration of tables with the observed margins (R uses
 * the network algorithm of Mehta and Patel 1983; same p-value); too large tables are refused.
 */
public final class FisherExact {
    /** R's relative tolerance for "as or less probable than observed". */
    private static final double REL_ERR = 1 + 1e-7;
    /** Enumeration budget for r x c tables. */
    private static final long MAX_TABLES = 20_000_000L;

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
        double p = FisherExactTest.withDefaults().test(new int[][] {{a, b}, {c, d}}).getPValue();
        NoncentralHypergeometric h = new NoncentralHypergeometric(m, n, k);
        double alpha = (1 - level) / 2;
        double or = a == h.lo ? 0 : a == h.hi ? Double.POSITIVE_INFINITY : h.solve(psi -> h.mean(psi) - a);
        double lower = a == h.lo ? 0 : h.solve(psi -> h.upperTail(a, psi) - alpha);
        double upper = a == h.hi ? Double.POSITIVE_INFINITY : h.solve(psi -> alpha - h.lowerTail(a, psi));
        return new FisherResult(p, or, lower, upper, level);
    }

    /** Two-sided p-value for an r x c table (R's {@code fisher.test(x)$p.value}). */
    public static double pValue(long[][] table) {
        Table t = Table.of(table);
        if (t.rows() == 2 && t.cols() == 2) {
            return test2x2((int) table[0][0], (int) table[0][1], (int) table[1][0], (int) table[1][1], 0.95).pValue();
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
        Enumeration e = new Enumeration(rows, cols, logFact, constant, observed + Math.log(REL_ERR));
        e.fillCell(0, 0, 0);
        return Math.min(1, e.pValue);
    }

    /** Depth-first walk over all tables with the given margins, summing those as or less probable. */
    private static final class Enumeration {
        final int[] rowLeft;
        final int[] colLeft;
        final double[] logFact;
        final double constant;
        final double threshold;
        final int r;
        final int c;
        double pValue;
        long visited;

        Enumeration(int[] rows, int[] cols, double[] logFact, double constant, double threshold) {
            this.rowLeft = rows.clone();
            this.colLeft = cols.clone();
            this.logFact = logFact;
            this.constant = constant;
            this.threshold = threshold;
            this.r = rows.length;
            this.c = cols.length;
        }

        void fillCell(int i, int j, double partial) {
            if (++visited > MAX_TABLES) {
                throw new IllegalArgumentException("table too large for exact enumeration (over " + MAX_TABLES
                        + " partial tables); use the chi-square test");
            }
            if (i == r - 1) { // last row is determined by the column margins
                double lp = partial;
                for (int jj = 0; jj < c; jj++) {
                    lp -= logFact[colLeft[jj]];
                }
                lp += constant;
                if (lp <= threshold) {
                    pValue += Math.exp(lp);
                }
                return;
            }
            if (j == c - 1) { // last cell of a row is determined by the row margin
                int x = rowLeft[i];
                if (x > colLeft[j]) {
                    return;
                }
                colLeft[j] -= x;
                rowLeft[i] = 0;
                fillCell(i + 1, 0, partial - logFact[x]);
                rowLeft[i] = x;
                colLeft[j] += x;
                return;
            }
            // the rest of this row must fit in the remaining columns of this row
            int restCols = 0;
            for (int jj = j + 1; jj < c; jj++) {
                restCols += colLeft[jj];
            }
            int min = Math.max(0, rowLeft[i] - restCols);
            int max = Math.min(rowLeft[i], colLeft[j]);
            for (int x = min; x <= max; x++) {
                rowLeft[i] -= x;
                colLeft[j] -= x;
                fillCell(i, j + 1, partial - logFact[x]);
                rowLeft[i] += x;
                colLeft[j] += x;
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
