package se.stegvis.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CohortStoreTest {

    @TempDir
    Path dir;

    @Test
    void openCreatesTheSchemaOnce() throws Exception {
        Path db = dir.resolve("sub/store.duckdb");
        try (CohortStore store = CohortStore.open(db)) {
            assertThat(store.count("episodes")).isZero();
            try (Statement st = store.connection().createStatement()) {
                st.execute("INSERT INTO staffing VALUES ('evi', 'Lund', DATE '2019-01-01', 1.0)");
            }
        }
        byte[] closed = Files.readAllBytes(db);
        try (CohortStore store = CohortStore.open(db)) {
            assertThat(store.count("staffing")).isEqualTo(1);
            assertThat(store.recordedKeyId()).isEmpty();
        }
        assertThat(Files.readAllBytes(db)).as("reopening an existing store writes nothing").isEqualTo(closed);
    }

    @Test
    void readOnlyStoreRefusesWrites() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortStore.open(db).close();
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertThat(store.readOnly()).isTrue();
            assertThat(store.count("events")).isZero();
            assertThatThrownBy(() -> {
                try (Statement st = store.connection().createStatement()) {
                    st.execute("INSERT INTO staffing VALUES ('evi', 'Lund', DATE '2019-01-01', 1.0)");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void readOnlyOpenOfAMissingStoreSaysHowToBuildOne() {
        assertThatThrownBy(() -> CohortStore.openReadOnly(dir.resolve("none.duckdb")))
                .isInstanceOf(SQLException.class).hasMessageContaining("no cohort store at")
                .hasMessageContaining("./stegvis import --db");
        assertThat(dir.resolve("none.duckdb")).doesNotExist();
    }

    @Test
    void schemaHasTheColumnsMetricsReadAndNoPersonnummer() throws Exception {
        try (CohortStore store = CohortStore.open(dir.resolve("s.duckdb")); Statement st = store.connection().createStatement();
             var rs = st.executeQuery("SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE schema_name = 'main'")) {
            java.util.List<String> columns = new java.util.ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
            assertThat(columns).contains("episodes.person_id", "episodes.episode_kind", "step_assessments.step_std",
                    "events.event_type", "exits.destination", "follow_ups.status", "staffing.fte", "import_log.key_id",
                    "contacts.partners", "income_sources.extent", "applications.decision", "partner_hours.hours_given",
                    "context_events.label_sv", "ratings.timing", "episodes.not_relevant_reason",
                    "step_assessments.work_capacity_clarified");
            assertThat(columns).noneMatch(c -> c.contains("personnummer"));
        }
    }

    @Test
    void storeFromBeforeTheOptionalTablesGainsThemOnOpenAndKeepsItsRows() throws Exception {
        Path db = dir.resolve("old.duckdb");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE episodes (episode_id VARCHAR NOT NULL, person_id VARCHAR NOT NULL)");
            st.execute("CREATE TABLE step_assessments (episode_id VARCHAR NOT NULL, assessed_on DATE NOT NULL)");
            st.execute("CREATE TABLE import_log (import_id INTEGER NOT NULL)");
            st.execute("INSERT INTO episodes VALUES ('E1', 'p1')");
        }
        try (CohortStore store = CohortStore.open(db)) {
            assertThat(store.count("episodes")).isEqualTo(1);
            assertThat(store.count("contacts")).isZero();
            assertThat(CohortStore.hasTable(store.connection(), "ratings")).isTrue();
            try (Statement st = store.connection().createStatement();
                 var rs = st.executeQuery("SELECT not_relevant_reason FROM episodes")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
            }
        }
    }
}
