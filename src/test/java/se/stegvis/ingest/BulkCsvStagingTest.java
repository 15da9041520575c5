package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.store.CohortStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clean CSV is staged in bulk by DuckDB; the rows stored, their order and every error message must be
 * those of the row-by-row validator.
 */
class BulkCsvStagingTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    @TempDir
    Path dir;

    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    private ImportResult importInto(Path db, Path key, Path input) throws ImportFailure {
        return CohortImporter.builder(DICTIONARY).keyFile(key).errors(ErrorSink.collecting(errors)).messages(messages::add)
                .build().importInto(db, List.of(input));
    }

    /** Every file of {@code from} copied to {@code to} with its first header cell quoted, which keeps it off the bulk path. */
    private static void quoteHeaders(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int comma = text.indexOf(',');
                Files.writeString(to.resolve(f.getFileName()), "\"" + text.substring(0, comma) + "\"" + text.substring(comma));
            }
        }
    }

    /** Every row of a table of the store, its values joined by '|', in stored order. */
    static List<String> rows(Path db, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CohortStore store = CohortStore.openReadOnly(db); Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    @Test
    void bulkStagingStoresTheSameRowsInTheSameOrderAsRowByRow() throws Exception {
        Path plain = dir.resolve("plain");
        new DemoCohort(DemoOptions.defaults().withEpisodes(400)).writeTo(plain);
        quoteHeaders(plain, dir.resolve("quoted"));
        Path key = dir.resolve("shared.key");
        importInto(dir.resolve("bulk.duckdb"), key, plain);
        List<String> bulkMessages = List.copyOf(messages);
        messages.clear();
        importInto(dir.resolve("rows.duckdb"), key, dir.resolve("quoted"));

        assertThat(errors).isEmpty();
        assertThat(bulkMessages.stream().filter(m -> m.contains(" rows of ")))
                .hasSize(12).allMatch(m -> m.contains("checked in bulk"));
        assertThat(messages.stream().filter(m -> m.contains(" rows of "))).hasSize(12).noneMatch(m -> m.contains("in bulk"));
        for (String table : List.of("episodes", "events", "step_assessments", "exits", "follow_ups", "staffing", "contacts",
                "income_sources", "applications", "partner_hours", "context_events", "ratings")) {
            List<String> bulk = rows(dir.resolve("bulk.duckdb"), table);
            assertThat(bulk).as(table).isNotEmpty().containsExactlyElementsOf(rows(dir.resolve("rows.duckdb"), table));
        }
    }

    @Test
    void aValueOutsideTheCanonicalFormsLeavesTheFileToTheRowByRowValidator() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir.resolve("csv"));
        String events = Files.readString(files.file("events"));
        String line = events.lines().skip(1).findFirst().orElseThrow();
        String[] cells = line.split(",", -1);
        cells[1] = cells[1].replace("-", ""); // 20190801: accepted, but only row by row
        files.replace("events", line, String.join(",", cells));
        ImportResult result = importInto(dir.resolve("store.duckdb"), dir.resolve("k.key"), files.folder());

        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(messages).anyMatch(m -> m.startsWith("events.csv: 10 rows of events") && !m.contains("in bulk"));
        assertThat(messages).anyMatch(m -> m.startsWith("exits.csv:") && m.contains("in bulk"));
    }

    @Test
    void problemsBetweenRowsOfBulkStagedFilesNameTheirSpreadsheetRow() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir.resolve("csv"));
        files.append("events", "E999,2019-08-01,referral");
        long row = Files.readAllLines(files.file("events")).size();
        importInto(dir.resolve("store.duckdb"), dir.resolve("k.key"), files.folder());

        assertThat(messages).anyMatch(m -> m.startsWith("events.csv:") && m.contains("in bulk"));
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).toString()).contains("events.csv").contains(String.valueOf(row)).contains("E999")
                .contains("matches no episode_id in episodes");
    }
}
