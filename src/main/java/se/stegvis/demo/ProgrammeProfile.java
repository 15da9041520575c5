package se.stegvis.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * How one programme in one municipality behaved during one period: who came, how fast they moved
 * through the milestones, how far up the ladder, and where they went. The numbers live in
 * {@link DemoProfiles}; the generator only reads them.
 *
 * @param programme code from the programme code list
 * @param municipality where the programme was given
 * @param start first possible referral date
 * @param end last day of the programme, or null while it runs (then the as-of date bounds it)
 * @param referralsPerYear new persons referred per year, at the reports' scale
 * @param inflowShifts months whose inflow deviates from the usual (intake stops, bursts)
 * @param population who is referred
 * @param intake how referrals are sorted before anyone is enrolled
 * @param pathway milestones in this programme's own order and the time between them
 * @param steps the ladder, the entry steps and the extra chance of a step up
 * @param destinations where people exit to, drop-outs aside
 */
public record ProgrammeProfile(
        String programme,
        String municipality,
        LocalDate start,
        LocalDate end,
        double referralsPerYear,
        List<InflowShift> inflowShifts,
        Population population,
        Intake intake,
        Pathway pathway,
        StepProfile steps,
        Weighted<String> destinations) {

    /** Whether the programme was running on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }

    /** Inflow in the months {@code from}..{@code to} is {@code factor} times the usual. */
    public record InflowShift(YearMonth from, YearMonth to, double factor) {
        boolean covers(YearMonth month) {
            return !month.isBefore(from) && !month.isAfter(to);
        }
    }

    /**
     * Who is referred.
     *
     * @param minAge youngest age at referral
     * @param maxAge oldest age at referral
     * @param women share of women
     * @param bornAbroad share born outside Sweden
     * @param referralSources who refers
     * @param incomeAtEntry main income source at entry
     */
    public record Population(int minAge, int maxAge, double women, double bornAbroad,
                             Weighted<String> referralSources, Weighted<String> incomeAtEntry) {
    }

    /**
     * How referrals are sorted: shares judged not relevant, declining after acceptance, and seen
     * as consultation only; the rest are enrolled.
     */
    public record Intake(double notRelevant, double declined, double consultationOnly) {
    }

    /**
     * The enrolled person's way through the programme.
     *
     * @param milestones in this programme's order, each timed from the previous one present
     * @param medianStayDays median days from referral to exit
     * @param dropOut share of enrolled who break off (exit destination avbrott)
     */
    public record Pathway(List<Milestone> milestones, double medianStayDays, double dropOut) {
    }

    /**
     * One milestone: its event type, the median days after the previous milestone present, and
     * the share of enrolled episodes that record it.
     */
    public record Milestone(String event, double medianDaysAfterPrevious, double presence) {
    }

    /**
     * Step assessments.
     *
     * @param ladder the ladder the team records on (stegvis-7 or the older sus-5)
     * @param entryStep step on stegvis-7 at entry
     * @param extraStepUp chance of one more step up, on top of what the exit destination implies
     * @param assessors organisation making the assessment
     */
    public record StepProfile(String ladder, Weighted<Integer> entryStep, double extraStepUp,
                              Weighted<String> assessors) {
    }
}
