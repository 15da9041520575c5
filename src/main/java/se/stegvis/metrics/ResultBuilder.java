package se.stegvis.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.CellGrid;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.disclosure.SuppressionMask;
import se.stegvis.disclosure.Suppressor;
import se.stegvis.metrics.MetricTable.Column;
import se.stegvis.metrics.MetricTable.Kind;
import se.stegvis.stats.Interval;
import se.stegvis.stats.Proportions;

/**
 * Collects the tables of one result on one {@link CellGrid}, so that suppression sees every
 * relation between them (a total in one table, its parts in another), then applies the policy.
 */
final class ResultBuilder {
    /** Confidence level of every interval in the metrics. */
    static final double LEVEL = 0.95;

    private final CellGrid grid = new CellGrid();
    private final DisclosurePolicy policy;
    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();

    ResultBuilder(DisclosurePolicy policy) {
        this.policy = policy;
    }

    static Column key(String name) {
        return new Column(name, Kind.KEY);
    }

    static Column count(String name) {
        return new Column(name, Kind.COUNT);
    }

    static Column number(String name) {
        return new Column(name, Kind.NUMBER);
    }

    /** The three number columns of a proportion: estimate, lower and upper bound. */
    static Column[] proportion(String estimate, String lower, String upper) {
        return new Column[] {number(estimate), number(lower), number(upper)};
    }

    TableBuilder table(String name, Column... columns) {
        TableBuilder t = new TableBuilder(name, List.of(columns));
        tables.put(name, t);
        return t;
    }

    /** A published count that may be referenced from several rows or revealed only through rates. */
    int cell(long value) {
        return grid.shown(value);
    }

    /** A count never published that must not be recoverable when small (e.g. "other exits"). */
    int implicitCell(long value) {
        return grid.implicit(value);
    }

    /**
     * A published count made of unpublished parts ({@link #implicitCell}), e.g. codes merged into
     * "Övriga": tied to them by a sum, so none of them can be recomputed.
     */
    int cellOfParts(List<Integer> parts) {
        long sum = 0;
        for (int p : parts) {
            sum += grid.value(p);
        }
        int cell = grid.shown(sum);
        sum(cell, parts);
        return cell;
    }

    long value(int cell) {
        return grid.value(cell);
    }

    void sum(int total, int... parts) {
        grid.sum(total, parts);
    }

