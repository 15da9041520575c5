package se.stegvis.cohort;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL with its {@code ?} parameters in order, so selections never splice values
 * into query text.
 *
 * @param sql the text, with one {@code ?} per parameter
 * @param params the values, in the order of the {@code ?}s
 */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        params = List.copyOf(params);
    }

    /** SQL without parameters (only for text built from fixed, whitelisted pieces). */
    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** Conjunction of the fragments; {@code TRUE} when there are none. */
    public static SqlFragment and(List<SqlFragment> parts) {
        if (parts.isEmpty()) {
            return of("TRUE");
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (SqlFragment p : parts) {
            sql.append(sql.length() == 0 ? "(" : " AND (").append(p.sql).append(')');
            params.addAll(p.params);
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** {@code expression IN (?, ?, ...)} over the given values. */
    public static SqlFragment in(String expression, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        StringBuilder sql = new StringBuilder(expression).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return new SqlFragment(sql.append(')').toString(), new ArrayList<>(values));
    }
}
