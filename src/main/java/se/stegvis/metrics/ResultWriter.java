package se.stegvis.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes a result as CSV, JSON or a text table. Hidden counts appear as {@code <5} (or
 * {@code ..}), hidden numbers as empty / null; an unsuppressed result carries the marker on
 * every output (a {@code #} comment line in CSV, a field in JSON, a banner in the text table).
 */
public final class ResultWriter {

    /** Output formats. */
    public enum Format { CSV, JSON, TABLE }

    private ResultWriter() {}

    /** Writes {@code parts} of {@code result} in {@code format}; labels in the language of {@code locale}. */
    public static void write(MetricResult result, List<MetricTable> parts, Format format, Locale locale, Writer out) {
        try {
            switch (format) {
                case CSV -> csv(result, parts, out);
                case JSON -> json(result, parts, out);
                case TABLE -> table(result, parts, locale, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(MetricResult result, List<MetricTable> parts, Writer out) throws IOException {
        if (!result.suppression().applied()) {
            out.write("# " + Suppression.UNSUPPRESSED_MARKER + "\n");
        }
        boolean several = parts.size() > 1;
        for (int p = 0; p < parts.size(); p++) {
            MetricTable t = parts.get(p);
            if (several) {
                out.write((p == 0 ? "" : "\n") + "# part: " + t.name() + "\n");
            }
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < t.columns().size(); c++) {
                line.append(c == 0 ? "" : ",").append(t.columns().get(c).name());
            }
            out.write(line.append('\n').toString());
            for (int r = 0; r < t.rowCount(); r++) {
                line.setLength(0);
                for (int c = 0; c < t.columns().size(); c++) {
                    line.append(c == 0 ? "" : ",").append(Csv.field(t.shown(r, c)));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    private static void json(MetricResult result, List<MetricTable> parts, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        Basis b = result.basis();
        root.put("metric", b.definition().id());
        root.putObject("definition").put("sv", b.definition().sv()).put("en", b.definition().en());
        root.put("selection", b.selection());
        root.put("as_of", b.asOf().toString());
        root.put("n", b.nShown());
        Suppression s = b.suppression();
        ObjectNode sup = root.putObject("suppression").put("applied", s.applied()).put("threshold", s.threshold())
                .put("primary", s.primary()).put("secondary", s.secondary());
        if (!s.applied()) {
            sup.put("marker", Suppression.UNSUPPRESSED_MARKER);
        }
        ObjectNode tables = root.putObject("parts");
        for (MetricTable t : parts) {
            ArrayNode rows = tables.putArray(t.name());
            for (int r = 0; r < t.rowCount(); r++) {
                ObjectNode row = rows.addObject();
                for (int c = 0; c < t.columns().size(); c++) {
                    MetricTable.Column col = t.columns().get(c);
                    String shown = t.shown(r, c);
                    switch (col.kind()) {
                        case KEY -> row.put(col.name(), shown);
                        case COUNT -> {
                            if (t.isHidden(r, col.name())) {
                                row.put(col.name(), shown);
                            } else {
                                row.put(col.name(), Long.parseLong(shown));
                            }
                        }
                        case NUMBER -> {
                            if (shown.isEmpty()) {
                                row.putNull(col.name());
                            } else {
                                row.put(col.name(), new java.math.BigDecimal(shown));
                            }
                        }
                    }
                }
            }
        }
        out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.write("\n");
    }

    private static void table(MetricResult result, List<MetricTable> parts, Locale locale, Writer out) throws IOException {
        Basis b = result.basis();
        boolean en = "en".equals(locale.getLanguage());
        if (!b.suppression().applied()) {
            out.write("!!! " + Suppression.UNSUPPRESSED_MARKER + " !!!\n");
        }
        out.write(b.definition().id() + ": " + b.definition().text(locale) + "\n");
        out.write((en ? "Selection: " : "Urval: ") + b.selection() + "; " + (en ? "as of " : "per ") + b.asOf()
                + "; n = " + b.nShown() + "\n");
        out.write(b.suppression().describe() + "\n");
        for (MetricTable t : parts) {
            out.write("\n" + t.toTable().printAll() + "\n");
        }
    }
}
