package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.cli.Main;
import se.stegvis.dictionary.DataDictionary;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An import killed with SIGKILL while it runs leaves the store exactly as it was. */
class InterruptedImportTest {

    @TempDir
    Path dir;

    @Test
    void killedImportLeavesTheStoreByteForByteUnchanged() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortImporter.builder(DataDictionary.fromClasspath()).build()
                .importInto(db, List.of(CohortFiles.canonical(dir.resolve("csv")).folder()));
        byte[] before = Files.readAllBytes(db);
        Path big = Files.createDirectories(dir.resolve("big"));
        int episodes = 200_000;
        try (BufferedWriter ep = Files.newBufferedWriter(big.resolve("episodes.csv"));
             BufferedWriter ev = Files.newBufferedWriter(big.resolve("events.csv"))) {
            ep.write("episode_id,person_id,programme,municipality,referral_date,referral_source\n");
            ev.write("episode_id,event_date,event_type\n");
            LocalDate start = LocalDate.of(2015, 1, 1);
            for (int i = 0; i < episodes; i++) {
                String date = start.plusDays(i % 3000).toString();
                ep.write("K" + i + ",p" + i + ",evi,Ludvika," + date + ",af\n");
                for (String type : new String[] {"referral", "first_meeting", "mapping_done", "plan_established"}) {
                    ev.write("K" + i + "," + date + "," + type + "\n");
                }
            }
        }
        Process importing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import", "--db", db.toString(),
                big.toString()).redirectErrorStream(true).start();
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
}
