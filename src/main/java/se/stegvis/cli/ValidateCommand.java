package se.stegvis.cli;

import picocli.CommandLine.Command;

/** Placeholder until this subcommand lands; prints that it is not built yet. */
@Command(name = "validate", description = "Not built yet.")
final class ValidateCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("stegvis validate: not built yet");
    }
}
