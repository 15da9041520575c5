package se.stegvis.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import se.stegvis.charts.Formats;
import se.stegvis.charts.Lang;
import se.stegvis.metrics.Cell;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Unit;

/**
 * The one place that turns a metric cell into text a person reads, by the column's {@link Unit}
 * and the language: counts whole, shares and their bounds in percent with one decimal, days whole,
 * p-values as R's {@code format.pval(p, digits = 2, eps = 0.001)}, other numbers with two decimals;
 * codes as labels; hidden cells as {@code <5} or {@code ..}. The notebook's tables, the text
 * table, the Swedish CSV and the spreadsheet's suppressed cells all use it, so they round alike.
 */
public final class Formatting {
    /** The smallest p-value written as a number; below it "<0,001", never 0. */
    public static final double P_EPS = 0.001;

    private final Lang lang;
    private final Formats formats;

    private Formatting(Lang lang, Formats formats) {
        this.lang = lang;
        this.formats = formats;
    }

    /** For reading: thousands separated ("12 345"), "12,3 %". */
    public static Formatting display(Lang lang) {
        return new Formatting(lang, Formats.of(lang));
    }

    /** For a spreadsheet to parse: no thousands separator, "12,3%" (Excel reads it as 0,123). */
    public static Formatting spreadsheet(Lang lang) {
        return new Formatting(lang, Formats.of(lang).plain());
    }

    /** The column's header in the language (the stable name, spaced, where no label exists yet). */
    public String header(MetricTable t, int col) {
        return Labels.column(t.name(), t.columns().get(col).name(), lang);
    }

    /** The cell as a person reads it: a label, a rounded number, {@code <5}, {@code ..} or empty. */
    public String text(MetricTable t, int row, int col) {
        Cell cell = t.cell(row, col);
        return switch (cell.state()) {
            case SMALL -> t.smallMarker();
            case PROTECTED -> "..";
            case NOT_REACHED -> "";
            case SHOWN -> {
                Unit unit = Unit.of(t.columns(), col);
                yield unit == Unit.CODE ? code(t, col, (String) cell.value())
                        : number(unit, ((Number) cell.value()).doubleValue());
            }
        };
    }

    private String code(MetricTable t, int col, String value) {
        return value.isEmpty() ? "" : Labels.code(t.name(), t.columns().get(col).name(), value, lang);
    }

    /** A number of the unit, rounded as every output shows it. */
    public String number(Unit unit, double x) {
        return switch (unit) {
            case COUNT, DAYS -> formats.decimal(x, 0);
            case SHARE -> formats.percent(x, 1);
            case P_VALUE -> pValue(x);
            case STATISTIC, RATE -> formats.decimal(x, 2);
            case CODE -> throw new IllegalArgumentException("a code is not a number");
        };
    }

    /** As R's {@code format.pval(p, digits = 2, eps = 0.001)}: "<0,001", "0,047", "0,5". */
    String pValue(double p) {
        if (p < P_EPS) {
            return "<" + formats.decimal(P_EPS, 3);
        }
        String s = new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        return lang == Lang.SV ? s.replace('.', ',') : s;
    }
}