    void sum(int total, List<Integer> parts) {
        grid.sum(total, parts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Protects {@code denominator - numerator} (e.g. "referred but never met") as an implicit cell. */
    void complement(int numerator, int denominator) {
        if (numerator != denominator) {
            grid.complement(numerator, denominator);
        }
    }

    void equation(int[] cells, int[] coefficients) {
        grid.equation(cells, coefficients);
    }

    /** Applies the policy and returns the basis and tables. */
    Built build(Definition definition, Cohort cohort, LocalDate asOf, long n) {
        SuppressionMask mask = Suppressor.apply(grid, policy);
        List<MetricTable> out = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            out.add(t.build(mask));
        }
        Suppression s = new Suppression(policy.applied(), policy.threshold(), mask.primaryCount(grid),
                mask.secondaryCount(grid));
        String nShown = policy.applied() && policy.isSmall(n) ? policy.smallMarker() : Long.toString(n);
        return new Built(new Basis(definition, cohort.describe(), asOf, n, nShown, s), out);
    }

    record Built(Basis basis, List<MetricTable> tables) {
        MetricTable table(String name) {
            return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /** Rows of one table; count cells are grid cells, numbers name the cells they derive from. */
    final class TableBuilder {
        private final String name;
        private final List<Column> columns;
        private final List<Row> rows = new ArrayList<>();

        private TableBuilder(String name, List<Column> columns) {
            this.name = name;
            this.columns = columns;
        }

        Row row() {
            Row r = new Row(this);
            rows.add(r);
            return r;
        }

        private int index(String column, Kind kind) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    if (columns.get(i).kind() != kind) {
                        throw new IllegalArgumentException(name + "." + column + " is not a " + kind + " column");
                    }
                    return i;
                }
            }
            throw new IllegalArgumentException(name + " has no column " + column);
        }

        private MetricTable build(SuppressionMask mask) {
            int nc = columns.size();
            Object[][] values = new Object[rows.size()][nc];
            boolean[][] hidden = new boolean[rows.size()][nc];
            boolean[][] primary = new boolean[rows.size()][nc];
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                for (int c = 0; c < nc; c++) {
                    switch (columns.get(c).kind()) {
                        case KEY -> {
                            for (int dep : row.dependsOn[c]) {
                                hidden[r][c] |= mask.isHidden(dep);
                            }
                            values[r][c] = row.keys[c] == null || hidden[r][c] ? "" : row.keys[c];
                        }
                        case COUNT -> {
                            int cell = row.cells[c];
                            if (cell < 0) {
                                throw new IllegalStateException(name + "." + columns.get(c).name() + " not set in row " + r);
                            }
                            values[r][c] = grid.value(cell);
                            hidden[r][c] = mask.isHidden(cell);
                            primary[r][c] = mask.isPrimary(cell);
                        }
                        case NUMBER -> {
                            values[r][c] = row.numbers[c];
                            for (int dep : row.dependsOn[c]) {
                                hidden[r][c] |= mask.isHidden(dep);
                            }
                        }
                    }
                }
            }
            return new MetricTable(name, columns, values, hidden, primary, policy.smallMarker());
        }
    }

    final class Row {
        private final TableBuilder table;
        private final String[] keys;
        private final int[] cells;
        private final double[] numbers;
        private final int[][] dependsOn;

        private Row(TableBuilder table) {
            this.table = table;
            int n = table.columns.size();
            keys = new String[n];
            cells = new int[n];
            Arrays.fill(cells, -1);
            numbers = new double[n];
            Arrays.fill(numbers, Double.NaN);
            dependsOn = new int[n][0];
        }

        Row key(String column, String value) {
            keys[table.index(column, Kind.KEY)] = value;
            return this;
        }

        /** A label that says something about counts (e.g. "above the funnel limit"): blank when one is hidden. */
        Row key(String column, String value, int... basis) {
            int c = table.index(column, Kind.KEY);
            keys[c] = value;
            dependsOn[c] = basis.clone();
            return this;
        }

        /** A new published count in this row; returns its cell. */
        int count(String column, long value) {
            int cell = grid.shown(value);
            cells[table.index(column, Kind.COUNT)] = cell;
            return cell;
        }

        /** Shows an existing cell in this row (the same count published twice stays one cell). */
        Row countCell(String column, int cell) {
            cells[table.index(column, Kind.COUNT)] = cell;
            return this;
        }

        /** A number that is hidden whenever one of {@code cells} is hidden. */
        Row number(String column, double value, int... basis) {
            int c = table.index(column, Kind.NUMBER);
            numbers[c] = value;
            dependsOn[c] = basis.clone();
            return this;
        }

        /**
         * {@code numerator / denominator} with its Wilson interval in three number columns; the
         * complement (denominator minus numerator) is protected too.
         */
        Row proportion(String estimate, String lower, String upper, int numerator, int denominator) {
            if (numerator != denominator) {
                grid.complement(numerator, denominator);
            }
            return share(estimate, lower, upper, numerator, denominator);
        }

        /**
         * As {@link #proportion} without protecting the complement: for counts whose complement is
         * not about people (e.g. records with a value present).
         */
        Row share(String estimate, String lower, String upper, int numerator, int denominator) {
            long k = grid.value(numerator);
            long n = grid.value(denominator);
            Interval iv = n == 0 ? new Interval(Double.NaN, Double.NaN, Double.NaN, LEVEL) : Proportions.wilson(k, n, LEVEL);
            number(estimate, iv.estimate(), numerator, denominator);
            number(lower, iv.lower(), numerator, denominator);
            return number(upper, iv.upper(), numerator, denominator);
        }
    }
}
