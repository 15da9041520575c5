package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.disclosure.DisclosurePolicy;

class FunnelMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static TestCohort db;

    /**
     * Eleven episodes known on 2024-12-31 (A: e01-e07, B: e08-e11); e12 is referred after the as-of
     * date and e13 is a consultation, both left out. e11's exit is after the as-of date.
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("e01", "evi", "A", "2024-01-10").event("decision_not_relevant", "2024-01-15");
        db.episode("e02", "evi", "A", "2024-01-12").event("declined", "2024-01-20");
        db.episode("e03", "evi", "A", "2024-02-01").accepted("2024-02-05").event("first_meeting", "2024-02-10")
                .event("mapping_done", "2024-02-20").event("plan_established", "2024-03-01")
                .event("activity_start", "2024-03-15").exit("2024-06-01", "arbete");
        db.episode("e04", "evi", "A", "2024-02-03").accepted("2024-02-06").event("first_meeting", "2024-02-12")
                .event("mapping_done", "2024-03-01").event("plan_established", "2024-03-20")
                .event("activity_start", "2024-04-01").exit("2024-08-01", "studier");
        db.episode("e05", "evi", "A", "2024-02-10").accepted("2024-02-12").event("first_meeting", "2024-02-20")
                .event("mapping_done", "2024-03-05").event("plan_established", "2024-03-25")
                .event("activity_start", "2024-04-10").exit("2024-09-01", "avbrott");
        db.episode("e06", "evi", "A", "2024-03-01").accepted("2024-03-02").event("first_meeting", "2024-03-10")
                .event("mapping_done", "2024-03-20").event("plan_established", "2024-04-01");
        db.episode("e07", "evi", "A", "2024-03-05").accepted("2024-03-06").event("first_meeting", "2024-03-15");
        db.episode("e08", "evi", "B", "2024-03-10").accepted("2024-03-12").event("first_meeting", "2024-03-20")
                .event("mapping_done", "2024-04-01").event("plan_established", "2024-04-15")
                .event("activity_start", "2024-05-01");
        db.episode("e09", "evi", "B", "2024-04-01");
        db.episode("e10", "evi", "B", "2024-04-05").accepted("2024-04-08");
        db.episode("e11", "evi", "B", "2024-05-01").accepted("2024-05-02").event("first_meeting", "2024-05-10")
                .event("mapping_done", "2024-06-01").exit("2025-02-01", "arbete");
        db.episode("e12", "evi", "B", "2025-01-15").accepted("2025-01-20");
        db.episode("e13", "evi", "A", "2024-02-01").consultation();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static int row(MetricTable t, String group, String column, String value) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (t.key(r, "group").equals(group) && t.key(r, column).equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no row " + group + "/" + value);
    }

    private static long n(MetricTable t, String group, String column, String value, String countColumn) {
        return t.count(row(t, group, column, value), countColumn).orElseThrow();
    }

    @Test
    void stageCountsFollowEveryEpisodeUpToTheAsOfDate() {
        FunnelResult f = Metrics.on(db.connection).unsuppressed().funnel(Cohort.all(), AS_OF);
        MetricTable s = f.stages();
        long[] expected = {11, 1, 1, 8, 7, 6, 5, 4, 3, 2};
        String[] stages = {"referred", "decision_not_relevant", "declined", "decision_accepted", "first_meeting",
            "mapping_done", "plan_established", "activity_start", "exit", "positive_exit"};
        for (int i = 0; i < stages.length; i++) {
            assertThat(n(s, "all", "stage", stages[i], "n")).as(stages[i]).isEqualTo(expected[i]);
        }
        assertThat(f.n()).isEqualTo(11);
        assertThat(f.suppression().applied()).isFalse();
    }

    @Test
    void conversionIsShareOfThePreviousStageWithWilsonInterval() {
        MetricTable s = Metrics.on(db.connection).unsuppressed().funnel(Cohort.all(), AS_OF).stages();
        int fm = row(s, "all", "stage", "first_meeting");
        assertThat(s.count(fm, "from_n")).hasValue(8);
        assertThat(s.count(fm, "conv_n")).hasValue(7);
        assertThat(s.number(fm, "conversion").orElseThrow()).isEqualTo(0.875);
        // Wilson 95 % for 7/8 (R: prop.test(7, 8, correct = FALSE)$conf.int = 0.5291, 0.9776)
        assertThat(s.number(fm, "conv_lower").orElseThrow()).isCloseTo(0.5291, within(1e-4));
        assertThat(s.number(fm, "conv_upper").orElseThrow()).isCloseTo(0.9776, within(1e-4));
        int pos = row(s, "all", "stage", "positive_exit");
        assertThat(s.number(pos, "conversion").orElseThrow()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(s.number(pos, "share").orElseThrow()).isCloseTo(2.0 / 11, within(1e-12));
    }

    @Test
    void whereEveryoneIsNowAddsUpToReferred() {
        MetricTable now = Metrics.on(db.connection).unsuppressed().funnel(Cohort.all(), AS_OF).now();
        String[] status = {"awaiting_decision", "not_relevant", "declined", "accepted", "met", "mapped", "planned",
            "in_activity", "exited_positive", "exited_other", "total"};
        long[] expected = {1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 11};
        for (int i = 0; i < status.length; i++) {
            assertThat(n(now, "all", "status", status[i], "n")).as(status[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void groupsSplitTheCohortByMunicipality() {
        MetricTable s = Metrics.on(db.connection).unsuppressed()
                .funnel(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF).stages();
        assertThat(n(s, "A", "stage", "referred", "n")).isEqualTo(7);
        assertThat(n(s, "B", "stage", "referred", "n")).isEqualTo(4);
        assertThat(n(s, "A", "stage", "exit", "n")).isEqualTo(3);
        assertThat(n(s, "B", "stage", "exit", "n")).isZero();
        assertThat(n(s, "B", "stage", "mapping_done", "n")).isEqualTo(2);
    }

    @Test
    void laterAsOfDateSeesTheLaterReferralAndExit() {
        MetricTable s = Metrics.on(db.connection).unsuppressed().funnel(Cohort.all(), LocalDate.of(2025, 3, 1)).stages();
        assertThat(n(s, "all", "stage", "referred", "n")).isEqualTo(12);
        assertThat(n(s, "all", "stage", "positive_exit", "n")).isEqualTo(3);
    }

    @Test
    void smallCountsAndRecomputableConversionsAreHiddenByDefault() {
        FunnelResult f = Metrics.on(db.connection).withPolicy(DisclosurePolicy.threshold(3)).funnel(Cohort.all(), AS_OF);
        MetricTable s = f.stages();
        int declined = row(s, "all", "stage", "declined");
        assertThat(s.shown(declined, s.column("n"))).isEqualTo("<3");
        assertThat(s.number(declined, "share")).isEmpty();
        // 7 of 8 accepted were met: the one not met could be recomputed, so 7 is hidden (secondary).
        int fm = row(s, "all", "stage", "first_meeting");
        assertThat(s.shown(fm, s.column("n"))).isEqualTo("7");
        assertThat(s.shown(fm, s.column("conv_n"))).isEqualTo("..");
        assertThat(s.number(fm, "conversion")).isEmpty();
        assertThat(f.suppression().applied()).isTrue();
        assertThat(f.suppression().secondary()).isPositive();
        MetricTable now = f.now();
        assertThat(now.shown(row(now, "all", "status", "total"), now.column("n"))).isEqualTo("11");
        assertThat(now.shown(row(now, "all", "status", "met"), now.column("n"))).isEqualTo("<3");
    }
}
