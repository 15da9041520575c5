package se.stegvis.ingest;

import java.io.IOException;
import java.util.List;

/**
 * Streams the rows of one table from a file or sheet, one at a time, as text cells; typing and
 * validation happen later against the dictionary, so every format shares them.
 */
public interface TableReader extends AutoCloseable {

    /** The header cells as written in the file. */
    List<String> header();

    /**
     * The next data row, or null at the end. Cells are the text as written (trimmed by the caller);
     * a row may hold more or fewer cells than the header, which the caller reports.
     *
     * @throws InputProblem when the file cannot be read further (bad encoding, broken quoting)
     */
    Row next() throws IOException, InputProblem;

    /** A data row and the row number a spreadsheet shows for it (header = row 1). */
    record Row(long number, String[] cells) {
    }

    /** The file cannot be read at {@code row}: the reason says why, in plain words. */
    final class InputProblem extends Exception {
        private final long row;

        public InputProblem(long row, String reason) {
            super(reason);
            this.row = row;
        }

        public long row() {
            return row;
        }
    }

    @Override
    void close() throws IOException;
}
