package se.stegvis.demo;

/** Rows written per table by one demo run, and how long it took. */
public record DemoSummary(long episodes, long events, long stepAssessments, long exits, long followUps,
                          long staffing, long millis) {

    @Override
    public String toString() {
        return String.format("%d episodes, %d events, %d step assessments, %d exits, %d follow-ups, "
                + "%d staffing rows in %.1f s", episodes, events, stepAssessments, exits, followUps, staffing,
                millis / 1000.0);
    }
}
