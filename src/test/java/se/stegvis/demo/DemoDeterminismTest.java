package se.stegvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.demo.CohortCsv.Table;

class DemoDeterminismTest {

    private static final DemoOptions OPTIONS = DemoOptions.defaults().withEpisodes(5000);

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path tmp) throws IOException {
        new DemoCohort(OPTIONS).writeTo(tmp.resolve("a"));
        new DemoCohort(OPTIONS).writeTo(tmp.resolve("b"));
        for (Table t : Table.values()) {
            assertThat(Files.mismatch(tmp.resolve("a").resolve(t.fileName()), tmp.resolve("b").resolve(t.fileName())))
                    .as(t.fileName()).isEqualTo(-1L);
        }
    }

    @Test
    void differentSeedWritesDifferentEpisodesButTheSameStaffing(@TempDir Path tmp) throws IOException {
        new DemoCohort(OPTIONS).writeTo(tmp.resolve("a"));
        new DemoCohort(OPTIONS.withSeed(43)).writeTo(tmp.resolve("b"));
        assertThat(Files.mismatch(tmp.resolve("a/episodes.csv"), tmp.resolve("b/episodes.csv"))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(tmp.resolve("a/events.csv"), tmp.resolve("b/events.csv"))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(tmp.resolve("a/staffing.csv"), tmp.resolve("b/staffing.csv"))).isEqualTo(-1L);
    }

    @Test
    void chunkedParallelWritingEqualsGeneratingEpisodeByEpisode(@TempDir Path tmp) throws IOException {
        new DemoCohort(OPTIONS).writeTo(tmp);
        List<SyntheticEpisode> sequential = new DemoCohort(OPTIONS).episodes();
        StringBuilder expected = new StringBuilder(Table.EVENTS.header());
        for (SyntheticEpisode e : sequential) {
            CohortCsv.events(expected, e);
        }
        assertThat(Files.readString(tmp.resolve("events.csv"))).isEqualTo(expected.toString());
    }

    @Test
    void aLongerCohortStartsWithTheShorterOne() {
        // Episodes depend only on (seed, index), so streaming more of them never changes the first ones.
        List<SyntheticEpisode> shorter = new DemoCohort(OPTIONS.withEpisodes(300)).episodes();
        List<SyntheticEpisode> longer = new DemoCohort(OPTIONS.withEpisodes(600)).episodes();
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        shorter.forEach(e -> CohortCsv.episode(a, e));
        longer.subList(0, 300).forEach(e -> CohortCsv.episode(b, e));
        assertThat(b.toString()).isEqualTo(a.toString());
    }
}
