package se.stegvis.notebook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.charts.Lang;
import se.stegvis.charts.SeminarChart;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.metrics.FunnelResult;
import se.stegvis.metrics.LeadTime;
import se.stegvis.metrics.Metrics;
import se.stegvis.metrics.Milestone;
import se.stegvis.metrics.Rate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapters on a small demo cohort: every chart builds, and no hidden count is ever drawn. */
class MetricChartsTest {
    @TempDir
    static Path dir;
    static Stegvis sv;
    static Metrics m;
    static LocalDate asOf;
    static final Cohort BY_MUNICIPALITY = Cohort.all().programme("evi").groupBy(GroupBy.MUNICIPALITY);

    @BeforeAll
    static void smallDemoStore() throws Exception {
        Path csv = dir.resolve("csv");
        new DemoCohort(DemoOptions.defaults().withEpisodes(400)).writeTo(csv);
        List<Path> files;
        try (Stream<Path> s = Files.list(csv)) {
            files = s.sorted().toList();
        }
        Path db = dir.resolve("small.duckdb");
        assertThat(CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("key")).build()
                .importInto(db, files).ok()).isTrue();
        sv = Stegvis.open(db.toString());
        m = sv.metrics();
        asOf = sv.asOf();
    }

    @AfterAll
    static void close() {
        sv.close();
    }

    /** The published small-count markers of the result never show as a number in the chart. */
    static void assertDrawsNoHiddenCount(SeminarChart chart) throws IOException {
        assertThat(chart.toImage().getWidth()).isEqualTo(1600);
        List<String> texts = chart.drawnTexts();
        assertThat(texts).noneMatch(t -> t.matches("[1-4]") || t.matches("n = [1-4]") || t.matches("\\([1-4]\\)"));
    }

    @Test
    void funnelChartHasOneBarPerStageOnTheMainPath() throws IOException {
        FunnelResult f = m.funnel(BY_MUNICIPALITY, asOf);
        var builder = MetricCharts.funnel(f, "Ludvika");
        assertThat(builder.stages()).hasSize(8);
        assertThat(builder.stages().get(0).label()).isEqualTo("Remitterade");
        assertDrawsNoHiddenCount(builder.build());
    }

    @Test
    void stepAndTransitionChartsBuildFromTheirResults() throws IOException {
        var steps = m.steps(BY_MUNICIPALITY, asOf);
        assertThat(MetricCharts.stepMovement(steps).groups()).hasSize(steps.summary().rowCount());
        assertDrawsNoHiddenCount(MetricCharts.stepMovement(steps).build());
        var transitions = m.transitions(BY_MUNICIPALITY, asOf);
        assertDrawsNoHiddenCount(MetricCharts.transitions(transitions, "Ludvika", true).build());
        assertDrawsNoHiddenCount(MetricCharts.alluvial(transitions, "Ludvika").build());
    }

    @Test
    void leadTimeCurvesRiseFromZeroWithNumbersAtRisk() throws IOException {
        var spec = LeadTime.between(Milestone.REFERRAL, Milestone.FIRST_MEETING).bootstrap(50, 1);
        var result = m.leadTime(BY_MUNICIPALITY, asOf, spec);
        AtRisk atRisk = sv.atRisk(BY_MUNICIPALITY, asOf, spec, 0, 30, 60);
        assertThat(atRisk.counts().values()).allSatisfy(c -> assertThat(c[0]).isGreaterThanOrEqualTo(c[1]));
        SeminarChart chart = MetricCharts.leadTime(result, atRisk).build();
        assertThat(chart.drawnTexts()).contains("Antal i risk", "Ludvika");
        assertDrawsNoHiddenCount(chart);
    }

    @Test
    void flowComparisonAndQualityChartsBuild() throws IOException {
        assertDrawsNoHiddenCount(MetricCharts.flow(m.flow(BY_MUNICIPALITY, asOf), "Ludvika",
                java.time.YearMonth.from(asOf).minusMonths(11)).build());
        var compare = m.compare(Cohort.all().groupBy(GroupBy.UNIT), asOf, Rate.EXIT_WORK_OR_STUDIES, 30);
        assertDrawsNoHiddenCount(MetricCharts.compareRates(compare).build());
        assertDrawsNoHiddenCount(MetricCharts.compareDifferences(compare).build());
        assertDrawsNoHiddenCount(MetricCharts.funnelPlot(compare).build());
        assertDrawsNoHiddenCount(MetricCharts.flowQuality(m.flowQuality(BY_MUNICIPALITY, asOf), "step_up", "2023-Q1")
                .build());
    }

    @Test
    void englishSessionGivesEnglishLabels() {
        Stegvis.lang(Lang.EN);
        try {
            var chart = MetricCharts.funnel(m.funnel(BY_MUNICIPALITY, asOf), "Ludvika").build();
            assertThat(chart.drawnTexts()).contains("Referred", "First meeting").doesNotContain("Remitterade");
            assertThat(MetricHtml.render(m.funnel(BY_MUNICIPALITY, asOf), Lang.EN)).contains("Stages", "as of");
        } finally {
            Stegvis.lang(Lang.SV);
        }
    }
}
