package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.metrics.StepAndTransitionMetricTest.row;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

class ProcessMapMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
    static TestCohort db;
    static Metrics metrics;

    /**
     * Consecutive milestone pairs: a1 referral -> accepted (0 d, same day: programme order) ->
     * first meeting (10) -> exit (30); a2 ref -> acc (1) -> fm (20), waiting; a3 ref -> acc (4) ->
     * fm (30); a4 ref -> acc (4) -> fm (40); a5 ref -> acc (14), waiting 15 days; a6 ref -> not
     * relevant (2). 3 + 2 + 2 + 2 + 1 + 1 = 11 pairs.
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("a1", "evi", "A", "2024-01-01").accepted("2024-01-01").event("first_meeting", "2024-01-11")
                .exit("2024-02-10", "arbete");
        db.episode("a2", "evi", "A", "2024-01-01").accepted("2024-01-02").event("first_meeting", "2024-01-22");
        db.episode("a3", "evi", "A", "2024-01-01").accepted("2024-01-05").event("first_meeting", "2024-02-04");
        db.episode("a4", "evi", "A", "2024-01-01").accepted("2024-01-05").event("first_meeting", "2024-02-14");
        db.episode("a5", "evi", "A", "2024-06-01").accepted("2024-06-15");
        db.episode("a6", "evi", "A", "2024-01-01").event("decision_not_relevant", "2024-01-03");
        metrics = Metrics.on(db.connection).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static long edge(MetricTable t, String from, String to) {
        return t.count(row(t, "from_event", from, "to_event", to), "n").orElseThrow();
    }

    @Test
    void edgeCountsAddUpToTheConsecutivePairs() {
        MetricTable e = metrics.processMap(Cohort.all(), AS_OF).edges();
        long pairs = 0;
        for (int r = 0; r < e.rowCount(); r++) {
            pairs += e.count(r, "n").orElseThrow();
        }
        assertThat(pairs).isEqualTo(11);
        assertThat(edge(e, "referral", "decision_accepted")).isEqualTo(5);
        assertThat(edge(e, "referral", "decision_not_relevant")).isEqualTo(1);
        assertThat(edge(e, "decision_accepted", "first_meeting")).isEqualTo(4);
        assertThat(edge(e, "first_meeting", "exit")).isEqualTo(1);
        assertThat(e.rowCount()).isEqualTo(4);
    }

    /**
     * Accepted -> first meeting: 10, 20, 30, 40 days, a5 censored at 15. Aalen-Johansen: F = 1/5 at
     * 10; at 20 4/5 * 1/3 more (0.467); at 30 (0.733); at 40 (1). Half of 1 is first reached at 30
     * (the plain median of the observed times would say 25), three quarters at 40.
     */
    @Test
    void edgeTimesCountThoseStillWaitingAsCensored() {
        MetricTable e = metrics.processMap(Cohort.all(), AS_OF).edges();
        int r = row(e, "from_event", "decision_accepted", "to_event", "first_meeting");
        assertThat(e.number(r, "median_days")).hasValue(30);
        assertThat(e.number(r, "p75_days")).hasValue(40);
        // Referral -> accepted competes with not relevant at 2 days: F_acc = 1/6, 1/3, (2), 2/3, 5/6;
        // half of 5/6 is reached at 4 days, as is three quarters.
        int a = row(e, "from_event", "referral", "to_event", "decision_accepted");
        assertThat(e.number(a, "median_days")).hasValue(4);
        assertThat(e.number(a, "p75_days")).hasValue(4);
    }

    @Test
    void theSlowestWaitingEdgeIsTheBottleneck() {
        MetricTable e = metrics.processMap(Cohort.all(), AS_OF).edges();
        assertThat(e.key(row(e, "from_event", "decision_accepted", "to_event", "first_meeting"), "bottleneck")).isEqualTo("true");
        // first meeting -> exit is slower (30 days) but ends the episode: time in the programme, not waiting
        assertThat(e.key(row(e, "from_event", "first_meeting", "to_event", "exit"), "bottleneck")).isEqualTo("false");
    }

    @Test
    void nodesCountWhoReachedAndWhoIsStillWaiting() {
        ProcessMapResult r = metrics.processMap(Cohort.all(), AS_OF);
        MetricTable n = r.nodes();
        assertThat(n.count(row(n, "event", "referral"), "n")).hasValue(6);
        assertThat(n.count(row(n, "event", "decision_accepted"), "n")).hasValue(5);
        assertThat(n.count(row(n, "event", "decision_accepted"), "waiting")).hasValue(1);
        assertThat(n.count(row(n, "event", "first_meeting"), "waiting")).hasValue(3);
        // first meeting: one exit at 30 days, three waiting 137-160 days: S never reaches one half
        assertThat(n.number(row(n, "event", "first_meeting"), "median_next_days")).isEmpty();
        assertThat(r.n()).isEqualTo(6);
    }

    @Test
    void smallEdgesAreHiddenWithTheirTimes() {
        MetricTable e = metrics.withPolicy(DisclosurePolicy.DEFAULT).processMap(Cohort.all(), AS_OF).edges();
        int r = row(e, "from_event", "decision_accepted", "to_event", "first_meeting");
        assertThat(e.shown(r, e.column("n"))).isEqualTo("<5");
        assertThat(e.number(r, "median_days")).isEmpty();
        assertThat(e.key(r, "bottleneck")).isEmpty();
        // referral (6) = accepted (5) + not relevant (1, hidden) + waiting (0): the 5 must go too
        int a = row(e, "from_event", "referral", "to_event", "decision_accepted");
        assertThat(e.shown(a, e.column("n"))).isEqualTo("..");
    }
}
