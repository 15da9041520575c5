package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonnummerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest
    @CsvSource({
        "19850312-1231, 198503121231",
        "198503121231, 198503121231",
        "850312-1231, 198503121231",
        "8503121231, 198503121231",
        "010730-7894, 200107307894",
        "19780165-3218, 197801653218",
        "121212+1212, 191212121212",
        "20121212-1212, 201212121212"})
    void acceptedFormsNormaliseToTwelveDigits(String raw, String twelve) {
        assertThat(Personnummer.parse(raw, TODAY).twelveDigits()).isEqualTo(twelve);
    }

    @ParameterizedTest
    @CsvSource({
        "19850312-1232, the check digit does not match",
        "19851312-1239, the birth date part is not a date",
        "19850230-1236, the birth date part is not a date",
        "1985031-21231, expected YYYYMMDD-NNNN",
        "850312-123, expected YYYYMMDD-NNNN",
        "85031212311, expected YYYYMMDD-NNNN",
        "8503I21231, expected YYYYMMDD-NNNN"})
    void invalidNumbersSayWhy(String raw, String reason) {
        Personnummer.Parsed p = Personnummer.parse(raw, TODAY);
        assertThat(p.valid()).isFalse();
        assertThat(p.problem()).contains(reason);
    }

    @Test
    void luhnChecksTheTenDigitForm() {
        assertThat(Personnummer.luhnValid("8112189876")).isTrue();
        assertThat(Personnummer.luhnValid("8112189875")).isFalse();
    }

    @Test
    void maskKeepsOnlyTheDatePart() {
        assertThat(Personnummer.mask("19850312-1231")).isEqualTo("19850312-****");
        assertThat(Personnummer.mask("850312-1231")).isEqualTo("850312-****");
        assertThat(Personnummer.mask("198503121231")).isEqualTo("19850312****");
        assertThat(Personnummer.mask("1985-03")).isEqualTo("****-**");
    }

    @Test
    void pseudonymIsKeyedAndStable() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("key");
        PseudonymKey a = PseudonymKey.generate(dir.resolve("a.key"));
        a.save();
        Pseudonymiser fromFile = new Pseudonymiser(PseudonymKey.read(dir.resolve("a.key")));
        Pseudonymiser other = new Pseudonymiser(PseudonymKey.generate(dir.resolve("b.key")));
        String id = new Pseudonymiser(a).personId("198503121231");
        assertThat(id).matches("[0-9a-f]{64}").isEqualTo(fromFile.personId("198503121231"));
        assertThat(other.personId("198503121231")).isNotEqualTo(id);
        assertThat(PseudonymKey.read(dir.resolve("a.key")).id()).isEqualTo(a.id()).hasSize(16);
    }

    @Test
    void findMaskedFindsNumbersInsideOtherTextButNotInLongerDigitRunsOrHashes() {
        LocalDate today = LocalDate.of(2026, 1, 1);
        assertThat(Personnummer.findMasked("E-19850312-1231", today)).containsExactly("19850312-****");
        assertThat(Personnummer.findMasked("handläggare 901102-4560, tel", today)).containsExactly("901102-****");
        assertThat(Personnummer.findMasked("a8503121231b 19901102+4560", today)).containsExactly("850312****", "19901102+****");
        assertThat(Personnummer.findMasked("198503121231-9", today)).containsExactly("19850312****");
        assertThat(Personnummer.findMasked("1198503121231", today)).as("13 digits").isEmpty();
        assertThat(Personnummer.findMasked("19850312-12311", today)).as("5 digits after the dash").isEmpty();
        assertThat(Personnummer.findMasked("19850312-1232", today)).as("wrong check digit").isEmpty();
        assertThat(Personnummer.findMasked("ab" + "0".repeat(20) + "8503121231", today)).as("inside a 32-character hash").isEmpty();
        assertThat(Personnummer.findMasked("M3.06,-304.4404296875 8503121231.5", today)).as("decimals in a chart").isEmpty();
        assertThat(Personnummer.findMasked("nr 8503121231.", today)).as("at the end of a sentence").containsExactly("850312****");
    }

    /** Every way a personnummer is written by hand or pasted from another system, each found inside free text. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "space                 | Ludvika 910704 4571",
        "no-break space        | Ludvika 910704\u00a04571",
        "dot                   | Ludvika 910704.4571",
        "slash                 | Ludvika 910704/4571",
        "dash with century     | Ludvika 19910704-4571",
        "plus                  | Ludvika 910704+4571",
        "no separator          | Ludvika 9107044571",
        "century, no separator | Ludvika 199107044571",
        "century and space     | Ludvika 19910704 4571",
        "full-width digits     | Ludvika \uff19\uff11\uff10\uff17\uff10\uff14-\uff14\uff15\uff17\uff11",
        "full-width hyphen     | Ludvika \uff19\uff11\uff10\uff17\uff10\uff14\uff0d\uff14\uff15\uff17\uff11",
        "Arabic-Indic digits   | Ludvika \u0669\u0661\u0660\u0667\u0660\u0664 \u0664\u0665\u0667\u0661",
        "mathematical digits   | Ludvika \ud835\udfeb\ud835\udfe3\ud835\udfe2\ud835\udfe9\ud835\udfe2\ud835\udfe6-\ud835\udfe6\ud835\udfe7\ud835\udfe9\ud835\udfe3"})
    void findsEverySeparatorAndDigitForm(String form, String text) {
        List<String> found = Personnummer.findMasked(text, TODAY);
        assertThat(found).as(form).hasSize(1);
        assertThat(found.get(0)).as("only the date part is shown").endsWith("****");
        assertThat(Personnummer.mask(text)).as(form).doesNotContain("4571");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ludvika 910704 4572",
        "tel 0240 123456",
        "910704  4571",
        "9107044 4571",
        "910704 45711",
        "2019.08.01 1234"})
    void leavesOtherNumbersAlone(String text) {
        assertThat(Personnummer.findMasked(text, TODAY)).isEmpty();
    }

    @Test
    void theColumnReadsTheSameFormsAsTheDetectorFinds() {
        assertThat(Personnummer.parse("\uff11\uff19\uff19\uff11\uff10\uff17\uff10\uff14 \uff14\uff15\uff17\uff11", TODAY).twelveDigits())
                .isEqualTo(Personnummer.parse("19910704-4571", TODAY).twelveDigits()).isEqualTo("199107044571");
    }
}
