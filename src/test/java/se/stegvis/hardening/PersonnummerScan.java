package se.stegvis.hardening;

import se.stegvis.ingest.Personnummer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds personnummer in bytes or text: every 10- or 12-digit run (optionally with - or + before the
 * last four digits) whose date part and check digit are valid. Used on database files, captured
 * logs and executed notebooks. Findings are returned masked, so a failing test does not leak them.
 */
public final class PersonnummerScan {

    /** A 10- or 12-digit run, optionally with - or + before the last four digits, not inside a longer digit run. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])(?:[0-9]{6}|[0-9]{8})[-+]?[0-9]{4}(?![0-9])");
    /** Hex tokens of 32+ characters are hashes (person_id, sha256), where digit runs occur by chance. */
    private static final Pattern HEX_TOKEN = Pattern.compile("[0-9a-fA-F]{32,}");

    private PersonnummerScan() {
    }

    /** Every valid personnummer in {@code text} outside hash tokens, masked. */
    public static List<String> in(String text) {
        String withoutHashes = HEX_TOKEN.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(withoutHashes);
        while (m.find()) {
            if (Personnummer.parse(m.group(), LocalDate.now()).valid()) {
                found.add(Personnummer.mask(m.group()));
            }
        }
        return found;
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
