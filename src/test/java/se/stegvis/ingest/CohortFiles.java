package se.stegvis.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Test inputs: the canonical fixture cohort copied into a folder, with lines changed per test. */
final class CohortFiles {

    static final List<String> TABLES = List.of("episodes", "events", "step_assessments", "exits", "follow_ups", "staffing");
    /** The personnummer in the fixture episodes.csv (E5 is the same person as E1; the last is a samordningsnummer). */
    static final List<String> PERSONNUMMER = List.of("19850312-1231", "19901102-4560", "20010730-7894", "19780165-3218");

    private final Path folder;

    private CohortFiles(Path folder) {
        this.folder = folder;
    }

    /** Copies the canonical fixtures into {@code folder}. */
    static CohortFiles canonical(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String t : TABLES) {
            try (InputStream in = CohortFiles.class.getResourceAsStream("/ingest/canonical/" + t + ".csv")) {
                Files.write(folder.resolve(t + ".csv"), in.readAllBytes());
            }
        }
        return new CohortFiles(folder);
    }

    Path folder() {
        return folder;
    }

    Path file(String table) {
        return folder.resolve(table + ".csv");
    }

    /** Replaces the text of one table's file, which must contain {@code from}. */
    CohortFiles replace(String table, String from, String to) throws IOException {
        String text = Files.readString(file(table));
        if (!text.contains(from)) {
            throw new IllegalArgumentException(table + ".csv does not contain " + from);
        }
        Files.writeString(file(table), text.replace(from, to));
        return this;
    }

    /** Appends a data line to one table's file. */
    CohortFiles append(String table, String line) throws IOException {
        Files.writeString(file(table), Files.readString(file(table)) + line + "\n");
        return this;
    }

    /** Writes a file with these lines (UTF-8). */
    static Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A large valid cohort in {@code folder}: {@code episodes} episodes (already pseudonymised person_id)
     * with four events each, for streaming and interruption tests.
     */
    static Path large(Path folder, int episodes) throws IOException {
        Files.createDirectories(folder);
        try (BufferedWriter ep = Files.newBufferedWriter(folder.resolve("episodes.csv"));
             BufferedWriter ev = Files.newBufferedWriter(folder.resolve("events.csv"))) {
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
        return folder;
    }
}
