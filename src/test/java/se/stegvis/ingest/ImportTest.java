package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.store.CohortStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Import into the store: one transaction, row counts, idempotency, provenance and the pseudonymisation key. */
class ImportTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    @TempDir
    Path dir;

    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    private ImportResult importInto(Path db, Path... inputs) throws ImportFailure {
        return CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).messages(messages::add).build()
                .importInto(db, List.of(inputs));
    }

    private static List<String> column(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CohortStore store = CohortStore.openReadOnly(db); Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long count(Path db, String table) throws Exception {
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            return store.count(table);
        }
    }

    @Test
    void importedRowCountsMatchTheInputFiles() throws Exception {
        Path db = dir.resolve("store.duckdb");
        ImportResult result = importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        for (String table : CohortFiles.TABLES) {
            long lines = Files.readAllLines(dir.resolve("csv").resolve(table + ".csv")).size() - 1;
            assertThat(count(db, table)).as(table).isEqualTo(lines).isEqualTo(result.rows(table));
        }
        assertThat(count(db, "episodes")).isEqualTo(5);
        assertThat(count(db, "events")).isEqualTo(10);
    }

    @Test
    void textIsStoredInOneUnicodeFormSoNfdAndNfcSpellingsAreOneGroup() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortFiles files = CohortFiles.canonical(dir.resolve("csv")).replace("episodes", ",Ludvika,", ",Ba\u030astad,");
        importInto(db, files.folder());
        assertThat(errors).isEmpty();
        assertThat(column(db, "SELECT DISTINCT municipality FROM episodes WHERE municipality LIKE 'B%'"))
                .containsExactly("B\u00e5stad");
    }

    @Test
    void storedValuesAreTypedCodedAndCrosswalked() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        assertThat(column(db, "SELECT step || '>' || step_std FROM step_assessments WHERE ladder = 'sus-5' ORDER BY assessed_on"))
                .containsExactly("3>4", "5>7");
        assertThat(column(db, "SELECT episode_kind FROM episodes ORDER BY episode_id"))
                .containsExactly("enrolled", "enrolled", "consultation", "enrolled", "enrolled");
        assertThat(column(db, "SELECT CAST(month AS VARCHAR) || ' ' || fte FROM staffing ORDER BY fte"))
                .containsExactly("2019-02-01 0.75", "2019-01-01 1.5", "2019-01-01 2.0");
        assertThat(column(db, "SELECT CAST(observed_on AS VARCHAR) FROM follow_ups WHERE status = 'lost'")).containsExactly((String) null);
    }

    @Test
    void failedImportLeavesTheStoreByteForByteUnchanged() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("first")).folder());
        byte[] before = Files.readAllBytes(db);
        CohortFiles broken = CohortFiles.canonical(dir.resolve("second"))
                .replace("episodes", "E1,", "N1,").replace("episodes", "E2,", "N2,")
                .replace("events", "E1,2019-03-01,first_meeting", "E1,2019-02-31,first_meeting");
        ImportResult result = importInto(db, broken.folder());
        assertThat(result.written()).isFalse();
        assertThat(errors).extracting(ImportError::toString)
                .contains("events.csv row 4, column event_date: \"2019-02-31\" is not a date (expected YYYY-MM-DD or YYYYMMDD)");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.exists(db.resolveSibling("store.duckdb.wal"))).isFalse();
        assertThat(count(db, "episodes")).isEqualTo(5);
    }

    @Test
    void failedFirstImportLeavesNoStoreAndNoKey() throws Exception {
        Path db = dir.resolve("new.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("csv")).replace("exits", "E1,2019-08-30,arbete", "E1,2019-08-30,paris").folder());
        assertThat(errors).hasSize(1);
        assertThat(db).doesNotExist();
        assertThat(PseudonymKey.defaultFileFor(db)).doesNotExist();
    }

    @Test
    void reimportingTheSameFilesIsSkippedAndAddsNothing() throws Exception {
        Path db = dir.resolve("store.duckdb");
        Path csv = CohortFiles.canonical(dir.resolve("csv")).folder();
        importInto(db, csv);
        messages.clear();
        ImportResult again = importInto(db, csv);
        assertThat(again.written()).isFalse();
        assertThat(again.sources()).allSatisfy(s -> assertThat(s.skippedReason()).startsWith("already imported into"));
        assertThat(messages).hasSize(7).filteredOn(m -> m.contains(": skipped, already imported into")).hasSize(6);
        assertThat(count(db, "events")).isEqualTo(10);
        assertThat(count(db, "import_log")).isEqualTo(6);
    }

    @Test
    void reimportingTheSameKeysInAnotherFileUpdatesWithoutDuplicates() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("first")).folder());
        CohortFiles corrected = CohortFiles.canonical(dir.resolve("second"))
                .replace("episodes", "E3,20010730-7894,uma,Ludvika", "E3,20010730-7894,uma,Smedjebacken")
                .append("events", "E5,2021-05-01,first_meeting");
        ImportResult result = importInto(db, corrected.folder());
        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(count(db, "episodes")).isEqualTo(5);
        assertThat(count(db, "events")).isEqualTo(11);
        assertThat(column(db, "SELECT municipality FROM episodes WHERE episode_id = 'E3'")).containsExactly("Smedjebacken");
        // Unchanged files were skipped, changed ones logged once more.
        assertThat(column(db, "SELECT table_name FROM import_log WHERE import_id = 2 ORDER BY table_name"))
                .containsExactly("episodes", "events");
    }

    @Test
    void eventsMayReferToEpisodesAlreadyInTheStore() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("first")).folder());
        Path events = CohortFiles.write(dir.resolve("later/events.csv"), "episode_id,event_date,event_type",
                "E2,2019-05-01,mapping_done");
        Path orphans = CohortFiles.write(dir.resolve("orphans/events.csv"), "episode_id,event_date,event_type",
                "E7,2019-05-01,mapping_done");
        assertThat(importInto(db, events).written()).isTrue();
        assertThat(errors).isEmpty();
        assertThat(importInto(db, orphans).written()).isFalse();
        assertThat(errors).extracting(ImportError::toString).containsExactly(
                "events.csv row 2, column episode_id: \"E7\" matches no episode_id in episodes (neither in this import nor already in the store)");
    }

    @Test
    void provenanceRecordsFileHashRowsVersionAndKey() throws Exception {
        Path db = dir.resolve("store.duckdb");
        ImportResult result = importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        assertThat(column(db, "SELECT file_name || ' ' || table_name || ' ' || rows || ' ' || tool_version || ' ' || key_id"
                + " FROM import_log WHERE table_name = 'events'"))
                .containsExactly("events.csv events 10 " + CohortImporter.toolVersion() + " " + result.keyId());
        assertThat(column(db, "SELECT sha256 FROM import_log WHERE table_name = 'events'")).singleElement().asString()
                .hasSize(64).isEqualTo(result.sources().stream().filter(s -> s.table().equals("events")).findFirst().orElseThrow().sha256());
    }

    @Test
    void keyFileIsCreatedOwnerOnlyBesideTheStore() throws Exception {
        Path db = dir.resolve("store.duckdb");
        ImportResult result = importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        Path key = dir.resolve("store.duckdb.key");
        assertThat(result.keyCreated()).isTrue();
        assertThat(result.keyFile()).isEqualTo(key);
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void samePersonGetsTheSamePersonIdAcrossImports() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        Path later = CohortFiles.write(dir.resolve("later/episodes.csv"),
                "episode_id,personnummer,programme,municipality,referral_date,referral_source",
                "E9,850312-1231,ist,Falkenberg,2022-01-03,af");
        importInto(db, later);
        assertThat(errors).isEmpty();
        List<String> ids = column(db, "SELECT person_id FROM episodes WHERE episode_id IN ('E1', 'E5', 'E9')");
        assertThat(ids).hasSize(3).doesNotContainNull();
        assertThat(ids.stream().distinct()).hasSize(1);
        assertThat(ids.get(0)).matches("[0-9a-f]{64}");
        assertThat(column(db, "SELECT count(DISTINCT person_id) FROM episodes")).containsExactly("4");
    }

    @Test
    void weakKeyFilesAreRefusedBeforeAnythingIsRead() throws Exception {
        Path db = dir.resolve("store.duckdb");
        Path folder = CohortFiles.canonical(dir.resolve("csv")).folder();
        byte[] sixteen = new byte[16];
        new java.security.SecureRandom().nextBytes(sixteen);
        byte[] fewBytes = "abcdabcdabcdabcdabcdabcdabcdabcdabcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (byte[] weak : List.of(sixteen, "a".repeat(64).getBytes(java.nio.charset.StandardCharsets.US_ASCII), fewBytes)) {
            Path key = Files.write(dir.resolve("weak.key"), weak);
            CohortImporter importer = CohortImporter.builder(DICTIONARY).keyFile(key).build();
            assertThatThrownBy(() -> importer.importInto(db, List.of(folder))).isInstanceOf(ImportFailure.class)
                    .hasMessageContaining("too weak to be a stegvis key");
            assertThat(db).doesNotExist();
        }
    }

    @Test
    void importWithAnotherKeyIsRefused() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        byte[] before = Files.readAllBytes(db);
        Path otherKey = dir.resolve("other.key");
        PseudonymKey.generate(otherKey).save();
        CohortImporter other = CohortImporter.builder(DICTIONARY).keyFile(otherKey).build();
        Path events = CohortFiles.write(dir.resolve("later/events.csv"), "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done");
        assertThatThrownBy(() -> other.importInto(db, List.of(events)))
                .isInstanceOf(ImportFailure.class).hasMessageContaining("was built with key").hasMessageContaining("--key FILE");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void importWithoutTheKeyFileIsRefusedAndNoNewKeyIsMade() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        Path key = PseudonymKey.defaultFileFor(db);
        Files.delete(key);
        Path events = CohortFiles.write(dir.resolve("later/events.csv"), "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done");
        assertThatThrownBy(() -> importInto(db, events))
                .isInstanceOf(ImportFailure.class).hasMessageContaining("is missing");
        assertThat(key).doesNotExist();
    }

    @Test
    void alreadyPseudonymisedExportsKeepTheirPersonId() throws Exception {
        Path db = dir.resolve("store.duckdb");
        Path episodes = CohortFiles.write(dir.resolve("csv/episodes.csv"),
                "episode_id;person_id;insats;kommun;remissdatum;remittent",
                "P1;a1b2c3;EVI;Lund;20200101;Egen anmälan");
        importInto(db, episodes);
        assertThat(errors).isEmpty();
        assertThat(column(db, "SELECT person_id || ' ' || programme || ' ' || referral_source FROM episodes"))
                .containsExactly("a1b2c3 evi egen");
    }

    @Test
    void storeHeldOpenByAnotherProcessIsReportedClearly() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        Path events = CohortFiles.write(dir.resolve("later/events.csv"), "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(5))).isEqualTo("ready");
            assertThatThrownBy(() -> importInto(db, events)).isInstanceOf(ImportFailure.class)
                    .hasMessageContaining("is in use by another process");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        assertThat(importInto(db, events).written()).isTrue();
    }

    /**
     * Holds a store open for writing, as an import in another terminal would (read-only, as a notebook, with
     * "read-only"), until its standard input ends: no sleep decides how long.
     */
    static final class StoreHolder {
        public static void main(String[] args) throws Exception {
            Path db = Path.of(args[0]);
            try (CohortStore store = args.length > 1 ? CohortStore.openReadOnly(db) : CohortStore.open(db)) {
                System.out.print("ready");
                System.out.flush();
                System.in.transferTo(java.io.OutputStream.nullOutputStream()); // holds it until the test lets go
            }
        }
    }
}
