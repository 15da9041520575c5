package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.metrics.StepAndTransitionMetricTest.row;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;

class DataQualityMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static TestCohort db;
    static MetricTable checks;

    /**
     * d1 met before its referral and never assessed; d2 exited before its referral; d3 assessed 51
     * days after the first meeting; d4 and d5 the same person, programme and referral date; d6 no
     * gender and an exit event without an exit record.
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("d1", "ist", "A", "2024-01-10").gender("k").event("first_meeting", "2024-01-05");
        db.episode("d2", "ist", "A", "2024-01-01").gender("k").exit("2023-12-01", "avbrott");
        db.episode("d3", "ist", "A", "2024-01-01").gender("m").event("first_meeting", "2024-01-10").step("2024-03-01", 2);
        db.episode("d4", "ist", "A", "2024-02-01").gender("m").person("same");
        db.episode("d5", "ist", "A", "2024-02-01").gender("m").person("same");
        db.episode("d6", "ist", "A", "2024-02-01").event("exit", "2024-06-01");
        checks = Metrics.on(db.connection).unsuppressed().dataQuality(Cohort.all(), AS_OF).checks();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static void check(String check, String column, long problems, long total) {
        int r = row(checks, "group", "all", "check", check, "column", column);
        assertThat(checks.count(r, "problems")).as(check + " " + column).hasValue(problems);
        assertThat(checks.count(r, "total")).as(check + " " + column).hasValue(total);
    }

    @Test
    void completenessCountsMissingValues() {
        check("completeness", "gender", 1, 6);
        check("completeness", "birth_year", 6, 6);
        check("completeness", "income_source_at_exit", 1, 1);
    }

    @Test
    void impossibleSequencesAreCounted() {
        check("event_before_referral", "event_date", 2, 6); // d1's meeting, d2's exit
        check("exit_before_referral", "exit_date", 1, 1);
        check("exit_event_without_exit", "event_type", 1, 2);
        check("milestone_after_exit", "event_date", 0, 1);
    }

    @Test
    void missingAssessmentsDuplicatesAndLateRegistrations() {
        check("met_without_assessment", "episode_id", 1, 2);
        check("duplicate_episode", "episode_id", 1, 6);
        check("late_entry_assessment", "assessed_on", 1, 1);
    }

    @Test
    void nearDuplicateMunicipalitiesAreCountedAndListed() throws Exception {
        try (TestCohort near = TestCohort.create()) {
            near.episode("n1", "ist", "Ludvika", "2024-01-10");
            near.episode("n2", "ist", "Ludvika", "2024-01-10");
            near.episode("n3", "ist", "ludvika", "2024-01-10");
            near.episode("n4", "uma", "Ludvkia", "2024-01-10");
            near.episode("n5", "ist", "Smedjebacken", "2024-01-10");
            near.episode("n6", "ist", "Mora", "2024-01-10");
            near.episode("n7", "ist", "Orsa", "2024-01-10");
            DataQualityResult result = Metrics.on(near.connection).unsuppressed().dataQuality(Cohort.all(), AS_OF);
            int r = row(result.checks(), "group", "all", "check", "near_duplicate", "column", "municipality");
            assertThat(result.checks().count(r, "problems")).hasValue(4);
            assertThat(result.checks().count(r, "total")).hasValue(7);
            MetricTable listed = result.nearDuplicates();
            assertThat(java.util.stream.IntStream.range(0, listed.rowCount()).mapToObj(i -> listed.key(i, "value") + " ~ "
                    + listed.key(i, "near") + ": " + listed.count(i, "episodes").orElseThrow()).toList()).containsExactly(
                    "Ludvika ~ Ludvkia, ludvika: 2", "Ludvkia ~ Ludvika, ludvika: 1", "ludvika ~ Ludvika, Ludvkia: 1");
        }
    }
}
