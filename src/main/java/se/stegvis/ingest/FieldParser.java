package se.stegvis.ingest;

import se.stegvis.dictionary.CodeList;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.dictionary.Field;
import se.stegvis.dictionary.FieldType;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one cell into the typed value of its dictionary field and checks the field's
 * constraints: type, code list, range, length. Accepts the forms Swedish exports use: decimal comma,
 * dates as 2019-08-01 or 20190801, codes as the code, its Swedish label or a listed synonym in any case and with
 * or without accents (counting each text read so, for a note).
 */
final class FieldParser {

    /** A cell value that breaks its field's rules; the message says what was expected. Cheap: no stack trace. */
    static final class BadValue extends Exception {
        BadValue(String problem) {
            super(problem, null, false, false);
        }
    }

    static final String DATE_FORMS = "YYYY-MM-DD or YYYYMMDD";
    /**
     * Dates and months before this year are refused as typos or Excel's empty date (1900-01-00): every
     * date in the dictionary is an event of a programme, and Finsam programmes began in the 1990s.
     */
    static final int EARLIEST_YEAR = 1990;
    /** Separators accepted between the codes of a list cell, whatever the dictionary writes. */
    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*[|,;+]\\s*");

    private final Field field;
    /** Each code and its Swedish label as written, to its code: what is read without a note. */
    private final Map<String, String> exact = new HashMap<>();
    /** Each code, label and synonym folded ({@link DataDictionary#fold}), to its code. */
    private final Map<String, String> folded = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    /** Texts read as a code other than exactly, with their row counts, in the order first met. */
    private final Map<String, Integer> inexact = new LinkedHashMap<>();
    private final String codeListing;
    private final Map<String, Boolean> booleans = new HashMap<>();

    FieldParser(Field field, DataDictionary dictionary) {
        this.field = field;
        List<String> allowed = field.constraints().allowed();
        CodeList list = field.codeList() == null ? null : dictionary.codeList(field.codeList()).orElse(null);
        if (list != null) {
            for (CodeList.Code c : list.codes()) {
                exact.put(c.sv(), c.code());
                labels.put(c.code(), c.sv());
                folded.put(DataDictionary.fold(c.sv()), c.code());
                c.synonyms().forEach(synonym -> folded.put(DataDictionary.fold(synonym), c.code()));
            }
        }
        for (String code : allowed) {
            folded.put(DataDictionary.fold(code), code);
            exact.put(code, code);
        }
        this.codeListing = String.join(", ", allowed);
        field.trueValues().forEach(v -> booleans.put(DataDictionary.fold(v), Boolean.TRUE));
        field.falseValues().forEach(v -> booleans.put(DataDictionary.fold(v), Boolean.FALSE));
    }

    Field field() {
        return field;
    }

    /** Whether the field takes codes (from its enum or code list) rather than free text. */
    boolean coded() {
        return !folded.isEmpty();
    }

    /** The texts a code field takes as they are, without folding: its canonical codes. */
    Set<String> canonicalCodes() {
        return new TreeSet<>(field.constraints().allowed());
    }

    /**
     * One line per distinct text this parser read as a code other than exactly (another case or accent,
     * or a synonym): {@code "Socialtjänsten" read as ifo (Socialtjänst (IFO)), 3 rows}.
     */
    List<String> inexactReadings() {
        List<String> out = new ArrayList<>();
        inexact.forEach((text, rows) -> {
            String code = folded.get(DataDictionary.fold(text));
            String label = labels.get(code);
            out.add("\"" + text + "\" read as " + code + (label == null ? "" : " (" + label + ")") + ", " + rows
                    + (rows == 1 ? " row" : " rows"));
        });
        return out;
    }

    /** The texts a yes/no field takes as they are, without folding, and what each means. */
    Map<String, Boolean> booleanTexts() {
        return Map.copyOf(booleans);
    }

    /**
     * The typed value of non-blank {@code text}: String, Integer, Double, Boolean or LocalDate; a list
     * field's codes come back canonical, in the order given, joined by the field's separator.
     */
    Object parse(String raw) throws BadValue {
        String text = plainText(raw);
        if (field.isList()) {
            return list(text);
        }
        Object value = switch (field.type()) {
            case STRING -> string(text);
            case INTEGER -> integer(text);
            case NUMBER -> number(text);
            case BOOLEAN -> bool(text);
            case DATE -> date(text);
            case YEARMONTH -> yearMonth(text);
        };
        if (value instanceof Number n) {
            checkRange(n.doubleValue());
        }
        return value;
    }

