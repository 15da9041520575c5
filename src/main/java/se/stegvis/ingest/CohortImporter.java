package se.stegvis.ingest;

import org.duckdb.DuckDBConnection;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Table;
import se.stegvis.store.CohortStore;
import se.stegvis.store.DuckDb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports cohort files into the store, or validates them without writing. Rows are first read,
 * checked and pseudonymised into temporary staging tables and the cross-row checks run in SQL; only
 * when no error was found are the rows written, together with one import_log row per source. They are
 * written into a draft copy of the store (in {@code <store>.importing/}), which is committed, checkpointed
 * and flushed to disk and then renamed over the store in one atomic step. So the store file is at
 * every moment either its old bytes or the whole new import: a kill, a power cut or a full disk
 * before the rename leaves it byte for byte as it was (see {@link ImportStage}). The store stays open,
 * and so locked against other writers and readers, until the rename. On any error a store file or key
 * file this run would have created is not left behind.
 */
public final class CohortImporter {

    /** The catalog name of the attached draft. */
    private static final String DRAFT = "stegvis_draft";

    private final DataDictionary dictionary;
    private final Path keyFile;
    private final ErrorSink errors;
    private final Consumer<String> messages;
    private final Clock clock;

    private CohortImporter(Builder b) {
        this.dictionary = b.dictionary;
        this.keyFile = b.keyFile;
        this.errors = b.errors;
        this.messages = b.messages;
        this.clock = b.clock;
    }

    /** Options: key file, where errors and progress messages go, the clock. */
    public static Builder builder(DataDictionary dictionary) {
        return new Builder(dictionary);
    }

    /** Fluent options of an import. */
    public static final class Builder {
        private final DataDictionary dictionary;
        private Path keyFile;
        private ErrorSink errors = ErrorSink.counting();
        private Consumer<String> messages = m -> { };
        private Clock clock = Clock.systemUTC();

        private Builder(DataDictionary dictionary) {
            this.dictionary = dictionary;
        }

        /** The pseudonymisation key file; default {@code <db>.key} beside the store. */
        public Builder keyFile(Path file) {
            this.keyFile = file;
            return this;
        }

        /** Where each error goes as it is found. */
        public Builder errors(ErrorSink sink) {
            this.errors = sink;
            return this;
        }

        /** Where progress messages and notes go (files read, files skipped, codes read other than exactly). */
        public Builder messages(Consumer<String> sink) {
            this.messages = sink;
            return this;
        }

        /** The clock for import times and for the century of 10-digit personnummer. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public CohortImporter build() {
            return new CohortImporter(this);
        }
    }

    /** The version written to import_log: the jar's manifest version, or "dev" when run from classes. */
    public static String toolVersion() {
        String v = CohortImporter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Validates {@code inputs} and, when they hold no error, writes them to the store at {@code db}
     * in one transaction. Files whose SHA-256 was imported before into the same table are skipped.
     *
     * @throws ImportFailure when the import cannot start or commit (wrong key, store in use); nothing is written
     */
    public ImportResult importInto(Path db, List<Path> inputs) throws ImportFailure {
        long errorsBefore = errors.count();
        boolean existed = Files.exists(db);
        Path key = keyFile != null ? keyFile : PseudonymKey.defaultFileFor(db);
        Path draft = draftOf(db);
        boolean committed = false;
        boolean locked = false;
        List<Path> writable = new ArrayList<>(inputs);
        writable.add(draftFolder(draft)); // the store's connection attaches the draft there; external access is otherwise off
        try (CohortStore store = openStore(db, writable)) {
            locked = true;
            deleteDraft(draft); // left by an import killed before its rename; we hold the store's lock now
            PseudonymKey pseudonymKey = resolveKey(store, key);
            Run run = stageAndCheck(store.connection(), inputs, new Pseudonymiser(pseudonymKey), true);
            long found = errors.count() - errorsBefore;
            boolean keyCreated = false;
            if (found == 0 && run.staging.values().stream().anyMatch(s -> s.rows() > 0)) {
                ImportStage.STAGED.reached();
                keyCreated = pseudonymKey.fresh();
                long started = System.nanoTime();
                commit(store, draft, run, pseudonymKey);
                messages.accept("written to " + db + seconds(started));
                committed = true;
            }
            run.close();
            return new ImportResult(run.results, found, committed, pseudonymKey.id(), key, keyCreated);
        } catch (SQLException e) {
            throw new ImportFailure("the store " + db + " could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportFailure("reading the input failed: " + e.getMessage(), e);
        } finally {
            if (locked) {
                deleteDraft(draft);
            } else {
                removeIfEmpty(draft.getParent()); // another import may be writing its draft there
            }
            if (!existed && !committed) {
                removeNewStore(db);
            }
        }
    }

    /**
     * The draft copy an import writes before renaming it over the store, in a folder of its own beside
     * the store ({@code <store>.importing/}) so that DuckDB's log and checkpoint files for it stay there.
     */
    static Path draftOf(Path db) {
        return db.toAbsolutePath().resolveSibling(db.getFileName() + ".importing").resolve("draft.duckdb");
    }

    /** The draft's folder, created now: DuckDB allows a folder only when it exists as one. */
    private static Path draftFolder(Path draft) throws ImportFailure {
        try {
            return Files.createDirectories(draft.getParent());
        } catch (IOException e) {
            throw new ImportFailure("cannot create the folder " + draft.getParent() + " for the import's draft: " + e.getMessage(), e);
        }
    }

    private static void removeIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // not empty: it holds another import's draft
        }
    }

