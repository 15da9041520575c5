package se.stegvis.cli;

import picocli.CommandLine.Command;

/** Placeholder until this subcommand lands; prints that it is not built yet. */
@Command(name = "demo", description = "Not built yet.")
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("stegvis demo: not built yet");
    }
}
