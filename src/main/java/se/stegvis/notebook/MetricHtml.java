package se.stegvis.notebook;

import se.stegvis.charts.Formats;
import se.stegvis.charts.Lang;
import se.stegvis.metrics.Basis;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.MetricTable;


/**
 * A metric result as HTML: its tables (hidden counts as "&lt;5" or "..", never 0; shares as
 * percent), the definition, n, the selection and as-of date, and how the result is protected.
 */
public final class MetricHtml {
    private MetricHtml() {
    }

    /** The whole result: every part, then definition, n and the suppression note. */
    public static String render(MetricResult result, Lang lang) {
        Basis b = result.basis();
        StringBuilder html = new StringBuilder("<div class=\"stegvis-result\">");
        html.append("<h4 style=\"margin:0.2em 0\">").append(TableHtml.escape(Labels.metricTitle(b.definition().id(), lang)))
                .append("</h4>");
        for (MetricTable part : result.parts()) {
            html.append(render(part, lang));
        }
        html.append(basisHtml(b, lang));
        return html.append("</div>").toString();
    }

    /** Definition, n, selection, as-of date and suppression, as short paragraphs. */
    public static String basisHtml(Basis b, Lang lang) {
        String p = "<p style=\"color:#444;margin:0.3em 0\">";
        return p + "<b>Definition:</b> " + TableHtml.escape(b.definition().text(lang.locale())) + "</p>"
                + p + "n = " + TableHtml.escape(b.nShown().matches("\\d+") ? Formats.of(lang).count(b.n()) : b.nShown())
                + " · " + lang.pick("urval: ", "selection: ") + TableHtml.escape(b.selection())
                + " · " + lang.pick("mätdag ", "as of ") + b.asOf() + "</p>"
                + p + TableHtml.escape(suppressionNote(b, lang)) + "</p>";
    }

    /** One line on how the result is protected, in the session's language. */
    static String suppressionNote(Basis b, Lang lang) {
        var s = b.suppression();
        if (!s.applied()) {
            return s.describe();
        }
        return lang.pick("Antal under " + s.threshold() + " visas som \"<" + s.threshold() + "\" (" + s.primary()
                        + " celler), och \"..\" döljer " + s.secondary() + " celler som annars kunde avslöja dem.",
                "Counts below " + s.threshold() + " show as \"<" + s.threshold() + "\" (" + s.primary()
                        + " cells); \"..\" hides " + s.secondary() + " cells that could reveal them.");
    }

    /** One table: keys left, counts and numbers right-aligned, formatted by {@link Formatting}. */
    public static String render(MetricTable t, Lang lang) {
        Formatting f = Formatting.display(lang);
        StringBuilder html = new StringBuilder("<table class=\"stegvis-table\" style=\"border-collapse:collapse;"
                + "font-size:0.95em;margin:0.5em 0\"><caption style=\"text-align:left;font-weight:bold\">")
                .append(TableHtml.escape(Labels.partTitle(t.name(), lang))).append("</caption><thead><tr>");
        for (int c = 0; c < t.columns().size(); c++) {
            html.append("<th style=\"").append(align(t.columns().get(c)))
                    .append(";padding:3px 10px;border-bottom:2px solid #444\">")
                    .append(TableHtml.escape(f.header(t, c))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int shown = Math.min(t.rowCount(), TableHtml.MAX_ROWS);
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (int c = 0; c < t.columns().size(); c++) {
                MetricTable.Column col = t.columns().get(c);
                html.append("<td style=\"").append(align(col)).append(";padding:3px 10px;border-bottom:1px solid #ddd\">")
                        .append(TableHtml.escape(f.text(t, r, c))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (t.rowCount() > shown) {
            html.append("<p style=\"color:#555;font-size:0.9em\">")
                    .append(lang.pick("… och " + (t.rowCount() - shown) + " rader till",
                            "… and " + (t.rowCount() - shown) + " more rows"))
                    .append("</p>");
        }
        return html.toString();
    }

    private static String align(MetricTable.Column c) {
        return c.kind() == MetricTable.Kind.KEY ? "text-align:left" : "text-align:right";
    }
}
