package se.stegvis.notebook;

import se.stegvis.charts.SeminarChart;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Saves every chart a notebook shows as numbered PNG and SVG files (01-tratten.png, ...), so a
 * seminar run leaves the charts beside the HTML pages.
 */
public final class ChartArchive {
    /** The environment variable naming the directory; unset means nothing is saved. */
    public static final String DIR_VARIABLE = "STEGVIS_CHARTS_DIR";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Path dir;

    public ChartArchive(Path dir) {
        this.dir = dir;
    }

    /** The archive named by STEGVIS_CHARTS_DIR, if set. */
    public static Optional<ChartArchive> fromEnvironment() {
        String dir = System.getenv(DIR_VARIABLE);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(new ChartArchive(Path.of(dir)));
    }

    /** Writes the chart as NN-slug.png and NN-slug.svg; returns the PNG path. */
    public Path keep(SeminarChart chart) {
        return chart.save(dir, String.format("%02d-%s", COUNTER.incrementAndGet(), slug(chart.title())));
    }

    /** "Tid till första möte" -> "tid-till-forsta-mote". */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-$", "");
        }
        return slug.isEmpty() ? "diagram" : slug;
    }
}
