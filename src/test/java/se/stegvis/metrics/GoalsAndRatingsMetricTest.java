package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.metrics.RightSupportAndCyclingMetricTest.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.cohort.Cohort;
import se.stegvis.stats.Interval;
import se.stegvis.stats.Proportions;

class GoalsAndRatingsMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    final TestCohort db = TestCohort.create();
    final Metrics metrics = Metrics.on(db.connection).unsuppressed();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** Ten in evi/A referred 1 Jan 2020, three exit to work on 1 Jun 2020; one in evi/B. */
    private void goalCohort() {
        for (int i = 0; i < 10; i++) {
            var e = db.episode("g" + i, "evi", "A", "2020-01-01");
            if (i < 3) {
                e.exit("2020-06-01", "arbete");
            }
        }
        db.episode("h1", "evi", "B", "2020-01-01").exit("2020-02-01", "avbrott");
    }

    private static Goal goal(String id, String rate, int days, double target, boolean atMost) {
        return new Goal(id, id, rate, days, target, atMost, List.of("evi"), List.of("A"));
    }

    @Test
    void goalIsMetNotMetOrCannotTellByWhereItsWilsonIntervalLies() {
        goalCohort();
        Interval w = Proportions.wilson(3, 10, 0.95); // 0.1078 .. 0.6032
        List<Goal> goals = List.of(goal("work30", "exit_work_or_studies", 730, 0.30, false),
                goal("work5", "exit_work_or_studies", 730, 0.05, false),
                goal("work70", "exit_work_or_studies", 730, 0.70, false),
                goal("dropout", "dropout", 0, 0.9, true));
        MetricTable t = metrics.goals(goals, AS_OF).table();
        String[] id = {"id"};
        int work30 = row(t, id, "work30");
        assertThat(t.count(work30, "n")).hasValue(3);
        assertThat(t.count(work30, "denominator")).hasValue(10);
        assertThat(t.number(work30, "lower").getAsDouble()).isCloseTo(w.lower(), within(1e-12));
        assertThat(t.key(work30, "status")).isEqualTo("cannot_tell");
        assertThat(t.key(row(t, id, "work5"), "status")).isEqualTo("met");
        assertThat(t.key(row(t, id, "work70"), "status")).isEqualTo("not_met");
        // 0 drop-outs of 3 exits in A: Wilson upper 0.5615 is below the ceiling of 0.9.
        assertThat(t.key(row(t, id, "dropout"), "status")).isEqualTo("met");
    }

    @Test
    void goalNoDataCanMeasureIsListedAsSuch() {
        goalCohort();
        MetricTable t = metrics.goals(List.of(goal("rs", "right_support", 0, 0.2, false),
                goal("happy", "happiness", 0, 0.5, false), goal("soon", "exit_work_or_studies", 3650, 0.2, false)), AS_OF).table();
        String[] id = {"id"};
        assertThat(t.key(row(t, id, "rs"), "status")).isEqualTo("not_measurable");
        assertThat(t.key(row(t, id, "rs"), "note")).contains("needs table income_sources");
        assertThat(t.key(row(t, id, "happy"), "note")).startsWith("unknown rate 'happiness'");
        assertThat(t.key(row(t, id, "soon"), "status")).as("nobody referred ten years ago").isEqualTo("not_measurable");
    }

    @Test
    void aGoalSelectsAsACohortDoesAndOneMatchingNothingSaysWhy() {
        goalCohort();
        MetricTable t = metrics.goals(List.of(
                new Goal("any_case", "any_case", "exit_work_or_studies", 730, 0.05, false, List.of("EVI"), List.of("a")),
                new Goal("typo", "typo", "exit_work_or_studies", 730, 0.05, false, List.of("evi"), List.of("Ludvica"))),
                AS_OF).table();
        String[] id = {"id"};
        assertThat(t.count(row(t, id, "any_case"), "denominator")).hasValue(10);
        assertThat(t.key(row(t, id, "typo"), "status")).isEqualTo("not_measurable");
        assertThat(t.key(row(t, id, "typo"), "note")).isEqualTo("municipality \"Ludvica\" matches no municipality in the store; known: A, B");
    }

    @Test
    void goalsAreReadFromTheProjectSettingsFile() throws Exception {
        Path settings = Files.writeString(dir.resolve("project.properties"), String.join("\n",
                "disclosure.threshold=5",
                "goal.work2y.label=Arbete eller studier inom två år",
                "goal.work2y.rate=exit_work_or_studies",
                "goal.work2y.within_days=730",
                "goal.work2y.target=30%",
                "goal.work2y.programme=evi",
                "goal.work2y.municipality=Ludvika, Smedjebacken",
                "goal.drop.rate=dropout",
                "goal.drop.target=0,15",
                "goal.drop.direction=at_most"), java.nio.charset.StandardCharsets.UTF_8);
        List<Goal> goals = Goal.fromSettings(settings);
        assertThat(goals).extracting(Goal::id).containsExactly("drop", "work2y");
        Goal work = goals.get(1);
        assertThat(work.target()).isCloseTo(0.30, within(1e-12));
        assertThat(work.withinDays()).isEqualTo(730);
        assertThat(work.municipalities()).containsExactly("Ludvika", "Smedjebacken");
        assertThat(work.label()).isEqualTo("Arbete eller studier inom två år");
        assertThat(goals.get(0).atMost()).isTrue();
        assertThat(goals.get(0).target()).isCloseTo(0.15, within(1e-12));
        Files.writeString(settings, "goal.x.rate=dropout\n");
        assertThatThrownBy(() -> Goal.fromSettings(settings)).hasMessageContaining("goal.x.target is missing");
    }

    /**
     * Quality of life: pairs (before, after) 40/50, 30/45, 50/48, 20/40; e5 exited without an after
     * (lost); e6 still in the programme (not due).
     */
    private void ratingsCohort() {
        double[][] pairs = {{40, 50}, {30, 45}, {50, 48}, {20, 40}};
        for (int i = 0; i < pairs.length; i++) {
            db.episode("e" + (i + 1), "evi", "A", "2024-01-01").rating("qol", "2024-01-10", pairs[i][0], "before")
                    .exit("2024-06-01", "arbete").rating("qol", "2024-06-01", pairs[i][1], "after");
        }
        db.episode("e5", "evi", "A", "2024-01-01").rating("qol", "2024-01-10", 35, "before").exit("2024-06-01", "avbrott");
        db.episode("e6", "evi", "A", "2024-01-01").rating("qol", "2024-01-10", 60, "before");
    }

    @Test
    void pairedRatingsWithWilcoxonAsRAndTheLossShown() {
        ratingsCohort();
        MetricTable t = metrics.ratings(Cohort.all(), AS_OF).summary();
        assertThat(t.rowCount()).isEqualTo(1);
        assertThat(t.key(0, "instrument")).isEqualTo("qol");
        assertThat(t.count(0, "rated_before")).hasValue(6);
        assertThat(t.count(0, "due_after")).hasValue(5);
        assertThat(t.count(0, "paired")).hasValue(4);
        assertThat(t.count(0, "lost")).hasValue(1);
        assertThat(t.number(0, "share_lost")).hasValue(0.2);
        assertThat(t.number(0, "mean_before")).hasValue(35.0);
        assertThat(t.number(0, "mean_after")).hasValue(45.75);
        assertThat(t.number(0, "median_difference")).hasValue(12.5);
        // R: wilcox.test(c(50, 45, 48, 40), c(40, 30, 50, 20), paired = TRUE): V = 9, p-value = 0.25
        assertThat(t.number(0, "wilcoxon_v")).hasValue(9.0);
        assertThat(t.number(0, "p_value").getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(t.count(0, "improved")).hasValue(3);
        assertThat(t.number(0, "share_improved")).hasValue(0.75);
    }

    @Test
    void ratingsAfterTheAsOfDateAreNotYetKnown() {
        ratingsCohort();
        MetricTable t = metrics.ratings(Cohort.all(), LocalDate.of(2024, 3, 1)).summary();
        assertThat(t.count(0, "due_after")).hasValue(0);
        assertThat(t.count(0, "paired")).hasValue(0);
        assertThat(t.number(0, "p_value")).isEmpty();
    }
}
