package se.stegvis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Fisher and chi-square on tables worked out by hand. */
class ContingencyTest {

    @Test
    void fisherPValueOfTheTeaTastingTableIsSeventeenOverSeventy() {
        // Fisher's lady tasting tea: 3 of 4 right; tables as or less likely: 1/70 + 16/70 + 16/70 + 1/70 = 34/70
        assertThat(FisherExact.test2x2(3, 1, 1, 3, 0.95).pValue()).isCloseTo(34.0 / 70, within(1e-15));
    }

    @Test
    void conditionalMleOddsRatioIsOneForASymmetricTable() {
        FisherResult f = FisherExact.test2x2(5, 5, 5, 5, 0.95);
        assertThat(f.oddsRatio()).isCloseTo(1.0, within(1e-12));
        assertThat(f.lower() * f.upper()).isCloseTo(1.0, within(1e-9)); // symmetric on the log scale
        assertThat(f.pValue()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oddsRatioIsInfiniteWhenAnOffDiagonalCellIsEmpty() {
        FisherResult f = FisherExact.test2x2(7, 0, 2, 9, 0.95);
        assertThat(f.oddsRatio()).isInfinite();
        assertThat(f.upper()).isInfinite();
        assertThat(f.lower()).isGreaterThan(1);
    }

    @Test
    void chiSquareOfAFourfoldTableIsNTimesPhiSquared() {
        // {{10,2},{3,15}}: X2 = n (ad - bc)^2 / (r1 r2 c1 c2) = 30 * 144^2 / (12 * 18 * 13 * 17)
        ChiSquareResult c = ChiSquare.test(new long[][] {{10, 2}, {3, 15}});
        assertThat(c.statistic()).isCloseTo(30.0 * 144 * 144 / (12 * 18 * 13 * 17), within(1e-12));
        assertThat(c.warning()).isEmpty();
    }

    @Test
    void chiSquareWarnsWhenAnExpectedCountIsBelowFive() {
        assertThat(ChiSquare.test(new long[][] {{3, 1}, {1, 3}}).warning()).contains(ChiSquare.SMALL_EXPECTED);
    }

    @Test
    void refusesEmptyOrRaggedTables() {
        assertThatThrownBy(() -> ChiSquare.test(new long[][] {{0, 0}, {0, 0}})).hasMessageContaining("no observations");
        assertThatThrownBy(() -> ChiSquare.test(new long[][] {{1, 0}, {2, 0}})).hasMessageContaining("column total is 0");
        assertThatThrownBy(() -> FisherExact.pValue(new long[][] {{1, 2, 3}, {1}})).hasMessageContaining("rectangular");
        assertThatThrownBy(() -> FisherExact.test2x2(0, 0, 0, 0, 0.95)).hasMessageContaining("no observations");
    }
}
