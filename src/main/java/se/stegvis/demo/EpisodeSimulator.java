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
     * What starts an episode. A returning person brings who they are and what they live on; for a
     * new person both are null and drawn from the profile, the person identified by {@code index}.
     */
    record Referral(String episodeId, long index, ProgrammeProfile profile, int day, Person person,
                    String incomeAtEntry) {
        static Referral ofNewPerson(String episodeId, long index, ProgrammeProfile profile, int day) {
            return new Referral(episodeId, index, profile, day, null, null);
        }
    }

    /** The episode the referral starts, lived through and cut at the as-of date. */
    SyntheticEpisode simulate(Referral referral, SplittableRandom rng) {
        ProgrammeProfile profile = referral.profile();
        Person person = referral.person() != null ? referral.person()
                : newPerson(rng, profile, referral.day(), referral.index());
        String source = profile.population().referralSources().draw(rng);
        String income = referral.incomeAtEntry() != null ? referral.incomeAtEntry()
                : profile.population().incomeAtEntry().draw(rng);
        Entry entry = new Entry(referral, person, source, income, Livelihood.occupationAtEntry(income, rng),
                rng.nextDouble() < CONSENT);
        SyntheticEpisode sortedOut = sortOut(entry, rng);
        return sortedOut != null ? sortedOut : enrol(entry, rng);
    }

    /** Who came, and what was known about them at referral. */
    private record Entry(Referral referral, Person person, String source, String income, String occupation,
                         boolean consent) {
        ProgrammeProfile profile() {
            return referral.profile();
        }

        int lastProgrammeDay() {
            return profile().end() == null ? Integer.MAX_VALUE : (int) profile().end().toEpochDay();
        }

        /** A day after the referral, no later than the programme's last day. */
        int clamp(int day) {
            return Math.max(referral.day(), Math.min(day, lastProgrammeDay()));
        }
    }

    /** Referrals that never become an enrolment (not relevant, declined, consultation only), else null. */
    private SyntheticEpisode sortOut(Entry entry, SplittableRandom rng) {
        ProgrammeProfile.Intake intake = entry.profile().intake();
        int referralDay = entry.referral().day();
        double decisionDays = entry.profile().pathway().milestones().get(0).medianDaysAfterPrevious();
        double u = rng.nextDouble();
        if (u < intake.notRelevant()) {
            int decided = entry.clamp(referralDay + 1 + lead(rng, decisionDays));
            return notEnrolled(entry, entry.consent(), "not_relevant", new Event(decided, "decision_not_relevant"));
        }
        if (u < intake.notRelevant() + intake.declined()) {
            int accepted = entry.clamp(referralDay + 1 + lead(rng, decisionDays));
            int declined = entry.clamp(accepted + lead(rng, 14));
            return notEnrolled(entry, entry.consent() && rng.nextBoolean(), "declined",
                    new Event(accepted, "decision_accepted"), new Event(declined, "declined"));
        }
        if (u < intake.notRelevant() + intake.declined() + intake.consultationOnly()) {
            int met = entry.clamp(referralDay + lead(rng, 14));
            return notEnrolled(entry, entry.consent(), "consultation", new Event(met, "first_meeting"));
        }
        return null;
    }

    private SyntheticEpisode notEnrolled(Entry entry, boolean consent, String ending, Event... after) {
        List<Event> events = new ArrayList<>(3);
        events.add(new Event(entry.referral().day(), "referral"));
        int lastDay = entry.referral().day();
        for (Event e : after) {
            lastDay = Math.max(lastDay, e.day());
            if (e.day() <= asOfDay) {
                events.add(e);
            }
        }
        return episode(entry, consent, ending.equals("consultation"), events, List.of(), null, List.of(),
                new Outcome(lastDay, ending, null));
    }

    /** An enrolled person: milestones in the programme's order, some missing, some breaking off on the way. */
    private SyntheticEpisode enrol(Entry entry, SplittableRandom rng) {
        ProgrammeProfile profile = entry.profile();
        int referralDay = entry.referral().day();
        List<Milestone> milestones = profile.pathway().milestones();
        List<Event> events = new ArrayList<>(8);
        events.add(new Event(referralDay, "referral"));
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
        if (exitDay > entry.lastProgrammeDay()) {
            // The programme closed: whoever is left is handed over, milestones after the close never happen.
            exitDay = Math.max(referralDay + 1, entry.lastProgrammeDay() - rng.nextInt(15));
            destination = "annan_insats";
            int cut = exitDay;
            events.removeIf(e -> e.day() > cut);
        }
        events.add(new Event(exitDay, "exit"));

        int ageAtExit = LocalDate.ofEpochDay(exitDay).getYear() - entry.person().birthYear();
        Exit exit = new Exit(exitDay, destination,
                Livelihood.incomeAtExit(destination, entry.income(), ageAtExit, rng),
                Livelihood.occupationAtExit(destination, entry.occupation()));
        List<StepAssessment> steps = assessments(rng, profile, events, exitDay, destination);
        List<FollowUp> followUps = followUps(rng, exitDay, destination, entry.consent());

        // Cut at the as-of date: whoever has not exited by then is still in the programme.
        events.removeIf(e -> e.day() > asOfDay);
        steps.removeIf(s -> s.day() > asOfDay);
        boolean exited = exitDay <= asOfDay;
        return episode(entry, entry.consent(), false, events, steps, exited ? exit : null,
                exited ? followUps : List.of(), new Outcome(exitDay, "exited", destination));
    }

    private static SyntheticEpisode episode(Entry entry, boolean consent, boolean consultation, List<Event> events,
                                            List<StepAssessment> steps, Exit exit, List<FollowUp> followUps,
                                            Outcome outcome) {
        return new SyntheticEpisode(entry.referral().episodeId(), entry.person(), entry.profile(),
                entry.referral().day(), entry.source(), entry.income(), entry.occupation(), consent, consultation,
                events, steps, exit, followUps, outcome, SyntheticEpisode.Details.NONE);
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
