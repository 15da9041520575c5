package se.stegvis.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import se.stegvis.demo.DemoProfiles.PartnerInput;
import se.stegvis.demo.DemoProfiles.TeamWork;
import se.stegvis.demo.SyntheticEpisode.Application;
import se.stegvis.demo.SyntheticEpisode.Contact;
import se.stegvis.demo.SyntheticEpisode.Details;
import se.stegvis.demo.SyntheticEpisode.Event;
import se.stegvis.demo.SyntheticEpisode.IncomeSource;
import se.stegvis.demo.SyntheticEpisode.Rating;
import se.stegvis.demo.SyntheticEpisode.StepAssessment;

/**
 * What the reports ask beyond the ladder, for one lived episode: its contacts (with cancellations,
 * no-shows, idle gaps and the partners present), its income sources at entry, exit and follow-up
 * (some partial), its applications for compensation and the decisions (Försäkringskassan refusing
 * about half, as in Båstad), self-ratings before and after (with loss), and why a referral was not
 * relevant. Drawn from a stream of its own, so the episode's other rows are the same with or without them.
 */
final class EpisodeDetails {
    static final double CANCELLED = 0.12;
    static final double NO_SHOW = 0.08;
    /** Chance an enrolled episode has one long idle stretch between contacts. */
    static final double IDLE_GAP = 0.15;
    /** Chance a person still in a programme at the cut-off has had no contact for weeks. */
    static final double IDLE_AT_CUT_OFF = 0.2;
    static final double SECOND_SOURCE_AT_ENTRY = 0.2;
    static final double PARTIAL_AT_EXIT = 0.15;
    /** An application granted at last was often refused once first. */
    static final double REFUSED_FIRST = 0.35;
    static final double OTHERS_REFUSED = 0.85;
    static final double MEDIAN_DECISION_DAYS = 120;
    static final double RATED_BEFORE = 0.7;
    static final double RATED_AFTER = 0.6;
    static final double DROP_OUT_RATED_AFTER = 0.2;

    private static final Set<String> CLARIFYING_DESTINATIONS = Set.of("sjukersattning", "arbete", "studier", "vard",
            "arbetssokande");
    private static final Set<String> MAY_APPLY = Set.of("forsorjningsstod", "sjukpenning", "ingen", "aktivitetsersattning");
    private static final Weighted<String> REASONS = Weighted.of(
            "ej_malgrupp", 40, "redan_insats", 25, "for_sjuk", 15, "ingen_samtycke", 8, "flyttat", 5, "annat", 7);
    private static final Weighted<String> BASTAD_REASONS = Weighted.of(
            "for_sjuk", 45, "ej_malgrupp", 25, "redan_insats", 10, "ingen_samtycke", 10, "flyttat", 5, "annat", 5);
    private static final Weighted<String> SECOND_SOURCE = Weighted.of(
            "forsorjningsstod", 50, "sjukpenning", 25, "aktivitetsstod", 15, "lon", 10);

    private final int asOfDay;

    EpisodeDetails(LocalDate asOf) {
        this.asOfDay = (int) asOf.toEpochDay();
    }

    /** The episode with its details added. */
    SyntheticEpisode addTo(SyntheticEpisode e, SplittableRandom rng) {
        String reason = null;
        for (Event ev : e.events()) {
            if (ev.type().equals("decision_not_relevant")) {
                reason = (e.profile().programme().equals("klientsupport") ? BASTAD_REASONS : REASONS).draw(rng);
            }
        }
        Integer firstMeeting = day(e, "first_meeting");
        return e.withDetails(new Details(reason, clarifiedOn(e, rng), contacts(e, firstMeeting, rng),
                incomeSources(e, rng), applications(e, firstMeeting, rng), ratings(e, firstMeeting, rng)));
    }

    private static Integer day(SyntheticEpisode e, String type) {
        for (Event ev : e.events()) {
            if (ev.type().equals(type)) {
                return ev.day();
            }
        }
        return null;
    }

    /** The exit assessment settles the capacity for destinations that need it known; otherwise sometimes a partner's. */
    private static int clarifiedOn(SyntheticEpisode e, SplittableRandom rng) {
        List<StepAssessment> steps = e.assessments();
        if (steps.isEmpty()) {
            return -1;
        }
        if (e.exit() != null && CLARIFYING_DESTINATIONS.contains(e.exit().destination())) {
            return steps.get(steps.size() - 1).day();
        }
        for (StepAssessment s : steps) {
            if (!s.assessorOrg().equals("team") && rng.nextDouble() < 0.3) {
                return s.day();
            }
        }
        return -1;
    }

