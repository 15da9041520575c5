package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.metrics.RightSupportAndCyclingMetricTest.row;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.store.CohortStore;

/**
 * The metrics beyond the ladder on the demo cohort at its default size: they show the shape the demo
 * was given, groups add up and no small count is published (the CLI timing is in se.stegvis.cli).
 */
class BeyondTheLadderDemoTest {
    static final LocalDate AS_OF = DemoOptions.DEFAULT_AS_OF;

    @TempDir
    static Path dir;
    static Path db;
    static CohortStore store;
    static Metrics raw;
    static Metrics safe;

    @BeforeAll
    static void demo() throws Exception {
        new DemoCohort(DemoOptions.defaults()).writeTo(dir.resolve("csv"));
        db = dir.resolve("demo.duckdb");
        var result = CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("demo.key")).messages(m -> { })
                .build().importInto(db, List.of(dir.resolve("csv")));
        assertThat(result.ok()).isTrue();
        store = CohortStore.openReadOnly(db);
        raw = Metrics.on(store.connection()).unsuppressed();
        safe = Metrics.on(store.connection());
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private static double number(MetricTable t, String keyColumn, String key, String column) {
        return t.number(row(t, new String[] {keyColumn}, key), column).orElseThrow();
    }

    @Test
    void smedjebackensEviHasMorePartnersAtMeetingsMoreHoursAndMoreContactsThanLudvikas() {
        Cohort evi = Cohort.all().programme("evi").groupBy(GroupBy.MUNICIPALITY);
        MetricTable s = raw.partnerInput(evi, AS_OF).summary();
        String[] unitPeriod = {"unit", "period"};
        double smedjebacken = s.number(row(s, unitPeriod, "evi/Smedjebacken", "2019"), "partners_per_meeting").orElseThrow();
        double ludvika = s.number(row(s, unitPeriod, "evi/Ludvika", "2019"), "partners_per_meeting").orElseThrow();
        assertThat(smedjebacken).isGreaterThan(2 * ludvika);
        assertThat(s.number(row(s, unitPeriod, "evi/Smedjebacken", "2019"), "given_share").orElseThrow())
                .isGreaterThan(s.number(row(s, unitPeriod, "evi/Ludvika", "2019"), "given_share").orElseThrow() + 0.1);
        MetricTable i = raw.intensity(evi, AS_OF, 60).summary();
        assertThat(number(i, "group", "Smedjebacken", "contacts_per_person_month"))
                .isGreaterThan(number(i, "group", "Ludvika", "rate_upper"));
    }

    @Test
    void forsakringskassanGrantsAboutHalfOfBastadsDecidedApplications() {
        MetricTable a = raw.rightSupport(Cohort.all().programme("klientsupport"), AS_OF).applications();
        int r = row(a, new String[] {"benefit"}, "sjukersattning");
        assertThat(a.number(r, "granted_share").orElseThrow()).isBetween(0.3, 0.7);
        assertThat(a.number(r, "median_days").orElseThrow()).isBetween(60.0, 240.0);
    }

    @Test
    void ratingsImproveWithLossShownAndSomePeopleComeBack() {
        MetricTable t = raw.ratings(Cohort.all(), AS_OF).summary();
        int qol = row(t, new String[] {"instrument"}, "qol");
        assertThat(t.number(qol, "share_lost").orElseThrow()).isBetween(0.3, 0.6);
        assertThat(t.number(qol, "p_value").orElseThrow()).isLessThan(0.001);
        MetricTable c = raw.cycling(Cohort.all(), AS_OF).summary();
        assertThat(c.number(0, "share_2plus").orElseThrow()).isBetween(0.05, 0.3);
    }

    /** The total of a count column over groups, by group-by, equals the ungrouped total. */
    private static void addsUp(GroupBy by, BiFunction<Metrics, Cohort, MetricTable> table, String column) {
        long whole = sum(table.apply(raw, Cohort.all()), column);
        long parts = sum(table.apply(raw, Cohort.all().groupBy(by)), column);
        assertThat(whole).isPositive();
        assertThat(parts).as(by + " " + column).isEqualTo(whole);
    }

    private static long sum(MetricTable t, String column) {
        long s = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            s += t.count(r, column).orElseThrow();
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"programme", "municipality", "unit", "gender", "referral_year"})
    void groupsAddUpToTheWhole(String by) {
        GroupBy g = GroupBy.parse(by);
        addsUp(g, (m, c) -> m.intensity(c, AS_OF, 60).summary(), "contacts");
        addsUp(g, (m, c) -> m.cycling(c, AS_OF).summary(), "ended");
        addsUp(g, (m, c) -> m.ratings(c, AS_OF).summary(), "paired");
        addsUp(g, (m, c) -> m.rightSupport(c, AS_OF).rightSupport(), "denominator");
        addsUp(g, (m, c) -> m.rightSupport(c, AS_OF).applications(), "applications");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "unit", "age_band"})
    void noPublishedCountIsSmall(String by) {
        Cohort c = Cohort.all().groupBy(GroupBy.parse(by));
        List<MetricResult> results = List.of(safe.rightSupport(c, AS_OF), safe.cycling(c, AS_OF),
                safe.intensity(c, AS_OF, 60), safe.partnerInput(c, AS_OF), safe.ratings(c, AS_OF),
                safe.goals(List.of(new Goal("w", "w", "exit_work_or_studies", 730, 0.3, false, List.of("evi"), List.of())), AS_OF));
        results.forEach(DemoCohortMetricsTest::assertNoSmallCountShown);
    }
}
