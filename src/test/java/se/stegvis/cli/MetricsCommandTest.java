package se.stegvis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.stegvis.metrics.TestCohort;
import se.stegvis.store.CohortStore;

class MetricsCommandTest {
    @TempDir
    static Path dir;
    static Path db;

    /** Seven episodes in A (two exits to work), three in B. */
    @BeforeAll
    static void store() throws Exception {
        db = dir.resolve("cli.duckdb");
        try (CohortStore store = CohortStore.open(db)) {
            TestCohort t = TestCohort.on(store.connection());
            for (int i = 1; i <= 7; i++) {
                var e = t.episode("a" + i, "evi", "A", "2024-01-0" + i).event("first_meeting", "2024-01-2" + i);
                if (i <= 2) {
                    e.exit("2024-06-01", "arbete");
                }
            }
            for (int i = 1; i <= 3; i++) {
                t.episode("b" + i, "evi", "B", "2024-02-0" + i);
            }
        }
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aDbThatIsNotAStoreIsNamedAsSuch() throws Exception {
        Path episodes = Files.writeString(dir.resolve("episodes.csv"), "episode_id,person_id\nE1,p1\n");
        Run csv = run("metrics", "funnel", "--db", episodes.toString());
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains(episodes + " is not a stegvis store").doesNotContain("in-memory");
        byte[] sqlite = Arrays.copyOf("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 4096);
        Path old = Files.write(dir.resolve("old.sqlite"), sqlite);
        Run lite = run("metrics", "funnel", "--db", old.toString());
        assertThat(lite.code()).isEqualTo(2);
        assertThat(lite.err()).contains("is an SQLite database, not a stegvis store").doesNotContain("sqlite_scanner");
    }

    @Test
    void funnelCsvHidesSmallCountsByDefault() {
        Run r = run("metrics", "funnel", "--db", db.toString(), "--as-of", "2024-12-31", "--by", "municipality");
        assertThat(r.code()).isZero();
        String[] lines = r.out().lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertThat(lines[0]).isEqualTo("group,stage,n,n_flag,share,share_flag,lower,lower_flag,upper,upper_flag,"
                + "from_n,from_n_flag,conv_n,conv_n_flag,conversion,conversion_flag,conv_lower,conv_lower_flag,"
                + "conv_upper,conv_upper_flag");
        assertThat(r.out()).contains("A,referred,7,,").contains("B,referred,,small,");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unsuppressedWarnsAndMarksEveryFormat() throws Exception {
        Run csv = run("metrics", "funnel", "--db", db.toString(), "--as-of", "2024-12-31", "--by", "municipality",
                "--unsuppressed");
        assertThat(csv.err()).contains("UNSUPPRESSED");
        assertThat(csv.out()).startsWith("# OSKYDDAD").contains("B,referred,3,");
        Run json = run("metrics", "leadtime", "--db", db.toString(), "--as-of", "2024-12-31", "--format", "json",
                "--unsuppressed");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("suppression").get("applied").asBoolean()).isFalse();
        assertThat(root.get("suppression").get("marker").asText()).contains("UNSUPPRESSED");
        assertThat(root.get("parts").get("summary").get(0).get("n").asLong()).isEqualTo(10);
        Run table = run("metrics", "flow", "--db", db.toString(), "--as-of", "2024-12-31", "--format", "table",
                "--unsuppressed", "--lang", "en");
        assertThat(table.out()).startsWith("!!! OSKYDDAD").contains("Flow per calendar month");
    }

    @Test
    void leadTimeExportsPerEpisodeSpansOnlyWhenUnsuppressed() throws Exception {
        Path csv = dir.resolve("episodes.csv");
        Run refused = run("metrics", "leadtime", "--db", db.toString(), "--episodes-csv", csv.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("needs --unsuppressed");
        Run ok = run("metrics", "leadtime", "--db", db.toString(), "--as-of", "2024-12-31", "--from", "referral",
                "--to", "first_meeting", "--episodes-csv", csv.toString(), "--unsuppressed");
        assertThat(ok.code()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(11).first().isEqualTo("time,status,group,arm");
    }

    @Test
    void everyMetricRunsAndBadArgumentsAreClear() {
        for (String name : new String[] {"funnel", "steps", "transitions", "leadtime", "flow", "outcomes",
            "flow-quality", "compare", "data-quality"}) {
            Run r = run("metrics", name, "--db", db.toString(), "--part", "all", "--by", "municipality");
            assertThat(r.code()).as(name + ": " + r.err()).isZero();
            assertThat(r.out()).as(name).isNotBlank();
        }
        assertThat(run("metrics", "cycling", "--db", db.toString(), "--by", "municipality").code()).isZero();
        assertThat(run("metrics", "nonsense", "--db", db.toString()).err()).contains("unknown metric");
        assertThat(run("metrics", "funnel", "--db", db.toString(), "--by", "pnr").err()).contains("cannot group by");
        assertThat(run("metrics", "funnel", "--db", dir.resolve("missing.duckdb").toString()).code()).isEqualTo(2);
    }

    @Test
    void programmeAndMunicipalityMatchInAnyCase() {
        Run r = run("metrics", "funnel", "--db", db.toString(), "--as-of", "2024-12-31", "--programme", "EVI",
                "--municipality", "a", "--unsuppressed");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("all,referred,7,");
    }

    @Test
    void anUnknownMunicipalityIsExitTwoWithTheKnownValuesAndNoHeader() {
        Run r = run("metrics", "funnel", "--db", db.toString(), "--municipality", "Ludvica");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "stegvis metrics: --municipality \"Ludvica\" matches no municipality in the store; known: A, B");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aUnitSplitMatchesInAnyCaseAndRefusesAnUnknownValue() {
        Run ok = run("metrics", "leadtime", "--db", db.toString(), "--as-of", "2024-12-31", "--split-by", "municipality",
                "--baseline", "a", "--comparison", "B", "--by", "arm", "--unsuppressed");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("baseline,7,").contains("comparison,3,");
        Run r = run("metrics", "leadtime", "--db", db.toString(), "--split-by", "municipality", "--baseline", "A",
                "--comparison", "Ludvica");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "stegvis metrics: --comparison \"Ludvica\" matches no municipality in the store; known: A, B");
    }

    @Test
    void aSelectionMatchingNoEpisodeSaysSoInsteadOfAnEmptyTable() {
        Run r = run("metrics", "leadtime", "--db", db.toString(), "--as-of", "2024-12-31", "--referred-from", "2024-03-01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "stegvis metrics: no episode matches the selection: referred 2024-03-01..; as of 2024-12-31");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badDatesLanguagesAndMilestoneOrderAreOneLineErrors() {
        String[][] cases = {
            {"--as-of", "2024-13-01", "--as-of \"2024-13-01\" is not a date (expected YYYY-MM-DD)"},
            {"--referred-to", "31/12/2024", "--referred-to \"31/12/2024\" is not a date (expected YYYY-MM-DD)"},
            {"--split-at", "2024-02-30", "--split-at \"2024-02-30\" is not a date (expected YYYY-MM-DD)"},
            {"--lang", "de", "--lang \"de\" is not a language of the labels; sv or en"},
            {"--from", "exit", "a lead time from exit to first_meeting runs backwards:"
                    + " referral is every episode's first milestone and exit its last"},
        };
        for (String[] c : cases) {
            Run r = run("metrics", "leadtime", "--db", db.toString(), c[0], c[1]);
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("stegvis metrics: " + c[2]);
            assertThat(r.out()).isEmpty();
        }
        Run swapped = run("metrics", "leadtime", "--db", db.toString(), "--from", "first_meeting", "--to", "referral");
        assertThat(swapped.code()).isEqualTo(2);
        assertThat(swapped.err().strip()).isEqualTo("stegvis metrics: a lead time from first_meeting to referral runs"
                + " backwards: referral is every episode's first milestone and exit its last");
    }

    @Test
    void metricWhoseOptionalTableIsMissingSaysWhichAndHowToProvideIt() {
        for (String[] nameTable : new String[][] {{"right-support", "income_sources"}, {"intensity", "contacts"},
            {"partner-input", "partner_hours"}, {"ratings", "ratings"}}) {
            Run r = run("metrics", nameTable[0], "--db", db.toString());
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("needs table " + nameTable[1] + " (" + nameTable[1] + ".csv, see data-dictionary/GLOSSARY.md)");
        }
    }

    @Test
    void goalsNeedTheSettingsFileAndAreEvaluatedFromIt() throws Exception {
        assertThat(run("metrics", "goals", "--db", db.toString()).err()).contains("beside the store or give --settings FILE");
        Path settings = java.nio.file.Files.writeString(dir.resolve("goals.properties"),
                "goal.work.rate=exit_work_or_studies\ngoal.work.within_days=365\ngoal.work.target=0.1\n");
        Run r = run("metrics", "goals", "--db", db.toString(), "--settings", settings.toString(), "--unsuppressed");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("id,label,rate,selection,within_days,target,target_flag,direction,n,n_flag,denominator,"
                + "denominator_flag,share,share_flag,lower,lower_flag,upper,upper_flag,status,note");
        assertThat(r.out()).contains("work,work,exit_work_or_studies");
    }
}
