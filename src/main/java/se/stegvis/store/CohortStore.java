package se.stegvis.store;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The cohort store: one DuckDB file holding the canonical tables (schema in {@code sql/schema.sql}).
 * Import opens it read-write; notebooks and metrics open it read-only, so they never change it.
 */
public final class CohortStore implements AutoCloseable {

    private static final String SCHEMA = "sql/schema.sql";

    private final Path file;
    private final DuckDBConnection connection;
    private final boolean readOnly;

    private CohortStore(Path file, DuckDBConnection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /**
     * The project settings file of a store: named like it, beside it ({@code stegvis.duckdb} ->
     * {@code stegvis.properties}); it may not exist.
     */
    public static Path settingsFile(Path db) {
        String name = db.getFileName().toString();
        return db.resolveSibling((name.endsWith(".duckdb") ? name.substring(0, name.length() - 7) : name) + ".properties");
    }

    /** Opens the store for writing, creating the file and its tables when missing; it reads no other file. */
    public static CohortStore open(Path file) throws SQLException {
        return open(file, List.of());
    }

    /**
     * Opens the store for writing, creating the file and its tables when missing; SQL on it may read
     * {@code readable} (the import's input files and folders) and no other file.
     */
    public static CohortStore open(Path file, Collection<Path> readable) throws SQLException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create folder " + parent + ": " + e.getMessage(), e);
        }
        CohortStore store = new CohortStore(file, connect(file, false, readable), false);
        try {
            store.createSchemaIfMissing();
        } catch (SQLException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** Opens an existing store read-only; fails when the file does not exist or is not a DuckDB file. */
    public static CohortStore openReadOnly(Path file) throws SQLException {
        return openReadOnly(file, List.of());
    }

    /** Opens an existing store read-only; SQL on it may read {@code readable} and no other file. */
    public static CohortStore openReadOnly(Path file, Collection<Path> readable) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no cohort store at " + file + " (build one with ./stegvis import --db " + file + " ...)");
        }
        return new CohortStore(file, connect(file, true, readable), true);
    }

    private static DuckDBConnection connect(Path file, boolean readOnly, Collection<Path> readable) throws SQLException {
        try {
            return DuckDb.file(file, readOnly, readable);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("lock")) {
                throw new SQLException("the cohort store " + file + " is in use by another process (an import or a"
                        + " notebook); close it and try again. DuckDB said: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The table schema.sql creates last among the data tables: when it exists, the schema is current. */
    private static final String NEWEST_TABLE = "ratings";

    /**
     * Runs schema.sql only when tables are missing, so opening a current store writes nothing; a store
     * from before the optional tables gains them (schema.sql is idempotent).
     */
    private void createSchemaIfMissing() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
                     + " AND schema_name = 'main' AND table_name = '" + NEWEST_TABLE + "'")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return;
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute(schemaSql());
        }
    }

    /** The DDL of the store. */
    public static String schemaSql() {
        try (InputStream in = CohortStore.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The JDBC connection (a DuckDB connection, for appenders). */
    public DuckDBConnection connection() {
        return connection;
    }

    /** The key id recorded by earlier imports, if any import used a pseudonymisation key. */
    public Optional<String> recordedKeyId() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT key_id FROM import_log WHERE key_id IS NOT NULL LIMIT 2")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Whether the store has this table (stores from before the optional tables lack them). */
    public static boolean hasTable(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM duckdb_tables()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Number of rows in a store table. */
    public long count(String table) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table.replace("\"", "") + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
