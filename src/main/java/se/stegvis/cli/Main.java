package se.stegvis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./stegvis}: one subcommand per job. */
@Command(name = "stegvis", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Outcome analysis for coordinated rehabilitation (Finsam).",
        subcommands = {
            ImportCommand.class, ValidateCommand.class, DemoCommand.class,
            DictionaryCommand.class, StatsCommand.class, MetricsCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version of the running jar, as written in its manifest. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"stegvis " + version()};
        }
    }
}
