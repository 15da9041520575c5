package se.stegvis.cli;

import java.nio.file.Path;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.ingest.ErrorSink;
import se.stegvis.ingest.ImportResult;

/** What {@code import} and {@code validate} share: an importer that reports to the terminal. */
final class Importers {
    private Importers() {}

    /** Errors to stderr as they are found, progress to stdout; {@code keyFile} null means beside the store. */
    static CohortImporter toTerminal(Path keyFile) {
        return CohortImporter.builder(DataDictionary.load()).keyFile(keyFile)
                .errors(ErrorSink.to(e -> System.err.println(e))).messages(System.out::println).build();
    }

    /** "1 error found" / "3 errors found". */
    static String errorsFound(ImportResult result) {
        return result.errorCount() + (result.errorCount() == 1 ? " error" : " errors") + " found";
    }
}
