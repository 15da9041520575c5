package se.stegvis.demo;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import se.stegvis.demo.ProgrammeProfile.Milestone;
import se.stegvis.demo.SyntheticEpisode.Event;
import se.stegvis.demo.SyntheticEpisode.Exit;
import se.stegvis.demo.SyntheticEpisode.FollowUp;
import se.stegvis.demo.SyntheticEpisode.Outcome;
import se.stegvis.demo.SyntheticEpisode.Person;
import se.stegvis.demo.SyntheticEpisode.StepAssessment;

/**
 * Lives one episode through from referral to exit and follow-up as its profile describes, then cuts
 * everything after the as-of date, so people still in the programme are censored as in real exports.
 */
final class EpisodeSimulator {
    /** Spread of every lead time around its median (log-normal sigma). */
    static final double LEAD_SPREAD = 0.6;
    static final double STAY_SPREAD = 0.5;
    static final double CONSENT = 0.94;
    /** Meetings falling in July are often moved to August. */
    static final double JULY_POSTPONED = 0.6;
    static final Set<String> MEETINGS = Set.of("first_meeting", "mapping_done", "plan_established", "activity_start");

    static final double ENTRY_ASSESSED = 0.92;
    static final double EXIT_ASSESSED = 0.85;
    static final double DROP_OUT_EXIT_ASSESSED = 0.4;
    static final double MEDIAN_DAYS_BETWEEN_ASSESSMENTS = 110;

    static final int[] FOLLOW_UP_OFFSETS = {90, 180, 365};
    static final double[] FOLLOW_UP_LOST = {0.12, 0.18, 0.25};
    /** Those who moved or broke off are harder to find. */
    static final double HARD_TO_FIND = 2.0;

    /** sus-5 step for each stegvis-7 step (the inverse of sus-5's crosswalk, rounding down). */
    private static final int[] SUS5_FROM_STEGVIS7 = {0, 1, 2, 2, 3, 4, 5, 5};

    private final int asOfDay;

    EpisodeSimulator(LocalDate asOf) {
        this.asOfDay = (int) asOf.toEpochDay();
    }

    /**
     * The episode {@code id} of {@code person} referred on {@code referralDay}; when person is null a
     * new person is made, identified by {@code index} (see {@link #newPerson}).
     */
    SyntheticEpisode simulate(String id, long index, SplittableRandom rng, ProgrammeProfile profile,
                              int referralDay, Person person) {
        int lastProgrammeDay = profile.end() == null ? Integer.MAX_VALUE : (int) profile.end().toEpochDay();
        Person who = person != null ? person : newPerson(rng, profile, referralDay, index);
        String source = profile.population().referralSources().draw(rng);
        String income = profile.population().incomeAtEntry().draw(rng);
        String occupation = Livelihood.occupationAtEntry(income, rng);
        boolean consent = rng.nextDouble() < CONSENT;

        List<Event> events = new ArrayList<>(8);
        events.add(new Event(referralDay, "referral"));
        ProgrammeProfile.Intake intake = profile.intake();
        List<Milestone> milestones = profile.pathway().milestones();
        double u = rng.nextDouble();
        if (u < intake.notRelevant()) {
            int day = Math.min(referralDay + 1 + lead(rng, milestones.get(0).medianDaysAfterPrevious()), lastProgrammeDay);
            events.add(new Event(Math.max(day, referralDay), "decision_not_relevant"));
            return notEnrolled(id, who, profile, referralDay, source, income, occupation, consent, false, events, "not_relevant");
        }
        if (u < intake.notRelevant() + intake.declined()) {
            int accepted = Math.min(referralDay + 1 + lead(rng, milestones.get(0).medianDaysAfterPrevious()), lastProgrammeDay);
            int declined = Math.min(accepted + lead(rng, 14), lastProgrammeDay);
            events.add(new Event(Math.max(accepted, referralDay), "decision_accepted"));
            events.add(new Event(Math.max(declined, referralDay), "declined"));
            return notEnrolled(id, who, profile, referralDay, source, income, occupation,
                    consent && rng.nextBoolean(), false, events, "declined");
        }
        if (u < intake.notRelevant() + intake.declined() + intake.consultationOnly()) {
            int met = Math.min(referralDay + lead(rng, 14), lastProgrammeDay);
            events.add(new Event(Math.max(met, referralDay), "first_meeting"));
            return notEnrolled(id, who, profile, referralDay, source, income, occupation, consent, true, events, "consultation");
        }

        // Enrolled: milestones in the programme's order, some missing, some breaking off on the way.
        boolean dropOut = rng.nextDouble() < profile.pathway().dropOut();
        int reached = dropOut ? 1 + rng.nextInt(milestones.size()) : milestones.size();
        int day = referralDay;
        for (int i = 0; i < reached; i++) {
            Milestone m = milestones.get(i);
            if (i > 0 && rng.nextDouble() >= m.presence()) {
                continue;
            }
            day = postponeJuly(m.event(), day + (i == 0 ? 1 : 0) + lead(rng, m.medianDaysAfterPrevious()), rng);
            events.add(new Event(day, m.event()));
        }
        String destination;
        int exitDay;
        if (dropOut) {
            destination = "avbrott";
            exitDay = day + 1 + lead(rng, 30);
        } else {
            destination = profile.destinations().draw(rng);
            exitDay = Math.max(referralDay + lognormal(rng, profile.pathway().medianStayDays(), STAY_SPREAD),
                    day + 1 + lead(rng, 20));
        }
        if (exitDay > lastProgrammeDay) {
            // The programme closed: whoever is left is handed over, milestones after the close never happen.
            exitDay = Math.max(referralDay + 1, lastProgrammeDay - rng.nextInt(15));
            destination = "annan_insats";
            int cut = exitDay;
            events.removeIf(e -> e.day() > cut);
        }
        events.add(new Event(exitDay, "exit"));

        int ageAtExit = LocalDate.ofEpochDay(exitDay).getYear() - who.birthYear();
        Exit exit = new Exit(exitDay, destination, Livelihood.incomeAtExit(destination, income, ageAtExit, rng),
                Livelihood.occupationAtExit(destination, occupation));
        List<StepAssessment> steps = assessments(rng, profile, events, exitDay, destination);
        List<FollowUp> followUps = followUps(rng, exitDay, destination, consent);
        Outcome outcome = new Outcome(exitDay, "exited", destination);

        // Cut at the as-of date.
        events.removeIf(e -> e.day() > asOfDay);
        steps.removeIf(s -> s.day() > asOfDay);
        boolean exited = exitDay <= asOfDay;
        return new SyntheticEpisode(id, who, profile, referralDay, source, income, occupation, consent, false,
                events, steps, exited ? exit : null, exited ? followUps : List.of(), outcome);
    }

