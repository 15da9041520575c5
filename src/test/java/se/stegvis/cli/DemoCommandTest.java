package se.stegvis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    @Test
    void writesTheSixTablesWithTheRequestedNumberOfEpisodes(@TempDir Path out) throws Exception {
        int code = new CommandLine(new Main()).execute("demo", "--out", out.toString(), "--episodes", "250",
                "--seed", "3", "--as-of", "2020-06-30");
        assertThat(code).isZero();
        for (String table : List.of("episodes", "events", "step_assessments", "exits", "follow_ups", "staffing")) {
            assertThat(out.resolve(table + ".csv")).exists();
        }
        List<String> episodes = Files.readAllLines(out.resolve("episodes.csv"));
        assertThat(episodes).hasSize(251);
        assertThat(episodes.stream().skip(1).map(l -> l.split(",")[5])).allMatch(d -> d.compareTo("2020-06-30") <= 0);
    }

    @Test
    void refusesZeroEpisodesAndACutOffBeforeAnyProgramme(@TempDir Path out) {
        assertThat(new CommandLine(new Main()).execute("demo", "--out", out.toString(), "--episodes", "0")).isEqualTo(2);
        assertThat(new CommandLine(new Main()).execute("demo", "--out", out.toString(), "--as-of", "2012-12-31"))
                .isEqualTo(2);
        assertThat(out).isEmptyDirectory();
    }
}
