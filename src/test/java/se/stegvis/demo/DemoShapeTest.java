package se.stegvis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cohort has the shape the reports describe, on a cohort large enough for stable figures. */
class DemoShapeTest {

    static List<SyntheticEpisode> cohort;

    @BeforeAll
    static void generate() {
        cohort = new DemoCohort(DemoOptions.defaults().withEpisodes(30_000)).episodes();
    }

    @Test
    void smedjebackensEviReachesTheFirstMeetingFasterThanLudvikas() {
        double smedjebacken = median(leadDays(at("evi", "Smedjebacken"), "first_meeting"));
        double ludvika = median(leadDays(at("evi", "Ludvika"), "first_meeting"));
        assertThat(smedjebacken).isBetween(10.0, 25.0);
        assertThat(ludvika).isBetween(30.0, 50.0);
        assertThat(median(leadDays(at("evi", "Smedjebacken"), "plan_established")))
                .isLessThan(median(leadDays(at("evi", "Ludvika"), "plan_established")) / 1.5);
    }

    @Test
    void smedjebackensEviMovesMorePeopleUpTheLadder() {
        double smedjebacken = stepUpShare(at("evi", "Smedjebacken"));
        double ludvika = stepUpShare(at("evi", "Ludvika"));
        assertThat(smedjebacken).isGreaterThan(ludvika + 0.15);
        assertThat(ludvika).isBetween(0.15, 0.40);
    }

    @Test
    void rehabteametWasSlowerBeforeEviStartedInLudvika() {
        Predicate<SyntheticEpisode> rehab = at("rehabteamet", "Ludvika");
        double baseline = median(leadDays(rehab.and(referredBefore(2017)), "first_meeting"));
        double after = median(leadDays(rehab.and(referredBefore(2017).negate()), "first_meeting"));
        assertThat(baseline).isGreaterThan(after * 1.3);
    }

    @Test
    void klientsupportJudgesAboutAThirdOfReferralsNotRelevant() {
        List<SyntheticEpisode> ks = select(at("klientsupport", "Båstad"));
        double notRelevant = ks.stream().filter(e -> has(e, "decision_not_relevant")).count() / (double) ks.size();
        assertThat(notRelevant).isBetween(0.28, 0.39);
    }

    @Test
    void klientsupportInflowIsNearZeroForTwoQuartersThenBursts() {
        Map<YearMonth, Long> perMonth = select(at("klientsupport", "Båstad")).stream()
                .collect(Collectors.groupingBy(e -> YearMonth.from(LocalDate.ofEpochDay(e.referralDay())), Collectors.counting()));
        long quiet = sum(perMonth, YearMonth.of(2019, 4), YearMonth.of(2019, 9));
        long burst = sum(perMonth, YearMonth.of(2019, 10), YearMonth.of(2019, 12));
        long usualQuarter = sum(perMonth, YearMonth.of(2018, 9), YearMonth.of(2018, 11));
        assertThat(quiet).isLessThan(usualQuarter / 4);
        assertThat(burst).isGreaterThan(usualQuarter * 4);
    }

    @Test
    void julyHasFewerReferralsThanTheOtherMonths() {
        long[] perMonth = new long[12];
        cohort.forEach(e -> perMonth[LocalDate.ofEpochDay(e.referralDay()).getMonthValue() - 1]++);
        double otherMonths = (Arrays.stream(perMonth).sum() - perMonth[6]) / 11.0;
        assertThat(perMonth[6]).isLessThan((long) (otherMonths * 0.6));
    }

    @Test
    void exitsGoToEveryDestinationAndDropOutsAreAMinority() {
        Map<String, Long> destinations = cohort.stream().filter(e -> e.exit() != null)
                .collect(Collectors.groupingBy(e -> e.exit().destination(), Collectors.counting()));
        assertThat(destinations).containsOnlyKeys("arbete", "studier", "arbetssokande", "annan_insats", "vard",
                "sjukersattning", "flytt", "avbrott");
        double dropOut = destinations.get("avbrott") / (double) destinations.values().stream().mapToLong(Long::longValue).sum();
        assertThat(dropOut).isBetween(0.05, 0.20);
    }