    /**
     * Contacts from the first meeting to the exit (or the cut-off) at the team's pace, one long idle
     * stretch now and then, and for some still in the programme no contact for weeks before the cut-off.
     */
    private List<Contact> contacts(SyntheticEpisode e, Integer firstMeeting, SplittableRandom rng) {
        List<Contact> out = new ArrayList<>();
        if (firstMeeting == null || firstMeeting > asOfDay) {
            return out;
        }
        TeamWork team = DemoProfiles.teamWork(e.profile().programme(), e.profile().municipality());
        out.add(new Contact(firstMeeting, "meeting", "held", partners(team, "meeting", rng)));
        if (e.consultationOnly()) {
            return out;
        }
        int end = e.exit() != null ? e.exit().day() : asOfDay;
        if (e.exit() == null && rng.nextDouble() < IDLE_AT_CUT_OFF) {
            end = asOfDay - 60 - rng.nextInt(120);
        }
        double meanGap = 30 / team.contactsPerMonth();
        boolean idleUsed = rng.nextDouble() >= IDLE_GAP;
        int day = firstMeeting;
        while (true) {
            int gap = Math.max(1, EpisodeSimulator.lognormal(rng, meanGap, 0.5));
            if (!idleUsed && rng.nextDouble() < 0.2) {
                gap = 60 + rng.nextInt(90);
                idleUsed = true;
            }
            day += gap;
            if (day >= end || day > asOfDay) {
                break;
            }
            String kind = kind(team, day, rng);
            double u = rng.nextDouble();
            String status = u < CANCELLED ? "cancelled" : u < CANCELLED + NO_SHOW && !kind.equals("phone") ? "no_show" : "held";
            out.add(new Contact(day, kind, status, kind.equals("phone") ? "" : partners(team, kind, rng)));
        }
        return out;
    }

    private static String kind(TeamWork team, int day, SplittableRandom rng) {
        if (rng.nextDouble() < team.sipShare()) {
            return "sip_meeting";
        }
        LocalDate d = LocalDate.ofEpochDay(day);
        boolean pandemic = !d.isBefore(DemoProfiles.PANDEMIC_START) && !d.isAfter(DemoProfiles.PANDEMIC_END);
        double u = rng.nextDouble();
        double digital = pandemic ? 0.35 : 0.07;
        if (u < digital) {
            return "digital";
        }
        if (u < digital + 0.05) {
            return "home_visit";
        }
        return u < digital + 0.05 + 0.3 ? "phone" : "meeting";
    }

    /** The partners present: each by its attendance, more often at SIP meetings, where at least one comes. */
    private static String partners(TeamWork team, String kind, SplittableRandom rng) {
        boolean sip = kind.equals("sip_meeting");
        StringBuilder s = new StringBuilder();
        for (PartnerInput p : team.partners()) {
            if (rng.nextDouble() < (sip ? Math.min(0.95, 2 * p.attendance()) : p.attendance())) {
                s.append(s.length() == 0 ? "" : "|").append(p.partner());
            }
        }
        if (sip && s.length() == 0) {
            s.append(team.partners().get(0).partner());
        }
        return s.toString();
    }

    private static List<IncomeSource> incomeSources(SyntheticEpisode e, SplittableRandom rng) {
        List<IncomeSource> out = new ArrayList<>();
        sources(out, "entry", 0, e.incomeAtEntry(), SECOND_SOURCE_AT_ENTRY, rng);
        if (e.exit() == null) {
            return out;
        }
        String atExit = e.exit().incomeSource();
        sources(out, "exit", 0, atExit, PARTIAL_AT_EXIT, rng);
        int age = LocalDate.ofEpochDay(e.exit().day()).getYear() - e.person().birthYear();
        for (SyntheticEpisode.FollowUp f : e.followUps()) {
            if (f.observedDay() != null) {
                out.add(new IncomeSource("follow_up", f.offsetDays(), incomeAt(f.status(), atExit, age), "full"));
            }
        }
        return out;
    }

    /** One full source, or with chance {@code partial} the main source and another, both partial. */
    private static void sources(List<IncomeSource> out, String timing, int offset, String main, double partial,
                                SplittableRandom rng) {
        String second = SECOND_SOURCE.draw(rng);
        if (rng.nextDouble() < partial && !second.equals(main)) {
            out.add(new IncomeSource(timing, offset, main, "partial"));
            out.add(new IncomeSource(timing, offset, second, "partial"));
        } else {
            out.add(new IncomeSource(timing, offset, main, "full"));
        }
    }

