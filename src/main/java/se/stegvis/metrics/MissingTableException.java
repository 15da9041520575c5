package se.stegvis.metrics;

/**
 * A metric needs one of the optional cohort tables and the store holds no rows of it: the message
 * says which table and how to provide it.
 */
public final class MissingTableException extends RuntimeException {
    private final String table;

    MissingTableException(String metric, String table) {
        super(metric + " needs table " + table + " (" + table + ".csv, see data-dictionary/GLOSSARY.md); the store holds"
                + " no rows of it: add the file to the export and import it with ./stegvis import");
        this.table = table;
    }

    /** The table that is missing. */
    public String table() {
        return table;
    }
}
