package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.GroupBy;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.store.CohortStore;

/**
 * The whole path, demo cohort -> import -> SQL -> Kaplan-Meier, against R's survfit on the same
 * episodes (golden files from r/golden.R, inputs exported with `stegvis metrics leadtime --episodes-csv`
 * from the default demo). If the demo generator changes, the first assertion says so: run `make golden`.
 */
class DemoLeadTimeMatchesRTest {
    private static final Path INPUTS = Path.of("src/test/resources/stats");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    static Path dir;
    static CohortStore store;
    static Metrics metrics;

    @BeforeAll
    static void defaultDemo() throws Exception {
        new DemoCohort(DemoOptions.defaults()).writeTo(dir.resolve("csv"));
        Path db = dir.resolve("demo.duckdb");
        var result = CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("demo.key")).messages(m -> { })
                .build().importInto(db, List.of(dir.resolve("csv")));
        assertThat(result.ok()).isTrue();
        store = CohortStore.openReadOnly(db);
        metrics = Metrics.on(store.connection()).unsuppressed();
    }

    @AfterAll
    static void close() throws Exception {
        store.close();
    }

    @ParameterizedTest(name = "referral -> {0} by {1}")
    @CsvSource({"first_meeting, MUNICIPALITY", "exit, PROGRAMME"})
    void quantilesAndTheirIntervalsEqualSurvfit(String to, GroupBy by) throws IOException {
        LeadTime spec = LeadTime.between(Milestone.REFERRAL, Milestone.parse(to));
        Cohort cohort = Cohort.all().groupBy(by);
        String csvCase = "demo_leadtime_" + to;

        Path exported = dir.resolve(csvCase + ".csv");
        metrics.leadTimeEpisodes(cohort, DemoOptions.DEFAULT_AS_OF, spec).writeCsv(exported);
        assertThat(firstThreeColumnsSorted(exported))
                .as("episodes exported from the default demo equal R's input; if the demo changed, run make golden")
                .isEqualTo(firstThreeColumnsSorted(INPUTS.resolve(csvCase + ".csv")));

        MetricTable summary = metrics.leadTime(cohort, DemoOptions.DEFAULT_AS_OF, spec).summary();
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < summary.rowCount(); r++) {
            rowOf.put(summary.key(r, "group"), r);
        }
        List<String> golden = Files.readAllLines(GOLDEN.resolve("km_quantiles_" + csvCase + "_loglog.csv"));
        int compared = 0;
        for (String line : golden.subList(1, golden.size())) {
            String[] g = line.split(",", -1); // group,p,quantile,lower,upper
            String prefix = switch (g[1]) {
                case "0.25" -> "q25";
                case "0.5" -> "median";
                case "0.75" -> "q75";
                default -> null;
            };
            if (prefix == null) {
                continue;
            }
            int row = rowOf.get(g[0]);
            String base = prefix.equals("median") ? "median" : prefix;
            assertValue(summary, row, base, g[2], g[0] + " " + base);
            assertValue(summary, row, base + "_lower", g[3], g[0] + " " + base + " lower");
            assertValue(summary, row, base + "_upper", g[4], g[0] + " " + base + " upper");
            compared++;
        }
        assertThat(compared).isEqualTo(3 * rowOf.size());
    }

    private static void assertValue(MetricTable t, int row, String column, String expected, String what) {
        if (expected.equals("NA")) {
            assertThat(t.number(row, column)).as(what + " not reached").isEmpty();
        } else {
            assertThat(t.number(row, column).orElseThrow(() -> new AssertionError(what + " missing")))
                    .as(what).isCloseTo(Double.parseDouble(expected), within(1e-9));
        }
    }

    private static List<String> firstThreeColumnsSorted(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1)
                .map(l -> String.join(",", List.of(l.split(",", -1)).subList(0, 3)))
                .sorted().toList();
    }
}
