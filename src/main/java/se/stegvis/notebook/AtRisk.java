package se.stegvis.notebook;

import se.stegvis.charts.Hidden;
import se.stegvis.metrics.LeadTimeEpisodes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers at risk under a lead-time curve: per group, how many had neither reached the end
 * milestone nor been censored by each time. Counted from the per-episode lead times; only these
 * aggregates leave, and a count below the threshold is kept as hidden ("&lt;5").
 *
 * @param times the table's columns, in days
 * @param counts per group, the count at each time (-1 when hidden)
 * @param hidden per group, each count's disclosure state
 */
public record AtRisk(double[] times, Map<String, long[]> counts, Map<String, Hidden[]> hidden) {

    /** Counts at risk in each group of the episodes at the given times; counts below threshold are hidden. */
    public static AtRisk count(LeadTimeEpisodes episodes, int threshold, double... times) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Hidden[]> hidden = new LinkedHashMap<>();
        for (int i = 0; i < episodes.size(); i++) {
            String g = episodes.group()[i];
            long[] c = counts.computeIfAbsent(g, k -> new long[times.length]);
            for (int t = 0; t < times.length; t++) {
                if (episodes.days()[i] >= times[t]) {
                    c[t]++;
                }
            }
        }
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            Hidden[] h = new Hidden[c.length];
            for (int t = 0; t < c.length; t++) {
                h[t] = c[t] > 0 && c[t] < threshold ? Hidden.SMALL : Hidden.SHOWN;
                if (h[t].hidden()) {
                    c[t] = -1;
                }
            }
            hidden.put(e.getKey(), h);
        }
        return new AtRisk(times.clone(), counts, hidden);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AtRisk " + Arrays.toString(times));
        counts.forEach((g, c) -> s.append("\n  ").append(g).append(' ').append(Arrays.toString(c)));
        return s.toString();
    }
}
