package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Binomial intervals with values from closed forms and the literature. */
class ProportionsTest {

    @Test
    void wilsonUpperBoundForZeroSuccessesIsZSquaredOverNPlusZSquared() {
        double z2 = 1.959963984540054 * 1.959963984540054;
        Interval w = Proportions.wilson(0, 10, 0.95);
        assertThat(w.lower()).isCloseTo(0, within(1e-15));
        assertThat(w.upper()).isCloseTo(z2 / (10 + z2), within(1e-12));
    }

    @Test
    void clopperPearsonUpperBoundForZeroSuccessesIsOneMinusAlphaHalfRootN() {
        assertThat(Proportions.clopperPearson(0, 10, 0.95).upper()).isCloseTo(1 - Math.pow(0.025, 0.1), within(1e-12));
    }

    @Test
    void newcombeMatchesHisPublishedExample() {
        // Newcombe (1998) Stat Med 17:873, Table II example (a): 56/70 - 48/80, method 10: 0.0524 to 0.3339
        Interval d = Proportions.newcombeDifference(56, 70, 48, 80, 0.95);
        assertThat(d.estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(d.lower()).isCloseTo(0.0524, within(5e-5));
        assertThat(d.upper()).isCloseTo(0.3339, within(5e-5));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> Proportions.wilson(0, 0, 0.95)).hasMessageContaining("no observations");
        assertThatThrownBy(() -> Proportions.wilson(3, 2, 0.95)).hasMessageContaining("between 0 and trials");
        assertThatThrownBy(() -> Proportions.wilson(1, 2, 1.0)).hasMessageContaining("level");
    }
}
