package se.stegvis.ingest;

import java.time.LocalDate;

/** Keeps identity numbers out of messages: values are shown masked when they could be a personnummer. */
final class Redaction {

    private static final int SHOWN_CHARACTERS = 80;

    private Redaction() {
    }

    /** True when the text is a valid personnummer in any accepted form (date part and check digit valid). */
    static boolean looksLikePersonnummer(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c != '-' && c != '+') {
                return false;
            }
        }
        return (digits == 10 || digits == 12) && Personnummer.parse(text, LocalDate.now()).valid();
    }

    /** The value as it may appear in a message: masked if it could be a personnummer, shortened if huge. */
    static String forMessage(String text) {
        String shown = looksLikePersonnummer(text) || longDigitRun(text) ? Personnummer.mask(text) : text;
        return shown.length() > SHOWN_CHARACTERS ? shown.substring(0, SHOWN_CHARACTERS) + "…" : shown;
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
