package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;

class StepAndTransitionMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static TestCohort db;
    static Metrics metrics;

    /**
     * Ten episodes. Steps in date order (entry -> latest):
     * s1 A 2,3,4 (up); s2 A 3,2,3 (same, ever up and down); s3 A 4,3 (down); s4 A 1 (once);
     * s5 A none; s6 B 2,2 (same); s7 B 5 (sus-5 step 4), then 6 on stegvis-7 and 5 on sus-5 the same
     * day (stegvis-7 kept: up); s8 B 3,4 and a 5 after the as-of date (up); s9 B 2,3 exit to work
     * (up); s10 B 4 exit (once).
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("s1", "uma", "A", "2024-01-01").step("2024-01-10", 2).step("2024-03-01", 3).step("2024-06-01", 4);
        db.episode("s2", "uma", "A", "2024-01-01").step("2024-01-15", 3).step("2024-04-01", 2).step("2024-07-01", 3);
        db.episode("s3", "uma", "A", "2024-01-01").step("2024-02-01", 4).step("2024-05-01", 3);
        db.episode("s4", "uma", "A", "2024-01-01").step("2024-02-01", 1);
        db.episode("s5", "uma", "A", "2024-01-01");
        db.episode("s6", "uma", "B", "2024-01-01").step("2024-01-05", 2).step("2024-03-05", 2);
        db.episode("s7", "uma", "B", "2024-01-01").step("2024-01-05", "sus-5", 4, 5)
                .step("2024-06-01", 6).step("2024-06-01", "sus-5", 4, 5);
        db.episode("s8", "uma", "B", "2024-01-01").step("2024-01-01", 3).step("2024-02-01", 4).step("2025-02-01", 5);
        db.episode("s9", "uma", "B", "2024-01-01").step("2024-01-01", 2).step("2024-02-01", 3).exit("2024-09-01", "arbete");
        db.episode("s10", "uma", "B", "2024-01-01").step("2024-03-01", 4).exit("2024-10-01", "avbrott");
        metrics = Metrics.on(db.connection).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static int row(MetricTable t, String... keys) {
        outer:
        for (int r = 0; r < t.rowCount(); r++) {
            for (int i = 0; i < keys.length; i += 2) {
                if (!t.key(r, keys[i]).equals(keys[i + 1])) {
                    continue outer;
                }
            }
            return r;
        }
        throw new AssertionError("no row " + String.join(",", keys));
    }

    @Test
    void netMovementComparesEntryWithLatestStep() {
        StepResult s = metrics.steps(Cohort.all(), AS_OF);
        MetricTable t = s.summary();
        int r = row(t, "group", "all");
        assertThat(t.count(r, "n_episodes")).hasValue(10);
        assertThat(t.count(r, "n_assessed")).hasValue(9);
        assertThat(t.count(r, "n_two_plus")).hasValue(7);
        assertThat(t.count(r, "n_up")).hasValue(4);
        assertThat(t.count(r, "n_same")).hasValue(2);
        assertThat(t.count(r, "n_down")).hasValue(1);
        assertThat(t.count(r, "n_ever_up")).hasValue(5);
        assertThat(t.count(r, "n_ever_down")).hasValue(2);
        assertThat(t.number(r, "mean_entry").orElseThrow()).isCloseTo(26.0 / 9, within(1e-12));
        assertThat(t.number(r, "mean_latest").orElseThrow()).isCloseTo(30.0 / 9, within(1e-12));
        assertThat(t.number(r, "mean_net").orElseThrow()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(t.number(r, "share_up").orElseThrow()).isCloseTo(4.0 / 7, within(1e-12));
        // Wilson 95 % for 4/7: prop.test(4, 7, correct = FALSE)$conf.int = 0.2504, 0.8418
        assertThat(t.number(r, "up_lower").orElseThrow()).isCloseTo(0.2504, within(1e-4));
        assertThat(t.number(r, "up_upper").orElseThrow()).isCloseTo(0.8418, within(1e-4));
    }

    @Test
    void distributionCountsEntryAndLatestSteps() {
        MetricTable d = metrics.steps(Cohort.all(), AS_OF).distribution();
        long[] entry = {1, 3, 2, 2, 1, 0, 0};
        long[] latest = {1, 1, 3, 3, 0, 1, 0};
        for (int step = 1; step <= 7; step++) {
            int r = row(d, "group", "all", "step", Integer.toString(step));
            assertThat(d.count(r, "n_entry")).as("entry %d", step).hasValue(entry[step - 1]);
            assertThat(d.count(r, "n_latest")).as("latest %d", step).hasValue(latest[step - 1]);
        }
    }

    @Test
    void timeOnStepRunsToTheNextAssessment() {
        MetricTable t = metrics.steps(Cohort.all(), AS_OF).timeOnStep();
        int r = row(t, "group", "all", "step", "2");
        // step-2 spells: s1 51 d, s2 91 d, s6 60 d and one open, s9 31 d
        assertThat(t.count(r, "spells")).hasValue(5);
        assertThat(t.count(r, "completed")).hasValue(4);
        assertThat(t.number(r, "mean_days").orElseThrow()).isCloseTo(58.25, within(1e-12));
        assertThat(t.number(r, "median_days").orElseThrow()).isCloseTo(55.5, within(1e-12));
    }

    @Test
    void stepsPerGroup() {
        MetricTable t = metrics.steps(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF).summary();
        int a = row(t, "group", "A");
        int b = row(t, "group", "B");
        assertThat(t.count(a, "n_episodes")).hasValue(5);
        assertThat(t.count(a, "n_up")).hasValue(1);
        assertThat(t.count(b, "n_up")).hasValue(3);
        assertThat(t.count(b, "n_two_plus")).hasValue(4);
    }

    @Test
    void consecutiveTransitionsAreSharesOfTheirFromRow() {
        TransitionResult tr = metrics.transitions(Cohort.all(), AS_OF);
        MetricTable c = tr.consecutive();
        assertThat(tr.n()).isEqualTo(9);
        assertThat(c.rowCount()).isEqualTo(49);
        int r23 = row(c, "group", "all", "from_step", "2", "to_step", "3");
        assertThat(c.count(r23, "n")).hasValue(3);
        assertThat(c.number(r23, "share").orElseThrow()).isEqualTo(0.75);
        int r34 = row(c, "group", "all", "from_step", "3", "to_step", "4");
        assertThat(c.count(r34, "n")).hasValue(2);
        assertThat(c.number(r34, "share").orElseThrow()).isCloseTo(2.0 / 3, within(1e-12));
        int r56 = row(c, "group", "all", "from_step", "5", "to_step", "6");
        assertThat(c.count(r56, "n")).hasValue(1);
        assertThat(c.number(row(c, "group", "all", "from_step", "1", "to_step", "1"), "share")).isEmpty();
    }

    @Test
    void entryToExitCoversExitedEpisodesOnly() {
        MetricTable e = metrics.transitions(Cohort.all(), AS_OF).entryExit();
        long total = 0;
        for (int r = 0; r < e.rowCount(); r++) {
            total += e.count(r, "n").orElseThrow();
        }
        assertThat(total).isEqualTo(2);
        assertThat(e.count(row(e, "group", "all", "from_step", "2", "to_step", "3"), "n")).hasValue(1);
        assertThat(e.count(row(e, "group", "all", "from_step", "4", "to_step", "4"), "n")).hasValue(1);
    }

    @Test
    void markovProjectionMovesTheEntryDistributionOneAssessmentOn() {
        MetricTable p = metrics.transitions(Cohort.all(), AS_OF).projection();
        // entry (1,3,2,2,1,0,0)/9; rows: 1 stays, 2 -> 2 (1/4) or 3 (3/4), 3 -> 2 (1/3) or 4 (2/3), 4 -> 3, 5 -> 6
        double[] expected = {1.0 / 9, 3.0 / 9 / 4 + 2.0 / 9 / 3, 3.0 / 9 * 3 / 4 + 2.0 / 9, 2.0 / 9 * 2 / 3, 0, 1.0 / 9, 0};
        for (int step = 1; step <= 7; step++) {
            int r = row(p, "group", "all", "steps_ahead", "1", "step", Integer.toString(step));
            assertThat(p.number(r, "share").orElseThrow()).as("step %d", step).isCloseTo(expected[step - 1], within(1e-12));
        }
    }

    @Test
    void smallTransitionCountsAreHiddenByDefault() {
        MetricTable c = Metrics.on(db.connection).transitions(Cohort.all(), AS_OF).consecutive();
        int r23 = row(c, "group", "all", "from_step", "2", "to_step", "3");
        assertThat(c.shown(r23, c.column("n"))).isEqualTo("<5");
        assertThat(c.number(r23, "share")).isEmpty();
        int r77 = row(c, "group", "all", "from_step", "7", "to_step", "7");
        assertThat(c.shown(r77, c.column("n"))).isEqualTo("0");
    }
}