    @Test
    void istMapsBeforeTheFirstMeetingWhileEviMeetsFirst() {
        assertThat(shareMappedBeforeMeeting(at("ist", "Falkenberg"))).isGreaterThan(0.8);
        assertThat(shareMappedBeforeMeeting(at("evi", "Smedjebacken"))).isLessThan(0.05);
    }

    @Test
    void anExitedPersonsIncomeFollowsTheDestination() {
        for (SyntheticEpisode e : cohort) {
            if (e.exit() != null && e.exit().destination().equals("arbete")) {
                assertThat(e.exit().incomeSource()).isEqualTo("lon");
                assertThat(e.exit().occupation()).isEqualTo("arbete");
            }
        }
    }

    @Test
    void aReturningPersonComesBackOnWhatTheyLeftWith() {
        int returns = 0;
        for (int i = 1; i < cohort.size(); i++) {
            SyntheticEpisode before = cohort.get(i - 1);
            SyntheticEpisode after = cohort.get(i);
            if (before.exit() != null && after.person().equals(before.person())
                    && !Set.of("lon", "studiemedel").contains(before.exit().incomeSource())) {
                assertThat(after.incomeAtEntry()).isEqualTo(before.exit().incomeSource());
                returns++;
            }
        }
        assertThat(returns).isGreaterThan(1000);
    }

    private static double shareMappedBeforeMeeting(Predicate<SyntheticEpisode> where) {
        List<SyntheticEpisode> both = select(where).stream()
                .filter(e -> has(e, "mapping_done") && has(e, "first_meeting")).toList();
        return both.stream().filter(e -> day(e, "mapping_done") < day(e, "first_meeting")).count() / (double) both.size();
    }

    private static double stepUpShare(Predicate<SyntheticEpisode> where) {
        List<SyntheticEpisode> assessed = select(where).stream().filter(e -> e.assessments().size() >= 2).toList();
        return assessed.stream().filter(e -> e.assessments().get(e.assessments().size() - 1).step()
                > e.assessments().get(0).step()).count() / (double) assessed.size();
    }

    private static int[] leadDays(Predicate<SyntheticEpisode> where, String milestone) {
        return select(where).stream().filter(e -> !e.consultationOnly() && has(e, milestone))
                .mapToInt(e -> day(e, milestone) - e.referralDay()).toArray();
    }

