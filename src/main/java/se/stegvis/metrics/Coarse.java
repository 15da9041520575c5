package se.stegvis.metrics;

import java.util.ArrayList;
import java.util.List;
import se.stegvis.disclosure.Coarsening;
import se.stegvis.disclosure.DisclosurePolicy;

/**
 * A count column of a metric table as a two-way table (rows by one key, columns by another),
 * coarsened where suppression would hide more than a third of it ({@link Coarsening}) and
 * suppressed again under the policy, so small counts of the original never show.
 */
public final class Coarse {
    private Coarse() {}

    /**
     * The counts of {@code countColumn} by {@code rowKey} (rows, in {@code rowOrder} when given, else in
     * table order) and {@code columnKey} (null: one column, "n"); combinations absent from the table are 0.
     */
    public static Coarsening.CoarseTable of(MetricTable t, String rowKey, List<String> rowOrder, String columnKey,
            String countColumn, Coarsening.Kind kind, DisclosurePolicy policy) {
        List<String> rows = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String row = t.key(r, rowKey);
            if (!rows.contains(row)) {
                rows.add(row);
            }
            String col = columnKey == null ? "n" : t.key(r, columnKey);
            if (!cols.contains(col)) {
                cols.add(col);
            }
        }
        if (rowOrder != null) {
            List<String> ordered = new ArrayList<>(rowOrder.stream().filter(rows::contains).toList());
            rows.stream().filter(x -> !ordered.contains(x)).forEach(ordered::add);
            rows = ordered;
        }
        long[][] counts = new long[rows.size()][cols.size()];
        for (int r = 0; r < t.rowCount(); r++) {
            int i = rows.indexOf(t.key(r, rowKey));
            int j = cols.indexOf(columnKey == null ? "n" : t.key(r, columnKey));
            counts[i][j] += t.rawCount(r, countColumn);
        }
        return Coarsening.coarsen(new Coarsening.CountTable(rows, cols, counts), kind, policy);
    }
}
