package se.stegvis.cli;

import picocli.CommandLine.Command;

/** Placeholder until this subcommand lands; prints that it is not built yet. */
@Command(name = "dictionary", description = "Not built yet.")
final class DictionaryCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("stegvis dictionary: not built yet");
    }
}
