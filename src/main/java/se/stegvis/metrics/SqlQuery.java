package se.stegvis.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.stegvis.cohort.SqlFragment;

/**
 * A query from {@code src/main/resources/sql/NAME.sql}. In the text, {@code ${name}} is replaced
 * by a fragment given with {@link #with} / {@link #withLazy} or, failing that, by the query file of
 * that name (so a per-episode query can be shared), and {@code :name} is a parameter given with {@link #bind};
 * everything is bound with {@code ?}, nothing is spliced.
 */
final class SqlQuery {
    private static final Pattern TOKEN = Pattern.compile("\\$\\{([a-z_]+)}|(?<![:\\w]):([a-z_]+)");
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private final String name;
    private final Map<String, Supplier<SqlFragment>> fragments = new HashMap<>();
    private final Map<String, Object> params = new HashMap<>();

    private SqlQuery(String name) {
        this.name = name;
    }

    /** The query in {@code sql/NAME.sql}. */
    static SqlQuery load(String name) {
        return new SqlQuery(name);
    }

    SqlQuery with(String key, SqlFragment fragment) {
        fragments.put(key, () -> fragment);
        return this;
    }

    /** A fragment computed only if the text uses it (e.g. a cached per-episode table, created on demand). */
    SqlQuery withLazy(String key, Supplier<SqlFragment> fragment) {
        fragments.put(key, fragment);
        return this;
    }

    SqlQuery bind(String key, Object value) {
        params.put(key, value);
        return this;
    }

    /** The query text with {@code ?} placeholders and its parameters in order. */
    SqlFragment expand() {
        List<Object> values = new ArrayList<>();
        String sql = expand(name, values, 0);
        return new SqlFragment(sql, values);
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        SqlFragment q = expand();
        PreparedStatement ps = connection.prepareStatement(q.sql());
        int i = 1;
        for (Object v : q.params()) {
            ps.setObject(i++, v instanceof LocalDate d ? Date.valueOf(d) : v);
        }
        return ps;
    }

    private String expand(String file, List<Object> values, int depth) {
        if (depth > 4) {
            throw new IllegalStateException("sql/" + name + ".sql: fragments nested too deep");
        }
        Matcher m = TOKEN.matcher(text(file));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                Supplier<SqlFragment> supplier = fragments.get(m.group(1));
                SqlFragment f = supplier == null ? null : supplier.get();
                if (f != null) {
                    values.addAll(f.params());
                    replacement = f.sql();
                } else {
                    replacement = expand(m.group(1), values, depth + 1);
                }
            } else {
                String key = m.group(2);
                if (!params.containsKey(key)) {
                    throw new IllegalStateException("sql/" + file + ".sql: no value for :" + key);
                }
                values.add(params.get(key));
                replacement = "?";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(String file) {
        return TEXTS.computeIfAbsent(file, f -> {
            try (InputStream in = SqlQuery.class.getResourceAsStream("/sql/" + f + ".sql")) {
                if (in == null) {
                    throw new IllegalStateException("no query sql/" + f + ".sql");
                }
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                // Line comments would swallow the text spliced after them; drop them.
                return s.replaceAll("(?m)--.*$", "").trim().replaceAll(";\\s*$", "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
