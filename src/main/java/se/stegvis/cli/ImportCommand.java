package se.stegvis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.ingest.ImportFailure;
import se.stegvis.ingest.ImportResult;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code stegvis import --db FILE INPUT...}: validate, pseudonymise and import cohort files in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Checks cohort files against the data dictionary and imports them into the store in one"
                + " transaction: on any error nothing is written.",
                "INPUT is a folder of CSV files, CSV files named after their table (episodes.csv or episoder.csv, ...),"
                        + " an .xlsx workbook with one sheet per table, or .parquet files.",
                "Personnummer are replaced by a keyed hash (person_id); the key file is created on first use."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:imported (or nothing new)", "1:the input has errors; nothing was written",
                "2:the import could not run (key, store in use); nothing was written"})
final class ImportCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB cohort store (created when missing).")
    Path db;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The pseudonymisation key file (default: <db>.key beside the store; created with mode 600).")
    Path key;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Folders, CSV, XLSX or Parquet files.")
    List<Path> inputs;

    @Override
    public Integer call() {
        CohortImporter importer = Importers.toTerminal(key);
        ImportResult result;
        try {
            result = importer.importInto(db, inputs);
        } catch (ImportFailure e) {
            System.err.println("stegvis import: " + e.getMessage());
            return 2;
        }
        if (!result.ok()) {
            System.err.println("stegvis import: " + Importers.errorsFound(result) + "; nothing was written to " + db);
            return 1;
        }
        if (!result.written()) {
            System.out.println("Nothing new to import; " + db + " is unchanged.");
            return 0;
        }
        if (result.keyCreated()) {
            System.out.println("Created the pseudonymisation key " + result.keyFile() + " (mode 600). Keep it: later"
                    + " imports need it to give the same people the same person_id. Never share it with the data.");
        }
        long files = result.sources().stream().filter(s -> s.skippedReason() == null).count();
        long rows = result.sources().stream().filter(s -> s.skippedReason() == null)
                .mapToLong(ImportResult.SourceResult::rows).sum();
        System.out.println("Imported " + rows + " rows from " + files + (files == 1 ? " source" : " sources") + " into "
                + db + " (key " + result.keyId() + ").");
        return 0;
    }
}