    /**
     * The text in Unicode NFC, so that Båstad typed with a combining ring and with å is one value; refuses
     * characters that change how a terminal or editor shows text ({@link Redaction#changesDisplay}).
     */
    private static String plainText(String text) throws BadValue {
        int hidden = text.codePoints().filter(Redaction::changesDisplay).findFirst().orElse(-1);
        if (hidden >= 0) {
            throw new BadValue("holds the control character " + Redaction.codePoint(hidden) + " (terminal escape codes,"
                    + " control characters and text-direction overrides are refused; expected plain text)");
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Numbers are written with 0-9 only: Java would read ７ as 7 in a whole number but not in a decimal one. */
    private static void asciiDigits(String text, String expected) throws BadValue {
        if (text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
            throw new BadValue("has a digit other than 0-9 (full-width or from another script; expected " + expected + ")");
        }
    }

    private String list(String text) throws BadValue {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : LIST_SEPARATORS.split(text)) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(string(part.strip()));
            } catch (BadValue e) {
                throw new BadValue("holds \"" + part.strip() + "\", which " + e.getMessage());
            }
        }
        if (out.isEmpty()) { // a cell of separators only: not blank, so not "no value" either
            throw new BadValue("holds only separators and no code (expected codes separated by " + field.listSeparator() + ")");
        }
        return String.join(field.listSeparator(), out);
    }

    private String string(String text) throws BadValue {
        if (coded()) {
            String code = exact.get(text); // the code or label as written: no folding on the common path
            if (code == null) {
                code = folded.get(DataDictionary.fold(text));
                if (code == null) {
                    throw new BadValue("is not one of the allowed codes (expected one of " + codeListing
                            + (field.codeList() == null ? "" : ", or their Swedish labels in code list " + field.codeList()) + ")");
                }
                inexact.merge(text, 1, Integer::sum);
            }
            return code;
        }
        Integer max = field.constraints().maxLength();
        if (max != null && text.length() > max) {
            throw new BadValue("is " + text.length() + " characters long (expected at most " + max + ")");
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@') {
            throw new BadValue("starts with " + first + " and could run as a spreadsheet formula (expected plain text)");
        }
        if (!Personnummer.findMasked(text, LocalDate.now()).isEmpty()) {
            throw new BadValue("holds a personnummer (identity numbers belong in the personnummer column only,"
                    + " where they are pseudonymised)");
        }
        return text;
    }

    private Integer integer(String text) throws BadValue {
        String t = text.replace(" ", "").replace("\u00a0", "");
        asciiDigits(t, "a whole number such as 7");
        if (t.isEmpty() || t.length() > 11) {
            throw new BadValue(t.isEmpty() ? "is not a whole number" : "is not a whole number in range");
        }
        try {
            long v = Long.parseLong(t);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new BadValue("is too large a number");
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new BadValue("is not a whole number");
        }
    }

    private Double number(String text) throws BadValue {
        String t = text.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        asciiDigits(t, "e.g. 1.5 or 1,5");
        if (t.indexOf(',') >= 0) {
            if (t.indexOf('.') >= 0 || t.indexOf(',') != t.lastIndexOf(',')) {
                throw new BadValue("is not a number (expected e.g. 1.5 or 1,5)");
            }
            t = t.replace(',', '.');
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != 'e' && c != 'E' && c != '+') {
                throw new BadValue("is not a number (expected e.g. 1.5 or 1,5)");
            }
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new BadValue("is not a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadValue("is not a number (expected e.g. 1.5 or 1,5)");
        }
    }

    private Boolean bool(String text) throws BadValue {
        Boolean b = booleans.get(text);
        if (b == null) {
            b = booleans.get(DataDictionary.fold(text));
        }
        if (b == null) {
            throw new BadValue("is not a yes/no value (expected one of " + String.join(", ", field.trueValues())
                    + " or " + String.join(", ", field.falseValues()) + ")");
        }
        return b;
    }

    /** A date with a time of day, as Excel date-time cells and other exports write it. */
    private static final Pattern DATE_TIME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)");
    /** Day and month in either order with a four-digit year: 13/3/2023, 3.13.2023. */
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})");

    /**
     * Reads 2019-08-01 or 20190801, also with a midnight time (2019-08-01 00:00:00, as a date-time cell
     * or export writes a plain date); impossible dates such as 2019-02-31 are refused. Another time of day
     * is refused, not dropped: the store keeps days only, and a timestamp (a registration time, or one in
     * UTC that falls on another day) may not be the day the event happened. Day and month written in either
     * order are refused, since 3/4/2023 reads two ways, with the ISO form to write when only one reading is a date.
     */
    static LocalDate date(String text) throws BadValue {
        int y;
        int m;
        int d;
        Matcher dateTime = DATE_TIME.matcher(text);
        if (dateTime.matches()) {
            LocalDate day = date(dateTime.group(1));
            if (dateTime.group(2).chars().anyMatch(c -> c >= '1' && c <= '9')) {
                throw new BadValue("has a time of day, " + dateTime.group(2) + " (expected a date alone, " + DATE_FORMS
                        + "; only the day is stored, so write " + day + " if that is the day meant)");
            }
            return day;
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            y = digits(text, 0, 4);
            m = digits(text, 5, 7);
            d = digits(text, 8, 10);
        } else if (text.length() == 8) {
            y = digits(text, 0, 4);
            m = digits(text, 4, 6);
            d = digits(text, 6, 8);
        } else {
            throw new BadValue("is not a date (expected " + DATE_FORMS + dayMonthHint(text) + ")");
        }
        if (y < 0 || m < 0 || d < 0) {
            throw new BadValue("is not a date (expected " + DATE_FORMS + ")");
        }
        return checkedDate(y, m, d, "a date (expected " + DATE_FORMS + ")");
    }

    /** For 13/3/2023 or 3/13/2023, the date to write instead; for 3/4/2023, that it reads two ways. */
    private static String dayMonthHint(String text) {
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        if (!dmy.matches()) {
            return "";
        }
        int a = Integer.parseInt(dmy.group(1));
        int b = Integer.parseInt(dmy.group(3));
        int year = Integer.parseInt(dmy.group(4));
        List<LocalDate> readings = new ArrayList<>();
        for (int[] dayMonth : new int[][] {{a, b}, {b, a}}) {
            try {
                LocalDate day = LocalDate.of(year, dayMonth[1], dayMonth[0]);
                if (!readings.contains(day)) {
                    readings.add(day);
                }
            } catch (DateTimeException e) {
                // not a date read this way round
            }
        }
        if (readings.size() == 1) {
            return "; if you mean " + spelled(readings.get(0)) + ", write " + readings.get(0);
        }
        if (readings.size() == 2) {
            return "; it is ambiguous: " + spelled(readings.get(0)) + " is " + readings.get(0) + ", "
                    + spelled(readings.get(1)) + " is " + readings.get(1);
        }
        return "";
    }

    private static String spelled(LocalDate day) {
        return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + " " + day.getYear();
    }

    private static LocalDate checkedDate(int y, int m, int d, String expected) throws BadValue {
        if (y < EARLIEST_YEAR || y > 2100) {
            throw new BadValue("is not a plausible date (expected a year between " + EARLIEST_YEAR + " and 2100)");
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            throw new BadValue("is not " + expected);
        }
    }

    /** Reads 2019-08 or 201908 (or a full date) as the first day of that month. */
    private static LocalDate yearMonth(String text) throws BadValue {
        String forms = "YYYY-MM";
        if (text.length() == 7 && text.charAt(4) == '-') {
            int y = digits(text, 0, 4);
            int m = digits(text, 5, 7);
            if (y >= 0 && m >= 0) {
                return checkedDate(y, m, 1, "a month (expected " + forms + ")");
            }
        } else if (text.length() == 6) {
            int y = digits(text, 0, 4);
            int m = digits(text, 4, 6);
            if (y >= 0 && m >= 0) {
                return checkedDate(y, m, 1, "a month (expected " + forms + ")");
            }
        } else if (text.length() == 10 || text.length() == 8) {
            try {
                return date(text).withDayOfMonth(1);
            } catch (BadValue e) {
                throw new BadValue("is not a month (expected " + forms + ")");
            }
        }
        throw new BadValue("is not a month (expected " + forms + ")");
    }

    /** The decimal value of text[from, to), or -1 when any character is not a digit. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private void checkRange(double v) throws BadValue {
        Double min = field.constraints().minimum();
        Double max = field.constraints().maximum();
        if (min != null && v < min) {
            throw new BadValue("is below the minimum " + plain(min));
        }
        if (max != null && v > max) {
            throw new BadValue("is above the maximum " + plain(max));
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    FieldType type() {
        return field.type();
    }
}
