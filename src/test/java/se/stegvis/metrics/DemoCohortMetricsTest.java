package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.store.CohortStore;

/**
 * Every metric on a generated demo cohort, for every group-by: the groups add up to the whole,
 * and with disclosure control on no published count is between 1 and 4.
 */
class DemoCohortMetricsTest {
    static final LocalDate AS_OF = DemoOptions.DEFAULT_AS_OF;
    static final Cohort BASE = Cohort.all().splitAt(LocalDate.of(2019, 1, 1));
    static final LeadTime LEAD = LeadTime.between(Milestone.REFERRAL, Milestone.EXIT).bootstrap(200, 1);

    @TempDir
    static Path dir;
    static CohortStore store;
    static Metrics raw;
    static Metrics safe;

    @BeforeAll
    static void demo() throws Exception {
        new DemoCohort(new DemoOptions(1200, 7, AS_OF)).writeTo(dir.resolve("csv"));
        Path db = dir.resolve("demo.duckdb");
        var result = CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("demo.key")).messages(m -> { })
                .build().importInto(db, List.of(dir.resolve("csv")));
        assertThat(result.ok()).isTrue();
        store = CohortStore.openReadOnly(db);
        raw = Metrics.on(store.connection()).unsuppressed();
        safe = raw.withPolicy(DisclosurePolicy.DEFAULT); // shares the per-episode tables
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    private static long sum(MetricTable t, String column, String keyColumn, String keyValue) {
        long s = 0;
        for (int r = 0; r < t.rowCount(); r++) {
            if (keyColumn == null || t.key(r, keyColumn).equals(keyValue)) {
                s += t.count(r, column).orElseThrow();
            }
        }
        return s;
    }

    /** The metric's total over groups, by group-by, must equal the ungrouped total. */
    private static void addsUp(GroupBy by, BiFunction<Metrics, Cohort, MetricTable> table, String column,
            String keyColumn, String keyValue) {
        long whole = sum(table.apply(raw, BASE), column, keyColumn, keyValue);
        long parts = sum(table.apply(raw, BASE.groupBy(by)), column, keyColumn, keyValue);
        assertThat(whole).isPositive();
        assertThat(parts).as(by + " " + column).isEqualTo(whole);
    }

    @ParameterizedTest
    @EnumSource(GroupBy.class)
    void groupsAddUpToTheWholeInEveryMetric(GroupBy by) {
        addsUp(by, (m, c) -> m.funnel(c, AS_OF).stages(), "n", "stage", "referred");
        addsUp(by, (m, c) -> m.funnel(c, AS_OF).now(), "n", "status", "total");
        addsUp(by, (m, c) -> m.steps(c, AS_OF).summary(), "n_two_plus", null, null);
        addsUp(by, (m, c) -> m.transitions(c, AS_OF).consecutive(), "n", null, null);
        addsUp(by, (m, c) -> m.leadTime(c, AS_OF, LEAD).summary(), "events", null, null);
        addsUp(by, (m, c) -> m.flow(c, AS_OF).periods(), "inflow", null, null);
        addsUp(by, (m, c) -> m.outcomes(c, AS_OF, 30).rates(), "denominator", "outcome", "exit_work_or_studies");
        addsUp(by, (m, c) -> m.flowQuality(c, AS_OF).quarterly(), "exits", null, null);
        addsUp(by, (m, c) -> m.dataQuality(c, AS_OF).checks(), "total", "column", "birth_year");
        MetricTable compare = raw.compare(BASE.groupBy(by), AS_OF, Rate.EXIT_WORK_OR_STUDIES, 30).groups();
        long all = compare.count(compare.rowCount() - 1, "n").orElseThrow();
        assertThat(sum(compare, "n", null, null) - all).isEqualTo(by == GroupBy.NONE ? 0 : all);
    }

