package se.stegvis.demo;

import java.time.LocalDate;

/** Synthetic Swedish personal identity numbers, YYYYMMDD-NNNN with a valid Luhn check digit. */
public final class Personnummer {
    private Personnummer() {
    }

    /**
     * The personnummer of someone born on {@code birthDate} with birth serial {@code serial} (0-999);
     * the serial's last digit is odd for men and even for women, as Skatteverket assigns them.
     */
    public static String of(LocalDate birthDate, int serial) {
        if (serial < 0 || serial > 999) {
            throw new IllegalArgumentException("serial must be 0-999: " + serial);
        }
        char[] digits = new char[9];
        int yy = birthDate.getYear() % 100;
        put(digits, 0, yy);
        put(digits, 2, birthDate.getMonthValue());
        put(digits, 4, birthDate.getDayOfMonth());
        digits[6] = (char) ('0' + serial / 100);
        digits[7] = (char) ('0' + serial / 10 % 10);
        digits[8] = (char) ('0' + serial % 10);
        StringBuilder sb = new StringBuilder(13);
        sb.append(birthDate.getYear() / 100);
        sb.append(digits, 0, 6).append('-').append(digits, 6, 3).append(se.stegvis.ingest.Personnummer.checkDigit(new String(digits)));
        return sb.toString();
    }

    /** Whether {@code pnr} in the form YYYYMMDD-NNNN carries a valid check digit. */
    public static boolean isValid(String pnr) {
        if (pnr == null || pnr.length() != 13 || pnr.charAt(8) != '-') {
            return false;
        }
        String ten = pnr.substring(2, 8) + pnr.substring(9);
        return ten.chars().allMatch(c -> c >= '0' && c <= '9') && se.stegvis.ingest.Personnummer.luhnValid(ten);
    }

    private static void put(char[] digits, int at, int twoDigits) {
        digits[at] = (char) ('0' + twoDigits / 10);
        digits[at + 1] = (char) ('0' + twoDigits % 10);
    }
}
