package se.stegvis.ingest;

import java.time.LocalDate;

/** Keeps identity numbers out of messages: values are shown masked when they could be a personnummer. */
final class Redaction {

    private static final int SHOWN_CHARACTERS = 80;

    private Redaction() {
    }

    /** The value as it may appear in a message: masked if it holds or could be a personnummer, shortened if huge. */
    static String forMessage(String text) {
        // Shortening can itself make one: "...12350312-123231" cut after "1232" reads as a personnummer.
        String cut = cut(text);
        boolean identifying = longDigitRun(text) || !Personnummer.findMasked(text, LocalDate.now()).isEmpty()
                || !Personnummer.findMasked(cut, LocalDate.now()).isEmpty();
        return identifying ? cut(Personnummer.mask(text)) : cut;
    }

    private static String cut(String text) {
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }

    private static boolean longDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
            if (run >= 10) {
                return true;
            }
        }
        return false;
    }
}