    private static String incomeAt(String followUpStatus, String atExit, int age) {
        return switch (followUpStatus) {
            case "arbete" -> "lon";
            case "studier" -> "studiemedel";
            case "arbetssokande" -> "aktivitetsstod";
            case "sjukersattning" -> age < 30 ? "aktivitetsersattning" : "sjukersattning";
            case "forsorjningsstod" -> "forsorjningsstod";
            default -> atExit;
        };
    }

    /**
     * Applications for sickness or activity compensation: granted before an exit to compensation
     * (often after a refusal), and otherwise made by a share of those on social assistance or sick pay
     * and mostly refused; undecided at the cut-off they are pending.
     */
    private List<Application> applications(SyntheticEpisode e, Integer firstMeeting, SplittableRandom rng) {
        List<Application> out = new ArrayList<>();
        if (firstMeeting == null || e.consultationOnly() || firstMeeting >= asOfDay) {
            return out;
        }
        int end = e.exit() != null ? e.exit().day() : asOfDay;
        if (e.exit() != null && e.exit().destination().equals("sjukersattning")) {
            int decided = Math.max(firstMeeting + 30, end - rng.nextInt(15));
            int applied = Math.max(firstMeeting + 1, decided - EpisodeSimulator.lead(rng, MEDIAN_DECISION_DAYS));
            if (rng.nextDouble() < REFUSED_FIRST && applied - firstMeeting > 90) {
                int earlier = firstMeeting + 1 + rng.nextInt(applied - firstMeeting - 60);
                add(out, e, earlier, Math.min(applied - 14, earlier + EpisodeSimulator.lead(rng, MEDIAN_DECISION_DAYS)),
                        "refused");
            }
            add(out, e, applied, decided, "granted");
        } else if (MAY_APPLY.contains(e.incomeAtEntry()) && rng.nextDouble() < applicationShare(e.profile().programme())) {
            int applied = firstMeeting + 1 + rng.nextInt(Math.max(1, end - firstMeeting));
            int decided = applied + 14 + EpisodeSimulator.lead(rng, MEDIAN_DECISION_DAYS);
            add(out, e, applied, decided, rng.nextDouble() < OTHERS_REFUSED ? "refused" : "granted");
        }
        return out;
    }

    private void add(List<Application> out, SyntheticEpisode e, int applied, int decided, String decision) {
        if (applied > asOfDay) {
            return;
        }
        int age = LocalDate.ofEpochDay(applied).getYear() - e.person().birthYear();
        String benefit = age < 30 ? "aktivitetsersattning" : "sjukersattning";
        int on = Math.max(applied, decided);
        out.add(on > asOfDay ? new Application(applied, benefit, null, "pending") : new Application(applied, benefit, on, decision));
    }

    private static double applicationShare(String programme) {
        return switch (programme) {
            case "klientsupport" -> 0.45;
            case "sip" -> 0.35;
            case "rehabteamet", "uma" -> 0.2;
            case "ist" -> 0.15;
            default -> 0.08;
        };
    }

    /**
     * Quality of life for everyone, FIA's self-assessment where the team uses it, at the first
     * meeting; again at exit for some (drop-outs seldom), so the loss is real.
     */
    private List<Rating> ratings(SyntheticEpisode e, Integer firstMeeting, SplittableRandom rng) {
        List<Rating> out = new ArrayList<>();
        if (firstMeeting == null || e.consultationOnly() || firstMeeting > asOfDay) {
            return out;
        }
        String programme = e.profile().programme();
        boolean fia = programme.equals("klientsupport") || programme.equals("evi") || programme.equals("rehabteamet");
        for (String instrument : fia ? List.of("qol", "fia") : List.of("qol")) {
            if (rng.nextDouble() >= RATED_BEFORE) {
                continue;
            }
            int before = score(rng, instrument.equals("fia") ? 40 : 45, 15);
            out.add(new Rating(instrument, firstMeeting, before, "before"));
            if (e.exit() == null || e.exit().day() <= firstMeeting) {
                continue;
            }
            String destination = e.exit().destination();
            double rated = destination.equals("avbrott") ? DROP_OUT_RATED_AFTER : RATED_AFTER;
            if (rng.nextDouble() < rated) {
                out.add(new Rating(instrument, e.exit().day(), score(rng, before + change(destination), 10), "after"));
            }
        }
        return out;
    }

    private static double change(String destination) {
        return switch (destination) {
            case "arbete", "studier" -> 14;
            case "sjukersattning", "arbetssokande" -> 6;
            case "annan_insats" -> 4;
            case "flytt" -> 2;
            case "vard" -> 1;
            default -> -3;
        };
    }

    private static int score(SplittableRandom rng, double mean, double sd) {
        return (int) Math.max(1, Math.min(100, Math.round(mean + sd * rng.nextGaussian())));
    }
}
