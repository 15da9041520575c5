package se.stegvis.cli;

import picocli.CommandLine.Command;

/** Placeholder until this subcommand lands; prints that it is not built yet. */
@Command(name = "stats", description = "Not built yet.")
final class StatsCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("stegvis stats: not built yet");
    }
}
