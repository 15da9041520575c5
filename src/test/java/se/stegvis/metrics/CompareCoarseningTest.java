package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;

class CompareCoarseningTest {
    static final LocalDate AS_OF = LocalDate.of(2020, 12, 31);
    final TestCohort db = TestCohort.create();

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private void exits(String municipality, int toWork, int other) {
        for (int i = 0; i < toWork + other; i++) {
            db.episode(municipality + i, "evi", municipality, "2020-01-01").exit("2020-06-01", i < toWork ? "arbete" : "avbrott");
        }
    }

    /**
     * Exits (to work of all): A 10 of 20, B 6 of 20, C 1 of 2, D 0 of 2, E 1 of 3. By municipality
     * C, D and E hide both their counts. Folding C and D still hides "Övriga" (n 4); with E too it
     * holds 2 of 7, so only its count of exits to work is hidden, and one more to protect it.
     */
    @Test
    void theSmallestMunicipalitiesAreFoldedIntoOthersUntilAtMostAThirdIsHidden() {
        exits("A", 10, 10);
        exits("B", 6, 14);
        exits("C", 1, 1);
        exits("D", 0, 2);
        exits("E", 1, 2);
        Cohort byMunicipality = Cohort.all().groupBy(GroupBy.MUNICIPALITY);
        Metrics m = Metrics.on(db.connection);
        CompareResult r = m.compareCoarsened(byMunicipality, AS_OF, Rate.EXIT_WORK_OR_STUDIES, 30);
        assertThat(r.folded()).containsExactly("C", "D", "E");
        MetricTable t = r.groups();
        assertThat(t.rowCount()).isEqualTo(4); // A, B, Övriga, all
        int others = StepAndTransitionMetricTest.row(t, "group", "Övriga");
        assertThat(t.count(others, "n")).hasValue(7);
        assertThat(t.isHidden(others, "events")).isTrue();
        assertThat(t.count(StepAndTransitionMetricTest.row(t, "group", "all"), "n")).hasValue(47);
        assertThat(m.compare(byMunicipality, AS_OF, Rate.EXIT_WORK_OR_STUDIES, 30).folded()).isEmpty();
        assertThat(m.unsuppressed().compareCoarsened(byMunicipality, AS_OF, Rate.EXIT_WORK_OR_STUDIES, 30).folded())
                .as("nothing hidden, nothing folded").isEmpty();
    }
}
