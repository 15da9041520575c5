package se.stegvis.ingest;

import java.time.LocalDate;

/**
 * Keeps identity numbers and terminal tricks out of messages: values and file names are shown masked when
 * they could hold a personnummer, and characters that change how a terminal shows text are written as
 * {@code \u001b}-style escapes.
 */
final class Redaction {

    private static final int SHOWN_CHARACTERS = 80;

    private Redaction() {
    }

    /** The value as it may appear in a message: masked if it holds or could be a personnummer, shortened if huge. */
    static String forMessage(String text) {
        // Escaping comes first, since its digits can make one ("\u0001" + "850312..." reads as 0001850312);
        // so can shortening: "...12350312-123231" cut after "1232" reads as a personnummer.
        String shown = printable(text);
        String cut = cut(shown);
        boolean identifying = identifying(shown) || identifying(cut);
        return identifying ? cut(Personnummer.mask(shown)) : cut;
    }

    /**
     * A file or sheet name as messages and import_log show it: masked like a value, never shortened
     * (a name like {@code 19910704-4571.xlsx} is the person's number).
     */
    static String name(String name) {
        String shown = printable(name); // escaped first: an escape's digits can join a number (see forMessage)
        return identifying(shown) ? Personnummer.mask(shown) : shown;
    }

    /**
     * True for a character that changes how a terminal or editor shows the text around it: C0 controls
     * other than tab (ESC starts ANSI escape codes), DEL, C1 controls, and the bidi embeddings, overrides
     * and isolates (U+202A-U+202E, U+2066-U+2069) that make text read in another order than it is stored.
     */
    static boolean changesDisplay(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069);
    }

    /** {@code U+001B}: how a message names a character it must not print. */
    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static boolean identifying(String text) {
        return longDigitRun(text) || !Personnummer.findMasked(text, LocalDate.now()).isEmpty();
    }

    private static String printable(String text) {
        if (text.codePoints().noneMatch(Redaction::changesDisplay)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (changesDisplay(c)) {
                out.append("\\u").append(String.format("%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }

    private static boolean longDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            run = Character.isDigit(text.codePointAt(i)) ? run + 1 : 0;
            if (run >= 10) {
                return true;
            }
        }
        return false;
    }
}
