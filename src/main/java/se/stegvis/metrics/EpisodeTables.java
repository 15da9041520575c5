package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import se.stegvis.cohort.SqlFragment;

/**
 * The shared per-episode queries (milestones, assessments, steps, outcomes) of a selection,
 * materialised once as DuckDB temporary tables (allowed on a read-only store) and reused by every
 * metric on the same selection and as-of date, so a suite of metrics scans the events once. Keyed
 * by the exact query text and parameters; the least recently used are dropped beyond
 * {@value #MAX_TABLES}. The store must not change while they are in use (it is opened read-only).
 */
final class EpisodeTables {
    static final int MAX_TABLES = 24;

    private final Connection connection;
    private final LinkedHashMap<String, String> tables = new LinkedHashMap<>(16, 0.75f, true);
    /** Names are unique per JVM, as several instances may share one connection. */
    private static final java.util.concurrent.atomic.AtomicLong CREATED = new java.util.concurrent.atomic.AtomicLong();

    EpisodeTables(Connection connection) {
        this.connection = connection;
    }

    /** {@code SELECT * FROM} the temporary table holding {@code query}'s rows, created on first use. */
    synchronized SqlFragment table(String name, SqlQuery query) {
        SqlFragment q = query.expand();
        String key = q.sql() + '\u0000' + q.params();
        String table = tables.get(key);
        if (table == null) {
            table = "stegvis_" + name + "_" + CREATED.incrementAndGet();
            try (PreparedStatement ps = connection.prepareStatement("CREATE TEMP TABLE " + table + " AS " + q.sql())) {
                int i = 1;
                for (Object v : q.params()) {
                    ps.setObject(i++, v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : v);
                }
                ps.execute();
            } catch (SQLException e) {
                throw new MetricException(e);
            }
            tables.put(key, table);
            evict();
        }
        return SqlFragment.of("SELECT * FROM " + table);
    }

    /** Drops every cached table (e.g. after the store was re-opened on new data). */
    synchronized void clear() {
        for (String t : tables.values()) {
            drop(t);
        }
        tables.clear();
    }

    private void evict() {
        Iterator<Map.Entry<String, String>> it = tables.entrySet().iterator();
        while (tables.size() > MAX_TABLES && it.hasNext()) {
            drop(it.next().getValue());
            it.remove();
        }
    }

    private void drop(String table) {
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new MetricException(e);
        }
    }
}
