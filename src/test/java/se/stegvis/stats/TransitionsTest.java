package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Transition estimates on histories small enough to work out by hand. */
class TransitionsTest {
    // a: 1 (t=0) -> 2 (t=10) -> 2 (t=20); b: 1 (0) -> 1 (5) -> 3 (15); c: 2 (0) -> 3 (10)
    private final StateHistories h = StateHistories.of(
            new String[] {"a", "a", "a", "b", "b", "b", "c", "c"},
            new double[] {0, 10, 20, 0, 5, 15, 0, 10},
            new String[] {"1", "2", "2", "1", "1", "3", "2", "3"});

    @Test
    void consecutivePairsCountStayingAsWellAsMoving() {
        TransitionMatrix m = h.consecutiveTransitions();
        assertThat(m.states()).containsExactly("1", "2", "3");
        assertThat(m.counts()).isEqualTo(new long[][] {{1, 1, 1}, {0, 1, 1}, {0, 0, 0}});
        assertThat(m.rowTotal("1")).isEqualTo(3);
    }

    @Test
    void twoStepProjectionIsTheMatrixSquared() {
        // P = [[1/3,1/3,1/3],[0,1/2,1/2],[0,0,1]] (state 3 never left: absorbing); P^2[1][3] = 1/9 + 1/6 + 1/3
        double[][] p2 = h.consecutiveTransitions().project(2);
        assertThat(p2[0][2]).isCloseTo(1.0 / 9 + 1.0 / 6 + 1.0 / 3, within(1e-15));
        assertThat(h.consecutiveTransitions().project(new double[] {1, 0, 0}, 2)[0]).isCloseTo(1.0 / 9, within(1e-15));
    }

    @Test
    void rateIsTransitionsOverTimeSpentInTheState() {
        // time in 1: a 10 + b 15 = 25, leaving to 2 once and to 3 once; time in 2: a 10 + c 10 = 20, to 3 once
        TransitionRates r = TransitionRates.of(h);
        double[][] q = r.generator();
        assertThat(q[0][1]).isCloseTo(1.0 / 25, within(1e-15));
        assertThat(q[0][0]).isCloseTo(-2.0 / 25, within(1e-15));
        assertThat(q[1][2]).isCloseTo(1.0 / 20, within(1e-15));
        // staying in 1 for t has probability exp(-2t/25)
        assertThat(r.probabilities(5)[0][0]).isCloseTo(Math.exp(-10.0 / 25), within(1e-12));
        // exact Poisson upper bound for 0 events in T: -log(alpha/2) / T
        TransitionRate none = r.rates(0.95).stream().filter(x -> x.from().equals("2") && x.to().equals("1")).findFirst().orElseThrow();
        assertThat(none.rate().upper()).isCloseTo(-Math.log(0.025) / 20, within(1e-12));
    }

    @Test
    void aalenJohansenMatrixIsTheProductOfOnePlusIncrements() {
        // t=10: of 2 in state 1 (a, b) a moves to 2; of 1 in state 2 (c) c moves to 3.
        // t=15: b (only one in 1) moves to 3. P(0,15)[1] = (1/2, 1/2, 0) * ... = (0, 1/2, 1/2)
        AalenJohansenMatrix aj = AalenJohansenMatrix.fit(h, 0);
        assertThat(aj.steps()).extracting(TransitionProbabilities::time).containsExactly(10.0, 15.0);
        double[][] p = aj.at(15);
        assertThat(p[0]).containsExactly(new double[] {0, 0.5, 0.5}, within(1e-15));
        assertThat(p[1]).containsExactly(new double[] {0, 0, 1}, within(1e-15));
        assertThat(aj.at(5)[0]).containsExactly(1, 0, 0);
        // after the first step P(0,10)[1->1] = 1/2 is a proportion of 2: variance 1/2 * 1/2 / 2
        assertThat(aj.steps().get(0).variance()[0][0]).isCloseTo(0.125, within(1e-15));
    }

    @Test
    void refusesWhatItCannotEstimate() {
        assertThatThrownBy(() -> StateHistories.of(new String[] {"a", "a"}, new double[] {1, 1}, new String[] {"1", "2"}))
                .hasMessageContaining("two assessments at time");
        StateHistories single = StateHistories.of(new String[] {"a"}, new double[] {0}, new String[] {"1"});
        assertThatThrownBy(single::consecutiveTransitions).hasMessageContaining("no one has two assessments");
        assertThatThrownBy(() -> TransitionRates.of(single)).hasMessageContaining("no time at risk");
        assertThatThrownBy(() -> TransitionMatrix.fromPairs(List.of("1"), new String[] {"1"}, new String[] {"2"}))
                .hasMessageContaining("not among");
    }

    @Test
    void aRoundingNegativeVarianceIsZeroSoTheIntervalIsOneToOneAsEtm() {
        // bos3 (msm), t = 4427, 1 -> 3: P = 1, the recursion gives variance -4.8e-18; etm's linear interval is [1, 1]
        TransitionProbabilities step = new TransitionProbabilities(4427, new double[][] {{0, 1}, {0, 1}},
                new double[][] {{0, -4.8e-18}, {0, 0}}, new int[] {1, 1});
        assertThat(step.variance()[0][1]).isZero();
        Interval ci = step.interval(List.of("1", "3"), "1", "3", 0.95);
        assertThat(ci.lower()).isEqualTo(1.0);
        assertThat(ci.upper()).isEqualTo(1.0);
    }
}
