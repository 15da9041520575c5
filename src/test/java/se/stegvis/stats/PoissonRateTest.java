package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonRateTest {

    @Test
    void exactIntervalEqualsRsPoissonTest() {
        // R: poisson.test(7, 10)$conf.int = 0.2814363 1.4422675 (qchisq(0.025, 14) / 20, qchisq(0.975, 16) / 20)
        Interval iv = PoissonRate.exact(7, 10, 0.95);
        assertThat(iv.estimate()).isEqualTo(0.7);
        assertThat(iv.lower()).isCloseTo(0.2814363, within(1e-7));
        assertThat(iv.upper()).isCloseTo(1.4422675, within(1e-7));
    }

    @Test
    void noEventsHaveLowerBoundZeroAndNoExposureGivesNoRate() {
        // R: poisson.test(0, 2)$conf.int = 0 1.844440
        Interval zero = PoissonRate.exact(0, 2, 0.95);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(1.844440, within(1e-6));
        assertThat(PoissonRate.exact(3, 0, 0.95).estimate()).isNaN();
    }
}
