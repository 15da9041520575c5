package se.stegvis.stats;

/**
 * One cell of an empirical transition matrix with its Wilson interval.
 *
 * @param from the state moved from
 * @param to the state moved to (may equal {@code from}: stayed)
 * @param count transitions observed from {@code from} to {@code to}
 * @param rowTotal transitions observed out of {@code from} (including staying)
 * @param proportion count / rowTotal, with its Wilson score interval
 */
public record TransitionCell(String from, String to, long count, long rowTotal, Interval proportion) {}
