package se.stegvis.metrics;

import java.time.LocalDate;

/**
 * What every metric result carries besides its tables.
 *
 * @param definition what the metric measures (sv and en)
 * @param selection the cohort selection, described
 * @param asOf the date the data are taken as of: later events are ignored, open episodes censored
 * @param n number of episodes the metric is computed over
 * @param nShown n as it may be published ({@code <5} when small and suppression applies)
 * @param suppression how the result is protected
 */
public record Basis(Definition definition, String selection, LocalDate asOf, long n, String nShown,
                    Suppression suppression) {}
