package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kaplan-Meier on cases small enough to work out by hand. */
class KaplanMeierTest {
    // times 1..5; events at 1, 3, 4; censored at 2 and 5
    private final KaplanMeierFit fit = KaplanMeier.fit(new double[] {3, 1, 5, 2, 4},
            new boolean[] {true, true, false, false, true});

    @Test
    void productLimitStepsAreWorkedOutByHand() {
        List<KaplanMeierRow> rows = fit.rows();
        assertThat(rows).extracting(KaplanMeierRow::time).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(rows).extracting(KaplanMeierRow::nRisk).containsExactly(5, 4, 3, 2, 1);
        // S = 4/5, 4/5, 4/5 * 2/3, 4/5 * 2/3 * 1/2, unchanged
        assertThat(rows.get(0).surv()).isCloseTo(0.8, within(1e-15));
        assertThat(rows.get(2).surv()).isCloseTo(8.0 / 15, within(1e-15));
        assertThat(rows.get(3).surv()).isCloseTo(4.0 / 15, within(1e-15));
        assertThat(rows.get(4).surv()).isCloseTo(4.0 / 15, within(1e-15));
    }

    @Test
    void greenwoodStandardErrorIsWorkedOutByHand() {
        // Greenwood at t=3: 1/(5*4) + 1/(3*2) = 13/60; SE(S) = S * sqrt(13/60)
        assertThat(fit.rows().get(2).stdErr()).isCloseTo(8.0 / 15 * Math.sqrt(13.0 / 60), within(1e-15));
    }

    @Test
    void logIntervalIsSurvivalTimesExpOfZTimesSe() {
        KaplanMeierFit log = KaplanMeier.options().confType(ConfType.LOG).fit(new double[] {3, 1, 5, 2, 4},
                new boolean[] {true, true, false, false, true});
        double se = Math.sqrt(13.0 / 60);
        double z = 1.959963984540054;
        assertThat(log.rows().get(2).lower()).isCloseTo(8.0 / 15 * Math.exp(-z * se), within(1e-12));
        assertThat(log.rows().get(2).upper()).isCloseTo(Math.min(1, 8.0 / 15 * Math.exp(z * se)), within(1e-12));
    }

    @Test
    void medianIsFirstTimeSurvivalDropsToHalf() {
        assertThat(fit.median().estimate()).isEqualTo(4.0);
        assertThat(fit.printedMedian().estimate()).isEqualTo(4.0);
    }

    @Test
    void medianIsMidpointWhereSurvivalIsExactlyHalfOverAnInterval() {
        // 4 subjects: events at 1 and 2 give S = 1/2 from 2; next event at 6 -> median (2 + 6) / 2
        KaplanMeierFit half = KaplanMeier.fit(new double[] {1, 2, 6, 7}, new boolean[] {true, true, true, false});
        assertThat(half.median().estimate()).isEqualTo(4.0);
        assertThat(half.printedMedian().estimate()).isEqualTo(4.0);
    }

    @Test
    void medianIsNotReachedWhenEveryoneIsCensored() {
        KaplanMeierFit none = KaplanMeier.fit(new double[] {2, 3, 5}, new boolean[] {false, false, false});
        assertThat(none.median()).isEqualTo(new Quantile(0.5, null, null, null));
        assertThat(none.events()).isZero();
        assertThat(none.survivalAt(4)).isEqualTo(1.0);
    }

    @Test
    void eventsComeBeforeCensoringsAtTiedTimes() {
        // at t=2 one event and one censoring among 3 at risk: S = 2/3, the censored one counts as at risk
        KaplanMeierFit tied = KaplanMeier.fit(new double[] {2, 2, 3}, new boolean[] {true, false, true});
        assertThat(tied.rows().get(0)).extracting(KaplanMeierRow::nRisk, KaplanMeierRow::nEvent,
                KaplanMeierRow::nCensor).containsExactly(3, 1, 1);
        assertThat(tied.rows().get(0).surv()).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void lateEntrantsJoinTheRiskSetOnlyAfterTheirEntry() {
        // a: (0, 2] event; b: (0, 5] censored; c enters at 3, event at 4. At t=2: a, b at risk -> S = 1/2;
        // at t=4: b and c at risk (c entered at 3) -> S = 1/2 * 1/2
        KaplanMeierFit late = KaplanMeier.options().fit(new double[] {0, 0, 3}, new double[] {2, 5, 4},
                new boolean[] {true, false, true});
        assertThat(late.rows()).extracting(KaplanMeierRow::nRisk).containsExactly(2, 2, 1);
        assertThat(late.survivalAt(4)).isCloseTo(0.25, within(1e-15));
        assertThat(late.n()).isEqualTo(3);
        assertThatThrownBy(() -> KaplanMeier.options().fit(new double[] {2}, new double[] {2}, new boolean[] {true}))
                .hasMessageContaining("before the exit time");
    }

    @Test
    void restrictedMeanIsAreaUnderTheSteps() {
        // 1*1 + 0.8*(3-1) + 8/15*(4-3) + 4/15*(5-4) = 3.4
        assertThat(fit.restrictedMean(5)).isCloseTo(3.4, within(1e-14));
        assertThat(fit.restrictedMean(0.5)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void survivalAtStepsAndRefusesBeyondFollowUp() {
        assertThat(fit.survivalAt(0.5)).isEqualTo(1.0);
        assertThat(fit.survivalAt(3.5)).isCloseTo(8.0 / 15, within(1e-15));
        assertThatThrownBy(() -> fit.survivalAt(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beyond the last follow-up");
    }

    @Test
    void refusesWhatItCannotEstimate() {
        assertThatThrownBy(() -> KaplanMeier.fit(new double[0], new boolean[0]))
                .hasMessageContaining("no observations");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}))
                .hasMessageContaining("lengths differ");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {Double.NaN}, new boolean[] {true}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> fit.quantile(1.5)).hasMessageContaining("[0, 1]");
    }
}
