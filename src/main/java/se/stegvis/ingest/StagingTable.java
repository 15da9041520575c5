package se.stegvis.ingest;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import se.stegvis.dictionary.Field;
import se.stegvis.dictionary.FieldType;
import se.stegvis.dictionary.Table;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary table holding the validated rows of one canonical table before they go into the store,
 * with the source and spreadsheet row of each so set-based checks in SQL can name the row. Temporary
 * tables never reach the database file.
 */
final class StagingTable implements AutoCloseable {

    /** A column of the store table: the dictionary field it comes from, or a derived value. */
    record Column(String name, FieldType type) {
        String sqlType() {
            return switch (type) {
                case STRING -> "VARCHAR";
                case INTEGER -> "INTEGER";
                case NUMBER -> "DOUBLE";
                case BOOLEAN -> "BOOLEAN";
                case DATE, YEARMONTH -> "DATE";
            };
        }
    }

    static final String SOURCE = "_src";
    static final String ROW = "_row";
    static final String STEP_STD = "step_std";

    private final Table table;
    private final List<Column> columns;
    private final DuckDBConnection connection;
    private DuckDBAppender appender;
    private long rows;

    StagingTable(Table table, DuckDBConnection connection) throws SQLException {
        this.table = table;
        this.columns = storeColumns(table);
        this.connection = connection;
        StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TEMP TABLE ").append(name()).append(" (");
        for (Column c : columns) {
            ddl.append(c.name()).append(' ').append(c.sqlType()).append(", ");
        }
        ddl.append(SOURCE).append(" INTEGER, ").append(ROW).append(" BIGINT)");
        try (Statement st = connection.createStatement()) {
            st.execute(ddl.toString());
        }
    }

    /**
     * The columns a table has in the store: its dictionary fields except pseudonymised ones (whose hash
     * goes to person_id), plus {@code step_std} after {@code step} where steps are recorded on a ladder.
     */
    static List<Column> storeColumns(Table table) {
        List<Column> out = new ArrayList<>();
        for (Field f : table.fields()) {
            if (f.pseudonymise()) {
                continue;
            }
            out.add(new Column(f.name(), f.type()));
            if (f.name().equals("step") && table.field("ladder").isPresent()) {
                out.add(new Column(STEP_STD, FieldType.INTEGER));
            }
        }
        return List.copyOf(out);
    }

    Table table() {
        return table;
    }

    String name() {
        return "stg_" + table.name();
    }

    List<Column> columns() {
        return columns;
    }

    /** Index of a store column, or -1. */
    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends one validated row; {@code values} are in {@link #columns()} order, null for missing. */
    void append(Object[] values, int source, long row) throws SQLException {
        if (appender == null) {
            appender = connection.createAppender("temp", "main", name());
        }
        appender.beginRow();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                appender.appendNull();
            } else if (v instanceof String s) {
                appender.append(s);
            } else if (v instanceof LocalDate d) {
                appender.append(d);
            } else if (v instanceof Integer n) {
                appender.append(n.intValue());
            } else if (v instanceof Double d) {
                appender.append(d.doubleValue());
            } else if (v instanceof Boolean b) {
                appender.append(b.booleanValue());
            } else {
                throw new IllegalArgumentException("cannot stage a " + v.getClass());
            }
        }
        appender.append(source).append(row).endRow();
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Counts rows that an INSERT statement (rather than {@link #append}) put into the table. */
    void inserted(long count) {
        rows += count;
    }

    /** Flushes staged rows so SQL sees them. */
    void flush() throws SQLException {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }

    @Override
    public void close() throws SQLException {
        flush();
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp.main." + name());
        }
    }
}
