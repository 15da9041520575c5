package se.stegvis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.GlossaryWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code stegvis dictionary ...}: the data dictionary for people. */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = "The data dictionary (read from the jar, or from the folder in $STEGVIS_DICTIONARY).",
        subcommands = DictionaryCommand.Glossary.class)
final class DictionaryCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code stegvis dictionary glossary [--out FILE]}. */
    @Command(name = "glossary", mixinStandardHelpOptions = true,
            description = "Writes a Markdown glossary: tables, columns, types, codes with Swedish and English labels, ladders.")
    static final class Glossary implements Callable<Integer> {

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: standard output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            String markdown = GlossaryWriter.markdown(DataDictionary.load());
            if (out == null) {
                System.out.print(markdown);
                return 0;
            }
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(out, markdown, StandardCharsets.UTF_8);
            System.out.println("Wrote " + out);
            return 0;
        }
    }
}
