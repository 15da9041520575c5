package se.stegvis.metrics;

import java.util.ArrayList;
import java.util.List;
import se.stegvis.disclosure.Coarsening;
import se.stegvis.disclosure.DisclosurePolicy;

/**
 * A count column of a metric table as a two-way table for display (rows by one key, columns by
 * another), coarsened where suppression would hide more than a third of it ({@link Coarsening}) and
 * suppressed again under the policy, so small counts of the original never show. Publish it
 * instead of the original table, not beside it, and not beside other parts that sum its cells.
 */
public final class Coarse {
    private Coarse() {}

    /**
     * A two-way table for display: only the {@code keep} largest row and column categories of a
     * group are kept, the rest folded into "Övriga" on both axes, then coarsened and suppressed as
     * in {@link #of}. The second element lists the folded categories.
     */
    public static Folded folded(MetricTable t, String rowKey, String columnKey, String countColumn, int keep,
            DisclosurePolicy policy) {
        java.util.Map<String, Long> rowTotals = new java.util.LinkedHashMap<>();
        java.util.Map<String, Long> colTotals = new java.util.LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            rowTotals.merge(t.key(r, rowKey), t.rawCount(r, countColumn), Long::sum);
            colTotals.merge(t.key(r, columnKey), t.rawCount(r, countColumn), Long::sum);
        }
        List<String> rows = largest(rowTotals, keep);
        List<String> cols = largest(colTotals, keep);
        java.util.Set<String> folded = new java.util.TreeSet<>();
        rowTotals.keySet().stream().filter(x -> !rows.contains(x)).forEach(folded::add);
        colTotals.keySet().stream().filter(x -> !cols.contains(x)).forEach(folded::add);
        List<String> rowLabels = new ArrayList<>(rows);
        List<String> colLabels = new ArrayList<>(cols);
        if (rowTotals.size() > rows.size()) {
            rowLabels.add(Coarsening.OTHERS_SV);
        }
        if (colTotals.size() > cols.size()) {
            colLabels.add(Coarsening.OTHERS_SV);
        }
        long[][] counts = new long[rowLabels.size()][colLabels.size()];
        for (int r = 0; r < t.rowCount(); r++) {
            int i = rows.indexOf(t.key(r, rowKey));
            int j = cols.indexOf(t.key(r, columnKey));
            counts[i < 0 ? rowLabels.size() - 1 : i][j < 0 ? colLabels.size() - 1 : j] += t.rawCount(r, countColumn);
        }
        var table = Coarsening.coarsen(new Coarsening.CountTable(rowLabels, colLabels, counts), Coarsening.Kind.OTHERS,
                policy);
        return new Folded(table, List.copyOf(folded));
    }

    /** A folded two-way table and the categories folded into "Övriga" for display. */
    public record Folded(Coarsening.CoarseTable table, List<String> folded) {}

    private static List<String> largest(java.util.Map<String, Long> totals, int keep) {
        return totals.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(keep)
                .map(java.util.Map.Entry::getKey).toList();
    }
}
