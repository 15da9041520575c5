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
        assertThatThrownBy(() -> FisherExact.testRxc(new long[][] {{1, 2, 3}, {1}})).hasMessageContaining("rectangular");
        assertThatThrownBy(() -> FisherExact.test2x2(0, 0, 0, 0, 0.95)).hasMessageContaining("no observations");
    }

    @Test
    void fisherFiveByThreeWithSeventySevenIsExactAsR() {
        // R: fisher.test(rbind(c(6,3,5), c(3,2,10), c(1,5,9), c(5,7,6), c(5,6,4)))$p.value
        FisherRxcResult r = FisherExact.testRxc(new long[][] {{6, 3, 5}, {3, 2, 10}, {1, 5, 9}, {5, 7, 6}, {5, 6, 4}});
        assertThat(r.exact()).isTrue();
        assertThat(r.pValue()).isCloseTo(0.1798585451646651, within(1e-12));
    }

    @Test
    void fisherBeyondTheWorkBoundAnswersWithASeededMonteCarloPValueAndItsError() {
        // R: fisher.test(rbind(c(11,5,2), c(6,2,5), c(7,4,10), c(6,7,6), c(4,8,2), c(6,3,5)), workspace = 2e8)$p.value
        // = 0.16183389363643527 exactly; the simulated one must be within 3 of its standard errors and repeat
        long[][] t = {{11, 5, 2}, {6, 2, 5}, {7, 4, 10}, {6, 7, 6}, {4, 8, 2}, {6, 3, 5}};
        FisherRxcResult r = FisherExact.testRxc(t);
        assertThat(r.exact()).isFalse();
        assertThat(r.replicates()).isEqualTo(10_000);
        assertThat(r.monteCarloStdErr()).isCloseTo(Math.sqrt(r.pValue() * (1 - r.pValue()) / 10_000), within(1e-15));
        assertThat(r.pValue()).isCloseTo(0.16183389363643527, within(3 * r.monteCarloStdErr()));
        assertThat(FisherExact.testRxc(t)).isEqualTo(r);
    }
}
