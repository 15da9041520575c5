package se.stegvis.metrics;

import java.time.YearMonth;
import java.util.Locale;

/**
 * A calendar period of the flow, labelled as in the coarsening rules: "2024-03", "2024-Q1",
 * "2024-H1", "2024".
 */
public enum Period {
    MONTH(1, "månad", "month"),
    QUARTER(3, "kvartal", "quarter"),
    HALF_YEAR(6, "halvår", "half-year"),
    YEAR(12, "år", "year");

    private final int months;
    private final String sv;
    private final String en;

    Period(int months, String sv, String en) {
        this.months = months;
        this.sv = sv;
        this.en = en;
    }

    /** The label of the period holding {@code month}. */
    public String label(YearMonth month) {
        int index = (month.getMonthValue() - 1) / months + 1;
        return switch (this) {
            case MONTH -> month.toString();
            case QUARTER -> month.getYear() + "-Q" + index;
            case HALF_YEAR -> month.getYear() + "-H" + index;
            case YEAR -> Integer.toString(month.getYear());
        };
    }

    /** The first month of a period labelled by {@link #label}. */
    public static YearMonth firstMonth(String label) {
        int year = Integer.parseInt(label.substring(0, 4));
        if (label.length() == 4) {
            return YearMonth.of(year, 1);
        }
        String part = label.substring(5);
        return switch (part.charAt(0)) {
            case 'Q' -> YearMonth.of(year, (part.charAt(1) - '1') * 3 + 1);
            case 'H' -> YearMonth.of(year, (part.charAt(1) - '1') * 6 + 1);
            default -> YearMonth.of(year, Integer.parseInt(part));
        };
    }

    /** The last month of a period labelled by {@link #label}. */
    public static YearMonth lastMonth(String label) {
        int length = label.length() == 4 ? 12 : switch (label.charAt(5)) {
            case 'Q' -> 3;
            case 'H' -> 6;
            default -> 1;
        };
        return firstMonth(label).plusMonths(length - 1);
    }

    /** The name of the period in {@code locale}'s language (Swedish unless English). */
    public String noun(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : sv;
    }
}
