package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.stegvis.cohort.Cohort;
import se.stegvis.stats.Interval;
import se.stegvis.stats.Proportions;

class RightSupportAndCyclingMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2020, 12, 31);
    final TestCohort db = TestCohort.create();
    final Metrics metrics = Metrics.on(db.connection).unsuppressed();

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** The row of {@code t} whose key columns hold {@code keys} in order (e.g. at, from, to). */
    static int row(MetricTable t, String[] columns, String... keys) {
        for (int r = 0; r < t.rowCount(); r++) {
            boolean match = true;
            for (int i = 0; i < keys.length; i++) {
                match &= t.key(r, columns[i]).equals(keys[i]);
            }
            if (match) {
                return r;
            }
        }
        throw new AssertionError("no row " + String.join("/", keys) + " in " + t.name());
    }

    /**
     * r1 social assistance -> sickness compensation (right support), still so at 90 days; r2 stays on
     * social assistance; r3 social assistance and sick pay in part -> social assistance and wages in part
     * (wages are new: right support); r4 wages -> social assistance; r5 still in the programme.
     * Applications: r1 granted after 60 days, r2 refused after 40, r4 pending since 1 June (censored at 213).
     */
    private void rightSupportCohort() {
        db.episode("r1", "evi", "A", "2020-01-01").source("entry", 0, "forsorjningsstod", "full")
                .exit("2020-06-01", "sjukersattning").source("exit", 0, "sjukersattning", "full")
                .source("follow_up", 90, "sjukersattning", "full")
                .application("2020-01-01", "sjukersattning", "2020-03-01", "granted");
        db.episode("r2", "evi", "A", "2020-01-01").source("entry", 0, "forsorjningsstod", "full")
                .exit("2020-06-01", "avbrott").source("exit", 0, "forsorjningsstod", "full")
                .application("2020-01-01", "sjukersattning", "2020-02-10", "refused");
        db.episode("r3", "evi", "A", "2020-01-01").source("entry", 0, "forsorjningsstod", "partial")
                .source("entry", 0, "sjukpenning", "partial").exit("2020-06-01", "arbete")
                .source("exit", 0, "forsorjningsstod", "partial").source("exit", 0, "lon", "partial");
        db.episode("r4", "evi", "A", "2020-01-01").source("entry", 0, "lon", "full")
                .exit("2020-11-01", "vard").source("exit", 0, "forsorjningsstod", "full")
                .application("2020-06-01", "sjukersattning", null, "pending");
        db.episode("r5", "evi", "A", "2020-01-01").source("entry", 0, "forsorjningsstod", "full");
    }

    @Test
    void transitionMatrixSharesAreOfTheEntrySourceRow() {
        rightSupportCohort();
        MetricTable m = metrics.rightSupport(Cohort.all(), AS_OF).matrix();
        String[] cols = {"at", "from_source", "to_source"};
        int toCompensation = row(m, cols, "exit", "forsorjningsstod", "sjukersattning");
        assertThat(m.count(toCompensation, "n")).hasValue(1);
        assertThat(m.number(toCompensation, "share")).hasValue(0.5);
        Interval w = Proportions.wilson(1, 2, 0.95);
        assertThat(m.number(toCompensation, "lower").getAsDouble()).isCloseTo(w.lower(), within(1e-12));
        int combination = row(m, cols, "exit", "forsorjningsstod+sjukpenning", "forsorjningsstod+lon");
        assertThat(m.number(combination, "share")).hasValue(1.0);
        assertThat(m.count(row(m, cols, "follow_up_90", "forsorjningsstod", "sjukersattning"), "n")).hasValue(1);
        assertThat(m.rowCount()).as("exit: 2 + 1 + 1 rows, follow-up: 1").isEqualTo(5);
    }

    @Test
    void rightSupportShareCountsMovesTheClassificationNamesAndSaysItsVersion() {
        rightSupportCohort();
        RightSupportResult r = metrics.rightSupport(Cohort.all(), AS_OF);
        MetricTable t = r.rightSupport();
        int exit = row(t, new String[] {"at"}, "exit");
        assertThat(t.count(exit, "n")).hasValue(2); // r1 and r3; r2 stays, r4 moves the wrong way
        assertThat(t.count(exit, "denominator")).hasValue(4);
        assertThat(t.number(exit, "share")).hasValue(0.5);
        assertThat(t.key(exit, "classification")).isEqualTo("right-support 1.0");
        assertThat(r.classification()).isEqualTo("1.0");
        assertThat(r.n()).isEqualTo(5);
    }

    @Test
    void foldingKeepsTheMostCommonSourcesAndPutsTheRestInOthers() {
        rightSupportCohort();
        // Sources at entry and later (r5 has no later source): forsorjningsstod 4, sjukersattning 2, the rest 1.
        RightSupportResult r = metrics.rightSupport(Cohort.all(), AS_OF, 2);
        assertThat(r.folded()).containsExactly("forsorjningsstod+lon", "forsorjningsstod+sjukpenning", "lon");
        MetricTable m = r.matrix();
        String[] cols = {"at", "from_source", "to_source"};
        int r3 = row(m, cols, "exit", "Övriga", "Övriga");
        int r4 = row(m, cols, "exit", "Övriga", "forsorjningsstod");
        assertThat(m.count(r3, "n")).hasValue(1);
        assertThat(m.number(r4, "share")).hasValue(0.5);
        assertThat(m.count(row(m, cols, "exit", "forsorjningsstod", "sjukersattning"), "n")).hasValue(1);
        assertThat(r3).as("Övriga last").isEqualTo(row(m, cols, "exit", "forsorjningsstod", "sjukersattning") + 2);
        int exit = row(r.rightSupport(), new String[] {"at"}, "exit");
        assertThat(r.rightSupport().count(exit, "n")).as("folding changes no count").hasValue(2);
    }

    @Test
    void theDenominatorDoesNotGiveAwayASmallRowOfTheMatrix() {
        for (int i = 0; i < 6; i++) {
            db.episode("a" + i, "evi", "A", "2020-01-01").source("entry", 0, "forsorjningsstod", "full")
                    .exit("2020-06-01", "avbrott").source("exit", 0, "forsorjningsstod", "full");
        }
        for (int i = 0; i < 2; i++) {
            db.episode("b" + i, "evi", "A", "2020-01-01").source("entry", 0, "lon", "full")
                    .exit("2020-06-01", "avbrott").source("exit", 0, "lon", "full");
        }
        RightSupportResult r = Metrics.on(db.connection).rightSupport(Cohort.all(), AS_OF);
        String[] cols = {"at", "from_source", "to_source"};
        assertThat(r.matrix().count(row(r.matrix(), cols, "exit", "lon", "lon"), "n")).isEmpty();
        boolean sixShown = r.matrix().count(row(r.matrix(), cols, "exit", "forsorjningsstod", "forsorjningsstod"), "n")
                .isPresent();
        boolean eightShown = r.rightSupport().count(0, "denominator").isPresent();
        assertThat(sixShown && eightShown).as("8 - 6 would give the hidden 2 away").isFalse();
    }

    @Test
    void applicationsGrantedOfDecidedAndKaplanMeierTimeToDecisionWithPendingCensored() {
        rightSupportCohort();
        MetricTable a = metrics.rightSupport(Cohort.all(), AS_OF).applications();
        assertThat(a.rowCount()).isEqualTo(1);
        assertThat(a.count(0, "applications")).hasValue(3);
        assertThat(a.count(0, "decided")).hasValue(2);
        assertThat(a.count(0, "pending")).hasValue(1);
        assertThat(a.number(0, "granted_share")).hasValue(0.5);
        // 40 (event), 60 (event), 213 (censored): S drops to 2/3 then 1/3, so the median is 60.
        assertThat(a.number(0, "median_days")).hasValue(60.0);
    }

    @Test
    void rightSupportWithoutIncomeSourcesSaysWhichTableIsNeeded() {
        db.episode("x1", "evi", "A", "2020-01-01");
        assertThatThrownBy(() -> metrics.rightSupport(Cohort.all(), AS_OF)).isInstanceOf(MissingTableException.class)
                .hasMessageStartingWith("right-support needs table income_sources (income_sources.csv, see data-dictionary/GLOSSARY.md)");
    }

    /**
     * P1: c1 exits 1 Mar, back 1 Jul (122 days; c2 still open). P2: c3 exits 10 Feb, never back
     * (censored at 690 days on 31 Dec 2021). P3: c4 not relevant 5 Feb, back 6 Mar (29 days) as c5,
     * which exits 1 Jun 2020 (censored at 578).
     */
    private void cyclingCohort() {
        db.episode("c1", "evi", "A", "2020-01-01").person("P1").exit("2020-03-01", "annan_insats");
        db.episode("c2", "evi", "A", "2020-07-01").person("P1");
        db.episode("c3", "evi", "A", "2020-01-10").person("P2").exit("2020-02-10", "arbete");
        db.episode("c4", "evi", "A", "2020-02-01").person("P3").event("decision_not_relevant", "2020-02-05");
        db.episode("c5", "evi", "A", "2020-03-06").person("P3").exit("2020-06-01", "arbetssokande");
    }

    @Test
    void episodesPerPersonAndTimeToReentryByKaplanMeier() {
        cyclingCohort();
        CyclingResult r = metrics.cycling(Cohort.all(), LocalDate.of(2021, 12, 31));
        MetricTable s = r.summary();
        assertThat(s.count(0, "persons")).hasValue(3);
        assertThat(s.count(0, "episodes")).hasValue(5);
        assertThat(s.number(0, "episodes_per_person").getAsDouble()).isCloseTo(5.0 / 3, within(1e-12));
        assertThat(s.count(0, "persons_2plus")).hasValue(2);
        assertThat(s.count(0, "ended")).hasValue(4);
        assertThat(s.count(0, "reentered")).hasValue(2);
        // 29 (e), 122 (e), 578 (c), 690 (c): S = 3/4, then exactly 1/2 from 122 days to the end of
        // follow-up at 690, so the median is the middle of that flat stretch, as R's quantile(survfit): 406.
        assertThat(s.number(0, "median_days")).hasValue(406.0);
        MetricTable w = r.within();
        assertThat(w.number(row(w, new String[] {"months"}, "6"), "share").getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(w.number(row(w, new String[] {"months"}, "12"), "share").getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(w.number(row(w, new String[] {"months"}, "24"), "share")).as("follow-up ends at 690 days").isEmpty();
        MetricTable d = r.distribution();
        assertThat(d.count(row(d, new String[] {"episodes_of_person"}, "1"), "persons")).hasValue(1);
        assertThat(d.count(row(d, new String[] {"episodes_of_person"}, "2"), "persons")).hasValue(2);
    }

    @Test
    void reentryAfterTheAsOfDateIsNotYetKnown() {
        cyclingCohort();
        MetricTable s = metrics.cycling(Cohort.all(), LocalDate.of(2020, 6, 30)).summary();
        // On 30 June c2 is not referred yet: P1 has one episode and c1 is censored at 121 days.
        assertThat(s.count(0, "episodes")).hasValue(4);
        assertThat(s.count(0, "reentered")).hasValue(1);
    }
}