    private static double median(int[] values) {
        int[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static long sum(Map<YearMonth, Long> perMonth, YearMonth from, YearMonth to) {
        return perMonth.entrySet().stream().filter(m -> !m.getKey().isBefore(from) && !m.getKey().isAfter(to))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Predicate<SyntheticEpisode> at(String programme, String municipality) {
        return e -> e.profile().programme().equals(programme) && e.profile().municipality().equals(municipality);
    }

    private static Predicate<SyntheticEpisode> referredBefore(int year) {
        return e -> LocalDate.ofEpochDay(e.referralDay()).getYear() < year;
    }

    private static List<SyntheticEpisode> select(Predicate<SyntheticEpisode> where) {
        return cohort.stream().filter(where).toList();
    }

    private static boolean has(SyntheticEpisode e, String type) {
        return e.events().stream().anyMatch(ev -> ev.type().equals(type));
    }

    private static int day(SyntheticEpisode e, String type) {
        return e.events().stream().filter(ev -> ev.type().equals(type)).findFirst().orElseThrow().day();
    }


    @Test
    void smedjebackensEviHasMorePartnersAtTheTableThanLudvikas() {
        double smedjebacken = partnersPerHeldMeeting(at("evi", "Smedjebacken"));
        double ludvika = partnersPerHeldMeeting(at("evi", "Ludvika"));
        assertThat(smedjebacken).isBetween(1.4, 2.4);
        assertThat(ludvika).isLessThan(0.8);
    }

    @Test
    void contactsIncludeCancellationsNoShowsAndIdleStretches() {
        List<SyntheticEpisode.Contact> contacts = cohort.stream().flatMap(e -> e.details().contacts().stream()).toList();
        double cancelled = contacts.stream().filter(c -> c.status().equals("cancelled")).count() / (double) contacts.size();
        double noShow = contacts.stream().filter(c -> c.status().equals("no_show")).count() / (double) contacts.size();
        assertThat(cancelled).isBetween(0.09, 0.14);
        assertThat(noShow).isBetween(0.04, 0.09);
        long withIdleGap = cohort.stream().filter(e -> maxGap(e.details().contacts()) >= 60).count();
        assertThat(withIdleGap).isGreaterThan(cohort.size() / 20);
    }

    @Test
    void forsakringskassanRefusesAboutHalfOfTheApplicationsInBastad() {
        List<SyntheticEpisode.Application> apps = select(at("klientsupport", "Båstad")).stream()
                .flatMap(e -> e.details().applications().stream()).filter(a -> !a.decision().equals("pending")).toList();
        double refused = apps.stream().filter(a -> a.decision().equals("refused")).count() / (double) apps.size();
        assertThat(apps).hasSizeGreaterThan(100);
        assertThat(refused).isBetween(0.4, 0.6);
    }

    @Test
    void ratingsAreMadeBeforeAndForFewerAfterAndImproveForThoseWhoWork() {
        List<SyntheticEpisode.Rating> ratings = cohort.stream().flatMap(e -> e.details().ratings().stream()).toList();
        long before = ratings.stream().filter(r -> r.timing().equals("before")).count();
        long after = ratings.stream().filter(r -> r.timing().equals("after")).count();
        assertThat(after).isLessThan(before * 6 / 10).isGreaterThan(before / 5);
        double change = cohort.stream().filter(e -> e.exit() != null && e.exit().destination().equals("arbete"))
                .mapToDouble(e -> pairedChange(e.details().ratings())).filter(d -> !Double.isNaN(d)).average().orElseThrow();
        assertThat(change).isBetween(8.0, 20.0);
    }

    @Test
    void everyNotRelevantReferralHasAReasonAndBastadsAreMostlyTooIll() {
        List<SyntheticEpisode> notRelevant = cohort.stream().filter(e -> has(e, "decision_not_relevant")).toList();
        assertThat(notRelevant).allMatch(e -> e.details().notRelevantReason() != null);
        assertThat(cohort.stream().filter(e -> !has(e, "decision_not_relevant"))).allMatch(e -> e.details().notRelevantReason() == null);
        Map<String, Long> bastad = notRelevant.stream().filter(at("klientsupport", "Båstad"))
                .collect(Collectors.groupingBy(e -> e.details().notRelevantReason(), Collectors.counting()));
        assertThat(bastad.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("for_sjuk");
    }

    @Test
    void incomeSourcesAtExitFollowTheExitRowAndSomeArePartial() {
        long partial = 0;
        for (SyntheticEpisode e : cohort) {
            List<SyntheticEpisode.IncomeSource> atExit = e.details().incomeSources().stream()
                    .filter(s -> s.timing().equals("exit")).toList();
            if (e.exit() == null) {
                assertThat(atExit).isEmpty();
                continue;
            }
            assertThat(atExit).extracting(SyntheticEpisode.IncomeSource::source).contains(e.exit().incomeSource());
            partial += atExit.stream().filter(s -> s.extent().equals("partial")).count();
        }
        assertThat(partial).isGreaterThan(500);
    }

    private static double partnersPerHeldMeeting(Predicate<SyntheticEpisode> where) {
        return select(where).stream().flatMap(e -> e.details().contacts().stream())
                .filter(c -> c.status().equals("held") && !c.kind().equals("phone"))
                .mapToInt(c -> c.partners().isEmpty() ? 0 : c.partners().split("\\|").length).average().orElseThrow();
    }

    private static int maxGap(List<SyntheticEpisode.Contact> contacts) {
        int max = 0;
        for (int i = 1; i < contacts.size(); i++) {
            max = Math.max(max, contacts.get(i).day() - contacts.get(i - 1).day());
        }
        return max;
    }

    private static double pairedChange(List<SyntheticEpisode.Rating> ratings) {
        Map<String, Map<String, Integer>> byInstrument = ratings.stream().collect(Collectors.groupingBy(
                SyntheticEpisode.Rating::instrument, Collectors.toMap(SyntheticEpisode.Rating::timing, SyntheticEpisode.Rating::score)));
        Map<String, Integer> qol = byInstrument.get("qol");
        return qol == null || qol.size() < 2 ? Double.NaN : qol.get("after") - qol.get("before");
    }
}
