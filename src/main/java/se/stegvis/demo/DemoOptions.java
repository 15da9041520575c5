package se.stegvis.demo;

import java.time.LocalDate;

/**
 * What to generate: how many episodes, from which seed, cut at which date.
 *
 * @param episodes number of episodes (rows of episodes.csv)
 * @param seed same seed, byte-identical files
 * @param asOf the export date: nothing happens after it, and whoever has not exited is still in
 */
public record DemoOptions(long episodes, long seed, LocalDate asOf) {
    public static final long DEFAULT_EPISODES = 3000;
    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2024, 12, 31);

    public DemoOptions {
        if (episodes < 1) {
            throw new IllegalArgumentException("--episodes must be at least 1, was " + episodes);
        }
    }

    /** The defaults {@code make demo} uses. */
    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_EPISODES, DEFAULT_SEED, DEFAULT_AS_OF);
    }

    public DemoOptions withEpisodes(long n) {
        return new DemoOptions(n, seed, asOf);
    }

    public DemoOptions withSeed(long s) {
        return new DemoOptions(episodes, s, asOf);
    }

    public DemoOptions withAsOf(LocalDate date) {
        return new DemoOptions(episodes, seed, date);
    }
}
