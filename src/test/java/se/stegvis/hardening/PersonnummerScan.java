package se.stegvis.hardening;

import se.stegvis.ingest.Personnummer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds personnummer in bytes or text with the rule import applies to every value (see
 * {@link Personnummer#findMasked}). Used on database files, captured logs and executed notebooks.
 * Findings are returned masked, so a failing test does not leak them.
 */
public final class PersonnummerScan {

    private PersonnummerScan() {
    }

    /** Every personnummer in {@code text} outside hash tokens, masked ({@link Personnummer#findMasked}). */
    public static List<String> in(String text) {
        return Personnummer.findMasked(text, LocalDate.now());
    }

    /** The same scan over a file's raw bytes (each byte one character, so binary files scan too). */
    public static List<String> inFile(Path file) throws IOException {
        return in(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
    }

    /** Every file under {@code root} whose name ends with one of {@code suffixes}, with its findings; empty when clean. */
    public static List<String> inTree(Path root, String... suffixes) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> endsWithAny(f, suffixes)).toList()) {
                List<String> found = inFile(f);
                if (!found.isEmpty()) {
                    out.add(root.relativize(f) + ": " + found);
                }
            }
        }
        return out;
    }

    private static boolean endsWithAny(Path f, String... suffixes) {
        String name = f.getFileName().toString();
        for (String s : suffixes) {
            if (name.endsWith(s)) {
                return true;
            }
        }
        return false;
    }
}
