package se.stegvis.cli;

import picocli.CommandLine.Command;

/** Placeholder until this subcommand lands; prints that it is not built yet. */
@Command(name = "metrics", description = "Not built yet.")
final class MetricsCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("stegvis metrics: not built yet");
    }
}
