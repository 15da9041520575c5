package se.stegvis.notebook;

import se.stegvis.charts.Formats;
import se.stegvis.charts.Lang;
import tech.tablesaw.api.Table;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * A metric result as HTML: title, table, definition, n and a note on suppression. Results are
 * records from the metrics package that carry these as accessors; they are read by name
 * (title/name, table/toTable, definition, n, suppressed/anySuppressed) so this renderer does not tie
 * the notebook layer to each result type.
 */
public final class ResultHtml {
    private ResultHtml() {
    }

    /** Whether the object looks like a metric result (has a definition or a table). */
    public static boolean isResult(Object o) {
        return call(o, "definition").isPresent() || table(o).isPresent();
    }

    /** The result as HTML in the given language. */
    public static String render(Object result, Lang lang) {
        Formats f = Formats.of(lang);
        StringBuilder html = new StringBuilder("<div class=\"stegvis-result\">");
        call(result, "title").or(() -> call(result, "name"))
                .ifPresent(t -> html.append("<h4 style=\"margin:0.2em 0\">").append(TableHtml.escape(t.toString()))
                        .append("</h4>"));
        table(result).ifPresent(t -> html.append(TableHtml.render(t, lang)));
        call(result, "definition").ifPresent(d -> html.append("<p style=\"color:#444;margin:0.3em 0\"><b>")
                .append(lang.pick("Definition", "Definition")).append(":</b> ")
                .append(TableHtml.escape(d.toString())).append("</p>"));
        call(result, "n").filter(n -> n instanceof Number)
                .ifPresent(n -> html.append("<p style=\"color:#444;margin:0.3em 0\">n = ")
                        .append(f.count(((Number) n).longValue())).append("</p>"));
        if (suppressed(result)) {
            html.append("<p style=\"color:#444;margin:0.3em 0\">")
                    .append(lang.pick("Celler med färre än 5 personer visas som \"&lt;5\".",
                            "Cells with fewer than 5 people are shown as \"&lt;5\"."))
                    .append("</p>");
        }
        return html.append("</div>").toString();
    }

    private static boolean suppressed(Object result) {
        for (String name : new String[]{"suppressed", "anySuppressed", "hasSuppressed", "suppressedCells"}) {
            Optional<Object> v = call(result, name);
            if (v.isPresent()) {
                Object x = v.get();
                return x instanceof Boolean b ? b : x instanceof Number n ? n.longValue() > 0 : x != null;
            }
        }
        return false;
    }

    private static Optional<Table> table(Object result) {
        for (String name : new String[]{"table", "toTable", "asTable"}) {
            Optional<Object> v = call(result, name);
            if (v.isPresent() && v.get() instanceof Table t) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> call(Object o, String name) {
        try {
            Method m = o.getClass().getMethod(name);
            m.setAccessible(true);
            return Optional.ofNullable(m.invoke(o));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
