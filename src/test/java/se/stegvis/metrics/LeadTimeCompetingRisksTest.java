package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.metrics.StepAndTransitionMetricTest.row;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;

class LeadTimeCompetingRisksTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    final TestCohort db = TestCohort.create();

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /**
     * Referred 1 Jan: c1 judged not relevant on day 5, a1 met on day 10, a2 on day 20, o1 still
     * waiting. Kaplan-Meier censors c1 and says 2/3 met within 30 days, as if c1 would have been met
     * like the others. As competing risks (Aalen-Johansen): day 5, 1 of 4 ends (ended 1/4, all-cause
     * survival 3/4); day 10, 1 of 3 met (3/4 x 1/3 = 1/4); day 20, 1 of 2 met (1/2 x 1/2 = 1/4): met 1/2.
     */
    @Test
    void reachingAMilestoneCompetesWithEndingBeforeIt() {
        db.episode("c1", "evi", "A", "2024-01-01").event("decision_not_relevant", "2024-01-06");
        db.episode("a1", "evi", "A", "2024-01-01").event("first_meeting", "2024-01-11");
        db.episode("a2", "evi", "A", "2024-01-01").event("first_meeting", "2024-01-21");
        db.episode("o1", "evi", "A", "2024-01-01");
        LeadTime spec = LeadTime.between(Milestone.REFERRAL, Milestone.FIRST_MEETING).horizons(List.of(30));
        LeadTimeResult r = Metrics.on(db.connection).unsuppressed().leadTime(Cohort.all(), AS_OF, spec);
        assertThat(r.summary().number(0, "share_within").getAsDouble()).as("Kaplan-Meier").isCloseTo(2.0 / 3, within(1e-12));
        MetricTable d = r.destinations();
        int reached = row(d, "destination", "reached");
        int ended = row(d, "destination", "ended_before");
        assertThat(d.number(reached, "cif").getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(d.count(reached, "events")).hasValue(2);
        assertThat(d.number(ended, "cif").getAsDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(d.key(reached, "days")).isEqualTo("30");
    }
}
