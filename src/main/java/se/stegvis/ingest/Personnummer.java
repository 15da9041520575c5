package se.stegvis.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer,
 * day + 60): normalisation to 12 digits, check-digit validation (Luhn over the last 10 digits) and
 * masking for messages. Never logs or returns the raw number in a message.
 */
public final class Personnummer {

    private Personnummer() {
    }

    /** Outcome of reading one value: the normalised 12 digits, or why it is not a personnummer. */
    public record Parsed(String twelveDigits, String problem) {
        public boolean valid() {
            return twelveDigits != null;
        }
    }

    /**
     * What people write between the date part and the last four digits: - and + (100 years or older),
     * spaces (also no-break and narrow no-break), . and /, and the dashes of other keyboards.
     */
    private static final String SEPARATORS = "-+ \u00a0\u202f./\u2010\u2011\u2013\u2212\ufe63\uff0b\uff0d\uff0e\uff0f";

    /**
     * Reads {@code YYYYMMDD-NNNN}, {@code YYYYMMDDNNNN}, {@code YYMMDD-NNNN}, {@code YYMMDDNNNN} or
     * {@code YYMMDD+NNNN} (+ = 100 years or older), with any of {@link #SEPARATORS} for - and the digits
     * of any script (full-width ９, Arabic-Indic ٩), read as 0-9. A 10-digit number gets the most recent
     * century that does not put the birth date after {@code today}.
     */
    public static Parsed parse(String raw, LocalDate today) {
        String s = raw.strip();
        boolean plus = false;
        int separatorAfter = -1;
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            int digit = Character.digit(c, 10);
            if (digit >= 0) {
                digits.append((char) ('0' + digit));
            } else if (separatorAfter < 0 && SEPARATORS.indexOf(c) >= 0 && (digits.length() == 6 || digits.length() == 8)) {
                separatorAfter = digits.length();
                plus = c == '+' || c == '\uff0b';
            } else {
                return invalid();
            }
        }
        if (separatorAfter >= 0 && digits.length() != separatorAfter + 4) {
            return invalid();
        }
        String d = digits.toString();
        if (d.length() == 10) {
            int yy = Integer.parseInt(d.substring(0, 2));
            int century = today.getYear() / 100;
            int year = century * 100 + yy;
            if (year > today.getYear()) {
                year -= 100;
            }
            if (plus) {
                year -= 100;
            }
            d = year + d.substring(2);
            if (year < 1000) {
                return invalid();
            }
        } else if (d.length() != 12) {
            return invalid();
        }
        int year = Integer.parseInt(d.substring(0, 4));
        int month = Integer.parseInt(d.substring(4, 6));
        int day = Integer.parseInt(d.substring(6, 8));
        if (day > 60) {
            day -= 60;
        }
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return new Parsed(null, "is not a valid personnummer (the birth date part is not a date)");
        }
        if (!luhnValid(d.substring(2))) {
            return new Parsed(null, "is not a valid personnummer (the check digit does not match)");
        }
        return new Parsed(d, null);
    }

    /**
     * Every personnummer written anywhere in {@code text}, masked: each run of 10 or 12 digits, or of 6 or 8
     * digits, one of {@link #SEPARATORS} and 4 digits, not inside a longer digit run, whose date part and
     * check digit are valid ({@link #parse}). Digits of any script count. Runs inside hexadecimal tokens of
     * 32 or more characters (hashes such as person_id) and the digits of decimal numbers (92.4404296875) are skipped.
     */
    public static List<String> findMasked(CharSequence text, LocalDate today) {
        List<String> found = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = Character.codePointAt(text, i);
            if (!Character.isDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int head = digitRun(text, start);
            i = skipDigits(text, start);
            int end = i;
            if ((head == 6 || head == 8) && end < n && SEPARATORS.indexOf(text.charAt(end)) >= 0
                    && digitRun(text, end + 1) == 4) {
                end = skipDigits(text, end + 1);
                i = end;
            } else if (head != 10 && head != 12) {
                continue;
            }
            String candidate = text.subSequence(start, end).toString();
            if (!insideHexToken(text, start, end) && !partOfDecimal(text, start, end) && parse(candidate, today).valid()) {
                found.add(mask(candidate));
            }
        }
        return found;
    }

    /** True for the digits of a decimal number such as 92.4404296875 (chart coordinates), before or after its point. */
    private static boolean partOfDecimal(CharSequence text, int start, int end) {
        boolean fraction = start >= 2 && text.charAt(start - 1) == '.' && Character.isDigit(Character.codePointBefore(text, start - 1));
        boolean whole = end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(Character.codePointAt(text, end + 1));
        return fraction || whole;
    }

    /** The number of digits (code points) in the run starting at {@code from}. */
    private static int digitRun(CharSequence text, int from) {
        int count = 0;
        for (int i = from; i < text.length() && Character.isDigit(Character.codePointAt(text, i));
             i += Character.charCount(Character.codePointAt(text, i))) {
            count++;
        }
        return count;
    }

    private static int skipDigits(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && Character.isDigit(Character.codePointAt(text, i))) {
            i += Character.charCount(Character.codePointAt(text, i));
        }
        return i;
    }

    private static boolean insideHexToken(CharSequence text, int start, int end) {
        int from = start;
        while (from > 0 && isHex(text.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < text.length() && isHex(text.charAt(to))) {
            to++;
        }
        return to - from >= 32 && isHexSpan(text, from, to);
    }

    private static boolean isHexSpan(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHex(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Parsed invalid() {
        return new Parsed(null, "is not a valid personnummer (expected YYYYMMDD-NNNN, YYMMDD-NNNN or 10/12 digits)");
    }

    /** True when the last digit of these 10 digits is the Luhn check digit of the first nine. */
    public static boolean luhnValid(String tenDigits) {
        return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }

    /** The Luhn check digit of the nine digits YYMMDDNNN (the one check, also used by the demo's generator). */
    public static int checkDigit(CharSequence nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = nineDigits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * The value with every digit after the date part replaced by {@code *} (e.g. {@code 19850312-****},
     * {@code 850312-****}); short values are masked whole, so no identifying digits reach a message.
     */
    public static String mask(String raw) {
        String s = raw.strip();
        long digitCount = s.codePoints().filter(Character::isDigit).count();
        int keep = digitCount >= 12 ? 8 : digitCount >= 10 ? 6 : 0;
        StringBuilder out = new StringBuilder(s.length());
        int seen = 0;
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (Character.isDigit(c) && seen++ >= keep) {
                out.append('*');
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }
}
