package se.stegvis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import se.stegvis.ingest.CohortImporter;
import se.stegvis.ingest.ImportFailure;
import se.stegvis.ingest.ImportResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code stegvis validate INPUT...}: every check of an import, without writing anything. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks cohort files against the data dictionary exactly as import does, without writing.",
                "Every error is listed with file, row (as a spreadsheet numbers it; header = row 1), column and value."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors", "1:the input has errors", "2:validation could not run"})
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE",
            description = "An existing store (opened read-only) whose episodes and exits the inputs may refer to.")
    Path db;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Folders, CSV, XLSX or Parquet files.")
    List<Path> inputs;

    @Override
    public Integer call() {
        CohortImporter importer = Importers.toTerminal(null);
        ImportResult result;
        try {
            result = importer.validate(inputs, Optional.ofNullable(db));
        } catch (ImportFailure e) {
            System.err.println("stegvis validate: " + e.getMessage());
            return 2;
        }
        if (!result.ok()) {
            System.err.println("stegvis validate: " + Importers.errorsFound(result) + ".");
            return 1;
        }
        System.out.println("No errors found.");
        return 0;
    }
}
