package se.stegvis.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.stegvis.charts.Lang;
import se.stegvis.metrics.Cell;
import se.stegvis.metrics.Csv;
import se.stegvis.metrics.MetricResult;
import se.stegvis.metrics.MetricTable;
import se.stegvis.metrics.Suppression;
import se.stegvis.notebook.Formatting;

/**
 * Writes a result in one of the {@link Format}s. Machine formats (csv, json) keep stable English
 * names, raw codes and numbers at full precision, with each cell's disclosure state in a field of
 * its own so a number column stays numeric; formats for people (csv-sv, table, xlsx) go through
 * {@link Formatting}, so they are rounded and labelled alike. Every format carries the
 * {@link Provenance}.
 */
public final class ResultWriter {

    /** Output formats, as named on the command line. */
    public enum Format {
        CSV("csv"), CSV_SV("csv-sv"), JSON("json"), TABLE("table"), XLSX("xlsx");

        private final String key;

        Format(String key) {
            this.key = key;
        }

        /** True when the output is binary and needs a file. */
        public boolean binary() {
            return this == XLSX;
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.key.equalsIgnoreCase(s)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + s + "'; csv, csv-sv, json, table or xlsx");
        }
    }

    private ResultWriter() {}

    /** Writes {@code parts} of {@code result} in {@code format}; labels (csv-sv: always Swedish) in {@code lang}. */
    public static void write(MetricResult result, List<MetricTable> parts, Format format, Lang lang,
            Provenance provenance, OutputStream out) {
        try {
            if (format == Format.XLSX) {
                XlsxWriter.write(result, parts, lang, provenance, out);
                return;
            }
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            switch (format) {
                case CSV -> csv(parts, provenance, w);
                case CSV_SV -> csvSv(parts, provenance, w);
                case JSON -> json(parts, provenance, w);
                case TABLE -> table(result, parts, lang, provenance, w);
                default -> throw new IllegalStateException(format.name());
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column whose cells disclosure control may hide or leave undefined: it gets a flag. */
    private static boolean flagged(MetricTable.Column c) {
        return c.kind() != MetricTable.Kind.KEY;
    }

    /** The provenance as {@code #} lines, after the unsuppressed marker if any, which must be seen first. */
    private static void comments(Provenance provenance, Writer out) throws IOException {
        if (!provenance.basis().suppression().applied()) {
            out.write("# " + Suppression.UNSUPPRESSED_MARKER + "\n");
        }
        for (Map.Entry<String, String> e : provenance.fields().entrySet()) {
            out.write("# " + e.getKey() + ": " + e.getValue() + "\n");
        }
    }

    /** For machines: {@code ,} and {@code .}, raw codes, full precision, a {@code <col>_flag} beside each number. */
    private static void csv(List<MetricTable> parts, Provenance provenance, Writer out) throws IOException {
        comments(provenance, out);
        for (MetricTable t : parts) {
            if (parts.size() > 1) {
                out.write("# part: " + t.name() + "\n");
            }
            List<String> header = new ArrayList<>();
            for (MetricTable.Column c : t.columns()) {
                header.add(c.name());
                if (flagged(c)) {
                    header.add(c.name() + "_flag");
                }
            }
            out.write(String.join(",", header) + "\n");
            for (int r = 0; r < t.rowCount(); r++) {
                List<String> line = new ArrayList<>();
                for (int c = 0; c < t.columns().size(); c++) {
                    Cell cell = t.cell(r, c);
                    line.add(Csv.field(machine(cell), ','));
                    if (flagged(t.columns().get(c))) {
                        line.add(cell.state().flag());
                    }
                }
                out.write(String.join(",", line) + "\n");
            }
        }
    }

    /** A cell's value for machines: the label, the count, the double in its shortest exact form, or "". */
    private static String machine(Cell cell) {
        if (cell.value() instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return cell.value() == null ? "" : cell.value().toString();
    }

    /**
     * For Swedish Excel, which splits on {@code ;} and reads a decimal comma: UTF-8 with a BOM (without
     * it Excel takes the file for Windows-1252), Swedish headers and labels, numbers rounded as the table.
     */
    private static void csvSv(List<MetricTable> parts, Provenance provenance, Writer out) throws IOException {
        Formatting f = Formatting.spreadsheet(Lang.SV);
        out.write('\ufeff');
        comments(provenance, out);
        for (MetricTable t : parts) {
            if (parts.size() > 1) {
                out.write("# del: " + t.name() + "\n");
            }
            List<String> line = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                line.add(Csv.field(f.header(t, c), ';'));
            }
            out.write(String.join(";", line) + "\n");
            for (int r = 0; r < t.rowCount(); r++) {
                line.clear();
                for (int c = 0; c < t.columns().size(); c++) {
                    line.add(Csv.field(f.text(t, r, c), ';'));
                }
                out.write(String.join(";", line) + "\n");
            }
        }
    }

    /** Counts as integers, numbers as doubles, null when not shown, and {@code <col>_flag} when not shown. */
    private static void json(List<MetricTable> parts, Provenance provenance, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode prov = root.putObject("provenance");
        provenance.fields().forEach(prov::put);
        Suppression s = provenance.basis().suppression();
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
                    String name = t.columns().get(c).name();
                    Cell cell = t.cell(r, c);
                    if (cell.value() == null) {
                        row.putNull(name);
                    } else if (cell.value() instanceof Long n) {
                        row.put(name, n);
                    } else if (cell.value() instanceof Double d) {
                        row.put(name, d);
                    } else {
                        row.put(name, (String) cell.value());
                    }
                    if (!cell.shown()) {
                        row.put(name + "_flag", cell.state().flag());
                    }
                }
            }
        }
        out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.write("\n");
    }

    /** A text table for a terminal, rounded and labelled by {@link Formatting}. */
    private static void table(MetricResult result, List<MetricTable> parts, Lang lang, Provenance provenance,
            Writer out) throws IOException {
        Formatting f = Formatting.display(lang);
        if (!result.suppression().applied()) {
            out.write("!!! " + Suppression.UNSUPPRESSED_MARKER + " !!!\n");
        }
        var b = result.basis();
        out.write(b.definition().id() + ": " + b.definition().text(lang.locale()) + "\n");
        out.write(lang.pick("Urval: ", "Selection: ") + b.selection() + "; " + lang.pick("per ", "as of ") + b.asOf()
                + "; n = " + b.nShown() + "\n");
        out.write(b.suppression().describe() + "\n");
        out.write("stegvis " + provenance.toolVersion() + "; data " + provenance.dataSnapshot() + "\n");
        for (MetricTable t : parts) {
            int nc = t.columns().size();
            String[][] cells = new String[t.rowCount() + 1][nc];
            int[] width = new int[nc];
            for (int c = 0; c < nc; c++) {
                cells[0][c] = f.header(t, c);
                for (int r = 0; r < t.rowCount(); r++) {
                    cells[r + 1][c] = f.text(t, r, c);
                }
                for (String[] row : cells) {
                    width[c] = Math.max(width[c], row[c].length());
                }
            }
            out.write("\n" + t.name() + "\n");
            for (String[] row : cells) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < nc; c++) {
                    boolean left = t.columns().get(c).kind() == MetricTable.Kind.KEY;
                    String pad = " ".repeat(width[c] - row[c].length());
                    line.append(c == 0 ? "" : "  ").append(left ? row[c] + pad : pad + row[c]);
                }
                out.write(line.toString().stripTrailing() + "\n");
            }
        }
    }
}
