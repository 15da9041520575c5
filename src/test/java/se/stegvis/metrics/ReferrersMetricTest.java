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

class ReferrersMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    static TestCohort db;
    static Metrics metrics;

    /**
     * AF sent four: r1 not relevant (not the target group), r2 met after 10 days and exited to work,
     * r3 met after 20 days and dropped out, r4 accepted and still waiting. FK sent two: r5 not
     * relevant without a recorded reason, r6 met after 30 days.
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("r1", "evi", "A", "2024-01-01").event("decision_not_relevant", "2024-01-05")
                .set("not_relevant_reason", "ej_malgrupp");
        db.episode("r2", "evi", "A", "2024-01-01").accepted("2024-01-03").event("first_meeting", "2024-01-11")
                .exit("2024-03-01", "arbete");
        db.episode("r3", "evi", "A", "2024-01-01").accepted("2024-01-03").event("first_meeting", "2024-01-21")
                .exit("2024-04-01", "avbrott");
        db.episode("r4", "evi", "A", "2024-01-01").accepted("2024-01-05");
        db.episode("r5", "evi", "B", "2024-01-01").event("decision_not_relevant", "2024-01-02").set("referral_source", "fk");
        db.episode("r6", "evi", "B", "2024-01-01").accepted("2024-01-02").event("first_meeting", "2024-01-31")
                .set("referral_source", "fk");
        metrics = Metrics.on(db.connection).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void eachReferrerSeesWhatHappenedToThePeopleItSent() {
        // grouped by referral source whatever grouping the selection asks for
        ReferrersResult r = metrics.referrers(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF);
        MetricTable s = r.summary();
        int af = row(s, "group", "af");
        assertThat(s.count(af, "referred")).hasValue(4);
        assertThat(s.count(af, "not_relevant")).hasValue(1);
        assertThat(s.count(af, "accepted")).hasValue(3);
        assertThat(s.count(af, "met")).hasValue(2);
        assertThat(s.number(af, "accepted_share").orElseThrow()).isCloseTo(0.75, within(1e-12));
        // KM from referral: r1 censored at 4 days (ended not relevant), meetings at 10 and 20, r4
        // censored at 181: S(10) = 2/3, S(20) = 1/3, so the median is 20 days
        assertThat(s.number(af, "meeting_median")).hasValue(20);
        assertThat(s.count(af, "exited")).hasValue(2);
        assertThat(s.count(af, "positive")).hasValue(1);
        assertThat(s.number(af, "positive_share").orElseThrow()).isCloseTo(0.5, within(1e-12));
        assertThat(s.number(row(s, "group", "fk"), "meeting_median")).hasValue(30);
        assertThat(r.n()).isEqualTo(6);
    }

    @Test
    void notRelevantReasonsWhereThePeopleAreNowAndWhereTheyWent() {
        ReferrersResult r = metrics.referrers(Cohort.all(), AS_OF);
        assertThat(r.reasons().count(row(r.reasons(), "group", "af", "reason", "ej_malgrupp"), "n")).hasValue(1);
        assertThat(r.reasons().count(row(r.reasons(), "group", "fk", "reason", "unknown"), "n")).hasValue(1);
        MetricTable now = r.now();
        assertThat(now.count(row(now, "group", "af", "status", "accepted"), "n")).hasValue(1);
        assertThat(now.count(row(now, "group", "af", "status", "exited_positive"), "n")).hasValue(1);
        assertThat(now.count(row(now, "group", "af", "status", "exited_other"), "n")).hasValue(1);
        assertThat(now.count(row(now, "group", "fk", "status", "met"), "n")).hasValue(1);
        MetricTable d = r.destinations();
        assertThat(d.count(row(d, "group", "af", "destination", "avbrott"), "n")).hasValue(1);
        assertThat(d.number(row(d, "group", "af", "destination", "arbete"), "share")).hasValue(0.5);
    }

    @Test
    void smallReferrersAreProtected() {
        ReferrersResult r = Metrics.on(db.connection).referrers(Cohort.all(), AS_OF);
        MetricTable s = r.summary();
        int af = row(s, "group", "af");
        assertThat(s.shown(af, s.column("referred"))).isEqualTo("<5");
        assertThat(s.number(af, "meeting_median")).isEmpty();
    }

    @Test
    void smallStatusesAreFoldedIntoOthersInTheSameGridAsTheSummary() {
        // threshold 3: AF's four statuses are 1 each; folding them all shows 4 people and hides nothing new
        ReferrersResult r = Metrics.on(db.connection).withPolicy(se.stegvis.disclosure.DisclosurePolicy.threshold(3))
                .referrers(Cohort.all(), AS_OF, true);
        MetricTable now = r.now();
        int others = row(now, "group", "af", "status", "Övriga");
        assertThat(now.count(others, "n")).hasValue(4);
        assertThat(now.key(others, "merged")).isEqualTo("not_relevant+accepted+exited_positive+exited_other");
        assertThat(now.number(others, "share")).hasValue(1.0);
        // the summary still hides AF's single not-relevant and positive exit
        int af = row(r.summary(), "group", "af");
        assertThat(r.summary().count(af, "not_relevant")).isEmpty();
        assertThat(r.summary().count(af, "positive")).isEmpty();
        for (int i = 0; i < now.rowCount(); i++) {
            now.count(i, "n").ifPresent(n -> assertThat(n == 0 || n >= 3).isTrue());
        }
    }
}
