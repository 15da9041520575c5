package se.stegvis.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.stegvis.dictionary.DataDictionary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every validation rule with a failing and a passing case, on the canonical fixture cohort with one change. */
class ValidationRulesTest {

    private static final DataDictionary DICTIONARY = DataDictionary.fromClasspath();

    @TempDir
    Path dir;

    static List<ImportError> validate(Path... inputs) throws ImportFailure {
        List<ImportError> errors = new ArrayList<>();
        CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).build()
                .validate(List.of(inputs), Optional.empty());
        return errors;
    }

    private static List<String> messages(List<ImportError> errors) {
        return errors.stream().map(ImportError::toString).toList();
    }

    @Test
    void canonicalFixturesHaveNoErrors() throws Exception {
        assertThat(validate(CohortFiles.canonical(dir).folder())).isEmpty();
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                arguments("impossible date", "events", "E1,2019-03-01,first_meeting", "E1,2019-02-31,first_meeting",
                        "events.csv row 4, column event_date: \"2019-02-31\" is not a date (expected YYYY-MM-DD or YYYYMMDD)"),
                arguments("date in another form", "events", "E1,2019-03-01,first_meeting", "E1,01/03/2019,first_meeting",
                        "events.csv row 4, column event_date: \"01/03/2019\" is not a date (expected YYYY-MM-DD or YYYYMMDD;"
                                + " it is ambiguous: 1 March 2019 is 2019-03-01, 3 January 2019 is 2019-01-03)"),
                arguments("date with a time of day", "events", "E1,2019-03-01,first_meeting", "E1,2019-03-01 14:30,first_meeting",
                        "events.csv row 4, column event_date: \"2019-03-01 14:30\" has a time of day, 14:30 (expected a date alone,"
                                + " YYYY-MM-DD or YYYYMMDD; only the day is stored, so write 2019-03-01 if that is the day meant)"),
                arguments("day first", "events", "E1,2019-03-01,first_meeting", "E1,13/3/2019,first_meeting",
                        "events.csv row 4, column event_date: \"13/3/2019\" is not a date (expected YYYY-MM-DD or YYYYMMDD;"
                                + " if you mean 13 March 2019, write 2019-03-13)"),
                arguments("month first", "events", "E1,2019-03-01,first_meeting", "E1,3/13/2019,first_meeting",
                        "events.csv row 4, column event_date: \"3/13/2019\" is not a date (expected YYYY-MM-DD or YYYYMMDD;"
                                + " if you mean 13 March 2019, write 2019-03-13)"),
                arguments("day and month that are no date either way", "events", "E1,2019-03-01,first_meeting", "E1,31/13/2019,first_meeting",
                        "events.csv row 4, column event_date: \"31/13/2019\" is not a date (expected YYYY-MM-DD or YYYYMMDD)"),
                arguments("not a whole number", "episodes", ",1985,k,false,gymnasial,forsorjningsstod", ",19x5,k,false,gymnasial,forsorjningsstod",
                        "episodes.csv row 2, column birth_year: \"19x5\" is not a whole number"),
                arguments("not a number", "staffing", "evi,Ludvika,2019-01,1.5", "evi,Ludvika,2019-01,1.5.2",
                        "staffing.csv row 2, column fte: \"1.5.2\" is not a number (expected e.g. 1.5 or 1,5)"),
                arguments("not a month", "staffing", "evi,Ludvika,2019-01,1.5", "evi,Ludvika,2019-13,1.5",
                        "staffing.csv row 2, column month: \"2019-13\" is not a month (expected YYYY-MM)"),
                arguments("not a yes/no", "episodes", "E1,19850312-1231,evi,Ludvika,2019-02-01,ifo,1985,k,false",
                        "E1,19850312-1231,evi,Ludvika,2019-02-01,ifo,1985,k,kanske",
                        "episodes.csv row 2, column born_abroad: \"kanske\" is not a yes/no value (expected one of true, ja, 1, j, yes or false, nej, 0, n, no)"),
                arguments("unknown code", "events", "E1,2019-02-10,decision_accepted", "E1,2019-02-10,accepted",
                        "events.csv row 3, column event_type: \"accepted\" is not one of the allowed codes (expected one of referral,"),
                arguments("required value missing", "exits", "E1,2019-08-30,arbete,lon,arbete", "E1,2019-08-30,,lon,arbete",
                        "exits.csv row 2, column destination: is empty (a value is required)"),
                arguments("below minimum", "episodes", ",1985,k,false,gymnasial,forsorjningsstod", ",1850,k,false,gymnasial,forsorjningsstod",
                        "episodes.csv row 2, column birth_year: \"1850\" is below the minimum 1900"),
                arguments("above maximum", "step_assessments", "E1,2019-08-30,stegvis-7,5,team", "E1,2019-08-30,stegvis-7,8,team",
                        "step_assessments.csv row 3, column step: \"8\" is above the maximum 7"),
                arguments("step not on its ladder", "step_assessments", "E2,2019-10-01,sus-5,5,", "E2,2019-10-01,sus-5,6,",
                        "step_assessments.csv row 5, column step: \"6\" is not a step of ladder sus-5 (expected 1-5)"),
                arguments("too long", "episodes", "E1,19850312-1231,evi,Ludvika,", "E1,19850312-1231,evi," + "L".repeat(65) + ",",
                        "episodes.csv row 2, column municipality: \"" + "L".repeat(65) + "\" is 65 characters long (expected at most 64)"),
                arguments("formula in a text cell", "episodes", "E1,19850312-1231,evi,Ludvika,", "E1,19850312-1231,evi,=HYPERLINK(1),",
                        "episodes.csv row 2, column municipality: \"=HYPERLINK(1)\" starts with = and could run as a spreadsheet formula"),
                arguments("personnummer outside its column", "episodes", "E3,20010730-7894,", "20010730-7894,20010730-7894,",
                        "episodes.csv row 4, column episode_id: \"20010730-****\" holds a personnummer"),
                arguments("personnummer check digit", "episodes", "E1,19850312-1231", "E1,19850312-1232",
                        "episodes.csv row 2, column personnummer: \"19850312-****\" is not a valid personnummer (the check digit does not match)"),
                arguments("personnummer date", "episodes", "E1,19850312-1231", "E1,19851312-1239",
                        "episodes.csv row 2, column personnummer: \"19851312-****\" is not a valid personnummer (the birth date part is not a date)"),
                arguments("personnummer form", "episodes", "E1,19850312-1231", "E1,1985-0312",
                        "episodes.csv row 2, column personnummer: \"****-****\" is not a valid personnummer (expected YYYYMMDD-NNNN"),
                arguments("neither personnummer nor person_id", "episodes", "E1,19850312-1231,", "E1,,",
                        "episodes.csv row 2, column personnummer: is empty and so is person_id (one of them is required)"),
                arguments("duplicate key", "events", "E1,2019-02-10,decision_accepted\n", "E1,2019-02-10,decision_accepted\nE1,2019-02-10,decision_accepted\n",
                        "events.csv row 4, column episode_id + event_type + event_date: \"E1, decision_accepted, 2019-02-10\" repeats row 3"),
                arguments("event of an unknown episode", "events", "E1,2019-02-10,decision_accepted", "E99,2019-02-10,decision_accepted",
                        "events.csv row 3, column episode_id: \"E99\" matches no episode_id in episodes (neither in this import nor already in the store)"),
                arguments("follow-up of an episode without exit", "follow_ups", "E1,90,2019-11-28,arbete", "E2,90,2019-11-28,arbete",
                        "follow_ups.csv row 2, column episode_id: \"E2\" matches no episode_id in exits"),
                arguments("event before referral", "events", "E1,2019-02-10,decision_accepted", "E1,2019-01-10,decision_accepted",
                        "events.csv row 3, column event_date: \"2019-01-10\" is before the referral_date 2019-02-01 in episodes (expected on or after it)"),
                arguments("assessment before referral", "step_assessments", "E1,2019-03-01,stegvis-7", "E1,2019-01-01,stegvis-7",
                        "step_assessments.csv row 2, column assessed_on: \"2019-01-01\" is before the referral_date 2019-02-01 in episodes"),
                arguments("exit before referral", "exits", "E1,2019-08-30,arbete", "E1,2018-08-30,arbete",
                        "exits.csv row 2, column exit_date: \"2018-08-30\" is before the referral_date 2019-02-01 in episodes"),
                arguments("follow-up before exit", "follow_ups", "E1,90,2019-11-28,arbete", "E1,90,2019-08-01,arbete",
                        "follow_ups.csv row 2, column observed_on: \"2019-08-01\" is before the exit_date 2019-08-30 in exits"),
                arguments("unknown column", "episodes", "consent,episode_kind", "samtycket,episode_kind",
                        "episodes.csv row 1: \"samtycket\" is not a column of episodes (expected episode_id,"),
                arguments("required column missing", "exits", "exit_date,destination,", "exit_date,,",
                        "exits.csv row 1: has no column destination (required; also accepted as avslutsorsak, till)"),
                arguments("column named twice", "exits", "episode_id,exit_date,destination,income_source_at_exit",
                        "episode_id,exit_date,destination,avslutsdatum",
                        "exits.csv row 1: \"avslutsdatum\" names column exit_date a second time (first as \"exit_date\")"),
                arguments("too many values", "events", "E1,2019-03-01,first_meeting", "E1,2019-03-01,first_meeting,extra",
                        "events.csv row 4: has 4 values but the header has 3 columns"),
                arguments("quote never closed", "events", "E5,2021-04-20,referral", "E5,\"2021-04-20,referral",
                        "events.csv row 11: a quoted value starting in this row is never closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void ruleRejectsBadValueNamingFileRowColumnAndValue(String rule, String table, String from, String to, String expected)
            throws Exception {
        CohortFiles files = CohortFiles.canonical(dir).replace(table, from, to);
        assertThat(messages(validate(files.folder()))).anySatisfy(m -> assertThat(m).startsWith(expected));
    }

    static Stream<Arguments> passing() {
        return Stream.of(
                arguments("date as YYYYMMDD", "events", "E1,2019-03-01,first_meeting", "E1,20190301,first_meeting"),
                arguments("date with a midnight time", "events", "E1,2019-03-01,first_meeting", "E1,2019-03-01 00:00:00,first_meeting"),
                arguments("date with an ISO midnight time", "events", "E1,2019-03-01,first_meeting", "E1,2019-03-01T00:00,first_meeting"),
                arguments("decimal comma", "staffing", "evi,Ludvika,2019-01,1.5", "evi,Ludvika,2019-01,\"1,5\""),
                arguments("month as YYYYMM", "staffing", "evi,Ludvika,2019-01,1.5", "evi,Ludvika,201901,1.5"),
                arguments("Swedish yes", "episodes", "E1,19850312-1231,evi,Ludvika,2019-02-01,ifo,1985,k,false",
                        "E1,19850312-1231,evi,Ludvika,2019-02-01,ifo,1985,k,Ja"),
                arguments("code in upper case", "episodes", "E1,19850312-1231,evi", "E1,19850312-1231,EVI"),
                arguments("code as its Swedish label", "episodes", ",2019-02-01,ifo,", ",2019-02-01,Socialtjänst (IFO),"),
                arguments("optional value empty", "exits", "E1,2019-08-30,arbete,lon,arbete", "E1,2019-08-30,arbete,,"),
                arguments("value at the minimum", "episodes", ",1985,k,false,gymnasial,forsorjningsstod", ",1900,k,false,gymnasial,forsorjningsstod"),
                arguments("step on its ladder", "step_assessments", "E2,2019-10-01,sus-5,5,", "E2,2019-10-01,sus-5,1,"),
                arguments("ten-digit personnummer", "episodes", "E1,19850312-1231", "E1,850312-1231"),
                arguments("twelve digits without dash", "episodes", "E1,19850312-1231", "E1,198503121231"),
                arguments("event on the referral date", "events", "E1,2019-02-10,decision_accepted", "E1,2019-02-01,decision_accepted"),
                arguments("follow-up on the exit date", "follow_ups", "E1,90,2019-11-28,arbete", "E1,90,2019-08-30,arbete"),
                arguments("Swedish headers", "events", "episode_id,event_date,event_type", "Episod-id, Händelsedatum ,HÄNDELSE"),
                arguments("same event type on two dates", "events", "E1,2019-02-10,decision_accepted\n",
                        "E1,2019-02-10,decision_accepted\nE1,2019-02-11,decision_accepted\n"),
                arguments("quoted value with separator and quote", "episodes", "E1,19850312-1231,evi,Ludvika,",
                        "E1,19850312-1231,evi,\"Ludvika, \"\"norra\"\"\","));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void ruleAcceptsGoodValue(String rule, String table, String from, String to) throws Exception {
        CohortFiles files = CohortFiles.canonical(dir).replace(table, from, to);
        assertThat(messages(validate(files.folder()))).isEmpty();
    }

    @Test
    void fileNotNamedAfterTableIsRejected() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir);
        Files.copy(files.file("events"), dir.resolve("hendelser.csv"));
        assertThat(messages(validate(files.folder()))).singleElement().asString()
                .startsWith("hendelser.csv: is not named after a table");
    }

    @Test
    void swedishTableNamesAreAccepted() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir);
        Files.move(files.file("events"), dir.resolve("händelser.csv"));
        Files.move(files.file("episodes"), dir.resolve("Episoder.csv"));
        Files.move(files.file("step_assessments"), dir.resolve("stegbedomningar.csv"));
        Files.move(files.file("follow_ups"), dir.resolve("uppföljningar.csv"));
        Files.move(files.file("exits"), dir.resolve("avslut.csv"));
        Files.move(files.file("staffing"), dir.resolve("bemanning.csv"));
        ImportResult result = CohortImporter.builder(DICTIONARY).build().validate(List.of(dir), Optional.empty());
        assertThat(result.ok()).isTrue();
        assertThat(result.sources()).extracting(s -> s.source() + " " + s.table() + " " + s.rows()).containsExactlyInAnyOrder(
                "avslut.csv exits 2", "bemanning.csv staffing 3", "Episoder.csv episodes 5", "händelser.csv events 10",
                "stegbedomningar.csv step_assessments 4", "uppföljningar.csv follow_ups 2");
    }

    @Test
    void everyErrorOfEveryFileIsReported() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir)
                .replace("events", "E1,2019-03-01,first_meeting", "E1,2019-02-31,first_meeting")
                .replace("events", "E2,2019-04-01,first_meeting", "E2,2019-04-01,first_meting")
                .replace("staffing", "uma,Ludvika,2019-02,0.75", "uma,Ludvika,2019-02,-1");
        assertThat(messages(validate(files.folder()))).containsExactly(
                "events.csv row 4, column event_date: \"2019-02-31\" is not a date (expected YYYY-MM-DD or YYYYMMDD)",
                "events.csv row 7, column event_type: \"first_meting\" is not one of the allowed codes (expected one of referral,"
                        + " decision_accepted, decision_not_relevant, declined, first_meeting, mapping_done, plan_established,"
                        + " activity_start, exit, or their Swedish labels in code list event_type)",
                "staffing.csv row 4, column fte: \"-1\" is below the minimum 0");
    }

    @Test
    void codesReadOtherThanExactlyAreNotedOncePerDistinctValue() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir)
                .replace("episodes", "evi,Ludvika,2019-02-01,ifo,", "Evi,Ludvika,2019-02-01,Socialtjänsten,")
                .replace("episodes", ",af,", ",AF,")
                .replace("episodes", ",egen,", ",Socialtjänsten,")
                .replace("episodes", ",fk,", ",Försäkringskassan,")
                .replace("episodes", ",varden,", ",socialtjansten,");
        List<String> messages = new ArrayList<>();
        List<ImportError> errors = new ArrayList<>();
        CohortImporter.builder(DICTIONARY).errors(ErrorSink.collecting(errors)).messages(messages::add).build()
                .validate(List.of(files.folder()), Optional.empty());
        assertThat(errors).isEmpty();
        assertThat(messages).filteredOn(m -> m.contains(" read as ")).containsExactly(
                "episodes.csv column programme: \"Evi\" read as evi (EVI (En Väg In)), 1 row",
                "episodes.csv column referral_source: \"Socialtjänsten\" read as ifo (Socialtjänst (IFO)), 2 rows",
                "episodes.csv column referral_source: \"AF\" read as af (Arbetsförmedlingen), 1 row",
                "episodes.csv column referral_source: \"socialtjansten\" read as ifo (Socialtjänst (IFO)), 1 row");
    }

    @Test
    void nearDuplicateMunicipalitiesAreWarnedAboutAndTheImportGoesOn() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir)
                .replace("episodes", "uma,Ludvika,", "uma,ludvika,")
                .replace("episodes", "klientsupport,Båstad,", "klientsupport,Ludvika,")
                .replace("episodes", "rehabteamet,Ludvika,", "rehabteamet,Ludvkia,")
                .replace("staffing", "uma,Ludvika,", "uma,Smedjebacken,");
        List<String> messages = new ArrayList<>();
        Path db = dir.resolve("s.duckdb");
        ImportResult result = CohortImporter.builder(DICTIONARY).messages(messages::add).build()
                .importInto(db, List.of(files.folder()));
        assertThat(result.written()).isTrue();
        assertThat(messages).filteredOn(m -> m.startsWith("Warning")).containsExactly(
                "Warning: episodes.csv column municipality: \"Ludvika\" 2 rows, \"Ludvkia\" 1 row, \"ludvika\" 1 row"
                        + " may be one value written differently (correct them, or ignore this if they differ; the import goes on)");
    }

    @Test
    void rowWithErrorsDoesNotCascadeIntoReferenceErrors() throws Exception {
        CohortFiles files = CohortFiles.canonical(dir).replace("episodes", "E2,19901102-4560", "E2,19901102-4561");
        assertThat(validate(files.folder())).singleElement().extracting(ImportError::column).isEqualTo("personnummer");
    }

    @Test
    void missingInputIsReported() throws IOException, ImportFailure {
        assertThat(messages(validate(dir.resolve("nothing-here")))).singleElement().asString().endsWith("does not exist");
    }
}
