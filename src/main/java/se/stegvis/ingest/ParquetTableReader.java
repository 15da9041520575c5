package se.stegvis.ingest;

import se.stegvis.store.DuckDb;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a Parquet file through DuckDB's {@code read_parquet} in a private in-memory database, every
 * column cast to text so Parquet goes through the same validation as CSV. Row n is the (n-1)th record,
 * as if the column names were a header row.
 */
public final class ParquetTableReader implements TableReader {

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final List<String> header;
    private long rowNumber = 1;

    private ParquetTableReader(Connection connection, Statement statement, ResultSet rows, List<String> header) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.header = header;
    }

    /** Opens {@code file} for reading. */
    public static ParquetTableReader open(Path file) throws IOException, InputProblem {
        try {
            Connection c = DuckDb.inMemory(List.of(file));
            try {
                String source = "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
                List<String> columns = new ArrayList<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM " + source + ")")) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                StringBuilder select = new StringBuilder("SELECT ");
                for (int i = 0; i < columns.size(); i++) {
                    select.append(i == 0 ? "" : ", ").append("CAST(\"").append(columns.get(i).replace("\"", "\"\""))
                            .append("\" AS VARCHAR)");
                }
                Statement st = c.createStatement();
                return new ParquetTableReader(c, st, st.executeQuery(select.append(" FROM ").append(source).toString()),
                        List.copyOf(columns));
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new InputProblem(0, "cannot be read as Parquet: " + e.getMessage());
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Row next() throws IOException {
        try {
            if (!rows.next()) {
                return null;
            }
            String[] cells = new String[header.size()];
            for (int i = 0; i < cells.length; i++) {
                String v = rows.getString(i + 1);
                cells[i] = v == null ? "" : v;
            }
            return new Row(++rowNumber, cells);
        } catch (SQLException e) {
            throw new IOException("reading Parquet failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try (connection; statement; rows) {
            // closed in reverse order by try-with-resources
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
