package se.stegvis.notebook;

import se.stegvis.charts.Formats;
import se.stegvis.charts.Lang;
import se.stegvis.disclosure.Coarsening;
import se.stegvis.metrics.MetricTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A coarsened table as HTML: counts ("&lt;5" / ".." when hidden), totals, and what was merged. */
public final class CoarseHtml {
    private CoarseHtml() {
    }

    /** What was merged, with the original rows under their labels; empty when nothing was. */
    public static String describe(Coarsening.CoarseTable t, Function<String, String> label, Lang lang) {
        if (!t.merged()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<String> m = t.members().get(i);
            if (m.size() > 1) {
                parts.add(t.rows().get(i) + " = " + String.join(" + ", m.stream().map(label).toList()));
            }
        }
        String pct = Formats.of(lang).percent(t.hiddenBefore(), 0);
        return lang.pick("Sammanslaget för att inte dölja " + pct + " av cellerna: ",
                "Merged so as not to hide " + pct + " of the cells: ") + String.join("; ", parts) + ".";
    }

    /** The table with a caption, row labels through {@code label}, a total row and the merge note. */
    public static String render(Coarsening.CoarseTable t, String caption, Function<String, String> label, Lang lang) {
        Formats f = Formats.of(lang);
        String smallMarker = "<" + Stegvis.theme().suppressionThreshold();
        StringBuilder html = new StringBuilder("<table class=\"stegvis-table\" style=\"border-collapse:collapse;"
                + "font-size:20px;margin:0.5em 0\"><caption style=\"text-align:left;font-weight:bold\">")
                .append(TableHtml.escape(caption)).append("</caption><thead><tr><th></th>");
        boolean oneColumn = t.columns().size() == 1;
        for (String c : t.columns()) {
            html.append("<th style=\"text-align:right;padding:3px 12px;border-bottom:2px solid #444\">")
                    .append(TableHtml.escape(oneColumn ? lang.pick("Antal", "Count") : label.apply(c))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < t.rows().size(); i++) {
            String name = t.members().get(i).size() > 1 ? t.rows().get(i) : label.apply(t.rows().get(i));
            html.append("<tr><td style=\"padding:3px 12px;border-bottom:1px solid #ddd\">").append(TableHtml.escape(name))
                    .append("</td>");
            for (int j = 0; j < t.columns().size(); j++) {
                String v = t.hidden()[i][j] ? (t.primary()[i][j] ? smallMarker : MetricTable.SECONDARY_MARKER)
                        : f.count(t.counts()[i][j]);
                html.append("<td style=\"text-align:right;padding:3px 12px;border-bottom:1px solid #ddd\">")
                        .append(TableHtml.escape(v)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("<tr><td style=\"padding:3px 12px;font-weight:bold\">").append(lang.pick("Totalt", "Total")).append("</td>");
        for (int j = 0; j < t.columns().size(); j++) {
            String v = t.hiddenColumnTotals()[j] ? smallMarker : f.count(t.columnTotals()[j]);
            html.append("<td style=\"text-align:right;padding:3px 12px;font-weight:bold\">").append(TableHtml.escape(v))
                    .append("</td>");
        }
        html.append("</tr></tbody></table>");
        String note = describe(t, label, lang);
        if (!note.isEmpty()) {
            html.append("<p style=\"color:#444;font-size:18px\">").append(TableHtml.escape(note)).append("</p>");
        }
        return html.toString();
    }
}
