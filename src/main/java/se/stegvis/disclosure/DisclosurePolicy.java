package se.stegvis.disclosure;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How small counts are protected: cells with a count from 1 to {@code threshold - 1} are hidden
 * (primary suppression) and further cells are hidden so that none of them can be recomputed
 * (secondary suppression). {@link #unsuppressed()} is the researcher's explicit opt-out; results
 * built under it are marked as such.
 *
 * @param threshold smallest count that may be shown (default 5, never below 3)
 * @param applied false only for the explicit opt-out
 */
public record DisclosurePolicy(int threshold, boolean applied) {

    /** The smallest threshold a project may configure. */
    public static final int MIN_THRESHOLD = 3;
    /** The default threshold: counts 1 to 4 are suppressed. */
    public static final int DEFAULT_THRESHOLD = 5;
    /** Primary suppression at the default threshold. */
    public static final DisclosurePolicy DEFAULT = new DisclosurePolicy(DEFAULT_THRESHOLD, true);
    /** Settings-file key for the project's threshold. */
    public static final String SETTINGS_KEY = "disclosure.threshold";

    public DisclosurePolicy {
        if (threshold < MIN_THRESHOLD) {
            throw new IllegalArgumentException(
                    "disclosure threshold " + threshold + " is below the minimum " + MIN_THRESHOLD);
        }
    }

    /** Suppression at a project's own threshold (at least {@value #MIN_THRESHOLD}). */
    public static DisclosurePolicy threshold(int threshold) {
        return new DisclosurePolicy(threshold, true);
    }

    /**
     * The policy of a project settings file (Java properties, key {@value #SETTINGS_KEY}); the
     * default when the file does not exist or has no such key.
     */
    public static DisclosurePolicy fromSettings(Path settings) throws IOException {
        if (!Files.exists(settings)) {
            return DEFAULT;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(settings)) {
            p.load(r);
        }
        String value = p.getProperty(SETTINGS_KEY);
        if (value == null) {
            return DEFAULT;
        }
        try {
            return threshold(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(settings + ": " + SETTINGS_KEY + " is not a whole number: " + value, e);
        }
    }

    /** The same threshold with suppression switched off: the researcher's marked opt-out. */
    public DisclosurePolicy unsuppressed() {
        return new DisclosurePolicy(threshold, false);
    }

    /** True when a count must be hidden by primary suppression. */
    public boolean isSmall(long count) {
        return count >= 1 && count < threshold;
    }

    /** How a primary-suppressed count is shown, e.g. {@code <5}. */
    public String smallMarker() {
        return "<" + threshold;
    }
}
