package se.stegvis.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.stegvis.charts.Lang;
import se.stegvis.metrics.Unit;

class FormattingTest {
    static final Formatting SV = Formatting.display(Lang.SV);
    static final Formatting EN = Formatting.display(Lang.EN);

    @Test
    void pValuesAsRsFormatPvalNeverRoundedToZero() {
        assertThat(SV.number(Unit.P_VALUE, 0.047)).isEqualTo("0,047");
        assertThat(SV.number(Unit.P_VALUE, 0.0004)).isEqualTo("<0,001");
        assertThat(SV.number(Unit.P_VALUE, 1.3877787807814457E-17)).isEqualTo("<0,001");
        assertThat(SV.number(Unit.P_VALUE, 0.12345)).isEqualTo("0,12");
        assertThat(SV.number(Unit.P_VALUE, 0.9999999999999999)).isEqualTo("1");
        assertThat(EN.number(Unit.P_VALUE, 0.0078)).isEqualTo("0.0078");
    }

    @Test
    void sharesInPercentDaysWholeCountsGrouped() {
        assertThat(SV.number(Unit.SHARE, 0.16666666666666663)).isEqualTo("16,7\u00a0%");
        assertThat(EN.number(Unit.SHARE, 0.16666666666666663)).isEqualTo("16.7%");
        assertThat(Formatting.spreadsheet(Lang.SV).number(Unit.SHARE, 0.2)).isEqualTo("20,0%");
        assertThat(SV.number(Unit.DAYS, 42.0)).isEqualTo("42");
        assertThat(SV.number(Unit.COUNT, 12345)).isEqualTo("12\u00a0345");
        assertThat(Formatting.spreadsheet(Lang.SV).number(Unit.COUNT, 12345)).isEqualTo("12345");
        assertThat(SV.number(Unit.RATE, 1.4771)).isEqualTo("1,48");
        assertThat(SV.number(Unit.STATISTIC, -0.001)).isEqualTo("0,00");
        assertThat(SV.number(Unit.STATISTIC, -2.5)).isEqualTo("-2,50");
    }
}
