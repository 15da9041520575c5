package se.stegvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.demo.CohortCsv.Table;

/** Row-level rules every generated cohort keeps, checked on the files as written. */
class DemoInvariantsTest {

    private static final LocalDate AS_OF = DemoOptions.DEFAULT_AS_OF;

    @TempDir
    static Path dir;

    static JsonNode dataPackage;
    static Map<Table, CsvTable> tables = new HashMap<>();
    static Map<String, Map<String, String>> episodes;
    static Map<String, Map<String, String>> exits;
    static Map<String, List<Map<String, String>>> eventsByEpisode;

    @BeforeAll
    static void generate() throws IOException {
        new DemoCohort(DemoOptions.defaults().withEpisodes(6000).withSeed(7)).writeTo(dir);
        dataPackage = new ObjectMapper().readTree(Path.of("data-dictionary/datapackage.json").toFile());
        for (Table t : Table.values()) {
            tables.put(t, CsvTable.read(dir.resolve(t.fileName())));
        }
        episodes = byId(tables.get(Table.EPISODES).rows());
        exits = byId(tables.get(Table.EXITS).rows());
        eventsByEpisode = tables.get(Table.EVENTS).rows().stream()
                .collect(Collectors.groupingBy(r -> r.get("episode_id")));
    }

    @Test
    void headersAreTheCanonicalColumnNamesOfTheDataPackage() {
        for (Table t : Table.values()) {
            assertThat(tables.get(t).header()).as(t.fileName()).containsExactlyElementsOf(fieldNames(t));
        }
    }

    @Test
    void everyValueKeepsItsColumnsTypeAndCodeList() {
        for (Table t : Table.values()) {
            for (JsonNode field : resource(t).at("/schema/fields")) {
                String column = field.get("name").asText();
                Set<String> codes = new HashSet<>();
                field.at("/constraints/enum").forEach(c -> codes.add(c.asText()));
                boolean required = field.at("/constraints/required").asBoolean(false);
                for (Map<String, String> row : tables.get(t).rows()) {
                    String v = row.get(column);
                    if (v.isEmpty()) {
                        assertThat(required).as("%s.%s empty in %s", t.resource, column, row).isFalse();
                        continue;
                    }
                    if (!codes.isEmpty()) {
                        List<String> values = field.has("x-list-separator") ? List.of(v.split("\\|")) : List.of(v);
                        assertThat(codes).as("%s.%s", t.resource, column).containsAll(values);
                    }
                    switch (field.get("type").asText()) {
                        case "date" -> assertThat(LocalDate.parse(v)).isBeforeOrEqualTo(AS_OF);
                        case "yearmonth" -> assertThat(YearMonth.parse(v)).isBeforeOrEqualTo(YearMonth.from(AS_OF));
                        case "integer" -> Integer.parseInt(v);
                        case "number" -> assertThat(Double.parseDouble(v)).isNotNegative();
                        case "boolean" -> assertThat(v).isIn("true", "false");
                        default -> { }
                    }
                }
            }
        }
    }

    @Test
    void personnummerCarryValidCheckDigitsAndTheBirthYear() {
        for (Map<String, String> e : episodes.values()) {
            String pnr = e.get("personnummer");
            assertThat(Personnummer.isValid(pnr)).as(pnr).isTrue();
            assertThat(pnr.substring(0, 4)).isEqualTo(e.get("birth_year"));
            int genderDigit = pnr.charAt(11) - '0';
            if (e.get("gender").equals("k")) {
                assertThat(genderDigit % 2).isZero();
            }
        }
    }

    @Test
    void somePersonsComeBackAndAPersonsEpisodesFollowEachOther() {
        Map<String, List<Map<String, String>>> byPerson = episodes.values().stream()
                .collect(Collectors.groupingBy(e -> e.get("personnummer")));
        long cycling = byPerson.values().stream().filter(l -> l.size() > 1).count();
        assertThat(cycling).isGreaterThan(300);
        for (List<Map<String, String>> personEpisodes : byPerson.values()) {
            personEpisodes.sort(Comparator.comparing(e -> e.get("referral_date")));
            for (int i = 1; i < personEpisodes.size(); i++) {
                Map<String, String> before = personEpisodes.get(i - 1);
                assertThat(lastEventDate(before.get("episode_id")))
                        .as("person %s", before.get("episode_id"))
                        .isBeforeOrEqualTo(LocalDate.parse(personEpisodes.get(i).get("referral_date")));
                assertThat(personEpisodes.get(i).get("birth_year")).isEqualTo(before.get("birth_year"));
                assertThat(personEpisodes.get(i).get("gender")).isEqualTo(before.get("gender"));
            }
        }
    }