    private SyntheticEpisode notEnrolled(String id, Person who, ProgrammeProfile profile, int referralDay,
                                         String source, String income, String occupation, boolean consent,
                                         boolean consultation, List<Event> events, String ending) {
        int lastDay = events.get(events.size() - 1).day();
        events.removeIf(e -> e.day() > asOfDay);
        return new SyntheticEpisode(id, who, profile, referralDay, source, income, occupation, consent,
                consultation, events, List.of(), null, List.of(), new Outcome(lastDay, ending, null));
    }

    /**
     * A person of the profile's age range. Day of birth and birth serial are an injective function of
     * the episode index (modulo 365 x 500), so two persons never share a personnummer in cohorts of
     * up to 182,500 new persons; beyond that a person shares one only with a person of the same
     * birth year and gender whose index differs by a multiple of 182,500.
     */
    static Person newPerson(SplittableRandom rng, ProgrammeProfile profile, int referralDay, long index) {
        ProgrammeProfile.Population pop = profile.population();
        int span = pop.maxAge() - pop.minAge();
        // Triangular around the middle of the age range: most are neither the youngest nor the oldest.
        int age = pop.minAge() + (int) Math.round(span * (rng.nextDouble() + rng.nextDouble()) / 2);
        int birthYear = LocalDate.ofEpochDay(referralDay).getYear() - age;
        LocalDate birthDate = LocalDate.ofYearDay(birthYear, 1 + (int) Math.floorMod(index * 7919, 365L));
        boolean woman = rng.nextDouble() < pop.women();
        String gender = woman ? "k" : rng.nextDouble() < 0.004 ? "x" : "m";
        int serial = (int) Math.floorMod((index / 365) * 317, 500L) * 2 + (woman ? 0 : 1);
        return new Person(Personnummer.of(birthDate, serial), birthYear, gender,
                rng.nextDouble() < pop.bornAbroad(), Livelihood.EDUCATION.draw(rng));
    }

