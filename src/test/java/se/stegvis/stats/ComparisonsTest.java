package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Funnel limits, standardisation and bootstrap on cases worked out by hand. */
class ComparisonsTest {

    @Test
    void funnelLimitForOneTrialInterpolatesTheBinomialStep() {
        // n = 1, p0 = 0.2: P(X <= 0) = 0.8 < 0.975, so r = 1; alpha = (1 - 0.975) / 0.2 = 0.125; limit = 1 - 0.125
        assertThat(FunnelLimits.binomial(0.2, 1).upper95()).isCloseTo(0.875, within(1e-15));
        // p = 0.025 <= P(X <= 0) = 0.8: r = 0, alpha = (0.8 - 0.025) / 0.8 > 0, limit clipped to 0
        assertThat(FunnelLimits.binomial(0.2, 1).lower95()).isZero();
    }

    @Test
    void funnelNarrowsAroundTheTargetAsUnitsGrow() {
        FunnelLimits.Limits small = FunnelLimits.binomial(0.3, 20);
        FunnelLimits.Limits large = FunnelLimits.binomial(0.3, 2000);
        assertThat(large.upper95() - large.lower95()).isLessThan(small.upper95() - small.lower95());
        assertThat(large.lower998()).isLessThan(large.lower95()).isLessThan(0.3);
        assertThat(large.upper998()).isGreaterThan(large.upper95()).isGreaterThan(0.3);
    }

    @Test
    void directlyStandardisedRateWeightsStratumRatesByTheStandard() {
        // rates 1/10 and 6/20 = 0.3, standard 3:1 -> 0.75 * 0.1 + 0.25 * 0.3 = 0.15; crude 7/30
        DirectStandardisation.Result d = DirectStandardisation.direct(new long[] {1, 6}, new double[] {10, 20},
                new double[] {300, 100}, 0.95);
        assertThat(d.adjusted()).isCloseTo(0.15, within(1e-15));
        assertThat(d.crude()).isCloseTo(7.0 / 30, within(1e-15));
        assertThat(d.lower()).isLessThan(0.15);
        assertThat(d.upper()).isGreaterThan(0.15);
    }

    @Test
    void standardisationRefusesAStratumWithoutStudyPopulation() {
        assertThatThrownBy(() -> DirectStandardisation.direct(new long[] {0, 1}, new double[] {0, 5}, new double[] {1, 1}, 0.95))
                .hasMessageContaining("stratum 1 has no study population");
    }

    @Test
    void bootstrapIsReproducibleFromItsSeed() {
        double[] x = {3, 8, 1, 9, 4, 7, 2, 12, 5, 6, 30, 2};
        Bootstrap b = Bootstrap.of(x, ComparisonsGoldenTest::median).replicates(500).seed(7);
        assertThat(b.run().replicates()).containsExactly(b.run().replicates());
        assertThat(b.seed(8).run().replicates()).isNotEqualTo(b.run().replicates());
    }

    @Test
    void percentileIntervalOf999SortedValuesIsThe25thAnd975th() {
        // (R + 1) * 0.025 = 25 (up to the rounding of (1 - 0.95) / 2, which R shares)
        double[] t = new double[999];
        Arrays.setAll(t, i -> 999 - i);
        Interval p = Bootstrap.percentile(0, t, 0.95);
        assertThat(p.lower()).isCloseTo(25.0, within(1e-12));
        assertThat(p.upper()).isCloseTo(975.0, within(1e-12));
    }

    @Test
    void jackknifeInfluenceOfTheMeanIsTheCentredData() {
        // for the mean, (n - 1)(mean - mean without i) = x_i - mean
        double[] x = {1, 2, 3, 10};
        double[] l = Bootstrap.of(x, v -> Arrays.stream(v).average().orElseThrow()).influence();
        assertThat(l).containsExactly(new double[] {-3, -2, -1, 6}, within(1e-12));
    }

    @Test
    void bcaRefusesWhenEveryReplicateIsOnOneSide() {
        assertThatThrownBy(() -> Bootstrap.bca(0, new double[] {1, 2, 3}, new double[] {1, -1}, 0.95))
                .hasMessageContaining("bias correction is infinite");
    }
}
