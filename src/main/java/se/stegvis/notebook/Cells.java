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
        return switch (t.cell(row, t.column(column)).state()) {
            case SMALL -> Hidden.SMALL;
            case PROTECTED -> Hidden.PROTECTED;
            case SHOWN, NOT_REACHED -> Hidden.SHOWN;
        };
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

    /**
     * A two-way table of a metric (e.g. step at entry by step at exit) as a heatmap's arrays, rows and
     * columns in table order, absent pairs 0; a row's size is read back from a shown count and its share, -1 when none is shown.
     */
    record Matrix(List<String> rows, List<String> columns, long[][] counts, double[][] shares, Hidden[][] hidden,
                  long[] rowSizes) {

        static Matrix of(MetricTable t, List<Integer> tableRows, String rowKey, String columnKey) {
            List<String> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            for (int r : tableRows) {
                if (!rows.contains(t.key(r, rowKey))) {
                    rows.add(t.key(r, rowKey));
                }
                if (!columns.contains(t.key(r, columnKey))) {
                    columns.add(t.key(r, columnKey));
                }
            }
            long[][] counts = new long[rows.size()][columns.size()];
            double[][] shares = new double[rows.size()][columns.size()];
            Hidden[][] hidden = new Hidden[rows.size()][columns.size()];
            for (Hidden[] h : hidden) {
                java.util.Arrays.fill(h, Hidden.SHOWN);
            }
            long[] rowSizes = new long[rows.size()];
            java.util.Arrays.fill(rowSizes, -1);
            for (int r : tableRows) {
                int i = rows.indexOf(t.key(r, rowKey));
                int j = columns.indexOf(t.key(r, columnKey));
                counts[i][j] = Cells.count(t, r, "n");
                shares[i][j] = Cells.number(t, r, "share");
                hidden[i][j] = Cells.hidden(t, r, "n");
                if (counts[i][j] > 0 && shares[i][j] > 0) {
                    rowSizes[i] = Math.round(counts[i][j] / shares[i][j]); // the published row size
                }
            }
            return new Matrix(rows, columns, counts, shares, hidden, rowSizes);
        }

        /** The sum of the row sizes, or -1 when one is unknown (the sum would give a hidden one away). */
        long total() {
            return java.util.Arrays.stream(rowSizes).anyMatch(x -> x < 0) ? -1 : java.util.Arrays.stream(rowSizes).sum();
        }
    }
}
