package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** No personnummer reaches the database file or a message: the bytes are scanned after importing the fixtures. */
class PersonnummerLeakTest {

    /** A 10- or 12-digit run, optionally with - or + before the last four digits, not inside a longer digit run. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])(?:[0-9]{6}|[0-9]{8})[-+]?[0-9]{4}(?![0-9])");
    /** Hex tokens of 32+ characters are hashes (person_id, sha256), where digit runs occur by chance. */
    private static final Pattern HEX_TOKEN = Pattern.compile("[0-9a-f]{32,}");

    @TempDir
    Path dir;

    @Test
    void databaseFileHoldsNoPersonnummer() throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortImporter.builder(DataDictionary.fromClasspath()).build()
                .importInto(db, List.of(CohortFiles.canonical(dir.resolve("csv")).folder()));
        String bytes = new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("Ludvika"); // the scan reads stored text
        for (String pnr : CohortFiles.PERSONNUMMER) {
            String twelve = pnr.replace("-", "");
            assertThat(bytes).doesNotContain(twelve).doesNotContain(twelve.substring(2)).doesNotContain(pnr)
                    .doesNotContain(pnr.substring(2)).doesNotContain(pnr.substring(0, 8) + pnr.substring(9, 12));
        }
        assertThat(validPersonnummerOutsideHashes(bytes)).isEmpty();
    }

    @Test
    void errorMessagesShowPersonnummerMasked() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir.resolve("csv"))
                .replace("episodes", "E1,19850312-1231", "E1,19850312-1232")
                .replace("episodes", "E2,", "19901102-4560,")
                .replace("staffing", "fte", "850312-1231");
        List<ImportError> errors = new ArrayList<>();
        CohortImporter.builder(DataDictionary.fromClasspath()).errors(ErrorSink.collecting(errors)).build()
                .validate(List.of(files.folder()), java.util.Optional.empty());
        String all = String.join("\n", errors.stream().map(ImportError::toString).toList());
        assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).contains("19850312-****", "19901102-****", "850312-****");
        assertThat(validPersonnummerOutsideHashes(all)).isEmpty();
        assertThat(all).doesNotContain("1232").doesNotContain("4560").doesNotContain("1231");
    }

    /** Every substring shaped like a personnummer that is one (valid date and check digit), outside hash tokens. */
    static List<String> validPersonnummerOutsideHashes(String text) {
        String withoutHashes = HEX_TOKEN.matcher(text).replaceAll(" ");
        List<String> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(withoutHashes);
        while (m.find()) {
            if (Personnummer.parse(m.group(), LocalDate.now()).valid()) {
                found.add(Personnummer.mask(m.group()));
            }
        }
        return found;
    }

    @Test
    void scanFindsAPersonnummerWhereThereIsOne() {
        assertThat(validPersonnummerOutsideHashes("\u0000x19850312-1231\u0001 9a8b" + "0".repeat(40) + " 8503121231"))
                .containsExactly("19850312-****", "850312****");
    }
}
