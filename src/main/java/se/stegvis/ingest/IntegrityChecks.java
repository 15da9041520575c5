package se.stegvis.ingest;

import se.stegvis.dictionary.Field;
import se.stegvis.dictionary.ForeignKey;
import se.stegvis.dictionary.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The checks that span rows, run as SQL over the staging tables (set-based, so millions of rows stay
 * fast): primary keys unique, references resolved in this import or the store, dates in order.
 * Each violation is reported with the source and row it came from.
 */
final class IntegrityChecks {

    private final Connection connection;
    private final Map<String, StagingTable> staging;
    private final IntFunction<String> sourceName;
    private final ColumnLabels labels;
    private final ErrorSink errors;
    private final Set<String> unread;

    /** How a source heads a canonical column (e.g. {@code datum (event_date)}). */
    @FunctionalInterface
    interface ColumnLabels {
        String label(int source, String column);
    }

    IntegrityChecks(Connection connection, Map<String, StagingTable> staging, IntFunction<String> sourceName,
                    ColumnLabels labels, ErrorSink errors, Set<String> unreadTables) {
        this.connection = connection;
        this.staging = staging;
        this.sourceName = sourceName;
        this.labels = labels;
        this.errors = errors;
        this.unread = Set.copyOf(unreadTables);
    }

    /**
     * Runs every check on every staged table; references into a table that had an unreadable source
     * are not checked, since that source's own error already explains them.
     */
    void run() throws SQLException {
        for (StagingTable s : staging.values()) {
            if (s.rows() == 0) {
                continue;
            }
            Table t = s.table();
            uniqueKey(s);
            for (ForeignKey fk : t.foreignKeys()) {
                if (!unread.contains(fk.referencedTable())) {
                    references(s, fk);
                }
            }
            for (Field f : t.fields()) {
                if (f.notBefore() != null && !unread.contains(f.notBefore().table())) {
                    notBefore(s, f);
                }
            }
        }
    }

    private void uniqueKey(StagingTable s) throws SQLException {
        List<String> key = s.table().primaryKey();
        String cols = String.join(", ", key);
        String complete = key.stream().map(k -> k + " IS NOT NULL").collect(Collectors.joining(" AND "));
        if (!any("SELECT 1 FROM " + s.name() + " WHERE " + complete + " GROUP BY " + cols + " HAVING count(*) > 1 LIMIT 1")) {
            return;
        }
        String sql = "SELECT _src, _row, concat_ws(', ', " + key.stream().map(k -> "CAST(" + k + " AS VARCHAR)")
                .collect(Collectors.joining(", ")) + "), first_src, first_row FROM (SELECT *,"
                + " first_value(_src) OVER w AS first_src, first_value(_row) OVER w AS first_row,"
                + " row_number() OVER w AS rn FROM " + s.name() + " WHERE " + complete + " WINDOW w AS (PARTITION BY " + cols
                + " ORDER BY _src, _row)) WHERE rn > 1 ORDER BY _src, _row";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int src = rs.getInt(1);
                int firstSrc = rs.getInt(4);
                String where = firstSrc == src ? "row " + rs.getLong(5) : sourceName.apply(firstSrc) + " row " + rs.getLong(5);
                errors.report(new ImportError(sourceName.apply(src), rs.getLong(2), key.size() == 1
                        ? labels.label(src, key.get(0)) : String.join(" + ", key.stream().map(k -> labels.label(src, k)).toList()),
                        Redaction.forMessage(rs.getString(3)), "repeats " + where
                        + " (" + s.table().name() + " may hold each " + String.join(" + ", key) + " once)"));
            }
        }
    }

    private void references(StagingTable s, ForeignKey fk) throws SQLException {
        StagingTable parent = staging.get(fk.referencedTable());
        String match = matchCondition(fk, "p", "s");
        String sql = "SELECT s._src, s._row, concat_ws(', ', " + fk.fields().stream().map(f -> "CAST(s." + f + " AS VARCHAR)")
                .collect(Collectors.joining(", ")) + ") FROM " + s.name() + " s"
                + " WHERE " + fk.fields().stream().map(f -> "s." + f + " IS NOT NULL").collect(Collectors.joining(" AND "))
                + " AND NOT EXISTS (SELECT 1 FROM " + parent.name() + " p WHERE " + match + ")"
                + " AND NOT EXISTS (SELECT 1 FROM " + fk.referencedTable() + " p WHERE " + match + ")"
                + " ORDER BY s._src, s._row";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int src = rs.getInt(1);
                errors.report(new ImportError(sourceName.apply(src), rs.getLong(2), labels.label(src, fk.fields().get(0)),
                        Redaction.forMessage(rs.getString(3)), "matches no " + String.join(" + ", fk.referencedFields())
                        + " in " + fk.referencedTable() + " (neither in this import nor already in the store)"));
            }
        }
    }

    private void notBefore(StagingTable s, Field f) throws SQLException {
        Field.NotBefore rule = f.notBefore();
        if (rule.sameRow()) {
            String sql = "SELECT _src, _row, CAST(" + f.name() + " AS VARCHAR), CAST(" + rule.field() + " AS VARCHAR) FROM "
                    + s.name() + " WHERE " + f.name() + " < " + rule.field() + " ORDER BY _src, _row";
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    int src = rs.getInt(1);
                    errors.report(new ImportError(sourceName.apply(src), rs.getLong(2), labels.label(src, f.name()),
                            rs.getString(3), "is before the " + rule.field() + " " + rs.getString(4)
                            + " of the same row (expected on or after it)"));
                }
            }
            return;
        }
        ForeignKey fk = s.table().foreignKeys().stream().filter(k -> k.referencedTable().equals(rule.table())).findFirst()
                .orElseThrow(() -> new IllegalStateException(s.table().name() + "." + f.name()
                        + " has x-not-before on " + rule.table() + " but no foreign key to it"));
        StagingTable parent = staging.get(rule.table());
        String bound = "coalesce(p." + rule.field() + ", q." + rule.field() + ")";
        String sql = "SELECT s._src, s._row, CAST(s." + f.name() + " AS VARCHAR), CAST(" + bound + " AS VARCHAR) FROM "
                + s.name() + " s LEFT JOIN " + parent.name() + " p ON " + matchCondition(fk, "p", "s")
                + " LEFT JOIN " + rule.table() + " q ON " + matchCondition(fk, "q", "s")
                + " WHERE s." + f.name() + " < " + bound + " ORDER BY s._src, s._row";
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int src = rs.getInt(1);
                errors.report(new ImportError(sourceName.apply(src), rs.getLong(2), labels.label(src, f.name()),
                        rs.getString(3), "is before the " + rule.field() + " " + rs.getString(4) + " in " + rule.table()
                        + " (expected on or after it)"));
            }
        }
    }

    private static String matchCondition(ForeignKey fk, String parent, String child) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < fk.fields().size(); i++) {
            s.append(i == 0 ? "" : " AND ").append(parent).append('.').append(fk.referencedFields().get(i))
                    .append(" = ").append(child).append('.').append(fk.fields().get(i));
        }
        return s.toString();
    }

    private boolean any(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }
}
