package se.stegvis.ingest;

/**
 * One problem found in an input, located the way a person finds it in a spreadsheet.
 *
 * @param source  the file (and sheet) the row came from, e.g. {@code events.csv} or {@code cohort.xlsx, sheet events}
 * @param row     the row number a spreadsheet shows (header = row 1); 0 for a problem with the whole file
 * @param column  the column as headed in the file, or null for a whole-row or whole-file problem
 * @param value   the offending value as shown to the user (personnummer masked), or null when missing
 * @param problem what is wrong and what was expected, in plain words
 */
public record ImportError(String source, long row, String column, String value, String problem) {

    /** A problem with a whole file, such as an unreadable encoding or an unknown table name. */
    public static ImportError wholeFile(String source, String problem) {
        return new ImportError(source, 0, null, null, problem);
    }

    /** E.g. {@code events.csv row 7, column event_date: "2019-02-31" is not a date (expected YYYY-MM-DD or YYYYMMDD)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (row > 0) {
            s.append(" row ").append(row);
        }
        if (column != null) {
            s.append(row > 0 ? ", " : " ").append("column ").append(column);
        }
        s.append(": ");
        if (value != null) {
            s.append('"').append(value).append("\" ");
        }
        return s.append(problem).toString();
    }
}
