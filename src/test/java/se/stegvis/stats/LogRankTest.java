package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Log-rank on a case worked out by hand. */
class LogRankTest {

    @Test
    void chiSquareIsWorkedOutByHand() {
        // a dies at 1 and 3, b at 2 and 4. E_a = 2/4 + 1/3 + 1/2 = 4/3;
        // V = 1/16*2*2 + 2/18*1*2 + 1/4*1*1 = 13/18; chi2 = (2 - 4/3)^2 / (13/18) = 8/13
        LogRankResult r = LogRank.test(new double[] {1, 3, 2, 4}, new boolean[] {true, true, true, true},
                new String[] {"a", "a", "b", "b"});
        assertThat(r.groups().get(0).expected()).isCloseTo(4.0 / 3, within(1e-15));
        assertThat(r.groups().get(1).expected()).isCloseTo(8.0 / 3, within(1e-15));
        assertThat(r.chiSquare()).isCloseTo(8.0 / 13, within(1e-14));
        assertThat(r.df()).isEqualTo(1);
        // R: pchisq(8/13, 1, lower.tail = FALSE)
        assertThat(r.pValue()).isCloseTo(0.4327675807, within(1e-10));
    }

    @Test
    void threeGroupsUseTheVarianceOfTwo() {
        // one death each at 1, 2, 3 in groups a, b, c: E = (1/3, 1/3 + 1/2, 1/3 + 1/2 + 1); R's survdiff: chisq 2.6 on 2 df
        LogRankResult r = LogRank.test(new double[] {1, 2, 3}, new boolean[] {true, true, true}, new String[] {"a", "b", "c"});
        double[] expected = r.groups().stream().mapToDouble(LogRankGroup::expected).toArray();
        assertThat(expected).containsExactly(new double[] {1.0 / 3, 1.0 / 3 + 1.0 / 2, 1.0 / 3 + 1.0 / 2 + 1}, within(1e-15));
        assertThat(r.chiSquare()).isCloseTo(2.6, within(1e-12));
        assertThat(r.df()).isEqualTo(2);
    }

    @Test
    void refusesWithoutEventsOrWithOneGroup() {
        assertThatThrownBy(() -> LogRank.test(new double[] {1, 2}, new boolean[] {false, false}, new String[] {"a", "b"}))
                .hasMessageContaining("no events");
        assertThatThrownBy(() -> LogRank.test(new double[] {1, 2}, new boolean[] {true, true}, new String[] {"a", "a"}))
                .hasMessageContaining("at least 2 groups");
    }
}
