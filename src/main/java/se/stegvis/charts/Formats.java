package se.stegvis.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Number formatting for labels and tables: Swedish by default (space as thousands separator,
 * decimal comma, "12,3 %"), English on request; {@link #plain()} for text a spreadsheet parses.
 */
public final class Formats {
    private final Lang lang;
    private final boolean grouping;

    private Formats(Lang lang, boolean grouping) {
        this.lang = lang;
        this.grouping = grouping;
    }

    /** Formats for the given language. */
    public static Formats of(Lang lang) {
        return new Formats(lang, true);
    }

    /** Without thousands separators and with "%" right after the number ("12,3%"), as Excel reads it. */
    public Formats plain() {
        return new Formats(lang, false);
    }

    public Lang lang() {
        return lang;
    }

    /** A whole number with thousands separators: "12 345" (sv) or "12,345" (en). */
    public String count(long n) {
        return pattern("#,##0").format(n);
    }

    /** A decimal number with the given number of decimals: "3,5" (sv) or "3.5" (en). */
    public String decimal(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "–";
        }
        String s = pattern(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(x);
        return s.matches("-0([.,]0*)?") ? s.substring(1) : s; // -0.001 rounds to "0,0", not "-0,0"
    }

    /** A proportion (0-1) as percent: "12,3 %" (sv) or "12.3%" (en). */
    public String percent(double proportion, int decimals) {
        if (Double.isNaN(proportion)) {
            return "–";
        }
        String number = decimal(proportion * 100.0, decimals);
        return grouping && lang == Lang.SV ? number + "\u00a0%" : number + "%";
    }

    /**
     * An interval "(1,2–3,4)" with an en dash, formatted like {@link #decimal}; "(-3,4; 1,2)" when
     * a bound is negative, where a dash next to a minus sign would misread.
     */
    public String interval(double lower, double upper, int decimals) {
        String separator = lower < 0 || upper < 0 ? "; " : "–";
        return "(" + decimal(lower, decimals) + separator + decimal(upper, decimals) + ")";
    }

    private DecimalFormat pattern(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(lang.locale());
        if (lang == Lang.SV) {
            // The JDK's Swedish grouping separator is a no-break space; the minus is U+2212, which
            // some fonts lack, so use the ASCII hyphen-minus instead.
            symbols.setGroupingSeparator('\u00a0');
            symbols.setMinusSign('-');
        }
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setGroupingUsed(grouping);
        return f;
    }
}
