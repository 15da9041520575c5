package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BinomialTest {

    /**
     * Pearson's chi-square of 200,000 draws against the exact probabilities (cells with an expected
     * count below 5 pooled into the tails): both branches (inversion below a mean of 10, BTRD above,
     * p above 1/2 by symmetry), including BTRD's far tails (step 3.2-3.4) at large n.
     */
    @ParameterizedTest
    @CsvSource({"5, 0.3", "30, 0.2", "19, 0.5", "50, 0.9", "100, 0.5", "1000, 0.03", "1000000, 0.001",
        "1000000, 0.4", "2000000, 0.999"})
    void drawsFollowTheExactDistribution(int n, double p) {
        BinomialDistribution exact = BinomialDistribution.of(n, p);
        int draws = 200_000;
        SplittableRandom random = new SplittableRandom(n ^ Double.doubleToLongBits(p));
        int lo = exact.inverseCumulativeProbability(1e-5);
        int hi = exact.inverseCumulativeProbability(1 - 1e-5);
        long[] observed = new long[hi - lo + 1];
        for (int i = 0; i < draws; i++) {
            int k = Binomial.sample(n, p, random);
            assertThat(k).isBetween(0, n);
            observed[Math.min(Math.max(k, lo), hi) - lo]++;
        }
        double chi = 0;
        int cells = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int k = lo; k <= hi; k++) {
            double probability = k == lo ? exact.cumulativeProbability(lo)
                    : k == hi ? exact.survivalProbability(hi - 1) : exact.probability(k);
            pooledExpected += draws * probability;
            pooledObserved += observed[k - lo];
            if (pooledExpected >= 5 || k == hi) {
                chi += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
                cells++;
                pooledExpected = 0;
                pooledObserved = 0;
            }
        }
        double pValue = ChiSquaredDistribution.of(cells - 1).survivalProbability(chi);
        assertThat(cells).isGreaterThan(3);
        assertThat(pValue).as("chi-square %.1f on %d cells", chi, cells).isGreaterThan(1e-3);
    }

    @Test
    void degenerateProbabilitiesNeedNoDraw() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(Binomial.sample(7, 0, random)).isZero();
        assertThat(Binomial.sample(7, 1, random)).isEqualTo(7);
        assertThat(Binomial.sample(0, 0.4, random)).isZero();
        assertThatThrownBy(() -> Binomial.sample(3, 1.5, random)).isInstanceOf(IllegalArgumentException.class);
    }
}
