package se.stegvis.ingest;

import java.util.List;
import java.util.function.Consumer;

/**
 * Receives every error as it is found, so a file with millions of bad rows is reported in full
 * without holding the errors in memory; counts them so the import can refuse to write.
 */
public final class ErrorSink {

    private final Consumer<ImportError> consumer;
    private long count;

    private ErrorSink(Consumer<ImportError> consumer) {
        this.consumer = consumer;
    }

    /** A sink passing each error to {@code consumer}, e.g. printing it. */
    public static ErrorSink to(Consumer<ImportError> consumer) {
        return new ErrorSink(consumer);
    }

    /** A sink collecting errors into {@code list}. */
    public static ErrorSink collecting(List<ImportError> list) {
        return new ErrorSink(list::add);
    }

    /** A sink keeping only the count. */
    public static ErrorSink counting() {
        return new ErrorSink(e -> { });
    }

    public void report(ImportError error) {
        count++;
        consumer.accept(error);
    }

    public long count() {
        return count;
    }
}
