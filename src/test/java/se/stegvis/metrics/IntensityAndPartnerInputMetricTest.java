package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.metrics.RightSupportAndCyclingMetricTest.row;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;

class IntensityAndPartnerInputMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2020, 12, 31);
    final TestCohort db = TestCohort.create();
    final Metrics metrics = Metrics.on(db.connection).unsuppressed();

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /**
     * i1 met 11 Jan, exits 10 Apr (90 days): held 11 Jan, 10 Feb, 11 Mar, cancelled 1 Mar, no-show 1 Apr.
     * i2 met 2 Jul, open (182 days): held 2 Jul, 1 Aug, then nothing for 152 days: idle.
     * i3 met 20 Nov, open (41 days): held 20 Nov, 10 Dec: not idle.
     */
    private void intensityCohort() {
        db.episode("i1", "evi", "A", "2020-01-01").event("first_meeting", "2020-01-11").exit("2020-04-10", "arbete")
                .meeting("2020-01-11").meeting("2020-02-10").contact("2020-03-01", "meeting", "cancelled", null)
                .contact("2020-03-11", "sip_meeting", "held", "af|fk").contact("2020-04-01", "meeting", "no_show", null);
        db.episode("i2", "evi", "A", "2020-06-01").event("first_meeting", "2020-07-02").meeting("2020-07-02")
                .contact("2020-08-01", "phone", "held", null);
        db.episode("i3", "evi", "A", "2020-11-01").event("first_meeting", "2020-11-20").meeting("2020-11-20")
                .meeting("2020-12-10");
    }

    @Test
    void contactsPerPersonMonthWithExactPoissonInterval() {
        intensityCohort();
        MetricTable t = metrics.intensity(Cohort.all(), AS_OF, 60).summary();
        double months = (90 + 182 + 41) / 30.4375;
        assertThat(t.count(0, "episodes")).hasValue(3);
        assertThat(t.number(0, "person_months").getAsDouble()).isCloseTo(months, within(1e-9));
        assertThat(t.count(0, "held")).hasValue(7);
        assertThat(t.number(0, "contacts_per_person_month").getAsDouble()).isCloseTo(7 / months, within(1e-9));
        // R: poisson.test(7)$conf.int = 2.814358 14.422675 (qchisq(0.025, 14) / 2, qchisq(0.975, 16) / 2)
        assertThat(t.number(0, "rate_lower").getAsDouble()).isCloseTo(2.814358 / months, within(1e-6));
        assertThat(t.number(0, "rate_upper").getAsDouble()).isCloseTo(14.422675 / months, within(1e-6));
    }

    @Test
    void gapsCancellationsAttendanceAndIdleOpenEpisodes() {
        intensityCohort();
        MetricTable t = metrics.intensity(Cohort.all(), AS_OF, 60).summary();
        // held-to-held gaps: 30, 30 (i1), 30 (i2), 20 (i3)
        assertThat(t.number(0, "median_gap_days")).hasValue(30.0);
        assertThat(t.number(0, "p75_gap_days")).hasValue(30.0);
        assertThat(t.count(0, "contacts")).hasValue(9);
        assertThat(t.number(0, "cancelled_share").getAsDouble()).isCloseTo(1.0 / 9, within(1e-12));
        assertThat(t.number(0, "attendance").getAsDouble()).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(t.count(0, "open")).hasValue(2);
        assertThat(t.count(0, "idle")).hasValue(1);
        assertThat(t.key(0, "idle_days")).isEqualTo("60");
        assertThat(metrics.intensity(Cohort.all(), AS_OF, 160).summary().count(0, "idle"))
                .as("152 days without contact is not idle for 160").hasValue(0);
    }

    @Test
    void intensityWithoutContactsSaysWhichTableIsNeeded() {
        db.episode("x", "evi", "A", "2020-01-01");
        assertThatThrownBy(() -> metrics.intensity(Cohort.all(), AS_OF, 60))
                .hasMessageStartingWith("intensity needs table contacts (contacts.csv, see data-dictionary/GLOSSARY.md)");
        assertThatThrownBy(() -> metrics.partnerInput(Cohort.all(), AS_OF))
                .hasMessageStartingWith("partner-input needs table partner_hours (partner_hours.csv");
    }

    /**
     * evi/A 2020: AF agreed 10 + 10 hours and gave 8 + 6, FK agreed 4 and did not report; held
     * meetings: e1 with AF and FK, e1 SIP with AF, e2 alone (e2's phone call does not count).
     * e1 met in 10 days and stepped 2 -> 4; e2 met in 20 days, 3 -> 3; e3 not met (censored at 305).
     */
    private void partnerCohort() {
        db.partnerHours("evi", "A", "af", "2020-01-01", 10, 8.0).partnerHours("evi", "A", "af", "2020-02-01", 10, 6.0)
                .partnerHours("evi", "A", "fk", "2020-01-01", 4, null);
        db.episode("e1", "evi", "A", "2020-01-01").event("first_meeting", "2020-01-11").step("2020-01-11", 2)
                .step("2020-06-01", 4).contact("2020-01-11", "meeting", "held", "af|fk")
                .contact("2020-02-11", "sip_meeting", "held", "af");
        db.episode("e2", "evi", "A", "2020-02-01").event("first_meeting", "2020-02-21").step("2020-02-21", 3)
                .step("2020-06-01", 3).meeting("2020-02-21").contact("2020-03-01", "phone", "held", null);
        db.episode("e3", "evi", "A", "2020-03-01");
    }

    @Test
    void hoursAndPresenceBesideTheSameUnitsOutcomes() {
        partnerCohort();
        PartnerInputResult r = metrics.partnerInput(Cohort.all(), AS_OF);
        MetricTable s = r.summary();
        int y = row(s, new String[] {"unit", "period"}, "evi/A", "2020");
        assertThat(s.number(y, "hours_agreed")).hasValue(24.0);
        assertThat(s.number(y, "hours_given")).hasValue(14.0);
        assertThat(s.number(y, "given_share").getAsDouble()).isCloseTo(14.0 / 24, within(1e-12));
        assertThat(s.count(y, "meetings")).hasValue(3);
        assertThat(s.number(y, "partners_per_meeting")).hasValue(1.0);
        assertThat(s.count(y, "episodes")).hasValue(3);
        assertThat(s.count(y, "assessed_twice")).hasValue(2);
        assertThat(s.number(y, "step_up_share")).hasValue(0.5);
        // 10 (e), 20 (e), 305 (c): S = 2/3, then 1/3 at 20 days.
        assertThat(s.number(y, "median_days_to_first_meeting")).hasValue(20.0);
        MetricTable p = r.presence();
        assertThat(p.count(row(p, new String[] {"partner"}, "af"), "present")).hasValue(2);
        assertThat(p.number(row(p, new String[] {"partner"}, "fk"), "share").getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        MetricTable h = r.hours();
        int fk = row(h, new String[] {"partner", "month"}, "fk", "2020-01");
        assertThat(h.number(fk, "hours_agreed")).hasValue(4.0);
        assertThat(h.number(fk, "hours_given")).as("not reported").isEmpty();
    }
}