    @ParameterizedTest
    @EnumSource(GroupBy.class)
    void noPublishedCountIsSmallInAnyMetric(GroupBy by) {
        Cohort c = BASE.groupBy(by);
        List<MetricResult> results = List.of(safe.funnel(c, AS_OF), safe.steps(c, AS_OF), safe.transitions(c, AS_OF),
                safe.leadTime(c, AS_OF, LEAD), safe.flow(c, AS_OF), safe.outcomes(c, AS_OF, 30),
                safe.flowQuality(c, AS_OF), safe.compare(c, AS_OF, Rate.STEP_UP, 30), safe.dataQuality(c, AS_OF));
        results.forEach(DemoCohortMetricsTest::assertNoSmallCountShown);
    }

    @ParameterizedTest
    @EnumSource(value = GroupBy.class, names = {"NONE", "MUNICIPALITY", "GENDER"})
    void coarsenedResultsMergeOnlyWhereSuppressionWouldHideMoreThanAThird(GroupBy by) {
        Cohort c = Cohort.all().programme("evi").referredBetween(LocalDate.of(2023, 1, 1), null).groupBy(by);
        TransitionResult steps = safe.transitionsCoarsened(c, AS_OF);
        TransitionResult bySteps = safe.transitions(c, AS_OF);
        FlowResult flow = safe.flowCoarsened(c, AS_OF);
        for (MetricResult r : List.of(steps, flow)) {
            assertNoSmallCountShown(r);
        }
        assertThat(steps.coarsened()).isEqualTo(hiddenShare(bySteps.consecutive(), bySteps.entryExit()) > 1.0 / 3);
        if (steps.coarsened()) {
            assertThat(hiddenShare(steps.consecutive(), steps.entryExit()))
                    .isLessThan(hiddenShare(bySteps.consecutive(), bySteps.entryExit()));
            assertThat(steps.consecutive().rowCount()).isLessThan(bySteps.consecutive().rowCount());
        }
        // merging changes no total: the pairs of each group are the same
        TransitionResult rawSteps = raw.transitionsCoarsened(c, AS_OF);
        assertThat(sum(rawSteps.consecutive(), "n", null, null)).isEqualTo(sum(raw.transitions(c, AS_OF).consecutive(), "n", null, null));
        assertThat(flow.coarsened()).isEqualTo(hiddenShare(safe.flow(c, AS_OF).periods()) > 1.0 / 3);
    }

    private static double hiddenShare(MetricTable... tables) {
        int all = 0;
        int hidden = 0;
        for (MetricTable t : tables) {
            for (int r = 0; r < t.rowCount(); r++) {
                for (int col = 0; col < t.columns().size(); col++) {
                    String name = t.columns().get(col).name();
                    if (t.columns().get(col).kind() != MetricTable.Kind.COUNT) {
                        continue;
                    }
                    boolean empty = !t.isHidden(r, name) && t.count(r, name).orElse(-1) == 0;
                    if (t.name().equals("periods") || name.equals("n") && !empty) {
                        all++;
                        hidden += t.isHidden(r, name) ? 1 : 0;
                    }
                }
            }
        }
        return hidden / (double) all;
    }

    /** Disclosure control is on and no published count of any part is between 1 and 4. */
    static void assertNoSmallCountShown(MetricResult result) {
        assertThat(result.suppression().applied()).isTrue();
        for (MetricTable t : result.parts()) {
            for (int r = 0; r < t.rowCount(); r++) {
                for (int col = 0; col < t.columns().size(); col++) {
                    if (t.columns().get(col).kind() == MetricTable.Kind.COUNT) {
                        String shown = t.shown(r, col);
                        if (!shown.equals("<5") && !shown.equals(MetricTable.SECONDARY_MARKER)) {
                            long v = Long.parseLong(shown);
                            assertThat(v == 0 || v >= 5).as("%s %s row %d %s = %d", result.definition().id(),
                                    t.name(), r, t.columns().get(col).name(), v).isTrue();
                        }
                    }
                }
            }
        }
    }
}
