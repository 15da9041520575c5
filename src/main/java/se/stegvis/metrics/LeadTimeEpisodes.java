package se.stegvis.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-episode lead times behind a {@link LeadTimeResult}, as primitive arrays (one entry per
 * episode, sorted by group and days): days to the end milestone or to censoring, whether the end milestone
 * was reached, group, arm and exit destination. Microdata: only available from unsuppressed
 * {@link Metrics}, for checks such as the R {@code survfit} golden comparison.
 *
 * @param days time in days
 * @param event true when the end milestone was reached, false when censored
 * @param group group label per episode
 * @param arm baseline, comparison or null
 * @param destination exit destination or null
 * @param ended true when the episode ended (exit, not relevant, declined) by the as-of date
 * @param outOfOrder per group, episodes left out because the end milestone came before the start
 */
public record LeadTimeEpisodes(double[] days, boolean[] event, String[] group, String[] arm, String[] destination,
                               boolean[] ended, java.util.Map<String, Long> outOfOrder) {

    public int size() {
        return days.length;
    }

    /** Writes {@code time,status,group,arm} (status 1 = event, 0 = censored), as R's {@code Surv(time, status)}. */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time,status,group,arm\n");
            for (int i = 0; i < days.length; i++) {
                w.write(MetricTable.format(days[i]) + "," + (event[i] ? 1 : 0) + "," + Csv.field(group[i]) + ","
                        + (arm[i] == null ? "" : arm[i]) + "\n");
            }
        }
    }
}
