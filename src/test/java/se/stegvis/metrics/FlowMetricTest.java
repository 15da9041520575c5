package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.metrics.StepAndTransitionMetricTest.row;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;

class FlowMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);
    static TestCohort db;
    static Metrics metrics;

    /**
     * IST in A, January to March 2024 (FTE 2, 2, 1): f1 01-05 exit 02-10 (36 d); f2 01-10 not relevant
     * 01-20 (10 d); f3 01-20 exit 03-15 (55 d); f4 02-01 open; f5 02-15 declined 03-01 (15 d);
     * f6 03-10 open; f7 01-25 open. f8 is in another programme, with no staffing.
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("f1", "ist", "A", "2024-01-05").gender("k").exit("2024-02-10", "arbete");
        db.episode("f2", "ist", "A", "2024-01-10").gender("k").event("decision_not_relevant", "2024-01-20");
        db.episode("f3", "ist", "A", "2024-01-20").gender("m").exit("2024-03-15", "avbrott");
        db.episode("f4", "ist", "A", "2024-02-01").gender("m");
        db.episode("f5", "ist", "A", "2024-02-15").gender("k").event("declined", "2024-03-01");
        db.episode("f6", "ist", "A", "2024-03-10").gender("k");
        db.episode("f7", "ist", "A", "2024-01-25").gender("m");
        db.episode("f8", "uma", "A", "2024-02-01").gender("m");
        db.staffing("ist", "A", "2024-01-01", 2.0).staffing("ist", "A", "2024-02-01", 2.0)
                .staffing("ist", "A", "2024-03-01", 1.0).staffing("uma", "A", "2024-02-01", 5.0);
        metrics = Metrics.on(db.connection).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void monthlyStockAndFlowsBalance() {
        MetricTable m = metrics.flow(Cohort.all().programme("ist"), AS_OF).periods();
        assertThat(m.rowCount()).isEqualTo(3);
        long[][] expected = {{4, 0, 1, 3}, {2, 1, 0, 4}, {1, 1, 1, 3}}; // inflow, exits, other ends, wip
        String[] months = {"2024-01", "2024-02", "2024-03"};
        for (int i = 0; i < 3; i++) {
            int r = row(m, "group", "all", "period", months[i]);
            assertThat(new long[] {m.count(r, "inflow").orElseThrow(), m.count(r, "exits").orElseThrow(),
                m.count(r, "other_ends").orElseThrow(), m.count(r, "wip").orElseThrow()}).as(months[i])
                    .containsExactly(expected[i]);
        }
        int feb = row(m, "group", "all", "period", "2024-02");
        assertThat(m.number(feb, "fte").orElseThrow()).isEqualTo(2.0);
        assertThat(m.number(feb, "exits_per_fte").orElseThrow()).isEqualTo(0.5);
        assertThat(m.number(feb, "mean_days_to_exit").orElseThrow()).isEqualTo(36);
        int mar = row(m, "group", "all", "period", "2024-03");
        assertThat(m.number(mar, "exits_per_fte").orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void openEpisodesAreAgedOnTheAsOfDate() {
        MetricTable a = metrics.flow(Cohort.all().programme("ist"), AS_OF).ageing();
        assertThat(a.count(row(a, "group", "all", "age_days", "0-90"), "n")).hasValue(3);
        assertThat(a.count(row(a, "group", "all", "age_days", "91-180"), "n")).hasValue(0);
    }

    @Test
    void littlesLawComparesMeanStockWithThroughputTimesTime() {
        MetricTable l = metrics.flow(Cohort.all().programme("ist"), AS_OF).little();
        int r = row(l, "group", "all");
        assertThat(l.count(r, "ended")).hasValue(4);
        assertThat(l.number(r, "mean_wip").orElseThrow()).isCloseTo(10.0 / 3, within(1e-12));
        assertThat(l.number(r, "throughput_per_month").orElseThrow()).isCloseTo(4.0 / 3, within(1e-12));
        double months = 29 / (365.25 / 12); // (36 + 10 + 55 + 15) / 4 days
        assertThat(l.number(r, "mean_months_to_end").orElseThrow()).isCloseTo(months, within(1e-12));
        assertThat(l.number(r, "ratio").orElseThrow()).isCloseTo((10.0 / 3) / (4.0 / 3 * months), within(1e-12));
    }

    @Test
    void staffingFollowsTheGroupWhenItIsAUnit() {
        MetricTable m = metrics.flow(Cohort.all().groupBy(GroupBy.PROGRAMME), AS_OF).periods();
        assertThat(m.number(row(m, "group", "uma", "period", "2024-02"), "fte")).hasValue(5.0);
        assertThat(m.number(row(m, "group", "ist", "period", "2024-02"), "fte")).hasValue(2.0);
        MetricTable byGender = metrics.flow(Cohort.all().groupBy(GroupBy.GENDER), AS_OF).periods();
        assertThat(byGender.number(row(byGender, "group", "k", "period", "2024-02"), "fte")).isEmpty();
    }

    @Test
    void smallMonthlyCountsAreHiddenAndStocksCannotRecomputeThem() {
        FlowResult f = Metrics.on(db.connection).withPolicy(se.stegvis.disclosure.DisclosurePolicy.threshold(3))
                .flow(Cohort.all().programme("ist"), AS_OF);
        MetricTable m = f.periods();
        int jan = row(m, "group", "all", "period", "2024-01");
        assertThat(m.shown(jan, m.column("other_ends"))).isEqualTo("<3");
        // 4 in = 3 open + 0 exits + 1 other: with the 1 hidden, another cell of January must go too.
        int hiddenInJanuary = 0;
        for (String c : new String[] {"inflow", "exits", "wip"}) {
            hiddenInJanuary += m.isHidden(jan, c) ? 1 : 0;
        }
        assertThat(hiddenInJanuary).isPositive();
    }

    @Test
    void aQuarterSumsItsMonthsFlowsTakesTheStockAtItsEndAndAveragesStaff() {
        FlowResult f = metrics.flow(Cohort.all().programme("ist"), AS_OF, Period.QUARTER);
        MetricTable q = f.periods();
        assertThat(q.rowCount()).isEqualTo(1);
        assertThat(q.key(0, "period")).isEqualTo("2024-Q1");
        assertThat(new long[] {q.count(0, "inflow").orElseThrow(), q.count(0, "exits").orElseThrow(),
            q.count(0, "other_ends").orElseThrow(), q.count(0, "wip").orElseThrow()}).containsExactly(7, 2, 2, 3);
        assertThat(q.number(0, "fte").orElseThrow()).isCloseTo(5.0 / 3, within(1e-12)); // (2 + 2 + 1) / 3
        assertThat(q.number(0, "exits_per_fte").orElseThrow()).isCloseTo(1.2, within(1e-12));
        assertThat(q.number(0, "mean_days_to_exit").orElseThrow()).isEqualTo(45.5); // (36 + 55) / 2
        MetricTable l = f.little();
        assertThat(l.key(0, "months")).isEqualTo("3");
        assertThat(l.number(0, "mean_wip").orElseThrow()).as("the stock at the quarter's end").isEqualTo(3.0);
        assertThat(f.coarsened()).isFalse();
    }

    @Test
    void coarseningKeepsMonthsWhenLittleIsHidden() {
        FlowResult f = metrics.flowCoarsened(Cohort.all().programme("ist"), AS_OF);
        assertThat(f.period()).isEqualTo(Period.MONTH);
        assertThat(f.coarsened()).isFalse();
    }

    @Test
    void coarseningTakesTheCoarserPeriodThatHidesLess() {
        // threshold 3: by month 6 of 12 counts are 1 or 2 (and more must go to protect them); by
        // quarter only exits 2 and other ends 2, and coarser periods hold the same months.
        FlowResult f = Metrics.on(db.connection).withPolicy(se.stegvis.disclosure.DisclosurePolicy.threshold(3))
                .flowCoarsened(Cohort.all().programme("ist"), AS_OF);
        assertThat(f.period()).isEqualTo(Period.QUARTER);
        assertThat(f.coarsened()).isTrue();
        assertThat(f.finerHiddenShare()).isGreaterThan(0.5);
        MetricTable q = f.periods();
        assertThat(q.count(0, "inflow")).hasValue(7);
        assertThat(q.count(0, "wip")).hasValue(3);
        assertThat(q.isHidden(0, "exits")).isTrue();
        assertThat(q.isHidden(0, "other_ends")).isTrue();
    }
}
