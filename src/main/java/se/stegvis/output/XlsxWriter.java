package se.stegvis.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import se.stegvis.charts.Lang;
import se.stegvis.metrics.Cell;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Unit;
import se.stegvis.notebook.Formatting;

/**
 * A result as a workbook an evaluator can paste from: one sheet per part with numbers as numbers
 * (so Excel sums and charts them) under a number format that rounds them as the text outputs do,
 * hidden cells as the text {@code <5} or {@code ..}, a legend sheet explaining those, and an info
 * sheet with the provenance.
 */
final class XlsxWriter {
    private XlsxWriter() {}

    static void write(MetricResult result, List<MetricTable> parts, Lang lang, Provenance provenance, OutputStream out)
            throws IOException {
        Formatting f = Formatting.display(lang);
        Workbook wb = new Workbook(out, "stegvis", "1.0");
        for (MetricTable t : parts) {
            Worksheet ws = wb.newWorksheet(t.name());
            for (int c = 0; c < t.columns().size(); c++) {
                ws.value(0, c, f.header(t, c));
                ws.style(0, c).bold().set();
                Unit unit = Unit.of(t.columns(), c);
                for (int r = 0; r < t.rowCount(); r++) {
                    Cell cell = t.cell(r, c);
                    if (cell.shown() && cell.value() instanceof Number n) {
                        ws.value(r + 1, c, n);
                        ws.style(r + 1, c).format(numberFormat(unit, n.doubleValue())).set();
                    } else {
                        ws.value(r + 1, c, f.text(t, r, c));
                        ws.style(r + 1, c).horizontalAlignment("right").set();
                    }
                }
            }
        }
        legend(wb.newWorksheet(lang.pick("Förklaring", "Legend")), parts, lang);
        info(wb.newWorksheet("Info"), result, provenance, lang);
        wb.finish();
    }

    /**
     * Excel number formats matching {@link Formatting}. A p-value below 0.001 gets a scientific
     * format rather than "0.000", so it never reads as zero (a conditional format "[<0.001]" would
     * say it as R does, but fastexcel writes format codes unescaped into the XML, and '<' breaks it).
     */
    static String numberFormat(Unit unit, double value) {
        return switch (unit) {
            case COUNT, DAYS -> "0";
            case SHARE -> "0.0%";
            case P_VALUE -> value < Formatting.P_EPS ? "0.0E+00" : "0.000";
            case STATISTIC, RATE -> "0.00";
            case CODE -> "@";
        };
    }

    private static void legend(Worksheet ws, List<MetricTable> parts, Lang lang) {
        String small = parts.isEmpty() ? "<5" : parts.get(0).smallMarker();
        String[][] rows = {
            {lang.pick("Tecken", "Mark"), lang.pick("Betydelse", "Meaning")},
            {small, lang.pick("Antalet är mindre än tröskeln för röjandeskydd och visas inte.",
                    "The count is below the disclosure threshold and is not shown.")},
            {"..", lang.pick("Dolt för att ett litet antal annars kunde räknas fram ur summor.",
                    "Hidden because a small count could otherwise be worked out from totals.")},
            {lang.pick("(tom)", "(empty)"), lang.pick("Inte definierat, till exempel en median som inte nåtts.",
                    "Not defined, for example a median not reached.")}};
        for (int r = 0; r < rows.length; r++) {
            ws.value(r, 0, rows[r][0]);
            ws.value(r, 1, rows[r][1]);
        }
        ws.style(0, 0).bold().set();
        ws.style(0, 1).bold().set();
    }

    private static void info(Worksheet ws, MetricResult result, Provenance provenance, Lang lang) {
        int r = 0;
        ws.value(r++, 0, result.basis().definition().text(lang.locale()));
        for (Map.Entry<String, String> e : provenance.fields().entrySet()) {
            ws.value(r, 0, e.getKey());
            ws.value(r++, 1, e.getValue());
        }
        ws.value(r, 0, "suppression");
        ws.value(r, 1, result.suppression().describe());
    }
}
