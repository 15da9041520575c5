package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Aalen-Johansen on a case worked out by hand. */
class AalenJohansenTest {
    // 4 people: cause 1 at t=1, cause 2 at t=2, censored at 3, cause 1 at t=4
    private final CumulativeIncidence ci = AalenJohansen.fit(new double[] {1, 2, 3, 4}, new int[] {1, 2, 0, 1});

    @Test
    void incidenceIsSurvivalJustBeforeTimesHazardOfTheCause() {
        // F1(1) = 1 * 1/4; S(2-) = 3/4; F2(2) = 3/4 * 1/3 = 1/4; S(4-) = 3/4 * 2/3 = 1/2; F1(4) = 1/4 + 1/2 * 1/1
        assertThat(ci.at(1, 1)).isCloseTo(0.25, within(1e-15));
        assertThat(ci.at(2, 2)).isCloseTo(0.25, within(1e-15));
        assertThat(ci.at(1, 4)).isCloseTo(0.75, within(1e-15));
        assertThat(ci.at(1, 4) + ci.at(2, 4)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void isNotOneMinusKaplanMeierOfOneCause() {
        // 1 - KM treating cause 2 as censoring would give 1 - (3/4 * 0/1) = 1 at t=4 for cause 1
        assertThat(ci.at(1, 4)).isLessThan(1.0);
    }

    @Test
    void firstStepStandardErrorIsBinomial() {
        // before anyone is censored the estimate is a sample proportion: SE = sqrt(p(1-p)/n)
        assertThat(ci.cause(1).get(0).stdErr()).isCloseTo(Math.sqrt(0.25 * 0.75 / 4), within(1e-15));
    }

    @Test
    void refusesWithoutEvents() {
        assertThatThrownBy(() -> AalenJohansen.fit(new double[] {1, 2}, new int[] {0, 0}))
                .hasMessageContaining("no events");
        assertThatThrownBy(() -> ci.cause(3)).hasMessageContaining("no cause 3");
        assertThatThrownBy(() -> AalenJohansen.fit(new double[] {1}, new int[] {-1})).hasMessageContaining("cause");
    }
}