    private static void deleteDraft(Path draft) {
        try (Stream<Path> files = Files.exists(draft.getParent()) ? Files.list(draft.getParent()) : Stream.empty()) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(draft.getParent());
        } catch (IOException e) {
            // A draft we cannot delete is replaced by the next import's copy; the store is not affected.
        }
    }

    private static Path walOf(Path db) {
        return db.resolveSibling(db.getFileName() + ".wal");
    }

    /**
     * Runs every check of an import without writing anything. With a store, references may point to
     * rows already in it; without one, only to rows in the inputs.
     */
    public ImportResult validate(List<Path> inputs, Optional<Path> db) throws ImportFailure {
        long errorsBefore = errors.count();
        try (Connection c = db.isPresent() ? CohortStore.openReadOnly(db.get(), inputs).connection() : inMemoryStore(inputs)) {
            Run run = stageAndCheck(c.unwrap(DuckDBConnection.class), inputs, null, false);
            run.close();
            return new ImportResult(run.results, errors.count() - errorsBefore, false, null, null, false);
        } catch (SQLException e) {
            throw new ImportFailure("validation could not run: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportFailure("reading the input failed: " + e.getMessage(), e);
        }
    }

    private static Connection inMemoryStore(List<Path> inputs) throws SQLException {
        Connection c = DuckDb.inMemory(inputs);
        try (Statement st = c.createStatement()) {
            st.execute(CohortStore.schemaSql());
        }
        return c;
    }

    private static CohortStore openStore(Path db, List<Path> inputs) throws ImportFailure {
        try {
            return CohortStore.open(db, inputs);
        } catch (SQLException e) {
            throw new ImportFailure(e.getMessage(), e);
        }
    }

    /**
     * The key to pseudonymise with. A store records the id of the key it was built with; importing
     * with another key, or without the key file, would give the same people new person_ids, so it is refused.
     */
    private PseudonymKey resolveKey(CohortStore store, Path keyFile) throws ImportFailure, SQLException {
        Optional<String> recorded = store.recordedKeyId();
        if (!Files.exists(keyFile)) {
            if (recorded.isPresent()) {
                throw new ImportFailure("the store " + store.file() + " was built with pseudonymisation key "
                        + recorded.get() + ", but the key file " + keyFile + " is missing. Restore the key file (or give"
                        + " it with --key FILE); with a new key the same people would get new person_ids.");
            }
            return PseudonymKey.generate(keyFile);
        }
        PseudonymKey key;
        try {
            key = PseudonymKey.read(keyFile);
            if (!PseudonymKey.ownerOnly(keyFile)) {
                messages.accept("Warning: the key file " + keyFile + " can be read by other users; restrict it with"
                        + " chmod 600 " + keyFile);
            }
        } catch (IOException e) {
            throw new ImportFailure("cannot read the key file " + keyFile + ": " + e.getMessage(), e);
        }
        if (recorded.isPresent() && !recorded.get().equals(key.id())) {
            throw new ImportFailure("the key file " + keyFile + " holds key " + key.id() + ", but the store "
                    + store.file() + " was built with key " + recorded.get() + ". Use the store's own key file"
                    + " (--key FILE); with another key the same people would get other person_ids.");
        }
        return key;
    }

    /** Staging tables, per-source results and column labels of one run. */
    private static final class Run implements AutoCloseable {
        final Map<String, StagingTable> staging = new LinkedHashMap<>();
        final List<ImportResult.SourceResult> results = new ArrayList<>();
        final List<String> sourceNames = new ArrayList<>();
        final List<Map<String, String>> headers = new ArrayList<>();
        final Set<String> unreadTables = new HashSet<>();

        @Override
        public void close() throws SQLException {
            for (StagingTable s : staging.values()) {
                s.close();
            }
        }
    }

    private Run stageAndCheck(DuckDBConnection c, List<Path> inputs, Pseudonymiser pseudonymiser, boolean skipImported)
            throws IOException, SQLException {
        Run run = new Run();
        for (Table t : dictionary.tables()) {
            run.staging.put(t.name(), new StagingTable(t, c));
        }
        List<InputSource> sources = InputSource.discover(inputs, dictionary, errors);
        LocalDate today = LocalDate.now(clock);
        TableStager stager = new TableStager(dictionary, pseudonymiser, errors, messages, today);
        BulkCsvStager bulk = new BulkCsvStager(c, dictionary, stager, pseudonymiser, today);
        Map<Path, FileDigest> digests = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (InputSource source : sources) {
            String name = source.displayName();
            FileDigest digest = digests.computeIfAbsent(source.file().toAbsolutePath(), FileDigest::of);
            String sha = digest.sha256();
            String table = source.table().name();
            String skip = !seen.add(sha + "/" + table) ? "the same content was given twice in this import"
                    : skipImported ? importedBefore(c, sha, table) : null;
            if (skip != null) {
                messages.accept(name + ": skipped, " + skip);
                run.results.add(new ImportResult.SourceResult(name, table, sha, 0, skip));
                continue;
            }
            long started = System.nanoTime();
            int index = run.sourceNames.size();
            run.sourceNames.add(name);
            StagingTable staging = run.staging.get(table);
            Optional<TableStager.Staged> fast = digest.plainText() ? bulk.stage(source, name, index, staging) : Optional.empty();
            TableStager.Staged staged = fast.isPresent() ? fast.get() : stream(source, name, index, stager, staging);
            run.headers.add(staged.headerOf());
            if (!staged.complete()) {
                run.unreadTables.add(table);
            }
            run.results.add(new ImportResult.SourceResult(name, table, sha, staged.rowsRead(), null));
            messages.accept(name + ": " + staged.rowsRead() + " rows of " + table + (fast.isPresent() ? ", checked in bulk" : "")
                    + seconds(started));
        }
        long started = System.nanoTime();
        for (StagingTable s : run.staging.values()) {
            s.flush();
        }
        IntegrityChecks.ColumnLabels label = (src, column) -> run.headers.get(src).getOrDefault(column, column);
        new IntegrityChecks(c, run.staging, run.sourceNames::get, label, errors, run.unreadTables).run();
        for (StagingTable s : run.staging.values()) {
            NearDuplicates.warn(c, s, run.sourceNames::get, label, messages);
        }
        messages.accept("keys, references and date order checked" + seconds(started));
        return run;
    }

    /** Stages one source row by row; problems go to the error sink. */
    private TableStager.Staged stream(InputSource source, String name, int index, TableStager stager, StagingTable staging)
            throws SQLException {
        try (TableReader reader = source.open()) {
            return stager.stage(name, index, reader, staging);
        } catch (TableReader.InputProblem p) {
            errors.report(new ImportError(name, p.row(), null, null, p.getMessage()));
        } catch (IOException | RuntimeException e) {
            errors.report(ImportError.wholeFile(name, "cannot be read: " + e.getMessage()));
        }
        return new TableStager.Staged(0, Map.of(), false);
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, " (%.1f s)", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String importedBefore(Connection c, String sha, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT min(imported_at), any_value(file_name) FROM import_log WHERE sha256 = ? AND table_name = ?")) {
            ps.setString(1, sha);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp at = rs.getTimestamp(1);
                return at == null ? null : "already imported into " + table + " on " + at.toLocalDateTime().withNano(0)
                        + " as " + rs.getString(2) + " (same SHA-256)";
            }
        }
    }

