package se.stegvis.demo;

import java.time.YearMonth;

/**
 * Contracted staff of one team during a period, in full-time equivalents.
 *
 * @param to last month, or null while the team runs (then the as-of month bounds it)
 */
public record TeamStaffing(String programme, String municipality, YearMonth from, YearMonth to, double fte) {
}
