package se.stegvis.notebook;

import se.stegvis.charts.Formats;
import se.stegvis.charts.ForestPlotBuilder;
import se.stegvis.charts.Lang;
import se.stegvis.cohort.Cohort;
import se.stegvis.dictionary.CodeList;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Metrics;
import se.stegvis.metrics.ReferrersResult;

import java.time.LocalDate;

/**
 * The seminar page for one referral source: key figures, where the people it sent are now, why
 * some were not relevant, where those who exited went. Small groups are coarsened (statuses folded
 * into "Övriga") rather than hidden, and the page says what was merged.
 */
public final class Referrers {
    private static final CodeList SOURCES = DataDictionary.load().codeList("referral_source").orElseThrow();
    private static final CodeList REASONS = DataDictionary.load().codeList("not_relevant_reason").orElseThrow();

    private final ReferrersResult result;
    private final String source;
    private final Metrics metrics;

    private Referrers(ReferrersResult result, String source, Metrics metrics) {
        this.result = result;
        this.source = source;
        this.metrics = metrics;
    }

    /** The page data for one referral source code (e.g. {@code fk}) on a selection. */
    public static Referrers of(Metrics metrics, Cohort cohort, LocalDate asOf, String source) {
        return new Referrers(metrics.referrers(cohort, asOf, true), source, metrics);
    }

    public ReferrersResult result() {
        return result;
    }

    /** The referral source's name: "Försäkringskassan". */
    public static String name(String code, Lang lang) {
        return SOURCES.code(code).map(c -> lang.pick(c.sv(), c.en())).orElse(code);
    }

