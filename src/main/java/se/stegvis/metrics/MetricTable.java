package se.stegvis.metrics;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One table of a metric result after disclosure control: key columns (labels), count columns and
 * number columns (rates, intervals, times). A hidden count is shown as {@code <5} when it is small
 * itself (primary) and as {@code ..} when it is hidden to protect another cell (secondary); a
 * number derived from a hidden count is missing. Never 0.
 */
public final class MetricTable {

    /** What a column holds. */
    public enum Kind { KEY, COUNT, NUMBER }

    /** A column: its stable name (the CSV header) and kind. */
    public record Column(String name, Kind kind) {}

    /** Shown in place of a count hidden to protect another cell. */
    public static final String SECONDARY_MARKER = "..";

    private final String name;
    private final List<Column> columns;
    private final Object[][] values;
    private final boolean[][] hidden;
    private final boolean[][] primary;
    private final String smallMarker;

    MetricTable(String name, List<Column> columns, Object[][] values, boolean[][] hidden, boolean[][] primary,
            String smallMarker) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.hidden = hidden;
        this.primary = primary;
        this.smallMarker = smallMarker;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return values.length;
    }

    /** The rows for which {@code keep} holds, with their disclosure state. */
    public MetricTable filter(java.util.function.IntPredicate keep) {
        int[] rows = java.util.stream.IntStream.range(0, values.length).filter(keep).toArray();
        Object[][] v = new Object[rows.length][];
        boolean[][] h = new boolean[rows.length][];
        boolean[][] p = new boolean[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            v[i] = values[rows[i]];
            h[i] = hidden[rows[i]];
            p[i] = primary[rows[i]];
        }
        return new MetricTable(name, columns, v, h, p, smallMarker);
    }

    /** Index of a column by name. */
    public int column(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + columnName);
    }

    /** A key (label) cell. */
    public String key(int row, String columnName) {
        return (String) values[row][expect(columnName, Kind.KEY)];
    }

    /** A count, empty when hidden. */
    public OptionalLong count(int row, String columnName) {
        int c = expect(columnName, Kind.COUNT);
        return hidden[row][c] ? OptionalLong.empty() : OptionalLong.of((Long) values[row][c]);
    }

    /** A number, empty when hidden or not defined (e.g. a median not reached). */
    public OptionalDouble number(int row, String columnName) {
        int c = expect(columnName, Kind.NUMBER);
        double v = (Double) values[row][c];
        return hidden[row][c] || Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * A count as computed, hidden or not: only for code that publishes it again through disclosure
     * control ({@link Coarse}), never for output.
     */
    long rawCount(int row, String columnName) {
        return (Long) values[row][expect(columnName, Kind.COUNT)];
    }

    public boolean isHidden(int row, String columnName) {
        return hidden[row][column(columnName)];
    }

    /** The share of the cells of these columns that disclosure control hides (0 for an empty table). */
    public double hiddenShare(List<String> columnNames) {
        int all = 0;
        int hiddenCells = 0;
        for (String name : columnNames) {
            int c = column(name);
            for (boolean[] row : hidden) {
                all++;
                hiddenCells += row[c] ? 1 : 0;
            }
        }
        return all == 0 ? 0 : hiddenCells / (double) all;
    }

    /** The cell with its disclosure state; a hidden number is protected, as it reveals a hidden count. */
    public Cell cell(int row, int col) {
        Object v = values[row][col];
        if (hidden[row][col]) {
            boolean small = columns.get(col).kind() == Kind.COUNT && primary[row][col];
            return new Cell(null, small ? CellState.SMALL : CellState.PROTECTED);
        }
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return new Cell(null, CellState.NOT_REACHED);
        }
        return new Cell(v, CellState.SHOWN);
    }

    /** What a small count is shown as ({@code <5} at the default threshold). */
    public String smallMarker() {
        return smallMarker;
    }

    /** The cell as published: label, count, {@code <5}, {@code ..}, number, or "" when missing. */
    public String shown(int row, int col) {
        Object v = values[row][col];
        switch (columns.get(col).kind()) {
            case KEY:
                return (String) v;
            case COUNT:
                if (hidden[row][col]) {
                    return primary[row][col] ? smallMarker : SECONDARY_MARKER;
                }
                return Long.toString((Long) v);
            default:
                double d = (Double) v;
                return hidden[row][col] || Double.isNaN(d) || Double.isInfinite(d) ? "" : format(d);
        }
    }

    /**
     * As a Tablesaw table: keys and counts as text (so a hidden count reads {@code <5}, never 0),
     * numbers as doubles with hidden ones missing.
     */
    public Table toTable() {
        Table t = Table.create(name);
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.kind() == Kind.NUMBER) {
                DoubleColumn d = DoubleColumn.create(col.name());
                for (int r = 0; r < values.length; r++) {
                    double v = (Double) values[r][c];
                    if (hidden[r][c] || Double.isNaN(v)) {
                        d.appendMissing();
                    } else {
                        d.append(v);
                    }
                }
                t.addColumns(d);
            } else {
                StringColumn s = StringColumn.create(col.name());
                for (int r = 0; r < values.length; r++) {
                    s.append(shown(r, c));
                }
                t.addColumns(s);
            }
        }
        return t;
    }

    private int expect(String columnName, Kind kind) {
        int c = column(columnName);
        if (columns.get(c).kind() != kind) {
            throw new IllegalArgumentException(name + "." + columnName + " is a " + columns.get(c).kind() + " column");
        }
        return c;
    }

    /** Four decimals at most, no trailing zeros, no exponent. */
    static String format(double d) {
        String s = new java.math.BigDecimal(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
