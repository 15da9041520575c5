package se.stegvis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.stegvis.hardening.PersonnummerScan;

class RedactionTest {

    @Test
    void aValueCutShortForAMessageNeverEndsInAPersonnummer() {
        // 80 characters are shown: the cut leaves "12350312-1232", which reads as a personnummer,
        // although the whole value holds none (six digits after the dash). Found by Jazzer.
        String value = "1`8\\E]\\E]]]]]]52-C19]]]52-198503122-1;1?-912231]]]]]5212231]]]]]52-12350312-123231]";
        assertThat(PersonnummerScan.in(value)).isEmpty();
        assertThat(PersonnummerScan.in(value.substring(0, 80))).isNotEmpty();
        String shown = Redaction.forMessage(value);
        assertThat(shown).endsWith("…").hasSize(81);
        assertThat(PersonnummerScan.in(shown)).isEmpty();
    }

    @Test
    void anOrdinaryLongValueIsCutButNotMasked() {
        String value = "Arbetsförmedlingen ".repeat(6);
        assertThat(Redaction.forMessage(value)).isEqualTo(value.substring(0, 80) + "…");
    }

    @Test
    void theDigitsOfAnEscapedControlCharacterNeverCompleteAPersonnummer() {
        // U+0001 is shown as "\u0001"; its digits and the six after it read 0001850312, a valid
        // samordningsnummer (2000-01-25, check digit 2). Found by Jazzer (make fuzz).
        String value = "\u0001850312";
        assertThat(PersonnummerScan.in(value)).isEmpty();
        assertThat(PersonnummerScan.in("\\u0001850312")).isNotEmpty();
        String shown = Redaction.forMessage(value);
        assertThat(shown).startsWith("\\u");
        assertThat(PersonnummerScan.in(shown)).isEmpty();
        assertThat(PersonnummerScan.in(Redaction.name(value + ".csv"))).isEmpty();
    }
}
