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
import se.stegvis.stats.FunnelLimits;

class OutcomeAndComparisonMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static TestCohort db;
    static Metrics metrics;

    /**
     * A: o1 (k) plan in 19 d, steps 2->4, exit to work, follow-up 90 work / 180 lost; o2 (m) plan in
     * 60 d, steps 3,3, drop-out, 90 social assistance, 180 missing; o3 (k) plan in 14 d, steps 1->2,
     * exit to studies, 90 studies / 180 work; o4 open, no plan; o5 referred 15 Dec (not yet 30 days);
     * o6 not relevant. B: p1 (k) plan in 30 d, 4->5, exit to work 1 Oct, 90 work; p2 (m) 5->4, moved
     * 1 Nov; p3 plan in 45 d, open; p4 open.
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("o1", "evi", "A", "2024-01-01").gender("k").accepted("2024-01-05").event("plan_established", "2024-01-20")
                .step("2024-01-10", 2).step("2024-05-01", 4).exit("2024-06-15", "arbete").followUp(90, "arbete").followUp(180, "lost");
        db.episode("o2", "evi", "A", "2024-01-01").gender("m").accepted("2024-01-05").event("plan_established", "2024-03-01")
                .step("2024-01-10", 3).step("2024-05-01", 3).exit("2024-07-01", "avbrott").followUp(90, "forsorjningsstod");
        db.episode("o3", "evi", "A", "2024-01-01").gender("k").accepted("2024-01-05").event("plan_established", "2024-01-15")
                .step("2024-01-10", 1).step("2024-03-01", 2).exit("2024-03-31", "studier").followUp(90, "studier").followUp(180, "arbete");
        db.episode("o4", "evi", "A", "2024-02-01").gender("k").accepted("2024-02-05").step("2024-02-10", 2);
        db.episode("o5", "evi", "A", "2024-12-15").gender("k").accepted("2024-12-20");
        db.episode("o6", "evi", "A", "2024-01-01").gender("m").event("decision_not_relevant", "2024-01-10");
        db.episode("p1", "evi", "B", "2024-01-01").gender("k").accepted("2024-01-03").event("plan_established", "2024-01-31")
                .step("2024-01-10", 4).step("2024-06-01", 5).exit("2024-10-01", "arbete").followUp(90, "arbete");
        db.episode("p2", "evi", "B", "2024-01-01").gender("m").accepted("2024-01-03")
                .step("2024-01-10", 5).step("2024-06-01", 4).exit("2024-11-01", "flytt");
        db.episode("p3", "evi", "B", "2024-01-01").gender("k").accepted("2024-01-03").event("plan_established", "2024-02-15");
        db.episode("p4", "evi", "B", "2024-03-01").gender("m").accepted("2024-03-03");
        db.staffing("evi", "B", "2024-10-01", 1.0).staffing("evi", "B", "2024-11-01", 1.0).staffing("evi", "B", "2024-12-01", 0.5);
        metrics = Metrics.on(db.connection).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static void rate(MetricTable t, String group, String outcome, long n, long denominator) {
        int r = row(t, "group", group, "outcome", outcome);
        assertThat(t.count(r, "n")).as(group + " " + outcome).hasValue(n);
        assertThat(t.count(r, "denominator")).as(group + " " + outcome).hasValue(denominator);
        assertThat(t.number(r, "rate").orElseThrow()).isCloseTo((double) n / denominator, within(1e-12));
    }

    @Test
    void outcomeRatesHaveTheirOwnDenominators() {
        OutcomeResult o = metrics.outcomes(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF, 30);
        MetricTable t = o.rates();
        rate(t, "A", "exit_work_or_studies", 2, 3);
        rate(t, "A", "dropout", 1, 3);
        rate(t, "A", "step_up", 2, 3);
        rate(t, "A", "plan_within", 2, 4);
        rate(t, "B", "exit_work_or_studies", 1, 2);
        rate(t, "B", "dropout", 0, 2);
        rate(t, "B", "step_up", 1, 2);
        rate(t, "B", "plan_within", 1, 4);
        assertThat(o.n()).isEqualTo(10);
    }

    @Test
    void followUpShowsTheLoss() {
        MetricTable f = metrics.outcomes(Cohort.all(), AS_OF, 30).followUp();
        int d90 = row(f, "group", "all", "offset_days", "90");
        assertThat(f.count(d90, "due")).hasValue(4);
        assertThat(f.count(d90, "observed")).hasValue(4);
        assertThat(f.count(d90, "positive")).hasValue(3);
        int d180 = row(f, "group", "all", "offset_days", "180");
        assertThat(f.count(d180, "due")).hasValue(3);
        assertThat(f.count(d180, "observed")).hasValue(1);
        assertThat(f.count(d180, "lost")).hasValue(2);
        assertThat(f.number(d180, "share_lost").orElseThrow()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(f.number(d180, "share_positive").orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void flowAgainstQualityPerUnitAndQuarter() {
        MetricTable q = metrics.flowQuality(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF).quarterly();
        int b = row(q, "group", "B", "quarter", "2024-Q4");
        assertThat(q.count(b, "exits")).hasValue(2);
        assertThat(q.number(b, "fte").orElseThrow()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(q.number(b, "exits_per_fte").orElseThrow()).isCloseTo(2.4, within(1e-12));
        assertThat(q.number(b, "positive_rate").orElseThrow()).isEqualTo(0.5);
        assertThat(q.count(b, "step_up")).hasValue(1);
        int a1 = row(q, "group", "A", "quarter", "2024-Q1");
        assertThat(q.count(a1, "exits")).hasValue(1);
        assertThat(q.count(a1, "positive")).hasValue(1);
        assertThat(q.number(a1, "fte")).isEmpty();
    }

    @Test
    void unitsSideBySideWithFunnelLimitsDifferencesAndStandardisation() {
        CompareResult c = metrics.compare(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF, Rate.EXIT_WORK_OR_STUDIES, 30);
        MetricTable t = c.groups();
        int a = row(t, "group", "A");
        int b = row(t, "group", "B");
        int all = row(t, "group", "all");
        assertThat(t.count(all, "events")).hasValue(3);
        assertThat(t.count(all, "n")).hasValue(5);
        assertThat(t.number(a, "target").orElseThrow()).isCloseTo(0.6, within(1e-12));
        FunnelLimits.Limits limits = FunnelLimits.binomial(0.6, 3);
        assertThat(t.number(a, "funnel_upper95").orElseThrow()).isEqualTo(limits.upper95());
        assertThat(t.key(a, "signal")).isEqualTo("within");
        assertThat(t.number(a, "difference").orElseThrow()).isCloseTo(2.0 / 3 - 0.5, within(1e-12));
        // Fisher 2x2 [[2, 1], [1, 1]]: every table with these margins is as likely or less: p = 1
        assertThat(t.number(a, "fisher_p").orElseThrow()).isCloseTo(1.0, within(1e-12));
        // Women 3 exits (all positive), men 2 (none): weights 0.6 / 0.4 make both units 0.6.
        assertThat(t.number(a, "std_rate").orElseThrow()).isCloseTo(0.6, within(1e-12));
        assertThat(t.number(b, "std_rate").orElseThrow()).isCloseTo(0.6, within(1e-12));
        assertThat(t.key(a, "std_strata")).isEqualTo("2/2");
    }

    @Test
    void aHiddenRateHidesItsFunnelSignal() {
        MetricTable t = Metrics.on(db.connection).compare(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF,
                Rate.EXIT_WORK_OR_STUDIES, 30).groups();
        int a = row(t, "group", "A");
        assertThat(t.shown(a, t.column("events"))).isEqualTo("<5");
        assertThat(t.key(a, "signal")).isEmpty();
        assertThat(t.number(a, "rate")).isEmpty();
    }
}
