package se.stegvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonnummerTest {

    @Test
    void checkDigitFollowsLuhnOnTheTenDigitForm() {
        // Skatteverket's textbook example 811218-987(6).
        assertThat(se.stegvis.ingest.Personnummer.checkDigit("811218987")).isEqualTo(6);
        assertThat(Personnummer.of(LocalDate.of(1981, 12, 18), 987)).isEqualTo("19811218-9876");
    }

    @Test
    void aChangedDigitIsCaughtByTheCheckDigit() {
        assertThat(Personnummer.isValid("19811218-9876")).isTrue();
        assertThat(Personnummer.isValid("19811218-9875")).isFalse();
        assertThat(Personnummer.isValid("19811219-9876")).isFalse();
        assertThat(Personnummer.isValid("198112189876")).isFalse();
    }

    @Test
    void serialsBelowOneHundredArePaddedAndStillValid() {
        String pnr = Personnummer.of(LocalDate.of(2001, 2, 3), 7);
        assertThat(pnr).startsWith("20010203-007");
        assertThat(Personnummer.isValid(pnr)).isTrue();
    }
}
