package se.stegvis.cli;

import picocli.CommandLine.Command;

/** Placeholder until this subcommand lands; prints that it is not built yet. */
@Command(name = "import", description = "Not built yet.")
final class ImportCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("stegvis import: not built yet");
    }
}
