package se.stegvis.metrics;

/** CSV quoting as RFC 4180: a field with a comma, quote or line break is quoted. */
final class Csv {
    private Csv() {}

    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
