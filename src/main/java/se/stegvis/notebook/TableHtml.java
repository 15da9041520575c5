package se.stegvis.notebook;

import se.stegvis.charts.Formats;
import se.stegvis.charts.Lang;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a compact HTML table: numbers right-aligned with Swedish (or English)
 * separators, missing values as an en dash, long tables cut with a note of how many rows remain.
 */
public final class TableHtml {
    /** Rows shown before the table is cut. */
    public static final int MAX_ROWS = 40;

    private TableHtml() {
    }

    /** The table as HTML in the given label language. */
    public static String render(Table table, Lang lang) {
        Formats f = Formats.of(lang);
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"stegvis-table\" style=\"border-collapse:collapse;font-size:0.95em\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption style=\"text-align:left;font-weight:bold;padding:4px 0\">")
                    .append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            html.append("<th style=\"").append(align(c)).append(";padding:3px 10px;border-bottom:2px solid #444\">")
                    .append(escape(c.name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int shown = Math.min(table.rowCount(), MAX_ROWS);
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (Column<?> c : table.columns()) {
                html.append("<td style=\"").append(align(c)).append(";padding:3px 10px;border-bottom:1px solid #ddd\">")
                        .append(escape(cell(c, r, f))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (table.rowCount() > shown) {
            html.append("<p style=\"color:#555;font-size:0.9em\">")
                    .append(lang.pick("… och " + f.count(table.rowCount() - shown) + " rader till ("
                                    + f.count(table.rowCount()) + " totalt)",
                            "… and " + f.count(table.rowCount() - shown) + " more rows ("
                                    + f.count(table.rowCount()) + " in all)"))
                    .append("</p>");
        }
        return html.toString();
    }

    private static boolean numeric(Column<?> c) {
        ColumnType t = c.type();
        return t == ColumnType.INTEGER || t == ColumnType.LONG || t == ColumnType.SHORT || t == ColumnType.DOUBLE
                || t == ColumnType.FLOAT;
    }

    private static String align(Column<?> c) {
        return numeric(c) ? "text-align:right" : "text-align:left";
    }

    private static String cell(Column<?> c, int row, Formats f) {
        if (c.isMissing(row)) {
            return "–";
        }
        Object v = c.get(row);
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return f.decimal(d, Math.abs(d) >= 100 ? 0 : Math.abs(d) >= 1 ? 1 : 3);
        }
        if (v instanceof Number n) {
            return f.count(n.longValue());
        }
        return c.getString(row);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