    /**
     * Step assessments at entry (first meeting or mapping, whichever comes first), every few months,
     * and at exit, moving from the entry step toward the step the exit destination implies.
     */
    private static List<StepAssessment> assessments(SplittableRandom rng, ProgrammeProfile profile,
                                                    List<Event> events, int exitDay, String destination) {
        int entryDay = Integer.MAX_VALUE;
        for (Event e : events) {
            if (e.type().equals("first_meeting") || e.type().equals("mapping_done")) {
                entryDay = Math.min(entryDay, e.day());
            }
        }
        List<StepAssessment> out = new ArrayList<>(6);
        if (entryDay >= exitDay) {
            return out;
        }
        ProgrammeProfile.StepProfile sp = profile.steps();
        int entry = sp.entryStep().draw(rng);
        int target = targetStep(entry, destination, sp.extraStepUp(), rng);
        int last = Integer.MIN_VALUE;
        if (rng.nextDouble() < ENTRY_ASSESSED) {
            out.add(assessment(sp, entryDay, entry, sp.assessors().draw(rng)));
            last = entryDay;
        }
        int lo = Math.min(entry, target);
        int hi = Math.max(entry, target);
        for (int d = entryDay + Math.max(30, lognormal(rng, MEDIAN_DAYS_BETWEEN_ASSESSMENTS, 0.35));
             d < exitDay - 20;
             d += Math.max(30, lognormal(rng, MEDIAN_DAYS_BETWEEN_ASSESSMENTS, 0.35))) {
            double progress = (double) (d - entryDay) / (exitDay - entryDay);
            int step = (int) Math.round(entry + (target - entry) * progress + 0.4 * rng.nextGaussian());
            out.add(assessment(sp, d, Math.max(lo, Math.min(hi, step)), sp.assessors().draw(rng)));
            last = d;
        }
        double exitAssessed = destination.equals("avbrott") ? DROP_OUT_EXIT_ASSESSED : EXIT_ASSESSED;
        if (exitDay > last && rng.nextDouble() < exitAssessed) {
            String assessor = destination.equals("sjukersattning") ? "fk" : sp.assessors().draw(rng);
            out.add(assessment(sp, exitDay, target, assessor));
        }
        return out;
    }

    /** The step at exit on stegvis-7: work and studies high, job seekers in the middle, drop-outs flat or down. */
    static int targetStep(int entry, String destination, double extraStepUp, SplittableRandom rng) {
        int extra = rng.nextDouble() < extraStepUp ? 1 : 0;
        int target;
        switch (destination) {
            case "arbete":
            case "studier":
                target = Math.max(entry + 1, 6 + rng.nextInt(2));
                break;
            case "arbetssokande":
                target = Math.max(entry + extra, 4 + rng.nextInt(2));
                break;
            case "annan_insats":
                target = entry + extra;
                break;
            case "flytt":
                target = entry + (rng.nextDouble() < extraStepUp / 2 ? 1 : 0);
                break;
            case "vard":
                target = entry - (rng.nextDouble() < 0.4 ? 1 : 0);
                break;
            case "avbrott":
                target = entry - (rng.nextDouble() < 0.3 ? 1 : 0);
                break;
            default: // sjukersattning: the right support, not a move on the ladder
                target = entry;
        }
        return Math.max(1, Math.min(7, target));
    }

    private static StepAssessment assessment(ProgrammeProfile.StepProfile sp, int day, int stegvis7Step, String assessor) {
        int step = sp.ladder().equals(DemoProfiles.SUS_5) ? SUS5_FROM_STEGVIS7[stegvis7Step] : stegvis7Step;
        return new StepAssessment(day, sp.ladder(), step, assessor);
    }

    private List<FollowUp> followUps(SplittableRandom rng, int exitDay, String destination, boolean consent) {
        List<FollowUp> out = new ArrayList<>(3);
        String status = null;
        double hardToFind = destination.equals("flytt") || destination.equals("avbrott") ? HARD_TO_FIND : 1;
        for (int i = 0; i < FOLLOW_UP_OFFSETS.length; i++) {
            int planned = exitDay + FOLLOW_UP_OFFSETS[i];
            if (planned > asOfDay) {
                break;
            }
            if (!consent || rng.nextDouble() < Math.min(0.9, FOLLOW_UP_LOST[i] * hardToFind)) {
                out.add(new FollowUp(FOLLOW_UP_OFFSETS[i], null, "lost"));
                continue;
            }
            int observed = planned + rng.nextInt(21);
            if (observed > asOfDay) {
                break;
            }
            status = Livelihood.followUpStatus(destination, status, rng);
            out.add(new FollowUp(FOLLOW_UP_OFFSETS[i], observed, status));
        }
        return out;
    }

    private static int postponeJuly(String event, int day, SplittableRandom rng) {
        if (MEETINGS.contains(event) && LocalDate.ofEpochDay(day).getMonth() == Month.JULY
                && rng.nextDouble() < JULY_POSTPONED) {
            LocalDate d = LocalDate.ofEpochDay(day);
            return (int) LocalDate.of(d.getYear(), Month.AUGUST, 1 + rng.nextInt(14)).toEpochDay();
        }
        return day;
    }

    /** Days of a lead time with the given median; zero stays zero (milestones on the same day). */
    static int lead(SplittableRandom rng, double medianDays) {
        return medianDays <= 0 ? 0 : lognormal(rng, medianDays, LEAD_SPREAD);
    }

    static int lognormal(SplittableRandom rng, double median, double sigma) {
        return (int) Math.round(median * Math.exp(sigma * rng.nextGaussian()));
    }
}
