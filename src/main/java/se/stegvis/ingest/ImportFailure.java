package se.stegvis.ingest;

/** The import as a whole cannot go ahead (wrong key, store in use, unreadable store); nothing was written. */
public final class ImportFailure extends Exception {
    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
