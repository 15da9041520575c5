package se.stegvis.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.cli.Main;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What a user sees and keeps after real CLI runs (separate processes, stdout and stderr captured): no
 * personnummer and no pseudonymisation key material in any output, in the store or beside it; and
 * no personnummer in executed notebooks and the seminar export, where those have been built.
 */
class PrivacyOfOutputsTest {

    @TempDir
    Path dir;

    private final StringBuilder logs = new StringBuilder();

    /** Runs {@code ./stegvis args} in a child JVM; returns the exit code, appending stdout and stderr to the logs. */
    private int stegvis(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        logs.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return p.waitFor();
    }

    @Test
    void cliOutputsAndTheStoreHoldNoPersonnummerAndNoKeyMaterial() throws Exception {
        Path csv = dir.resolve("csv");
        Path db = dir.resolve("store/stegvis.duckdb");
        assertThat(stegvis("demo", "--out", csv.toString(), "--episodes", "400", "--seed", "11")).isZero();
        assertThat(PersonnummerScan.inFile(csv.resolve("episodes.csv"))).as("the demo carries personnummer").hasSizeGreaterThan(100);
        assertThat(stegvis("import", "--db", db.toString(), csv.toString())).isZero();
        assertThat(stegvis("metrics", "funnel", "--db", db.toString(), "--by", "municipality")).isZero();
        assertThat(stegvis("metrics", "data-quality", "--db", db.toString())).isZero();

        // A re-export with broken and misplaced personnummer: every message must show them masked.
        Path broken = Files.createDirectories(dir.resolve("broken"));
        List<String> lines = Files.readAllLines(csv.resolve("episodes.csv"));
        String[] row = lines.get(1).split(",", -1);
        String validNumber = row[1];
        row[0] = "X-" + validNumber;
        row[1] = validNumber.substring(0, validNumber.length() - 1) + (char) ('0' + (validNumber.charAt(validNumber.length() - 1) - '0' + 1) % 10);
        Files.write(broken.resolve("episodes.csv"), List.of(lines.get(0), String.join(",", row)));
        assertThat(stegvis("validate", "--db", db.toString(), broken.toString())).isEqualTo(1);
        assertThat(stegvis("import", "--db", db.toString(), broken.toString())).isEqualTo(1);
        assertThat(logs).contains("column episode_id: \"X-" + Personnummer8(validNumber)).contains("column personnummer: \"" + Personnummer8(validNumber));

        // Without its key the store refuses new imports, saying so without any key material.
        Path key = Path.of(db + ".key");
        byte[] keyBytes = Files.readAllBytes(key);
        Files.move(key, dir.resolve("elsewhere.key"));
        assertThat(stegvis("import", "--db", db.toString(), csv.resolve("events.csv").toString())).isEqualTo(2);
        assertThat(logs).contains("is missing. Restore the key file");
        Files.move(dir.resolve("elsewhere.key"), key);

        String shown = logs.toString();
        assertThat(PersonnummerScan.in(shown)).isEmpty();
        assertThat(PersonnummerScan.inTree(db.getParent(), "")).isEmpty();
        for (String encoded : encodings(keyBytes)) {
            assertThat(shown).doesNotContain(encoded);
            assertThat(Files.readString(db, StandardCharsets.ISO_8859_1)).doesNotContain(encoded);
        }
        assertThat(indexOf(Files.readAllBytes(db), keyBytes)).as("raw key bytes in the store").isEqualTo(-1);
    }

    /** The date part a masked personnummer keeps, e.g. 19850312 of 19850312-1231. */
    private static String Personnummer8(String number) {
        return number.replace("-", "").substring(0, 8);
    }

    /** How key bytes could be written out: hex either case, Base64, Base64 without padding. */
    private static List<String> encodings(byte[] key) {
        String hex = HexFormat.of().formatHex(key);
        return List.of(hex, hex.toUpperCase(Locale.ROOT), Base64.getEncoder().encodeToString(key),
                Base64.getEncoder().withoutPadding().encodeToString(key), HexFormat.of().formatHex(key, 0, 8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Executed notebooks and the seminar export ({@code make demo} / {@code make seminar} write them to
     * build/seminar; notebooks/ may hold saved outputs). Skipped where nothing has been built.
     */
    @Test
    void executedNotebooksAndTheSeminarExportHoldNoPersonnummer() throws IOException {
        Path seminar = Path.of(System.getProperty("stegvis.seminar", "build/seminar"));
        assumeThat(Files.isDirectory(seminar)).as("no seminar export at %s (run make demo)", seminar.toAbsolutePath()).isTrue();
        try (var files = Files.walk(seminar)) {
            assertThat(files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".ipynb")).count()).isPositive();
        }
        assertThat(PersonnummerScan.inTree(seminar, ".html", ".ipynb", ".svg", ".csv", ".json", ".md")).isEmpty();
        assertThat(PersonnummerScan.inTree(Path.of("notebooks"), ".ipynb")).isEmpty();
    }
}
