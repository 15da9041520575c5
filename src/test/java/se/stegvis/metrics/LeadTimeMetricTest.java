package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static se.stegvis.metrics.StepAndTransitionMetricTest.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;

class LeadTimeMetricTest {
    static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    static final LeadTime REFERRAL_TO_MEETING = LeadTime.between(Milestone.REFERRAL, Milestone.FIRST_MEETING);
    static TestCohort db;
    static Metrics metrics;

    /**
     * Referral to first meeting, in days. A: 10, 15 censored (declined), 20, 30, 30 censored
     * (referred 1 Dec, still waiting), 40, 60, 365 censored (meeting after the as-of date).
     * B: 5, 7, 15, 365 censored; m5's meeting is dated before its referral (out of order).
     */
    @BeforeAll
    static void cohort() {
        db = TestCohort.create();
        db.episode("l1", "evi", "A", "2024-01-01").event("first_meeting", "2024-01-11");
        db.episode("l2", "evi", "A", "2024-01-01").event("first_meeting", "2024-01-21");
        db.episode("l3", "evi", "A", "2024-01-01").event("first_meeting", "2024-01-31");
        db.episode("l4", "evi", "A", "2024-01-01").event("declined", "2024-01-16");
        db.episode("l5", "evi", "A", "2024-01-01").event("first_meeting", "2024-02-10");
        db.episode("l6", "evi", "A", "2024-12-01");
        db.episode("l7", "evi", "A", "2024-01-01").event("first_meeting", "2024-03-01").exit("2024-06-01", "arbete");
        db.episode("l8", "evi", "A", "2024-01-01").event("first_meeting", "2025-01-10");
        db.episode("m1", "evi", "B", "2024-01-01").event("first_meeting", "2024-01-06").exit("2024-04-01", "arbete");
        db.episode("m2", "evi", "B", "2024-01-01").event("first_meeting", "2024-01-08").exit("2024-07-01", "avbrott");
        db.episode("m3", "evi", "B", "2024-01-01").event("first_meeting", "2024-01-16");
        db.episode("m4", "evi", "B", "2024-01-01");
        db.episode("m5", "evi", "B", "2024-03-01").event("first_meeting", "2024-02-20");
        metrics = Metrics.on(db.connection).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void medianAndQuartilesFollowTheKaplanMeierCurve() {
        LeadTimeResult r = metrics.leadTime(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF, REFERRAL_TO_MEETING);
        MetricTable s = r.summary();
        int a = row(s, "group", "A");
        assertThat(s.count(a, "n")).hasValue(8);
        assertThat(s.count(a, "events")).hasValue(5);
        assertThat(s.count(a, "censored")).hasValue(3);
        // S: 10 -> 7/8, 20 -> 0.729, 30 -> 0.583, 40 -> 0.389, 60 -> 0.194
        assertThat(s.number(a, "median").orElseThrow()).isEqualTo(40);
        assertThat(s.number(a, "q25").orElseThrow()).isEqualTo(20);
        assertThat(s.number(a, "q75").orElseThrow()).isEqualTo(60);
        assertThat(s.number(a, "share_within").orElseThrow()).isCloseTo(1 - 7.0 / 8 * 5 / 6 * 4 / 5, within(1e-12));
        int b = row(s, "group", "B");
        // S drops to exactly 0.5 at 7 and stays until 15: the median is the midpoint, 11 (as R).
        assertThat(s.number(b, "median").orElseThrow()).isEqualTo(11);
        assertThat(s.count(b, "out_of_order")).hasValue(1);
        assertThat(r.n()).isEqualTo(12);
    }

    @Test
    void baselineAgainstComparisonGivesLogRankAndMedianDifference() {
        Cohort split = Cohort.all().splitBy(GroupBy.MUNICIPALITY, List.of("A"), List.of("B"));
        MetricTable c = metrics.leadTime(split, AS_OF, REFERRAL_TO_MEETING).comparison();
        assertThat(c.rowCount()).isEqualTo(1);
        assertThat(c.count(0, "baseline_n")).hasValue(8);
        assertThat(c.count(0, "comparison_events")).hasValue(3);
        assertThat(c.number(0, "median_difference").orElseThrow()).isEqualTo(11 - 40);
        // O_A = 5, E_A = 6.0789, V = 1.4245 (worked out per event time): chi2 = 0.8171
        assertThat(c.number(0, "chi_square").orElseThrow()).isCloseTo(0.8171, within(1e-4));
        double lower = c.number(0, "diff_lower").orElseThrow();
        double upper = c.number(0, "diff_upper").orElseThrow();
        assertThat(lower).isLessThan(upper);
        assertThat(lower).isLessThanOrEqualTo(-29);
    }

    @Test
    void splitSelectionSharesTheUnsplitTablesAndSetsItsOwnArms() {
        metrics.clearCache();
        metrics.leadTime(Cohort.all(), AS_OF, REFERRAL_TO_MEETING); // materialises the per-episode tables unsplit
        Cohort byArm = Cohort.all().splitBy(GroupBy.MUNICIPALITY, List.of("A"), List.of("B")).groupBy(GroupBy.ARM);
        MetricTable s = metrics.leadTime(byArm, AS_OF, REFERRAL_TO_MEETING).summary();
        int baseline = row(s, "group", "baseline");
        int comparison = row(s, "group", "comparison");
        assertThat(s.count(baseline, "n")).hasValue(8);
        assertThat(s.number(baseline, "median").orElseThrow()).isEqualTo(40);
        assertThat(s.count(comparison, "n")).hasValue(4);
        assertThat(s.count(comparison, "out_of_order")).hasValue(1);
        assertThat(s.number(comparison, "median").orElseThrow()).isEqualTo(11);
    }

    @Test
    void exitDestinationsAreCompetingRisks() {
        LeadTime toExit = LeadTime.between(Milestone.REFERRAL, Milestone.EXIT).horizons(List.of(120, 365));
        MetricTable d = metrics.leadTime(Cohort.all(), AS_OF, toExit).destinations();
        // 12 episodes, exits on day 91 (arbete, m1), 152 (arbete, l7), 182 (avbrott, m2); declined l4 censored at 15.
        int work120 = row(d, "group", "all", "destination", "arbete", "days", "120");
        assertThat(d.count(work120, "events")).hasValue(2);
        // At day 91 all 11 still at risk after the censoring at 15: F = 1/11
        assertThat(d.number(work120, "cif").orElseThrow()).isCloseTo(1.0 / 11, within(1e-12));
        int work365 = row(d, "group", "all", "destination", "arbete", "days", "365");
        assertThat(d.number(work365, "cif").orElseThrow()).isCloseTo(2.0 / 11, within(1e-12));
        int drop = row(d, "group", "all", "destination", "avbrott", "days", "365");
        assertThat(d.number(drop, "cif").orElseThrow()).isCloseTo(1.0 / 11, within(1e-12));
    }

    @Test
    void perEpisodeSpansExportForTheRGoldenCheck(@TempDir Path dir) throws Exception {
        LeadTimeEpisodes ep = metrics.leadTimeEpisodes(Cohort.all(), AS_OF, REFERRAL_TO_MEETING);
        assertThat(ep.size()).isEqualTo(12);
        Path csv = dir.resolve("lt.csv");
        ep.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("time,status,group,arm");
        assertThat(lines).hasSize(13).contains("365,0,all,");
    }

    @Test
    void perEpisodeSpansAreRefusedUnderSuppression() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                Metrics.on(db.connection).leadTimeEpisodes(Cohort.all(), AS_OF, REFERRAL_TO_MEETING))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void quantilesOfASmallGroupAreHiddenByDefault() {
        MetricTable s = Metrics.on(db.connection).leadTime(Cohort.all().groupBy(GroupBy.MUNICIPALITY), AS_OF,
                REFERRAL_TO_MEETING).summary();
        int b = row(s, "group", "B");
        assertThat(s.shown(b, s.column("n"))).isEqualTo("<5");
        assertThat(s.number(b, "median")).isEmpty();
        int a = row(s, "group", "A");
        // 3 censored are hidden and so is the event count that would reveal them; the median stays.
        assertThat(s.shown(a, s.column("censored"))).isEqualTo("<5");
        assertThat(s.shown(a, s.column("events"))).isEqualTo("..");
        assertThat(s.number(a, "median")).hasValue(40);
    }
}
