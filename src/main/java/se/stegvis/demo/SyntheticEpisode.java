package se.stegvis.demo;

import java.util.List;

/**
 * One generated episode with all its rows, already cut at the as-of date. Dates are epoch days.
 *
 * @param exit null while the person is still in the programme at the as-of date, or when the
 *     episode ended before enrolment (not relevant, declined, consultation only)
 * @param outcome how the episode ends when nothing cuts it, used to chain the person's next episode
 * @param details what the reports ask beyond the ladder (contacts, income sources, applications,
 *     ratings, the reason a referral was not relevant); {@link Details#NONE} until added
 */
public record SyntheticEpisode(
        String episodeId,
        Person person,
        ProgrammeProfile profile,
        int referralDay,
        String referralSource,
        String incomeAtEntry,
        String occupationAtEntry,
        boolean consent,
        boolean consultationOnly,
        List<Event> events,
        List<StepAssessment> assessments,
        Exit exit,
        List<FollowUp> followUps,
        Outcome outcome,
        Details details) {

    /** The same episode with its details. */
    SyntheticEpisode withDetails(Details d) {
        return new SyntheticEpisode(episodeId, person, profile, referralDay, referralSource, incomeAtEntry,
                occupationAtEntry, consent, consultationOnly, events, assessments, exit, followUps, outcome, d);
    }

    /** A synthetic person; the same person can carry several episodes. */
    public record Person(String personnummer, int birthYear, String gender, boolean bornAbroad, String education) {
    }

    /** A dated milestone. */
    public record Event(int day, String type) {
    }

    /** A step on {@code ladder} assessed by {@code assessorOrg}. */
    public record StepAssessment(int day, String ladder, int step, String assessorOrg) {
    }

    /** The exit row. */
    public record Exit(int day, String destination, String incomeSource, String occupation) {
    }

    /** A follow-up; {@code observedDay} is null and status {@code lost} when lost. */
    public record FollowUp(int offsetDays, Integer observedDay, String status) {
    }

    /**
     * The uncut ending: the last day anything happened and how it ended ({@code exited} with a
     * destination, or {@code not_relevant}, {@code declined}, {@code consultation}).
     */
    public record Outcome(int lastDay, String ending, String destination) {
        boolean exitedTo(String dest) {
            return "exited".equals(ending) && dest.equals(destination);
        }
    }

    /**
     * The optional tables' rows of one episode.
     *
     * @param notRelevantReason code of why the referral was not relevant, or null
     * @param clarifiedOn day of the step assessment that settled the work capacity, or -1
     */
    public record Details(String notRelevantReason, int clarifiedOn, List<Contact> contacts,
                          List<IncomeSource> incomeSources, List<Application> applications, List<Rating> ratings) {
        public static final Details NONE = new Details(null, -1, List.of(), List.of(), List.of(), List.of());
    }

    /** A contact; {@code partners} are partner codes joined by | (empty when none). */
    public record Contact(int day, String kind, String status, String partners) {
    }

    /** An income source at entry, exit or a follow-up ({@code offsetDays} 0 at entry and exit). */
    public record IncomeSource(String timing, int offsetDays, String source, String extent) {
    }

    /** An application; {@code decidedDay} is null while pending. */
    public record Application(int appliedDay, String benefit, Integer decidedDay, String decision) {
    }

    /** A self-rating. */
    public record Rating(String instrument, int day, int score, String timing) {
    }
}
