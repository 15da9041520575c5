package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void aMonthIsLabelledByItsQuarterHalfYearAndYear() {
        YearMonth may = YearMonth.of(2024, 5);
        assertThat(Period.MONTH.label(may)).isEqualTo("2024-05");
        assertThat(Period.QUARTER.label(may)).isEqualTo("2024-Q2");
        assertThat(Period.HALF_YEAR.label(may)).isEqualTo("2024-H1");
        assertThat(Period.YEAR.label(may)).isEqualTo("2024");
        assertThat(Period.HALF_YEAR.label(YearMonth.of(2024, 7))).isEqualTo("2024-H2");
    }

    @Test
    void labelsGiveBackTheirFirstAndLastMonth() {
        assertThat(Period.firstMonth("2024-Q3")).isEqualTo(YearMonth.of(2024, 7));
        assertThat(Period.lastMonth("2024-Q3")).isEqualTo(YearMonth.of(2024, 9));
        assertThat(Period.lastMonth("2024-H2")).isEqualTo(YearMonth.of(2024, 12));
        assertThat(Period.firstMonth("2024")).isEqualTo(YearMonth.of(2024, 1));
        assertThat(Period.lastMonth("2024")).isEqualTo(YearMonth.of(2024, 12));
        assertThat(Period.lastMonth("2024-02")).isEqualTo(YearMonth.of(2024, 2));
    }
}
