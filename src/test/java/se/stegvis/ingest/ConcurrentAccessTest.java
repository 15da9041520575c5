package se.stegvis.ingest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.notebook.Stegvis;
import se.stegvis.store.CohortStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A notebook and an import on the same store in two processes (DuckDB allows one writing process or
 * several reading ones): whichever comes second is told clearly, never given a half-written store.
 * Kills at each point of an import are in {@link ImportProcessTest}.
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

    @Test
    void notebookOpeningDuringAnImportIsToldTheStoreIsInUseAndLaterSeesTheWholeImport() throws Exception {
        Path big = CohortFiles.large(dir.resolve("big"), 100_000);
        Process importing = ImportProcessTest.pausingAt(ImportStage.STAGED, "-Xmx512m", "import", "--db", db.toString(), big.toString());
        try {
            ImportProcessTest.awaitPause(importing, ImportStage.STAGED);
            assertThatThrownBy(() -> Stegvis.open(db.toString())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another process (an import or a notebook); close it and try again");
            assertThatThrownBy(() -> CohortStore.openReadOnly(db)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("is in use by another process");
        } finally {
            importing.getOutputStream().close(); // lets the paused import go on
            importing.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(importing.waitFor()).isZero();
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertThat(store.count("episodes")).isEqualTo(100_005);
            assertThat(store.count("events")).isEqualTo(400_010);
        }
        assertThat(content(db)).containsAll(contentBefore);
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
}
