package se.stegvis.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The import, validate and dictionary commands as a user runs them: exit codes and what they print. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new CommandLine(new Main()).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path canonical(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (String t : new String[] {"episodes", "events", "step_assessments", "exits", "follow_ups", "staffing"}) {
            try (InputStream in = getClass().getResourceAsStream("/ingest/canonical/" + t + ".csv")) {
                Files.write(folder.resolve(t + ".csv"), in.readAllBytes());
            }
        }
        return folder;
    }

    @Test
    void importPrintsWhatItDidAndCreatesTheKey() throws Exception {
        Path db = dir.resolve("s.duckdb");
        assertThat(run("import", "--db", db.toString(), canonical("csv").toString())).isZero();
        assertThat(stdout()).contains("events.csv: 10 rows of events").contains("Created the pseudonymisation key")
                .contains("Imported 26 rows from 6 sources into " + db);
        assertThat(stderr()).isEmpty();
        assertThat(run("import", "--db", db.toString(), dir.resolve("csv").toString())).isZero();
        assertThat(stdout()).contains("Nothing new to import");
    }

    @Test
    void importRefusesADbThatIsNotAStoreAndNeverWritesToIt() throws Exception {
        Path csv = canonical("csv");
        Path notes = Files.writeString(dir.resolve("notes.csv"), "a,b\n1,2\n");
        byte[] before = Files.readAllBytes(notes);
        assertThat(run("import", "--db", notes.toString(), csv.toString())).isEqualTo(2);
        assertThat(stderr()).contains(notes + " is not a stegvis store (it is not a DuckDB database file)");
        assertThat(stdout()).doesNotContain("Imported");
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
        assertThat(dir.resolve("notes.csv.key")).doesNotExist();
        assertThat(dir.resolve("notes.csv.wal")).doesNotExist();
    }

    @Test
    void anSqliteFileIsRefusedBeforeDuckDbCouldFetchItsSqliteExtension() throws Exception {
        Path csv = canonical("csv");
        byte[] sqlite = new byte[4096];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, sqlite, 0, header.length);
        Path db = Files.write(dir.resolve("old.db"), sqlite);
        assertThat(run("import", "--db", db.toString(), csv.toString())).isEqualTo(2);
        assertThat(stderr()).contains(db + " is an SQLite database, not a stegvis store").doesNotContain("sqlite_scanner");
        assertThat(run("validate", "--db", db.toString(), csv.toString())).isEqualTo(2);
        assertThat(stderr()).contains("is an SQLite database").doesNotContain("sqlite_scanner");
        assertThat(Files.readAllBytes(db)).isEqualTo(sqlite);
    }

    @Test
    void importWithErrorsExitsWithOneAndListsThem() throws Exception {
        Path csv = canonical("csv");
        Files.writeString(csv.resolve("events.csv"), Files.readString(csv.resolve("events.csv"))
                .replace("E1,2019-03-01,first_meeting", "E1,2019-02-31,first_meeting"));
        Path db = dir.resolve("s.duckdb");
        assertThat(run("import", "--db", db.toString(), csv.toString())).isEqualTo(1);
        assertThat(stderr()).contains("events.csv row 4, column event_date: \"2019-02-31\" is not a date (expected YYYY-MM-DD or YYYYMMDD)")
                .contains("1 error found; nothing was written to " + db);
        assertThat(db).doesNotExist();
    }

    @Test
    void importWithTheWrongKeyExitsWithTwo() throws Exception {
        Path db = dir.resolve("s.duckdb");
        run("import", "--db", db.toString(), canonical("csv").toString());
        Path key = dir.resolve("other.key");
        se.stegvis.ingest.PseudonymKey.generate(key).save();
        Files.writeString(dir.resolve("csv/events.csv"), "episode_id,event_date,event_type\nE2,2019-05-01,mapping_done\n");
        assertThat(run("import", "--db", db.toString(), "--key", key.toString(), dir.resolve("csv/events.csv").toString()))
                .isEqualTo(2);
        assertThat(stderr()).startsWith("stegvis import: the key file " + key);
    }

    @Test
    void keyReadableByOthersIsWarnedAbout() throws Exception {
        Path db = dir.resolve("s.duckdb");
        run("import", "--db", db.toString(), canonical("csv").toString());
        Files.setPosixFilePermissions(dir.resolve("s.duckdb.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(dir.resolve("csv/events.csv"), "episode_id,event_date,event_type\nE2,2019-05-01,mapping_done\n");
        assertThat(run("import", "--db", db.toString(), dir.resolve("csv/events.csv").toString())).isZero();
        assertThat(stdout()).contains("can be read by other users; restrict it with chmod 600");
    }

    @Test
    void validateChecksWithoutWriting() throws Exception {
        Path csv = canonical("csv");
        assertThat(run("validate", csv.toString())).isZero();
        assertThat(stdout()).contains("No errors found.");
        Files.writeString(csv.resolve("exits.csv"), Files.readString(csv.resolve("exits.csv")).replace("E1,2019-08-30", "E1,2018-08-30"));
        assertThat(run("validate", csv.toString())).isEqualTo(1);
        assertThat(stderr()).contains("exits.csv row 2, column exit_date: \"2018-08-30\" is before the referral_date 2019-02-01 in episodes");
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".duckdb")).count()).isZero();
    }

    @Test
    void validateAgainstAStoreAcceptsReferencesIntoIt() throws Exception {
        Path db = dir.resolve("s.duckdb");
        run("import", "--db", db.toString(), canonical("csv").toString());
        byte[] before = Files.readAllBytes(db);
        Path events = Files.writeString(dir.resolve("events.csv"), "episode_id,event_date,event_type\nE2,2019-05-01,mapping_done\n");
        assertThat(run("validate", events.toString())).isEqualTo(1);
        assertThat(run("validate", "--db", db.toString(), events.toString())).isZero();
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void glossaryIsWrittenToTheGivenFile() throws Exception {
        Path out = dir.resolve("build/glossary.md");
        assertThat(run("dictionary", "glossary", "--out", out.toString())).isZero();
        assertThat(Files.readString(out)).startsWith("# Stegvis data dictionary").contains("### follow_up_status");
    }
}
