package se.stegvis.metrics;

/** The default step ladder the metrics work on (data-dictionary/ladders/stegvis-7.json). */
final class Ladder {
    /** Id of the default ladder; other ladders are crosswalked onto it at import (step_std). */
    static final String DEFAULT_ID = "stegvis-7";
    /** Steps run 1..STEPS; a higher step is closer to self-support. */
    static final int STEPS = 7;

    private Ladder() {}
}