    @Test
    void eventsStartWithTheReferralAndEndWithTheExit() {
        for (Map<String, String> e : episodes.values()) {
            String id = e.get("episode_id");
            List<Map<String, String>> events = eventsByEpisode.get(id);
            LocalDate referral = LocalDate.parse(e.get("referral_date"));
            assertThat(events).filteredOn(ev -> ev.get("event_type").equals("referral")).singleElement()
                    .satisfies(ev -> assertThat(ev.get("event_date")).isEqualTo(e.get("referral_date")));
            for (Map<String, String> ev : events) {
                assertThat(LocalDate.parse(ev.get("event_date"))).as(id).isAfterOrEqualTo(referral);
            }
            assertThat(events.stream().map(ev -> ev.get("event_type")).distinct().count()).isEqualTo(events.size());
            Map<String, String> exit = exits.get(id);
            List<Map<String, String>> exitEvents = events.stream().filter(ev -> ev.get("event_type").equals("exit")).toList();
            if (exit == null) {
                assertThat(exitEvents).as(id).isEmpty();
            } else {
                assertThat(exitEvents).singleElement().satisfies(ev -> assertThat(ev.get("event_date")).isEqualTo(exit.get("exit_date")));
                assertThat(lastEventDate(id)).isEqualTo(LocalDate.parse(exit.get("exit_date")));
                assertThat(e.get("episode_kind")).isEqualTo("enrolled");
            }
        }
    }

    @Test
    void everyForeignKeyResolves() {
        for (Table t : List.of(Table.EVENTS, Table.STEP_ASSESSMENTS, Table.EXITS, Table.CONTACTS, Table.INCOME_SOURCES,
                Table.APPLICATIONS, Table.RATINGS)) {
            assertThat(tables.get(t).rows()).as(t.resource).allMatch(r -> episodes.containsKey(r.get("episode_id")));
        }
        assertThat(tables.get(Table.FOLLOW_UPS).rows()).allMatch(r -> exits.containsKey(r.get("episode_id")));
        assertThat(tables.get(Table.EXITS).rows()).hasSizeGreaterThan(3000);
    }

    @Test
    void primaryKeysAreUnique() {
        for (Table t : Table.values()) {
            List<String> key = new ArrayList<>();
            resource(t).at("/schema/primaryKey").forEach(k -> key.add(k.asText()));
            Set<String> seen = new HashSet<>();
            for (Map<String, String> row : tables.get(t).rows()) {
                String k = key.stream().map(row::get).collect(Collectors.joining("|"));
                assertThat(seen.add(k)).as("%s duplicate key %s", t.resource, k).isTrue();
            }
        }
    }

    @Test
    void followUpsComeAfterTheExitAndLostOnesHaveNoDate() {
        int lost = 0;
        for (Map<String, String> f : tables.get(Table.FOLLOW_UPS).rows()) {
            LocalDate exit = LocalDate.parse(exits.get(f.get("episode_id")).get("exit_date"));
            int offset = Integer.parseInt(f.get("offset_days"));
            assertThat(offset).isIn(90, 180, 365);
            assertThat(exit.plusDays(offset)).isBeforeOrEqualTo(AS_OF);
            if (f.get("status").equals("lost")) {
                assertThat(f.get("observed_on")).isEmpty();
                lost++;
            } else {
                assertThat(LocalDate.parse(f.get("observed_on"))).isAfterOrEqualTo(exit.plusDays(offset)).isBeforeOrEqualTo(AS_OF);
            }
        }
        assertThat((double) lost / tables.get(Table.FOLLOW_UPS).rows().size()).isBetween(0.10, 0.40);
    }

    @Test
    void stepAssessmentsLieWithinTheEpisodeOnTheTeamsLadder() {
        Set<String> sus5Teams = Set.of("sip", "ist");
        for (Map<String, String> s : tables.get(Table.STEP_ASSESSMENTS).rows()) {
            Map<String, String> e = episodes.get(s.get("episode_id"));
            LocalDate on = LocalDate.parse(s.get("assessed_on"));
            assertThat(on).isAfter(LocalDate.parse(e.get("referral_date")));
            Map<String, String> exit = exits.get(e.get("episode_id"));
            if (exit != null) {
                assertThat(on).isBeforeOrEqualTo(LocalDate.parse(exit.get("exit_date")));
            }
            boolean sus5 = sus5Teams.contains(e.get("programme"));
            assertThat(s.get("ladder")).isEqualTo(sus5 ? "sus-5" : "stegvis-7");
            assertThat(Integer.parseInt(s.get("step"))).isBetween(1, sus5 ? 5 : 7);
        }
    }

    @Test
    void peopleAreStillInTheRunningProgrammesAtTheCutOffButNotInClosedOnes() {
        Map<String, Long> open = episodes.values().stream()
                .filter(e -> e.get("episode_kind").equals("enrolled") && !exits.containsKey(e.get("episode_id")))
                .filter(e -> eventsByEpisode.get(e.get("episode_id")).stream()
                        .noneMatch(ev -> Set.of("decision_not_relevant", "declined").contains(ev.get("event_type"))))
                .collect(Collectors.groupingBy(e -> e.get("programme"), Collectors.counting()));
        assertThat(open).containsOnlyKeys("evi", "rehabteamet");
        assertThat(open.get("evi")).isGreaterThan(50);
        assertThat(open.get("rehabteamet")).isGreaterThan(50);
    }

