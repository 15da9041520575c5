package se.stegvis.notebook;

import se.stegvis.charts.Hidden;
import se.stegvis.metrics.MetricTable;

import java.util.ArrayList;
import java.util.List;

/** Reading metric tables for charts: rows of a group, counts with their disclosure state. */
final class Cells {
    private Cells() {
    }

    /** How a count cell is published. */
    static Hidden hidden(MetricTable t, int row, String column) {
        if (!t.isHidden(row, column)) {
            return Hidden.SHOWN;
        }
        return MetricTable.SECONDARY_MARKER.equals(t.shown(row, t.column(column))) ? Hidden.PROTECTED : Hidden.SMALL;
    }

    /** A count, or -1 when hidden. */
    static long count(MetricTable t, int row, String column) {
        return t.count(row, column).orElse(-1);
    }

    /** A number, or NaN when hidden or undefined. */
    static double number(MetricTable t, int row, String column) {
        return t.number(row, column).orElse(Double.NaN);
    }

    /** The rows whose {@code group} key is group (all rows when group is null). */
    static List<Integer> rowsOf(MetricTable t, String group) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (group == null || group.equals(t.key(r, "group"))) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The distinct values of the {@code group} key in table order. */
    static List<String> groups(MetricTable t) {
        List<String> groups = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String g = t.key(r, "group");
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        return groups;
    }
}
