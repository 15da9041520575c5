package se.stegvis.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Rows written per table (by canonical name, in the order written) by one demo run, and how long it took. */
public record DemoSummary(Map<String, Long> rows, long millis) {

    public DemoSummary {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Rows written to this table (0 when none). */
    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }

    public long episodes() {
        return rows("episodes");
    }

    @Override
    public String toString() {
        return rows.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                .collect(Collectors.joining(", ")) + String.format(" in %.1f s", millis / 1000.0);
    }
}
