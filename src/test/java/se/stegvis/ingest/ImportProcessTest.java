package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.cli.Main;
import se.stegvis.dictionary.DataDictionary;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports in a separate process: killed midway, and with a small heap. */
class ImportProcessTest {

    @TempDir
    Path dir;

    @Test
    void killedImportLeavesTheStoreByteForByteUnchanged() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortImporter.builder(DataDictionary.fromClasspath()).build()
                .importInto(db, List.of(CohortFiles.canonical(dir.resolve("csv")).folder()));
        byte[] before = Files.readAllBytes(db);
        int episodes = 200_000;
        Path big = CohortFiles.large(dir.resolve("big"), episodes);
        Process importing = stegvis("-Xmx512m", "import", "--db", db.toString(), big.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(importing.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).startsWith("episodes.csv: " + episodes + " rows of episodes");
            importing.destroyForcibly(); // SIGKILL while events.csv is being read
            importing.waitFor();
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        ImportResult after = CohortImporter.builder(DataDictionary.fromClasspath()).build()
                .importInto(db, List.of(CohortFiles.write(dir.resolve("later/events.csv"),
                        "episode_id,event_date,event_type", "E2,2019-05-01,mapping_done")));
        assertThat(after.written()).isTrue();
    }

    @Test
    void importStreamsLargeFilesThroughASmallHeap() throws Exception {
        Path big = CohortFiles.large(dir.resolve("big"), 300_000);
        long bytes = Files.size(big.resolve("events.csv")) + Files.size(big.resolve("episodes.csv"));
        Process importing = stegvis("-Xmx48m", "import", "--db", dir.resolve("s.duckdb").toString(), big.toString());
        String output = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(importing.waitFor()).as(output).isZero();
        assertThat(bytes).isGreaterThan(48L << 20);
        assertThat(output).contains("events.csv: 1200000 rows of events").contains("Imported 1500000 rows");
    }

    private static Process stegvis(String heap, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