    /**
     * Writes the staged rows into a draft copy of the store and renames it over the store. The store's
     * own connection attaches the draft, so the staging tables and the store's lock stay where they are.
     */
    private void commit(CohortStore store, Path draft, Run run, PseudonymKey key) throws SQLException, IOException {
        DuckDBConnection c = store.connection();
        if (Files.exists(walOf(store.file()))) {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT"); // changes still in the store's log (a new schema) belong in the copy
            }
        }
        Files.createDirectories(draft.getParent());
        Files.copy(store.file(), draft, StandardCopyOption.REPLACE_EXISTING);
        try (Statement st = c.createStatement()) {
            st.execute("ATTACH '" + draft.toAbsolutePath().toString().replace("'", "''") + "' AS " + DRAFT);
            try {
                c.setAutoCommit(false);
                for (StagingTable s : run.staging.values()) {
                    if (s.rows() > 0) {
                        st.execute(replaceStoredKeys(s));
                        String columns = columnList(s);
                        st.execute("INSERT INTO " + DRAFT + "." + s.table().name() + " (" + columns + ") SELECT " + columns + " FROM " + s.name());
                    }
                }
                writeLog(c, run, key);
                ImportStage.INSERTED.reached();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            st.execute("CHECKPOINT " + DRAFT);
            st.execute("DETACH " + DRAFT);
        }
        if (Files.exists(walOf(draft)) && Files.size(walOf(draft)) > 0) {
            throw new IOException("the draft " + draft + " kept a write-ahead log after its checkpoint; the store was not replaced");
        }
        syncToDisk(draft);
        ImportStage.COMMITTED.reached();
        boolean savedKey = false;
        try {
            if (key.fresh()) {
                key.save();
                savedKey = true;
            }
            Files.move(draft, store.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            if (savedKey) {
                key.delete();
            }
            throw e;
        }
        syncToDisk(store.file().toAbsolutePath().getParent()); // the rename itself survives a power cut
        ImportStage.RENAMED.reached();
    }

    private static void syncToDisk(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, Files.isDirectory(path) ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Deletes stored rows whose key comes again in this import, so a corrected re-export replaces them
     * and never duplicates them (the store has no key indexes; see schema.sql).
     */
    private static String replaceStoredKeys(StagingTable s) {
        String match = s.table().primaryKey().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
        return "DELETE FROM " + DRAFT + "." + s.table().name() + " t WHERE EXISTS (SELECT 1 FROM " + s.name() + " s WHERE " + match + ")";
    }

    private static String columnList(StagingTable s) {
        return s.columns().stream().map(StagingTable.Column::name).collect(Collectors.joining(", "));
    }

    private void writeLog(Connection c, Run run, PseudonymKey key) throws SQLException {
        long importId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(import_id), 0) + 1 FROM " + DRAFT + ".import_log")) {
            rs.next();
            importId = rs.getLong(1);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + DRAFT + ".import_log (import_id, imported_at, file_name, sha256,"
                + " table_name, rows, tool_version, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ImportResult.SourceResult r : run.results) {
                if (r.skippedReason() != null) {
                    continue;
                }
                ps.setLong(1, importId);
                ps.setTimestamp(2, now);
                ps.setString(3, r.source());
                ps.setString(4, r.sha256());
                ps.setString(5, r.table());
                ps.setLong(6, r.rows());
                ps.setString(7, toolVersion());
                ps.setString(8, key.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void removeNewStore(Path db) {
        try {
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
        } catch (IOException e) {
            // The store never held data; a leftover empty file is harmless, so the original failure is what matters.
        }
    }
}
