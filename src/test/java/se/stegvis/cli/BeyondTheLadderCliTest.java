package se.stegvis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;

/** The metrics beyond the ladder from the CLI on the demo database at its default size. */
class BeyondTheLadderCliTest {

    @TempDir
    static Path dir;
    static Path db;

    @BeforeAll
    static void demo() throws Exception {
        new DemoCohort(DemoOptions.defaults()).writeTo(dir.resolve("csv"));
        db = dir.resolve("demo.duckdb");
        assertThat(CohortImporter.builder(DataDictionary.load()).keyFile(dir.resolve("demo.key")).messages(m -> { })
                .build().importInto(db, List.of(dir.resolve("csv"))).ok()).isTrue();
    }

    @Test
    void eachMetricRunsOnTheDemoDatabaseWithTheSettingsBesideTheStore() throws Exception {
        // demo.duckdb -> demo.properties: found without --settings
        Files.writeString(dir.resolve("demo.properties"), String.join("\n",
                "goal.work2y.rate=exit_work_or_studies", "goal.work2y.within_days=730", "goal.work2y.target=0.3",
                "goal.work2y.programme=evi", "goal.rs.rate=right_support", "goal.rs.target=0.2"));
        for (String name : List.of("right-support", "cycling", "intensity", "partner-input", "goals", "ratings")) {
            MetricsCommandTest.Run r = MetricsCommandTest.run("metrics", name, "--db", db.toString(), "--part", "all",
                    "--by", "unit");
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            assertThat(r.out()).as(name).isNotBlank();
        }
        assertThat(MetricsCommandTest.run("metrics", "goals", "--db", db.toString()).out())
                .contains("work2y,work2y,exit_work_or_studies,programme=[evi],730,0.3,,at_least");
    }
}
