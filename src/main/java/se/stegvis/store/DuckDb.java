package se.stegvis.store;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens every DuckDB connection stegvis makes, so none can reach the network or other files: DuckDB never
 * installs or loads an extension on its own (it would download sqlite_scanner for a file with SQLite's
 * header, httpfs for an http:// path), and reading files outside the database is off except for the
 * inputs named. The configuration is then locked.
 */
public final class DuckDb {

    /** DuckDB writes "DUCK" at byte 8 of every database file (after an 8-byte checksum). */
    private static final byte[] MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC_AT = 8;
    /** The start of every SQLite file; DuckDB would try to load (and download) its SQLite extension for one. */
    private static final String SQLITE_HEADER = "SQLite forma";

    private DuckDb() {
    }

    /** A private in-memory database that may read only {@code readable} (files, or folders and what they hold). */
    public static DuckDBConnection inMemory(Collection<Path> readable) throws SQLException {
        return connect("jdbc:duckdb:", new Properties(), readable);
    }

    /**
     * The database file {@code file}, which must not exist yet (DuckDB creates it), be empty, or be a DuckDB
     * database: any other file is refused unread, so a mistyped {@code --db notes.csv} is never written to.
     */
    static DuckDBConnection file(Path file, boolean readOnly, Collection<Path> readable) throws SQLException {
        requireDuckDbFile(file);
        Properties props = new Properties();
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        return connect("jdbc:duckdb:" + file.toAbsolutePath(), props, readable);
    }

    private static DuckDBConnection connect(String url, Properties props, Collection<Path> readable) throws SQLException {
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("allow_community_extensions", "false");
        DuckDBConnection c = DriverManager.getConnection(url, props).unwrap(DuckDBConnection.class);
        try (Statement st = c.createStatement()) {
            st.execute("SET allowed_paths = " + list(readable.stream().filter(p -> !Files.isDirectory(p))));
            st.execute("SET allowed_directories = " + list(readable.stream().filter(Files::isDirectory)));
            st.execute("SET enable_external_access = false");
            st.execute("SET lock_configuration = true");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static String list(Stream<Path> paths) {
        return paths.map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static void requireDuckDbFile(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] head = new byte[MAGIC_AT + MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new SQLException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return;
        }
        if (new String(head, 0, read, StandardCharsets.ISO_8859_1).startsWith(SQLITE_HEADER)) {
            throw new SQLException(file + " is an SQLite database, not a stegvis store (a DuckDB file); give the store's"
                    + " own file with --db, or a new file name to create one. Nothing was read or written.");
        }
        if (read < head.length || !Arrays.equals(head, MAGIC_AT, head.length, MAGIC, 0, MAGIC.length)) {
            throw new SQLException(file + " is not a stegvis store (it is not a DuckDB database file); give the store's"
                    + " own file with --db, or a new file name to create one. Nothing was read or written.");
        }
    }
}
