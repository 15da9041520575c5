package se.stegvis.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Wilcoxon signed-rank test for paired observations (Wilcoxon 1945), with R's
 * {@code wilcox.test(x, y, paired = TRUE)} defaults: zero differences dropped; the exact null
 * distribution when fewer than 50 differences remain and there are neither ties nor zeros, else the
 * normal approximation with tie-corrected variance and continuity correction. The computation is
 * Commons Statistics' {@code WilcoxonSignedRankTest}; this class makes R's choices explicit.
 */
public final class WilcoxonSignedRank {
    private WilcoxonSignedRank() {}

    /** Which side the alternative hypothesis is on, for x - y. */
    public enum Alternative {
        TWO_SIDED(AlternativeHypothesis.TWO_SIDED),
        /** x tends to be smaller than y (R's "less"). */
        LESS(AlternativeHypothesis.LESS_THAN),
        /** x tends to be greater than y (R's "greater"). */
        GREATER(AlternativeHypothesis.GREATER_THAN);

        private final AlternativeHypothesis commons;

        Alternative(AlternativeHypothesis commons) {
            this.commons = commons;
        }
    }

    /**
     * The result.
     *
     * @param statistic R's V: the sum of the ranks of the positive differences
     * @param pValue the p-value
     * @param n number of non-zero differences used
     * @param exact whether the exact null distribution was used
     */
    public record Result(double statistic, double pValue, int n, boolean exact) {}

    /** Two-sided test of x - y. */
    public static Result paired(double[] x, double[] y) {
        return paired(x, y, Alternative.TWO_SIDED);
    }

    /** Test of x - y against the given alternative. */
    public static Result paired(double[] x, double[] y, Alternative alternative) {
        Checks.sameLength("x and y", x.length, y.length);
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("pair " + (i + 1) + " is not two finite numbers");
            }
        }
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        if (nonZero.length == 0) {
            throw new IllegalArgumentException(d.length == 0 ? "no observations" : "every difference is 0: nothing to rank");
        }
        boolean zeros = nonZero.length < d.length;
        boolean ties = Arrays.stream(nonZero).map(Math::abs).distinct().count() < nonZero.length;
        boolean exact = nonZero.length < 50 && !ties && !zeros;
        WilcoxonSignedRankTest.Result r = WilcoxonSignedRankTest.withDefaults()
                .with(alternative.commons)
                .with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                .with(ContinuityCorrection.ENABLED)
                .test(nonZero);
        return new Result(r.getStatistic(), r.getPValue(), nonZero.length, exact);
    }
}
