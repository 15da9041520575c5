package se.stegvis.stats;

import java.util.Optional;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of independence for an r x c table (Pearson 1900), as R's
 * {@code chisq.test(x, correct = ...)}; with Yates' correction on 2x2 tables when asked (R's default
 * for 2x2). Warns, as R does, when any expected count is below 5: then prefer {@link FisherExact}.
 */
public final class ChiSquare {
    /** R's warning text. */
    public static final String SMALL_EXPECTED = "Chi-squared approximation may be incorrect";

    private ChiSquare() {}

    /** The test without continuity correction. */
    public static ChiSquareResult test(long[][] table) {
        return test(table, false);
    }

    /**
     * The test, with Yates' correction {@code (|O - E| - min(0.5, |O - E|))^2 / E} if {@code yates}
     * and the table is 2x2 (R ignores the correction for larger tables).
     */
    public static ChiSquareResult test(long[][] table, boolean yates) {
        Table t = Table.of(table);
        double[] rowSum = new double[t.rows()];
        double[] colSum = new double[t.cols()];
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                rowSum[i] += table[i][j];
                colSum[j] += table[i][j];
            }
        }
        for (double s : rowSum) {
            if (s == 0) {
                throw new IllegalArgumentException("a row total is 0: expected counts would be 0");
            }
        }
        for (double s : colSum) {
            if (s == 0) {
                throw new IllegalArgumentException("a column total is 0: expected counts would be 0");
            }
        }
        boolean correct = yates && t.rows() == 2 && t.cols() == 2;
        double[][] expected = new double[t.rows()][t.cols()];
        double correction = Double.POSITIVE_INFINITY;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                expected[i][j] = rowSum[i] * colSum[j] / t.total();
                correction = Math.min(correction, Math.abs(table[i][j] - expected[i][j]));
            }
        }
        // R: YATES <- min(0.5, abs(x - E)), the smallest deviation over the cells
        double half = correct ? Math.min(0.5, correction) : 0;
        double x2 = 0;
        boolean small = false;
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.cols(); j++) {
                double dev = Math.abs(table[i][j] - expected[i][j]) - half;
                x2 += dev * dev / expected[i][j];
                small |= expected[i][j] < 5;
            }
        }
        int df = (t.rows() - 1) * (t.cols() - 1);
        double p = ChiSquaredDistribution.of(df).survivalProbability(x2);
        return new ChiSquareResult(x2, df, p, expected, correct, small ? Optional.of(SMALL_EXPECTED) : Optional.empty());
    }
}
