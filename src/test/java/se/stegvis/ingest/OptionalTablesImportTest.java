package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.stegvis.dictionary.DataDictionary;
import se.stegvis.store.CohortStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional tables (contacts, income sources, applications, partner hours, context events,
 * ratings): a cohort without them imports, with them every row arrives typed, and a bad code or a
 * dangling reference in any of them stops the import with the row named.
 */
class OptionalTablesImportTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();
    static final List<String> OPTIONAL = List.of("contacts", "income_sources", "applications", "partner_hours",
            "context_events", "ratings");

    @TempDir
    Path dir;

    private final List<ImportError> errors = new ArrayList<>();

    private ImportResult importInto(Path db, Path input) throws ImportFailure {
        return CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).build()
                .importInto(db, List.of(input));
    }

    /** The canonical fixture cohort plus the optional tables' fixtures. */
    private CohortFiles withOptionalTables() throws IOException {
        CohortFiles files = CohortFiles.canonical(dir.resolve("csv"));
        for (String t : OPTIONAL) {
            try (InputStream in = getClass().getResourceAsStream("/ingest/optional/" + t + ".csv")) {
                Files.write(files.file(t), in.readAllBytes());
            }
        }
        return files;
    }

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CohortStore store = CohortStore.openReadOnly(db); Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cells.add(rs.getString(i));
                }
                out.add(String.join(" ", cells));
            }
        }
        return out;
    }

    @Test
    void cohortWithoutTheOptionalTablesStillImportsAndLeavesThemEmpty() throws Exception {
        Path db = dir.resolve("store.duckdb");
        ImportResult result = importInto(db, CohortFiles.canonical(dir.resolve("csv")).folder());
        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        try (CohortStore store = CohortStore.openReadOnly(db)) {
            assertThat(store.count("episodes")).isEqualTo(5);
            for (String t : OPTIONAL) {
                assertThat(store.count(t)).as(t).isZero();
            }
        }
    }

    @Test
    void optionalTablesArriveTypedWithPartnerListsCanonical() throws Exception {
        Path db = dir.resolve("store.duckdb");
        ImportResult result = importInto(db, withOptionalTables().folder());
        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(rows(db, "SELECT contact_date, kind, status, partners FROM contacts ORDER BY contact_date"))
                .containsExactly("2019-02-10 meeting held af|ifo", "2019-03-01 sip_meeting held af|fk|region",
                        "2019-03-20 phone cancelled null", "2019-04-01 meeting no_show ame");
        assertThat(rows(db, "SELECT episode_id, timing, source, extent FROM income_sources ORDER BY episode_id, timing, source"))
                .containsExactly("E1 entry forsorjningsstod full", "E1 exit forsorjningsstod partial", "E1 exit lon partial",
                        "E2 entry aktivitetsstod full");
        assertThat(rows(db, "SELECT decided_on, decision FROM applications ORDER BY applied_on"))
                .containsExactly("2020-11-15 refused", "null pending");
        assertThat(rows(db, "SELECT partner, month, hours_agreed, hours_given FROM partner_hours ORDER BY municipality DESC, partner"))
                .containsExactly("af 2019-01-01 16.0 14.5", "fk 2019-01-01 8.0 null", "region 2019-01-01 null 2.0");
        assertThat(rows(db, "SELECT coalesce(programme, '-'), kind, coalesce(CAST(ends_on AS VARCHAR), '-') FROM context_events ORDER BY starts_on"))
                .containsExactly("klientsupport intake_stop 2019-09-30", "- pandemic 2021-06-30", "- reform -");
        assertThat(rows(db, "SELECT instrument, score, timing FROM ratings ORDER BY episode_id, rated_on"))
                .containsExactly("fia 35.0 before", "fia 52.0 after", "qol 61.5 before");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "contacts       | E1,2019-02-10,meeting,held,af|E1,2019-02-10,meeting,held,af+kommunen | holds \"kommunen\", which is not one of the allowed codes",
        "contacts       | E2,2019-04-01,meeting,no_show,ame|E2,2019-04-01,meeting,maybe,ame | is not one of the allowed codes",
        "contacts       | sip_meeting,held,\"af, fk; Region/vården\"|sip_meeting,held,\" ;, \" | holds only separators and no code",
        "income_sources | E2,entry,0,aktivitetsstod,|E2,entry,0,bidrag, | is not one of the allowed codes",
        "applications   | E4,2020-07-01,sjukersattning,2020-11-15,refused|E4,2020-07-01,sjukersattning,2020-11-15,avslagen | is not one of the allowed codes",
        "partner_hours  | evi,Ludvika,region,2019-01,,2|evi,Ludvika,kyrkan,2019-01,,2 | is not one of the allowed codes",
        "context_events | ,,2022-01-01,,reform,AF:s reformering,AF reform|,,2022-01-01,,omorganisation,AF:s reformering,AF reform | is not one of the allowed codes",
        "ratings        | E2,qol,2019-04-01,\"61,5\",before|E2,qol,2019-04-01,\"61,5\",during | is not one of the allowed codes",
    })
    void badCodeInAnOptionalTableStopsTheImport(String table, String from, String to, String problem) throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortFiles files = withOptionalTables().replace(table.strip(), from.strip(), to.strip());
        ImportResult result = importInto(db, files.folder());
        assertThat(result.written()).isFalse();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(table.strip() + ".csv");
            assertThat(e.row()).isGreaterThan(1);
            assertThat(e.problem()).contains(problem.strip());
        });
        assertThat(db).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "contacts       | E9,2019-05-01,meeting,held,",
        "income_sources | E9,entry,0,lon,full",
        "applications   | E9,2020-07-01,sjukersattning,,pending",
        "ratings        | E9,fia,2019-02-10,35,before",
    })
    void rowOfAnEpisodeThatDoesNotExistStopsTheImport(String table, String line) throws Exception {
        Path db = dir.resolve("store.duckdb");
        CohortFiles files = withOptionalTables().append(table.strip(), line.strip());
        ImportResult result = importInto(db, files.folder());
        assertThat(result.written()).isFalse();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(table.strip() + ".csv");
            assertThat(e.value()).isEqualTo("E9");
            assertThat(e.problem()).startsWith("matches no episode_id in episodes");
        });
    }

    @Test
    void contactBeforeTheReferralIsRefused() throws Exception {
        CohortFiles files = withOptionalTables().append("contacts", "E1,2019-01-15,phone,held,");
        ImportResult result = importInto(dir.resolve("store.duckdb"), files.folder());
        assertThat(result.written()).isFalse();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.problem())
                .isEqualTo("is before the referral_date 2019-02-01 in episodes (expected on or after it)"));
    }

    @Test
    void optionalTablesMayComeInALaterImportOfTheSameStore() throws Exception {
        Path db = dir.resolve("store.duckdb");
        importInto(db, CohortFiles.canonical(dir.resolve("base")).folder());
        Path ratings = CohortFiles.write(dir.resolve("later/ratings.csv"), "episode_id,instrument,rated_on,score,timing",
                "E5,qol,2021-05-01,40,before");
        ImportResult result = importInto(db, ratings);
        assertThat(errors).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(rows(db, "SELECT episode_id, score FROM ratings")).containsExactly("E5 40.0");
    }
}
