package se.stegvis.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.store.CohortStore;
import se.stegvis.store.DuckDb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SECURITY.md promises nothing leaves the machine. DuckDB reaches the network only through extensions it
 * installs or loads on its own (httpfs, sqlite_scanner) and through file access: every kind of connection
 * stegvis opens has all of these off, locked, and only the inputs it was given readable.
 */
class NoNetworkTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfConnectionHasExtensionsAndExternalAccessOffAndLocked() throws Exception {
        Path db = dir.resolve("s.duckdb");
        try (CohortStore store = CohortStore.open(db)) {
            assertLockedDown(store.connection());
        }
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertLockedDown(store.connection());
        }
        try (Connection c = DuckDb.inMemory(List.of())) {
            assertLockedDown(c);
        }
    }

    @Test
    void onlyTheInputsGivenCanBeRead() throws Exception {
        Path input = Files.writeString(Files.createDirectories(dir.resolve("in")).resolve("a.csv"), "x\n1\n");
        Path other = Files.writeString(dir.resolve("other.csv"), "x\n1\n");
        try (Connection c = DuckDb.inMemory(List.of(input.getParent())); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_csv('" + input.toAbsolutePath() + "')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM read_csv('" + other.toAbsolutePath() + "')"))
                    .hasMessageContaining("disabled by configuration");
        }
        try (Connection c = DuckDb.inMemory(List.of()); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("SELECT * FROM read_csv('https://example.org/x.csv')"))
                    .isInstanceOf(SQLException.class);
        }
    }

    /** Every connection goes through {@link DuckDb}: no other main class opens one itself. */
    @Test
    void noOtherClassOpensADuckDbConnection() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> openers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("se/stegvis/store/DuckDb.java")))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return text.contains("DriverManager") || text.contains("jdbc:duckdb");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).map(Path::toString).toList();
            assertThat(openers).isEmpty();
        }
    }

    private static void assertLockedDown(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('autoload_known_extensions'),"
                + " current_setting('autoinstall_known_extensions'), current_setting('enable_external_access'),"
                + " current_setting('allow_community_extensions'), current_setting('lock_configuration')")) {
            rs.next();
            assertThat(List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)))
                    .containsExactly(false, false, false, false, true);
        }
        try (Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("SET autoload_known_extensions = true")).isInstanceOf(SQLException.class);
        }
    }
}
