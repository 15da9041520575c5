package se.stegvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator streams: 100,000 episodes fit in a 64 MB heap (its speed is the benchmark's to measure, not a test's). */
class DemoScaleTest {

    @Test
    void hundredThousandEpisodesStreamThroughA64MegabyteHeap(@TempDir Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "se.stegvis.cli.Main", "demo", "--out", out.toString(), "--episodes", "100000"))
                .redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(out.resolve("log.txt"))).isZero();
        assertThat(lines(out.resolve("episodes.csv"))).isEqualTo(100_001);
        assertThat(lines(out.resolve("events.csv"))).isGreaterThan(400_000);
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> s = Files.lines(file)) {
            return s.count();
        }
    }
}
