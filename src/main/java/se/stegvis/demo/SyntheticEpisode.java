package se.stegvis.demo;

import java.util.List;

/**
 * One generated episode with all its rows, already cut at the as-of date. Dates are epoch days.
 *
 * @param exit null while the person is still in the programme at the as-of date, or when the
 *     episode ended before enrolment (not relevant, declined, consultation only)
 * @param outcome how the episode ends when nothing cuts it, used to chain the person's next episode
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
        Outcome outcome) {

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
}