    @Test
    void smedjebackensEviIsStaffedMoreThanLudvikasAndKlientsupportHasOneAndAHalf() {
        Map<String, Double> fte = new HashMap<>();
        for (Map<String, String> s : tables.get(Table.STAFFING).rows()) {
            fte.put(s.get("programme") + "/" + s.get("municipality") + "/" + s.get("month"), Double.parseDouble(s.get("fte")));
        }
        assertThat(fte.get("evi/Smedjebacken/2018-03")).isGreaterThan(fte.get("evi/Ludvika/2018-03"));
        assertThat(fte.get("evi/Smedjebacken/2024-12")).isGreaterThan(fte.get("evi/Ludvika/2024-12"));
        assertThat(fte.get("klientsupport/Båstad/2019-10")).isEqualTo(1.5);
        assertThat(fte).doesNotContainKey("klientsupport/Båstad/2021-07");
    }

    @Test
    void smedjebackensEviGetsMorePartnerHoursAndMoreOfWhatWasAgreedThanLudvikas() {
        Map<String, double[]> byTeam = new HashMap<>();
        for (Map<String, String> r : tables.get(Table.PARTNER_HOURS).rows()) {
            if (r.get("programme").equals("evi") && r.get("month").startsWith("2019")) {
                double[] sums = byTeam.computeIfAbsent(r.get("municipality"), k -> new double[2]);
                sums[0] += Double.parseDouble(r.get("hours_agreed"));
                sums[1] += Double.parseDouble(r.get("hours_given"));
            }
        }
        double[] smedjebacken = byTeam.get("Smedjebacken");
        double[] ludvika = byTeam.get("Ludvika");
        assertThat(smedjebacken[1]).isGreaterThan(2 * ludvika[1]);
        assertThat(smedjebacken[1] / smedjebacken[0]).isGreaterThan(0.85).isGreaterThan(ludvika[1] / ludvika[0] + 0.1);
    }

    @Test
    void contextEventsMarkBastadsIntakeStopThePandemicTheReformAndEverySummer() {
        List<Map<String, String>> events = tables.get(Table.CONTEXT_EVENTS).rows();
        assertThat(events).anySatisfy(e -> assertThat(List.of(e.get("programme"), e.get("municipality"), e.get("starts_on"),
                e.get("ends_on"), e.get("kind"))).containsExactly("klientsupport", "Båstad", "2019-04-01", "2019-09-30", "intake_stop"));
        assertThat(events).extracting(e -> e.get("kind")).contains("pandemic", "reform", "staff_change");
        assertThat(events.stream().filter(e -> e.get("kind").equals("summer"))).hasSize(AS_OF.getYear() - 2013 + 1);
    }

    @Test
    void everyTeamIsStaffedInTheMonthsItTakesReferrals() {
        Set<String> staffed = tables.get(Table.STAFFING).rows().stream()
                .map(s -> s.get("programme") + "/" + s.get("municipality") + "/" + s.get("month"))
                .collect(Collectors.toSet());
        assertThat(episodes.values()).allSatisfy(e -> assertThat(staffed)
                .contains(e.get("programme") + "/" + e.get("municipality") + "/" + e.get("referral_date").substring(0, 7)));
    }

    @Test
    void anEarlierCutOffLeavesOutProgrammesNotYetStartedAndAllLaterDates(@TempDir Path early) throws IOException {
        LocalDate asOf = LocalDate.of(2016, 6, 30);
        new DemoCohort(DemoOptions.defaults().withEpisodes(1000).withAsOf(asOf)).writeTo(early);
        CsvTable eps = CsvTable.read(early.resolve("episodes.csv"));
        assertThat(eps.rows()).hasSize(1000).noneMatch(e -> e.get("programme").equals("uma")
                || e.get("programme").equals("klientsupport")
                || (e.get("programme").equals("evi") && e.get("municipality").equals("Ludvika")));
        assertThat(CsvTable.read(early.resolve("events.csv")).rows())
                .allMatch(ev -> !LocalDate.parse(ev.get("event_date")).isAfter(asOf));
        assertThat(CsvTable.read(early.resolve("staffing.csv")).rows())
                .allMatch(s -> !YearMonth.parse(s.get("month")).isAfter(YearMonth.from(asOf)));
    }

    private static LocalDate lastEventDate(String episodeId) {
        return eventsByEpisode.get(episodeId).stream().map(ev -> LocalDate.parse(ev.get("event_date")))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    private static JsonNode resource(Table t) {
        for (JsonNode r : dataPackage.get("resources")) {
            if (r.get("name").asText().equals(t.resource)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + t.resource);
    }

    private static List<String> fieldNames(Table t) {
        List<String> names = new ArrayList<>();
        resource(t).at("/schema/fields").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> out = new HashMap<>();
        rows.forEach(r -> out.put(r.get("episode_id"), r));
        return out;
    }
}
