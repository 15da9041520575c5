package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.SqlFragment;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.store.CohortStore;

/**
 * One metric call: the store, the disclosure policy, the selection and the as-of date, and the
 * queries wired with them: selection, staffing, {@code :as_of}, {@code :max_step}, and the shared
 * per-episode queries taken from {@link EpisodeTables} when a query uses them.
 */
record QueryContext(Connection connection, DisclosurePolicy policy, Cohort cohort, LocalDate asOf,
                    EpisodeTables tables) {

    /** Per-episode queries shared between metrics, materialised on first use. */
    private static final String[] SHARED = {"episode_milestones", "assessments", "episode_steps", "episode_indicators"};

    /** The query {@code sql/NAME.sql}; {@code planDays} is the N of "plan within N days". */
    SqlQuery query(String name, int planDays) {
        SqlQuery q = SqlQuery.load(name).with("selection", cohort.selection(asOf)).with("staffing", cohort.staffing())
                .bind("as_of", asOf).bind("max_step", Ladder.STEPS).bind("plan_days", planDays);
        for (String shared : SHARED) {
            if (!shared.equals(name)) {
                q.withLazy(shared, () -> shared(shared, planDays));
            }
        }
        return q;
    }

    /**
     * A shared per-episode table, materialised once per selection and as-of date whatever the
     * grouping and split (built without them, the group label and arm set on use), so that metrics
     * grouped by unit, municipality or not at all, split or not, scan the events once between them.
     */
    private SqlFragment shared(String name, int planDays) {
        QueryContext ungrouped = new QueryContext(connection, policy, cohort.unbrokenDown(), asOf, tables);
        return cohort.regrouped(tables.table(name, ungrouped.query(name, planDays)));
    }

    SqlQuery query(String name) {
        return query(name, 0);
    }

    /**
     * Fails with {@link MissingTableException} when the store holds no rows of the optional table
     * {@code table} (a constant of the calling metric), which {@code metric} needs.
     */
    void require(String metric, String table) throws SQLException {
        if (!hasRows(table)) {
            throw new MissingTableException(metric, table);
        }
    }

    /** Whether the store has the optional table {@code table} (a constant) with at least one row. */
    boolean hasRows(String table) throws SQLException {
        if (!CohortStore.hasTable(connection, table)) {
            return false;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return rs.next();
        }
    }
}
