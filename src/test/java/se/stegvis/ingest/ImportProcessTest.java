package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.stegvis.cli.Main;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.store.CohortStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports in a separate process: killed at each named point of its way to the store, and with a
 * small heap. The kill lands exactly at the point ({@link ImportStage}: the import pauses there and
 * says so), so what each test expects does not depend on how fast the machine is.
 */
class ImportProcessTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();
    /** Enough rows that DuckDB writes whole row groups to the file before the commit. */
    private static final int EPISODES = 50_000;

    @TempDir
    Path dir;

    /** Before the rename the store is byte for byte what it was, and the next import works. */
    @ParameterizedTest(name = "killed at {0}")
    @EnumSource(value = ImportStage.class, names = {"STAGED", "INSERTED", "COMMITTED"})
    void importKilledBeforeTheRenameLeavesTheStoreByteForByteUnchanged(ImportStage point) throws Exception {
        Path db = canonicalStore();
        byte[] before = Files.readAllBytes(db);
        killAt(point, db);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(db.resolveSibling("store.duckdb.wal")).doesNotExist();
        assertThat(anotherImportIsWritten(db)).isTrue();
        assertThat(CohortImporter.draftOf(db)).doesNotExist();
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertThat(store.count("episodes")).isEqualTo(5);
            assertThat(store.count("events")).isEqualTo(11);
        }
    }

    /** After the rename the store holds the whole import, whatever happens to the process. */
    @Test
    void importKilledAfterTheRenameLeavesTheWholeImport() throws Exception {
        Path db = canonicalStore();
        long logged;
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            logged = store.count("import_log");
        }
        killAt(ImportStage.RENAMED, db);
        assertThat(CohortImporter.draftOf(db)).doesNotExist();
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertThat(store.count("episodes")).isEqualTo(5 + EPISODES);
            assertThat(store.count("events")).isEqualTo(10 + 4L * EPISODES);
            assertThat(store.count("import_log")).isEqualTo(logged + 2); // episodes.csv and events.csv
        }
        assertThat(anotherImportIsWritten(db)).isTrue();
    }

    @Test
    void importStreamsLargeFilesThroughASmallHeap() throws Exception {
        Path big = CohortFiles.large(dir.resolve("big"), 300_000);
        long bytes = Files.size(big.resolve("events.csv")) + Files.size(big.resolve("episodes.csv"));
        Process importing = stegvis("-Xmx48m", "import", "--db", dir.resolve("s.duckdb").toString(), big.toString());
        String output = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(importing.waitFor()).as(output).isZero();
        assertThat(bytes).isGreaterThan(48L << 20);
        assertThat(output).contains("events.csv: 1200000 rows of events").contains("Imported 1500000 rows");
    }

    private Path canonicalStore() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortImporter.builder(DICTIONARY).build().importInto(db, List.of(CohortFiles.canonical(dir.resolve("csv")).folder()));
        return db;
    }

    /** Starts an import of a large cohort into {@code db} and kills it (SIGKILL) once it has paused at {@code point}. */
    private void killAt(ImportStage point, Path db) throws Exception {
        Path big = CohortFiles.large(dir.resolve("big"), EPISODES);
        Process importing = pausingAt(point, "-Xmx512m", "import", "--db", db.toString(), big.toString());
        awaitPause(importing, point);
        importing.destroyForcibly();
        importing.waitFor();
    }

    private boolean anotherImportIsWritten(Path db) throws Exception {
        return CohortImporter.builder(DICTIONARY).build().importInto(db, List.of(CohortFiles.write(dir.resolve("later/events.csv"),
                "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done"))).written();
    }

    /** Reads the process's merged output until it says it paused at {@code point}; fails if it ends first. */
    static void awaitPause(Process importing, ImportStage point) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(importing.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("stegvis: paused at " + point.point())) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the import ended without pausing at " + point.point() + ":\n" + seen);
    }

    /** Runs the CLI in a child JVM that pauses at {@code point} until its standard input is closed. */
    static Process pausingAt(ImportStage point, String heap, String... args) throws Exception {
        ProcessBuilder b = builder(heap, args);
        b.environment().put(ImportStage.PAUSE_VARIABLE, point.point());
        return b.start();
    }

    /** Runs the CLI in a child JVM with the given heap option, stdout and stderr merged. */
    static Process stegvis(String heap, String... args) throws Exception {
        return builder(heap, args).start();
    }

    private static ProcessBuilder builder(String heap, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
