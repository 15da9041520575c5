package se.stegvis.stats;

/**
 * One group's line of R's {@code survdiff} output.
 *
 * @param group the group label
 * @param n number of observations
 * @param observed observed events
 * @param expected expected events under equal hazards (summed over strata)
 */
public record LogRankGroup(String group, int n, double observed, double expected) {}
