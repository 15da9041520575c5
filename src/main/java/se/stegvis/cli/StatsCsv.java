package se.stegvis.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The plain CSV the {@code stats} commands read and write: a header row, comma-separated, optional
 * double quotes, lines starting with '#' ignored. Numbers are written at full precision (shortest
 * round-trip form), missing as R's {@code NA}, infinities as {@code Inf}.
 */
final class StatsCsv {
    /** A plain decimal number; Double.parseDouble also takes "12d", "7f", "0x1p3" and "NaN", which no CSV means. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private final List<String> header;
    private final List<String[]> rows;
    private final String source;

    private StatsCsv(String source, List<String> header, List<String[]> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    /** Reads a file, or standard input for "-"; an unreadable file is refused with its name. */
    static StatsCsv read(Path file) {
        boolean stdin = file.toString().equals("-");
        try (Reader r = stdin ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(stdin ? "stdin" : file.toString(), new BufferedReader(r));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static StatsCsv parse(String source, BufferedReader in) throws IOException {
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = split(line);
            if (header == null) {
                header = new ArrayList<>();
                for (String h : cells) {
                    header.add(h.trim().toLowerCase(Locale.ROOT));
                }
            } else {
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException(source + ": row " + (rows.size() + 1) + " has " + cells.length
                            + " cells, the header has " + header.size());
                }
                rows.add(cells);
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file, expected a header row");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows, only a header");
        }
        return new StatsCsv(source, header, rows);
    }

    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells.toArray(String[]::new);
    }

    List<String> header() {
        return header;
    }

    int size() {
        return rows.size();
    }

    String[] row(int i) {
        return rows.get(i);
    }

    boolean has(String column) {
        return header.contains(column);
    }

    /** A column's cells; refuses a missing column by name. */
    String[] strings(String column) {
        int j = header.indexOf(column);
        if (j < 0) {
            throw new IllegalArgumentException(source + ": no column '" + column + "' (columns: " + header + ")");
        }
        return rows.stream().map(r -> r[j]).toArray(String[]::new);
    }

    /**
     * Drops the rows whose {@code column} is R's missing value {@code NA}, as R's model functions do
     * (na.omit), and returns how many; a column that is absent drops nothing.
     */
    int dropMissing(String column) {
        int j = header.indexOf(column);
        if (j < 0) {
            return 0;
        }
        int before = rows.size();
        rows.removeIf(r -> r[j].equals("NA"));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows left: every " + column + " is NA");
        }
        return before - rows.size();
    }

    /** A numeric column; refuses blanks and non-numbers with the row number. */
    double[] doubles(String column) {
        String[] s = strings(column);
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            if (!NUMBER.matcher(s[i]).matches()) {
                throw new IllegalArgumentException(source + ": row " + (i + 1) + ", column " + column
                        + ": not a number: '" + s[i] + "'");
            }
            d[i] = Double.parseDouble(s[i]);
        }
        return d;
    }

    /** An integer code column (status, cause). */
    int[] codes(String column) {
        double[] d = doubles(column);
        int[] c = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i])) {
                throw new IllegalArgumentException(source + ": row " + (i + 1) + ", column " + column
                        + ": expected a whole number, got " + d[i]);
            }
            c[i] = (int) d[i];
        }
        return c;
    }

    /** Status 1 = event, 0 = censored; anything else refused. */
    boolean[] events(String column) {
        int[] c = codes(column);
        boolean[] e = new boolean[c.length];
        for (int i = 0; i < c.length; i++) {
            if (c[i] != 0 && c[i] != 1) {
                throw new IllegalArgumentException(source + ": row " + (i + 1) + ", column " + column
                        + ": status must be 1 (event) or 0 (censored), got " + c[i]);
            }
            e[i] = c[i] == 1;
        }
        return e;
    }

    /** Writes comment lines, a header and rows to {@code out}. */
    static final class Writer {
        private final PrintWriter out;

        Writer(PrintWriter out, boolean comments, List<String> commentLines) {
            this.out = out;
            if (comments) {
                for (String c : commentLines) {
                    out.println("# " + c);
                }
            }
        }

        Writer header(String... columns) {
            out.println(String.join(",", columns));
            return this;
        }

        Writer row(Object... cells) {
            StringJoiner j = new StringJoiner(",");
            for (Object c : cells) {
                j.add(format(c));
            }
            out.println(j);
            return this;
        }

        void flush() {
            out.flush();
        }

        static String format(Object c) {
            if (c == null) {
                return "NA";
            }
            if (c instanceof Double d) {
                if (d.isNaN()) {
                    return "NA";
                }
                if (d.isInfinite()) {
                    return d > 0 ? "Inf" : "-Inf";
                }
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    return Long.toString(d.longValue());
                }
                return Double.toString(d);
            }
            String s = c.toString();
            return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }
}
