package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cox regression and the design matrix: conventions and refusals (equality with R is CoxGoldenTest's). */
class CoxTest {
    private static final double[] TIME = {5, 8, 8, 12, 15, 21, 21, 30, 33, 40};
    private static final boolean[] EVENT = {true, true, false, true, true, true, false, true, false, true};

    @Test
    void factorLevelsSortAsRsFactorNumbersNumerically() {
        Design d = Design.builder(4).factor("g", new String[] {"10", "2", "1", "2"}).build();
        assertThat(d.names()).containsExactly("g2", "g10"); // "1" is the reference, "10" after "2"
        assertThat(d.x()[0]).containsExactly(0, 1);
        assertThat(Design.builder(3).factor("c", new String[] {"b", "a", "c"}).build().names()).containsExactly("cb", "cc");
    }

    @Test
    void refusesConstantCovariatesInWords() {
        assertThatThrownBy(() -> Design.builder(3).numeric("x", new double[] {2, 2, 2}))
                .hasMessageContaining("covariate 'x' is constant");
        assertThatThrownBy(() -> Design.builder(2).factor("g", new String[] {"a", "a"}))
                .hasMessageContaining("covariate 'g' is constant (one level, 'a')");
        assertThatThrownBy(() -> Design.builder(2).factor("g", new String[] {"a", "NA"})).hasMessageContaining("missing");
    }

    @Test
    void refusesNoEventsAndCollinearCovariates() {
        double[] x = {1, 3, 2, 5, 4, 7, 6, 9, 8, 10};
        double[] twice = x.clone();
        for (int i = 0; i < twice.length; i++) {
            twice[i] *= 2;
        }
        assertThatThrownBy(() -> CoxRegression.fit(TIME, new boolean[10], Design.builder(10).numeric("x", x).build()))
                .hasMessageContaining("no events");
        assertThatThrownBy(() -> CoxRegression.fit(TIME, EVENT, Design.builder(10).numeric("x", x).numeric("x2", twice).build()))
                .hasMessageContaining("collinear");
    }

    @Test
    void refusesACoefficientGoingToInfinityWhereRWarns() {
        // level "b" has no events: R gives coef -21.0 (se 16923) with "Loglik converged before variable 1"
        String[] g = {"a", "a", "a", "a", "a", "a", "b", "b", "b", "a"};
        boolean[] ev = {true, true, true, true, true, true, false, false, false, true};
        assertThatThrownBy(() -> CoxRegression.fit(TIME, ev, Design.builder(10).factor("g", g).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("[gb]").hasMessageContaining("infinity");
    }

    @Test
    void oneBinaryCovariateWithoutTiesHasTheLogRankAsScoreTest() {
        // With no tied event times the Cox score test is the log-rank statistic (the late-entry check).
        double[] time = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        boolean[] event = {true, true, false, true, true, true, true, false, true, true, true, false};
        String[] group = {"a", "b", "a", "a", "b", "a", "b", "b", "a", "b", "b", "a"};
        CoxFit fit = CoxRegression.fit(time, event, Design.builder(12).factor("group", group).build());
        LogRankResult lr = LogRank.test(time, event, group);
        assertThat(fit.score().statistic()).isCloseTo(lr.chiSquare(), within(1e-12));
        assertThat(fit.terms()).extracting(CoxTerm::term).isEqualTo(List.of("groupb"));
        assertThat(fit.terms().get(0).robustSe()).isNaN();
        assertThat(fit.robustScore()).isNull();
    }

    @Test
    void efronAndBreslowAgreeWithoutTies() {
        double[] time = {1, 2, 3, 4, 5, 6, 7, 8};
        boolean[] event = {true, true, true, false, true, true, false, true};
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6};
        Design d = Design.builder(8).numeric("x", x).build();
        CoxFit efron = CoxRegression.fit(time, event, d);
        CoxFit breslow = CoxRegression.options().withTies(CoxRegression.Ties.BRESLOW).fit(null, time, event, d);
        assertThat(efron.terms().get(0).coef()).isCloseTo(breslow.terms().get(0).coef(), within(1e-14));
    }

    @Test
    void tinyUnitsAreNotMistakenForCollinearity() {
        // age in centuries of a microsecond: the information is ~1e-28, still a valid model
        double[] x = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3};
        double[] tiny = x.clone();
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] *= 1e-14;
        }
        double b = CoxRegression.fit(TIME, EVENT, Design.builder(10).numeric("x", x).build()).terms().get(0).coef();
        double bTiny = CoxRegression.fit(TIME, EVENT, Design.builder(10).numeric("x", tiny).build()).terms().get(0).coef();
        assertThat(bTiny * 1e-14).isCloseTo(b, within(1e-9 * Math.abs(b)));
    }
}
