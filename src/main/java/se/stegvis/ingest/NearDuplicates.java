package se.stegvis.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Warns when values of a free-text column may be one value written differently (the rule is
 * {@code sql/near_duplicates.sql}, which data-quality uses too): validation cannot refuse them, yet
 * Ludvika, ludvika and Ludvkia would silently become three groups. Only municipality is checked: it is
 * the free text results are grouped by, while labels and identifiers may rightly differ by a character.
 */
final class NearDuplicates {

    static final String COLUMN = "municipality";
    private static final String PAIRS = pairsSql();

    private NearDuplicates() {
    }

    /**
     * Sends one warning per group of near-duplicate values in {@code staging}'s municipality column,
     * naming the sources, the column as the first of them heads it, and each value with its rows.
     */
    static void warn(Connection c, StagingTable staging, IntFunction<String> sourceName,
                     IntegrityChecks.ColumnLabels label, Consumer<String> warnings) throws SQLException {
        if (staging.rows() == 0 || staging.indexOf(COLUMN) < 0) {
            return;
        }
        String values = "SELECT " + COLUMN + " AS value, count(*) AS n, list(DISTINCT " + StagingTable.SOURCE + ") AS src FROM "
                + staging.name() + " WHERE " + COLUMN + " IS NOT NULL GROUP BY 1";
        Map<String, Long> rows = new HashMap<>();
        Map<String, List<Integer>> sources = new HashMap<>();
        Map<String, Set<String>> groups = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("WITH v AS (" + values + ")"
                + " SELECT p.a, va.n, va.src, p.b, vb.n, vb.src FROM (" + PAIRS.replace("${values}", "SELECT value FROM v") + ") p"
                + " JOIN v va ON va.value = p.a JOIN v vb ON vb.value = p.b")) {
            while (rs.next()) {
                for (int side = 0; side < 2; side++) {
                    String value = rs.getString(1 + 3 * side);
                    rows.put(value, rs.getLong(2 + 3 * side));
                    List<Integer> src = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(3 + 3 * side).getArray()) {
                        src.add(((Number) o).intValue());
                    }
                    sources.put(value, src);
                }
                Set<String> merged = new HashSet<>(groups.getOrDefault(rs.getString(1), Set.of(rs.getString(1))));
                merged.addAll(groups.getOrDefault(rs.getString(4), Set.of(rs.getString(4))));
                merged.forEach(v -> groups.put(v, merged));
            }
        }
        Comparator<String> mostRowsFirst = Comparator.<String>comparingLong(rows::get).reversed().thenComparing(v -> v);
        Set<Set<String>> distinct = new LinkedHashSet<>(groups.values());
        List<List<String>> ordered = distinct.stream().map(g -> g.stream().sorted(mostRowsFirst).toList())
                .sorted(Comparator.comparing(g -> g.get(0))).toList();
        for (List<String> group : ordered) {
            Set<Integer> src = new TreeSet<>();
            group.forEach(v -> src.addAll(sources.get(v)));
            String files = src.stream().map(sourceName::apply).collect(Collectors.joining(", "));
            String listed = group.stream().map(v -> "\"" + Redaction.forMessage(v) + "\" " + rows.get(v)
                    + (rows.get(v) == 1 ? " row" : " rows")).collect(Collectors.joining(", "));
            warnings.accept("Warning: " + files + " column " + label.label(src.iterator().next(), COLUMN) + ": " + listed
                    + " may be one value written differently (correct them, or ignore this if they differ; the import goes on)");
        }
    }

    private static String pairsSql() {
        try (InputStream in = NearDuplicates.class.getResourceAsStream("/sql/near_duplicates.sql")) {
            // Line comments would swallow the text spliced after them; drop them.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)--.*$", "").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
