package se.stegvis.stats;

/**
 * A continuous-time transition intensity estimated as transitions per unit of time at risk.
 *
 * @param from state left
 * @param to state entered
 * @param transitions number of observed transitions n_rs
 * @param exposure total time spent in {@code from}, T_r
 * @param rate n_rs / T_r with its exact Poisson interval
 */
public record TransitionRate(String from, String to, long transitions, double exposure, Interval rate) {}
