package se.stegvis.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The points an import passes on its way to the store, in order. Tests that kill an import need the
 * kill to land at a known point, not after a guessed sleep: with {@code STEGVIS_PAUSE_AT=<point>} in its
 * environment the import stops there, says {@code stegvis: paused at <point>} on stderr and waits until
 * its standard input ends (the test kills it meanwhile, or closes the pipe to let it go on).
 */
enum ImportStage {
    /** Every file read, staged and checked; nothing written anywhere yet. */
    STAGED,
    /** The rows inserted into the draft copy of the store, its transaction still open. */
    INSERTED,
    /** The draft committed, checkpointed and flushed to disk; the store itself still untouched. */
    COMMITTED,
    /** The draft renamed over the store: from here every reader sees the new content. */
    RENAMED;

    static final String PAUSE_VARIABLE = "STEGVIS_PAUSE_AT";

    String point() {
        return name().toLowerCase(Locale.ROOT);
    }

    void reached() {
        if (!point().equals(System.getenv(PAUSE_VARIABLE))) {
            return;
        }
        System.err.println("stegvis: paused at " + point());
        System.err.flush();
        try {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // waits for the end of standard input
            }
        } catch (IOException e) {
            // standard input gone: go on, as when it ends
        }
    }
}