    private int row(MetricTable t) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (source.equals(t.key(r, "group"))) {
                return r;
            }
        }
        return -1;
    }

    /** True when the source referred anybody in the selection. */
    public boolean any() {
        return row(result.summary()) >= 0;
    }

    /** Key figures as large-type HTML tiles: referred, not relevant, accepted, time to first meeting, exits. */
    public Html keyFigures() {
        Lang lang = Stegvis.lang();
        Formats f = Formats.of(lang);
        MetricTable s = result.summary();
        int r = row(s);
        if (r < 0) {
            return new Html("<p style=\"font-size:22px\">" + lang.pick("Inga remisser från " + name(source, lang)
                    + " i urvalet.", "No referrals from " + name(source, lang) + " in the selection.") + "</p>");
        }
        StringBuilder html = new StringBuilder("<div style=\"display:flex;flex-wrap:wrap;gap:16px;margin:12px 0\">");
        html.append(tile(lang.pick("Remitterade", "Referred"), count(s, r, "referred", f), ""));
        html.append(tile(lang.pick("Ej aktuella", "Not relevant"), count(s, r, "not_relevant", f),
                share(s, r, "not_relevant_share", "nr_lower", "nr_upper", f)));
        html.append(tile(lang.pick("Antagna", "Accepted"), count(s, r, "accepted", f),
                share(s, r, "accepted_share", "acc_lower", "acc_upper", f)));
        String median = s.number(r, "meeting_median").isPresent()
                ? f.decimal(s.number(r, "meeting_median").getAsDouble(), 0) + lang.pick(" dagar", " days") : "–";
        String ci = s.number(r, "meeting_lower").isPresent() && s.number(r, "meeting_upper").isPresent()
                ? "95 % KI " + f.interval(s.number(r, "meeting_lower").getAsDouble(), s.number(r, "meeting_upper").getAsDouble(), 0)
                : "";
        html.append(tile(lang.pick("Remiss till första möte (median)", "Referral to first meeting (median)"), median, ci));
        html.append(tile(lang.pick("Avslutade", "Exited"), count(s, r, "exited", f), ""));
        html.append(tile(lang.pick("Till arbete eller studier", "To work or studies"),
                share(s, r, "positive_share", "pos_lower", "pos_upper", f).replaceAll(" \\(.*", ""),
                lang.pick("av de avslutade ", "of those exited ") + interval(s, r, "pos_lower", "pos_upper", f)));
        html.append("</div><p style=\"color:#444;font-size:18px\">").append(TableHtml.escape(lang.pick(
                "\"<5\": färre än fem personer. \"..\": dolt för att ett litet tal annars kunde räknas fram.",
                "\"<5\": fewer than five people. \"..\": hidden so that a small count cannot be worked out."))).append("</p>");
        return new Html(html.toString());
    }

    /** Every referral source side by side: referred, not relevant, accepted, median days to first meeting, to work or studies. */
    public Html comparison() {
        Lang lang = Stegvis.lang();
        Formats f = Formats.of(lang);
        MetricTable s = result.summary();
        String th = "<th style=\"text-align:right;padding:4px 14px;border-bottom:2px solid #444\">";
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse;font-size:20px\"><thead><tr>"
                + "<th style=\"text-align:left;padding:4px 14px;border-bottom:2px solid #444\">"
                + lang.pick("Remittent", "Referrer") + "</th>" + th + lang.pick("Remitterade", "Referred") + "</th>" + th
                + lang.pick("Ej aktuella", "Not relevant") + "</th>" + th + lang.pick("Antagna", "Accepted") + "</th>" + th
                + lang.pick("Dagar till första möte (median)", "Days to first meeting (median)") + "</th>" + th
                + lang.pick("Till arbete/studier av avslutade", "To work/studies of exits") + "</th></tr></thead><tbody>");
        for (int r = 0; r < s.rowCount(); r++) {
            String code = s.key(r, "group");
            String style = code.equals(source) ? "font-weight:bold;background:#EAF3FA;" : "";
            String td = "<td style=\"" + style + "text-align:right;padding:4px 14px;border-bottom:1px solid #ddd\">";
            html.append("<tr><td style=\"").append(style).append("padding:4px 14px;border-bottom:1px solid #ddd\">")
                    .append(TableHtml.escape(name(code, lang))).append("</td>")
                    .append(td).append(TableHtml.escape(count(s, r, "referred", f))).append("</td>")
                    .append(td).append(TableHtml.escape(percentOrCount(s, r, "not_relevant_share", "not_relevant", f))).append("</td>")
                    .append(td).append(TableHtml.escape(percentOrCount(s, r, "accepted_share", "accepted", f))).append("</td>")
                    .append(td).append(TableHtml.escape(s.number(r, "meeting_median").isPresent()
                            ? f.decimal(s.number(r, "meeting_median").getAsDouble(), 0) : "–")).append("</td>")
                    .append(td).append(TableHtml.escape(percentOrCount(s, r, "positive_share", "positive", f))).append("</td></tr>");
        }
        html.append("</tbody></table><p style=\"color:#444;font-size:18px\">")
                .append(TableHtml.escape(lang.pick("Andelar av de remitterade (ej aktuella, antagna) och av de avslutade (arbete/studier). "
                        + "\"<5\": färre än fem, \"..\": dolt för att skydda ett litet tal.",
                        "Shares of those referred (not relevant, accepted) and of those exited (work/studies). "
                        + "\"<5\": fewer than five, \"..\": hidden to protect a small count.")))
                .append("</p>");
        return new Html(html.toString());
    }

    private static String percentOrCount(MetricTable t, int r, String share, String count, Formats f) {
        return t.number(r, share).isPresent() ? f.percent(t.number(r, share).getAsDouble(), 0) : t.shown(r, t.column(count));
    }

    private static String tile(String label, String value, String detail) {
        return "<div style=\"border:2px solid #0072B2;border-radius:10px;padding:10px 18px;min-width:220px\">"
                + "<div style=\"font-size:18px;color:#333\">" + TableHtml.escape(label) + "</div>"
                + "<div style=\"font-size:40px;font-weight:bold;color:#1a1a1a\">" + TableHtml.escape(value) + "</div>"
                + "<div style=\"font-size:17px;color:#4d4d4d\">" + TableHtml.escape(detail) + "</div></div>";
    }

    private static String count(MetricTable t, int r, String column, Formats f) {
        return t.count(r, column).isPresent() ? f.count(t.count(r, column).getAsLong()) : t.shown(r, t.column(column));
    }

    private static String share(MetricTable t, int r, String estimate, String lower, String upper, Formats f) {
        if (t.number(r, estimate).isEmpty()) {
            return "";
        }
        return f.percent(t.number(r, estimate).getAsDouble(), 0) + " " + interval(t, r, lower, upper, f);
    }

    private static String interval(MetricTable t, int r, String lower, String upper, Formats f) {
        if (t.number(r, lower).isEmpty() || t.number(r, upper).isEmpty()) {
            return "";
        }
        return "(" + f.percent(t.number(r, lower).getAsDouble(), 0) + "–" + f.percent(t.number(r, upper).getAsDouble(), 0) + ")";
    }

    /** Where every person the source referred stands on the as-of date, as shares with Wilson intervals. */
    public ForestPlotBuilder now() {
        Lang lang = Stegvis.lang();
        return shares(result.now(), "status", "referred", code -> Labels.code(code, lang))
                .title(lang.pick("Var de står nu", "Where they are now"))
                .definition(lang.pick("Andel av de remitterade efter hur långt de kommit på mätdagen (senast nådda "
                                + "milstolpe; ett avslut går före allt annat), med 95 % konfidensintervall (Wilson).",
                        "Share of those referred by how far they had come on the as-of date (latest milestone "
                                + "reached; an exit overrides everything), with 95% confidence intervals (Wilson)."));
    }

    /** Reasons for "not relevant" (small reasons folded into "Övriga"). */
    public Html reasons() {
        Lang lang = Stegvis.lang();
        MetricTable t = only(result.reasons());
        java.util.function.Function<String, String> label = code -> "unknown".equals(code)
                ? lang.pick("Skäl ej angivet", "No reason recorded")
                : REASONS.code(code).map(c -> lang.pick(c.sv(), c.en())).orElse(code);
        StringBuilder html = new StringBuilder("<table style=\"border-collapse:collapse;font-size:20px\"><caption style=\""
                + "text-align:left;font-weight:bold\">" + lang.pick("Skäl till ej aktuell", "Reasons for not relevant")
                + "</caption><tbody>");
        for (int r = 0; r < t.rowCount(); r++) {
            html.append("<tr><td style=\"padding:3px 14px;border-bottom:1px solid #ddd\">")
                    .append(TableHtml.escape(rowLabel(t, r, "reason", label))).append("</td><td style=\"text-align:right;"
                            + "padding:3px 14px;border-bottom:1px solid #ddd\">")
                    .append(TableHtml.escape(t.shown(r, t.column("n")))).append("</td></tr>");
        }
        html.append("</tbody></table>");
        String note = mergedNote(t, "reason", label, lang);
        if (!note.isEmpty()) {
            html.append("<p style=\"color:#444;font-size:18px\">").append(TableHtml.escape(note)).append("</p>");
        }
        return new Html(html.toString());
    }

    /** Where those who exited went, as shares of the exits with Wilson intervals. */
    public ForestPlotBuilder destinations() {
        Lang lang = Stegvis.lang();
        return shares(result.destinations(), "destination", "exited",
                code -> "unknown".equals(code) ? lang.pick("Okänt", "Unknown") : Labels.destination(code, lang))
                .title(lang.pick("Vart de avslutade gick", "Where those who exited went"))
                .definition(lang.pick("Andel av de avslutade per avslutsorsak, med 95 % konfidensintervall (Wilson).",
                        "Share of those exited by destination, with 95% confidence intervals (Wilson)."));
    }

    private static String rowLabel(MetricTable t, int r, String keyColumn, java.util.function.Function<String, String> label) {
        return t.key(r, "merged").isEmpty() ? label.apply(t.key(r, keyColumn)) : Stegvis.lang().pick("Övriga", "Others");
    }

    /** "Övriga = A + B + C." when rows were folded, else empty. */
    private static String mergedNote(MetricTable t, String keyColumn, java.util.function.Function<String, String> label,
                                     Lang lang) {
        for (int r = 0; r < t.rowCount(); r++) {
            String merged = t.key(r, "merged");
            if (!merged.isEmpty()) {
                return lang.pick("Små grupper sammanslagna i stället för dolda: Övriga = ", "Small groups merged instead of hidden: Others = ")
                        + String.join(" + ", java.util.Arrays.stream(merged.split("\\+")).map(label).toList()) + ".";
            }
        }
        return "";
    }

    /** One bar per row of this source's part: its share with the Wilson interval, or hidden. */
    private ForestPlotBuilder shares(MetricTable part, String keyColumn, String totalColumn,
                                     java.util.function.Function<String, String> label) {
        Lang lang = Stegvis.lang();
        MetricTable t = only(part);
        ForestPlotBuilder b = MetricCharts.basis(new ForestPlotBuilder(), result.basis(), source)
                .subtitle(name(source, lang) + " · " + lang.pick("mätdag ", "as of ") + result.basis().asOf())
                .percent(true).decimals(0)
                .axisTitle(lang.pick("Andel (%) med 95 % konfidensintervall", "Share (%) with 95% confidence interval"));
        for (int r = 0; r < t.rowCount(); r++) {
            BeyondCharts.forestRow(b, t, r, rowLabel(t, r, keyColumn, label), "share", "lower", "upper", "n", "n");
        }
        MetricTable s = result.summary();
        int r = row(s);
        if (r >= 0 && s.count(r, totalColumn).isPresent()) {
            b.n(s.count(r, totalColumn).getAsLong());
        }
        String note = mergedNote(t, keyColumn, label, lang);
        if (!note.isEmpty()) {
            b.note(note);
        }
        return b;
    }

    /** The rows of this source. */
    private MetricTable only(MetricTable t) {
        return t.filter(r -> source.equals(t.key(r, "group")));
    }

}
