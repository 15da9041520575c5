package se.stegvis.ingest;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.dictionary.DataDictionary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Differential test of the bulk path: one cell of the fixture cohort set to an awkward value, imported
 * once as plain CSV (bulk first) and once with a quoted header (row by row only). The errors, and the
 * stored rows when the import succeeds, must be the same.
 */
class BulkRowByRowAgreementTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    /** Values near the edges of what each field type accepts. */
    private static final List<String> VALUES = List.of("", " ", "x", " x", "x ", "\u00a0x", "x\u2003", "\u3000x", "=x", "+x",
            "-x", "@x", "E 1", "Åsa", "ÅSA", "a-b", "a;b", "a|b", "7", "07", "+7", "-7", "1 985", "1985", "1985.0", "2025",
            "1899", "1,5", "1.5", "1,5,0", "1.5e3", "1e3", "0", "0.0", ".5", "5.", "2019-02-01", "20190201", "2019-2-1",
            "2019-02-29", "2020-02-29", "1899-12-31", "2101-01-01", "2019-02", "201902", "2019-13", "true", "TRUE", "ja",
            "Ja", "j", "yes", "1", "nej", "no", "0", "k", "K", "kvinna", "evi", "EVI", "Evi", "team", "stegvis-7",
            "sus-5", "19850312-1231", "x 850312-1231 y", "8503121231", "E1", "E2", "ok.", "(x)", "a\tb", "\uFEFFE1",
            "ludvika", "Ludvkia", "AF", "Socialtjänsten", "En väg in", "2019-02-01 10:15", "13/2/2019", "1/2/2019",
            "2019-02-01T00:00", "Evi ", "2019-02-01 00:00", "EVI (En Väg In)", "2019-02-01 00:00:00");

    /** Table, column and where the column is in that table's fixture file. */
    private record Target(String table, String column, int cell) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("episodes", "municipality", 3), new Target("episodes", "referral_date", 4),
            new Target("episodes", "birth_year", 6), new Target("episodes", "gender", 7), new Target("episodes", "born_abroad", 8),
            new Target("episodes", "programme", 2), new Target("episodes", "episode_kind", 13),
            new Target("episodes", "personnummer", 1), new Target("staffing", "month", 2), new Target("staffing", "fte", 3),
            new Target("step_assessments", "ladder", 2), new Target("step_assessments", "step", 3),
            new Target("step_assessments", "episode_id", 0));

    @TempDir
    Path dir;

    private record Outcome(List<String> errors, List<String> rows) {
    }

    private Outcome importOnce(Path folder, String table, Path key, String name) throws Exception {
        List<ImportError> errors = new ArrayList<>();
        Path db = dir.resolve(name + ".duckdb");
        ImportResult result = CohortImporter.builder(DICTIONARY).keyFile(key).errors(ErrorSink.collecting(errors)).build()
                .importInto(db, List.of(folder));
        List<String> rows = result.written() ? BulkCsvStagingTest.rows(db, table) : List.of();
        return new Outcome(errors.stream().map(ImportError::toString).toList(), rows);
    }

    @Test
    void bulkAndRowByRowImportsAgreeOnEveryAwkwardValue() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        Path key = dir.resolve("shared.key");
        int n = 0;
        for (int v = 0; v < VALUES.size(); v++) {
            // each value into two columns of different types (all pairs would take minutes)
            for (Target target : List.of(TARGETS.get(v % TARGETS.size()), TARGETS.get((v + 6) % TARGETS.size()))) {
                String value = VALUES.get(v);
                Path plain = dir.resolve("p" + n);
                CohortFiles files = CohortFiles.canonical(plain);
                String text = Files.readString(files.file(target.table()));
                String line = text.lines().skip(1).findFirst().orElseThrow();
                String[] cells = line.split(",", -1);
                cells[target.cell()] = value;
                files.replace(target.table(), line + "\n", String.join(",", cells) + "\n");
                Path quoted = dir.resolve("q" + n);
                CohortFiles copy = CohortFiles.canonical(quoted);
                for (String t : CohortFiles.TABLES) {
                    String content = Files.readString(files.file(t));
                    Files.writeString(copy.file(t), "\"" + content.substring(0, content.indexOf(',')) + "\"" + content.substring(content.indexOf(',')));
                }
                Outcome bulk = importOnce(plain, target.table(), key, "b" + n);
                Outcome rows = importOnce(quoted, target.table(), key, "r" + n);
                softly.assertThat(bulk).as(target + " = \"" + value + "\"").isEqualTo(rows);
                n++;
            }
        }
        softly.assertAll();
    }
}
