package se.stegvis.stats;

/** Argument checks shared by the estimators, so every refusal reads the same way. */
final class Checks {
    private Checks() {}

    static void level(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be strictly between 0 and 1, got " + level);
        }
    }

    static void counts(long successes, long trials) {
        if (trials <= 0) {
            throw new IllegalArgumentException("no observations: trials must be > 0, got " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(
                    "successes must be between 0 and trials (" + trials + "), got " + successes);
        }
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("trials above " + Integer.MAX_VALUE + " are not supported");
        }
    }

    static void sameLength(String what, int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("lengths differ: " + what + " (" + a + " vs " + b + ")");
        }
    }

    static void times(double[] time) {
        if (time.length == 0) {
            throw new IllegalArgumentException("no observations");
        }
        for (double t : time) {
            if (!Double.isFinite(t) || t < 0) {
                throw new IllegalArgumentException("times must be finite and >= 0, got " + t);
            }
        }
    }

    /** Late entry: each entry finite, >= 0 and before its exit time (R's Surv refuses entry >= exit). */
    static void entries(double[] entry, double[] time) {
        sameLength("entry and time", entry.length, time.length);
        for (int i = 0; i < time.length; i++) {
            if (!(entry[i] >= 0 && entry[i] < time[i])) {
                throw new IllegalArgumentException("entry must be >= 0 and before the exit time, got entry "
                        + entry[i] + " for time " + time[i] + " (row " + (i + 1) + ")");
            }
        }
    }
}
