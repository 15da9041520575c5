package se.stegvis.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.notebook.Stegvis;
import se.stegvis.store.CohortStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notebook and an import on the same store in two processes (DuckDB allows one writing process or
 * several reading ones): whichever comes second is told clearly, never given a half-written store;
 * an import killed while committing leaves the store's content as it was.
 */
class ConcurrentAccessTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    @TempDir
    Path dir;

    private Path db;
    private List<String> contentBefore;

    @BeforeEach
    void storeHoldingTheCanonicalCohort() throws Exception {
        db = dir.resolve("store.duckdb");
        CohortImporter.builder(DICTIONARY).build().importInto(db, List.of(CohortFiles.canonical(dir.resolve("csv")).folder()));
        contentBefore = content(db);
    }

    /** Every row of every table, in a fixed order: the store's content as a reader sees it. */
    private static List<String> content(Path db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (CohortStore store = CohortStore.openReadOnly(db); Statement st = store.connection().createStatement()) {
            for (String table : List.of("episodes", "events", "step_assessments", "exits", "follow_ups", "staffing", "import_log")) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= n; i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /** Starts a CLI import of a cohort of {@code episodes} (four events each); returns once its output shows {@code line}. */
    private Process importUntil(int episodes, String line, BufferedReader[] output) throws Exception {
        Path big = CohortFiles.large(dir.resolve("big"), episodes);
        Process importing = ImportProcessTest.stegvis("-Xmx512m", "import", "--db", db.toString(), big.toString());
        output[0] = new BufferedReader(new InputStreamReader(importing.getInputStream(), StandardCharsets.UTF_8));
        for (String l = output[0].readLine(); l != null; l = output[0].readLine()) {
            if (l.startsWith(line)) {
                return importing;
            }
        }
        throw new AssertionError("the import ended before printing " + line);
    }

    @Test
    void notebookOpeningDuringAnImportIsToldTheStoreIsInUseAndLaterSeesTheWholeImport() throws Exception {
        BufferedReader[] output = new BufferedReader[1];
        Process importing = importUntil(100_000, "episodes.csv: 100000 rows", output);
        try {
            assertThatThrownBy(() -> Stegvis.open(db.toString())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another process (an import or a notebook); close it and try again");
            assertThatThrownBy(() -> CohortStore.openReadOnly(db)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("is in use by another process");
        } finally {
            output[0].transferTo(java.io.Writer.nullWriter());
            assertThat(importing.waitFor()).isZero();
        }
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertThat(store.count("episodes")).isEqualTo(100_005);
            assertThat(store.count("events")).isEqualTo(400_010);
        }
    }

    @Test
    void importWhileANotebookReadsIsRefusedAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(db);
        Process notebook = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ImportTest.StoreHolder.class.getName(), db.toString(), "read-only")
                .redirectErrorStream(true).start();
        Path events = CohortFiles.write(dir.resolve("later/events.csv"), "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done");
        try {
            assertThat(new String(notebook.getInputStream().readNBytes(5))).isEqualTo("ready");
            assertThatThrownBy(() -> CohortImporter.builder(DICTIONARY).build().importInto(db, List.of(events)))
                    .isInstanceOf(ImportFailure.class).hasMessageContaining("is in use by another process");
        } finally {
            notebook.destroy();
            notebook.waitFor();
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    /**
     * Killed while inserting (after every check passed): DuckDB may already have written new row groups
     * into free blocks at the end of the file, but the header still names the old checkpoint, so the
     * original bytes are unchanged, the file at most grew, and every reader sees exactly the old content.
     */
    @Test
    void importKilledWhileCommittingLeavesTheStoreContentAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(db);
        BufferedReader[] output = new BufferedReader[1];
        Process importing = importUntil(300_000, "keys, references and date order checked", output);
        Thread.sleep(300); // the commit of 1.5 million rows takes seconds
        importing.destroyForcibly(); // SIGKILL while the rows go into the store's tables
        importing.waitFor();
        byte[] after = Files.readAllBytes(db);
        assertThat(after.length).isGreaterThanOrEqualTo(before.length);
        assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
        assertThat(content(db)).isEqualTo(contentBefore);
        ImportResult later = CohortImporter.builder(DICTIONARY).build().importInto(db, List.of(CohortFiles.write(
                dir.resolve("later/events.csv"), "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done")));
        assertThat(later.written()).isTrue();
        assertThat(content(db)).hasSize(contentBefore.size() + 2); // the event and its import_log row
    }
}
