package se.stegvis.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import se.stegvis.demo.DemoCohort;
import se.stegvis.demo.DemoOptions;
import se.stegvis.demo.DemoSummary;

/** {@code ./stegvis demo}: writes the synthetic demo cohort as canonical CSV files. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Writes a deterministic synthetic demo cohort (episodes.csv, events.csv, "
                + "step_assessments.csv, exits.csv, follow_ups.csv, staffing.csv) in the canonical CSV format.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the CSV files to.")
    Path out;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "3000",
            description = "Number of episodes (default: ${DEFAULT-VALUE}).")
    long episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed; the same seed gives byte-identical files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2024-12-31",
            description = "Export date: nothing after it, people not yet exited are still in programme "
                    + "(default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Override
    public Integer call() throws Exception {
        DemoCohort cohort;
        try {
            cohort = new DemoCohort(new DemoOptions(episodes, seed, asOf));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DemoSummary summary = cohort.writeTo(out);
        // the demo project's settings (goals, threshold), to be put beside the store
        try (var in = DemoCommand.class.getResourceAsStream("/demo/stegvis.properties")) {
            java.nio.file.Files.copy(in, out.resolve("stegvis.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.err.println("stegvis demo: " + summary + " -> " + out);
        return 0;
    }
}
