package se.stegvis.metrics;

/** CSV quoting as RFC 4180: a field with the separator, a quote or a line break is quoted. */
public final class Csv {
    private Csv() {}

    static String field(String s) {
        return field(s, ',');
    }

    public static String field(String s, char separator) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(separator) < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
