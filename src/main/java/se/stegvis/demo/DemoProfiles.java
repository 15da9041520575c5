package se.stegvis.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import se.stegvis.demo.ProgrammeProfile.InflowShift;
import se.stegvis.demo.ProgrammeProfile.Intake;
import se.stegvis.demo.ProgrammeProfile.Milestone;
import se.stegvis.demo.ProgrammeProfile.Pathway;
import se.stegvis.demo.ProgrammeProfile.Population;
import se.stegvis.demo.ProgrammeProfile.StepProfile;

/**
 * The demo cohort's description: one profile per programme, municipality and period, shaped by the
 * evaluation reports (EVI/Rehabteamet/UMA in Ludvika and Smedjebacken, Klientsupport in Båstad,
 * Kaosam's SIP work in Lund, IST in Falkenberg). Volumes are referrals per year at the reports'
 * own scale; the generator scales them to the requested number of episodes.
 */
public final class DemoProfiles {
    private DemoProfiles() {
    }

    static final String STEGVIS_7 = "stegvis-7";
    static final String SUS_5 = "sus-5";

    // Who refers: the municipality dominates EVI; FK's letter was the only way into UMA.
    private static final Weighted<String> MUNICIPAL_REFERRALS = Weighted.of(
            "ifo", 55, "af", 12, "fk", 8, "varden", 10, "egen", 12, "annan", 3);
    private static final Weighted<String> MULTI_AUTHORITY_REFERRALS = Weighted.of(
            "ifo", 40, "af", 22, "fk", 20, "varden", 15, "annan", 3);
    private static final Weighted<String> UMA_REFERRALS = Weighted.of("fk", 70, "egen", 20, "ifo", 10);
    private static final Weighted<String> SIP_REFERRALS = Weighted.of(
            "ifo", 50, "varden", 25, "fk", 15, "af", 10);

    // Main income at entry: mostly social assistance; UMA's target group had activity compensation.
    private static final Weighted<String> ASSISTANCE_MOSTLY = Weighted.of(
            "forsorjningsstod", 52, "aktivitetsstod", 15, "sjukpenning", 10, "ingen", 14,
            "aktivitetsersattning", 5, "lon", 2, "studiemedel", 2);
    private static final Weighted<String> ACTIVITY_COMPENSATION_MOSTLY = Weighted.of(
            "aktivitetsersattning", 65, "forsorjningsstod", 20, "ingen", 10, "studiemedel", 5);
    private static final Weighted<String> LONG_SICK = Weighted.of(
            "forsorjningsstod", 55, "sjukpenning", 25, "ingen", 10, "aktivitetsstod", 5,
            "sjukersattning", 5);

    private static final Weighted<String> TEAM_ASSESSES = Weighted.of(
            "team", 75, "ifo", 10, "af", 8, "fk", 4, "region", 3);
    private static final Weighted<String> PARTNERS_ASSESS = Weighted.of(
            "team", 45, "ifo", 20, "af", 15, "fk", 12, "region", 8);

    private static final Weighted<Integer> ENTRY_LOW = Weighted.of(1, 30, 2, 45, 3, 20, 4, 5);
    private static final Weighted<Integer> ENTRY_MIDDLE = Weighted.of(1, 12, 2, 35, 3, 33, 4, 15, 5, 5);
    private static final Weighted<Integer> ENTRY_STUCK = Weighted.of(1, 45, 2, 40, 3, 15);

    private static final List<InflowShift> STEADY = List.of();

    /** EVI Smedjebacken (from 2015): a full team meeting weekly; short lead times, far up the ladder. */
    static final ProgrammeProfile EVI_SMEDJEBACKEN = new ProgrammeProfile(
            "evi", "Smedjebacken", LocalDate.of(2015, 1, 1), null, 30, STEADY,
            new Population(18, 64, 0.46, 0.25, MUNICIPAL_REFERRALS, ASSISTANCE_MOSTLY),
            new Intake(0.08, 0.05, 0),
            new Pathway(List.of(
                    new Milestone("decision_accepted", 5, 1.0),
                    new Milestone("first_meeting", 9, 0.98),
                    new Milestone("mapping_done", 21, 0.92),
                    new Milestone("plan_established", 14, 0.88),
                    new Milestone("activity_start", 14, 0.85)), 170, 0.08),
            new StepProfile(STEGVIS_7, ENTRY_MIDDLE, 0.40, PARTNERS_ASSESS),
            Weighted.of("arbete", 20, "studier", 9, "arbetssokande", 16, "annan_insats", 33,
                    "vard", 6, "sjukersattning", 8, "flytt", 8));

    /** EVI Ludvika (from 2017): coordinator and one IFO officer; slower, most sent on to Rehabteamet. */
    static final ProgrammeProfile EVI_LUDVIKA = new ProgrammeProfile(
            "evi", "Ludvika", LocalDate.of(2017, 1, 1), null, 55, STEADY,
            new Population(18, 64, 0.44, 0.30, MUNICIPAL_REFERRALS, ASSISTANCE_MOSTLY),
            new Intake(0.10, 0.07, 0),
            new Pathway(List.of(
                    new Milestone("decision_accepted", 12, 1.0),
                    new Milestone("first_meeting", 24, 0.95),
                    new Milestone("mapping_done", 45, 0.80),
                    new Milestone("plan_established", 35, 0.70),
                    new Milestone("activity_start", 40, 0.60)), 230, 0.14),
            new StepProfile(STEGVIS_7, ENTRY_MIDDLE, 0.15, TEAM_ASSESSES),
            Weighted.of("arbete", 7, "studier", 3, "arbetssokande", 8, "annan_insats", 62,
                    "vard", 7, "sjukersattning", 6, "flytt", 7));

    /** Rehabteamet Ludvika before EVI: the baseline period with the longer lead times. */
    static final ProgrammeProfile REHABTEAMET_LUDVIKA_BASELINE = rehabteametLudvika(
            LocalDate.of(2015, 1, 1), LocalDate.of(2016, 12, 31), 1.5, STEADY);

    /** Rehabteamet Ludvika once EVI sorts its referrals (from 2017); inflow fell during the pandemic. */
    static final ProgrammeProfile REHABTEAMET_LUDVIKA = rehabteametLudvika(
            LocalDate.of(2017, 1, 1), null, 1.0,
            List.of(new InflowShift(YearMonth.of(2020, 3), YearMonth.of(2021, 6), 0.6)));

    /**
     * Rehabteamet's modules in a fixed order: a consultation (first meeting), mapping about five
     * weeks later, then often months until the next step; {@code slower} stretches every lead time.
     */
    private static ProgrammeProfile rehabteametLudvika(LocalDate start, LocalDate end, double slower,
                                                       List<InflowShift> shifts) {
        return new ProgrammeProfile(
                "rehabteamet", "Ludvika", start, end, 42, shifts,
                new Population(20, 64, 0.50, 0.28, MUNICIPAL_REFERRALS, ASSISTANCE_MOSTLY),
                new Intake(0.06, 0.05, 0.08),
                new Pathway(List.of(
                        new Milestone("decision_accepted", 10 * slower, 1.0),
                        new Milestone("first_meeting", 21 * slower, 0.97),
                        new Milestone("mapping_done", 35 * slower, 0.90),
                        new Milestone("plan_established", 100 * slower, 0.75),
                        new Milestone("activity_start", 45 * slower, 0.70)), 420 * slower, 0.12),
                new StepProfile(STEGVIS_7, ENTRY_LOW, 0.30, TEAM_ASSESSES),
                Weighted.of("arbete", 12, "studier", 6, "arbetssokande", 18, "annan_insats", 18,
                        "vard", 12, "sjukersattning", 16, "flytt", 6));
    }

    /** Rehabteamet taking people from Smedjebacken (AME takes most of them there). */
    static final ProgrammeProfile REHABTEAMET_SMEDJEBACKEN = new ProgrammeProfile(
            "rehabteamet", "Smedjebacken", LocalDate.of(2015, 1, 1), null, 12, STEADY,
            new Population(20, 64, 0.50, 0.22, MUNICIPAL_REFERRALS, ASSISTANCE_MOSTLY),
            new Intake(0.06, 0.05, 0.05),
            new Pathway(List.of(
                    new Milestone("decision_accepted", 10, 1.0),
                    new Milestone("first_meeting", 18, 0.97),
                    new Milestone("mapping_done", 30, 0.90),
                    new Milestone("plan_established", 45, 0.80),
                    new Milestone("activity_start", 60, 0.75)), 380, 0.10),
            new StepProfile(STEGVIS_7, ENTRY_LOW, 0.30, TEAM_ASSESSES),
            Weighted.of("arbete", 14, "studier", 6, "arbetssokande", 18, "annan_insats", 16,
                    "vard", 12, "sjukersattning", 16, "flytt", 6));

    /** UMA (2017 - Oct 2020): young adults, hard to reach; goal a step toward the right support. */
    static final ProgrammeProfile UMA_LUDVIKA = uma("Ludvika", 12);
    static final ProgrammeProfile UMA_SMEDJEBACKEN = uma("Smedjebacken", 5);

    private static ProgrammeProfile uma(String municipality, double perYear) {
        return new ProgrammeProfile(
                "uma", municipality, LocalDate.of(2017, 1, 1), LocalDate.of(2020, 10, 31), perYear, STEADY,
                new Population(19, 29, 0.45, 0.15, UMA_REFERRALS, ACTIVITY_COMPENSATION_MOSTLY),
                new Intake(0.05, 0.15, 0),
                new Pathway(List.of(
                        new Milestone("decision_accepted", 10, 1.0),
                        new Milestone("first_meeting", 14, 0.95),
                        new Milestone("mapping_done", 60, 0.75),
                        new Milestone("plan_established", 45, 0.70),
                        new Milestone("activity_start", 60, 0.60)), 400, 0.15),
                new StepProfile(STEGVIS_7, ENTRY_LOW, 0.45, TEAM_ASSESSES),
                Weighted.of("arbete", 6, "studier", 14, "arbetssokande", 8, "annan_insats", 40,
                        "vard", 12, "sjukersattning", 14, "flytt", 6));
    }

    /**
     * Klientsupport Båstad (FIA method): a third of referrals not relevant, few reach a FIA
     * interview, many too ill; inflow near zero for two quarters and then a burst.
     */
    static final ProgrammeProfile KLIENTSUPPORT_BASTAD = new ProgrammeProfile(
            "klientsupport", "Båstad", LocalDate.of(2018, 3, 1), LocalDate.of(2021, 6, 30), 6,
            List.of(new InflowShift(YearMonth.of(2019, 4), YearMonth.of(2019, 9), 0.05),
                    new InflowShift(YearMonth.of(2019, 10), YearMonth.of(2019, 12), 9.0)),
            new Population(20, 64, 0.55, 0.20, Weighted.of("ifo", 80, "af", 10, "varden", 10), LONG_SICK),
            new Intake(0.33, 0.04, 0),
            new Pathway(List.of(
                    new Milestone("decision_accepted", 14, 1.0),
                    new Milestone("first_meeting", 21, 0.95),
                    new Milestone("mapping_done", 60, 0.25),
                    new Milestone("plan_established", 45, 0.50),
                    new Milestone("activity_start", 60, 0.35)), 330, 0.10),
            new StepProfile(STEGVIS_7, ENTRY_LOW, 0.20, TEAM_ASSESSES),
            Weighted.of("arbete", 5, "studier", 3, "arbetssokande", 8, "annan_insats", 20,
                    "vard", 25, "sjukersattning", 32, "flytt", 7));

    /** Kaosam's SIP meetings in Lund (Oct 2015 - Sep 2017): long, stuck cases; slow, rarely to work. */
    static final ProgrammeProfile SIP_LUND = new ProgrammeProfile(
            "sip", "Lund", LocalDate.of(2015, 10, 1), LocalDate.of(2017, 9, 30), 45, STEADY,
            new Population(25, 64, 0.52, 0.45, SIP_REFERRALS, LONG_SICK),
            new Intake(0.10, 0.04, 0),
            new Pathway(List.of(
                    new Milestone("decision_accepted", 21, 1.0),
                    new Milestone("mapping_done", 45, 0.85),
                    new Milestone("first_meeting", 30, 0.95),
                    new Milestone("plan_established", 0, 0.90),
                    new Milestone("activity_start", 120, 0.45)), 420, 0.06),
            new StepProfile(SUS_5, ENTRY_STUCK, 0.25, PARTNERS_ASSESS),
            Weighted.of("arbete", 6, "studier", 5, "arbetssokande", 8, "annan_insats", 16,
                    "vard", 22, "sjukersattning", 35, "flytt", 8));

    /** IST Falkenberg (May 2013 - Dec 2015): six authorities map first, then meet the person. */
    static final ProgrammeProfile IST_FALKENBERG = new ProgrammeProfile(
            "ist", "Falkenberg", LocalDate.of(2013, 5, 1), LocalDate.of(2015, 12, 31), 13, STEADY,
            new Population(20, 64, 0.48, 0.30, MULTI_AUTHORITY_REFERRALS, ASSISTANCE_MOSTLY),
            new Intake(0.05, 0.03, 0.20),
            new Pathway(List.of(
                    new Milestone("decision_accepted", 7, 1.0),
                    new Milestone("mapping_done", 14, 0.95),
                    new Milestone("first_meeting", 10, 0.97),
                    new Milestone("plan_established", 14, 0.90),
                    new Milestone("activity_start", 30, 0.75)), 330, 0.06),
            new StepProfile(SUS_5, ENTRY_MIDDLE, 0.30, PARTNERS_ASSESS),
            Weighted.of("arbete", 30, "studier", 6, "arbetssokande", 10, "annan_insats", 16,
                    "vard", 8, "sjukersattning", 14, "flytt", 10, "avbrott", 6));

    /** Every profile of the demo cohort. */
    public static final List<ProgrammeProfile> ALL = List.of(
            EVI_SMEDJEBACKEN, EVI_LUDVIKA, REHABTEAMET_LUDVIKA_BASELINE, REHABTEAMET_LUDVIKA,
            REHABTEAMET_SMEDJEBACKEN, UMA_LUDVIKA, UMA_SMEDJEBACKEN, KLIENTSUPPORT_BASTAD, SIP_LUND,
            IST_FALKENBERG);

    /**
     * Contracted staff: Smedjebacken's EVI has coordinator, IFO, two AME and FK weekly; Ludvika's a
     * coordinator, half an IFO officer and health care an hour every other week, cut further later.
     */
    public static final List<TeamStaffing> STAFFING = List.of(
            new TeamStaffing("evi", "Smedjebacken", YearMonth.of(2015, 1), null, 2.7),
            new TeamStaffing("evi", "Ludvika", YearMonth.of(2017, 1), YearMonth.of(2019, 12), 1.55),
            new TeamStaffing("evi", "Ludvika", YearMonth.of(2020, 1), null, 1.2),
            new TeamStaffing("rehabteamet", "Ludvika", YearMonth.of(2015, 1), YearMonth.of(2020, 2), 3.0),
            new TeamStaffing("rehabteamet", "Ludvika", YearMonth.of(2020, 3), YearMonth.of(2021, 12), 2.0),
            new TeamStaffing("rehabteamet", "Ludvika", YearMonth.of(2022, 1), null, 2.5),
            new TeamStaffing("rehabteamet", "Smedjebacken", YearMonth.of(2015, 1), null, 0.6),
            new TeamStaffing("uma", "Ludvika", YearMonth.of(2017, 1), YearMonth.of(2018, 6), 1.0),
            new TeamStaffing("uma", "Ludvika", YearMonth.of(2018, 7), YearMonth.of(2020, 10), 0.5),
            new TeamStaffing("uma", "Smedjebacken", YearMonth.of(2017, 1), YearMonth.of(2020, 10), 0.3),
            new TeamStaffing("klientsupport", "Båstad", YearMonth.of(2018, 3), YearMonth.of(2021, 6), 1.5),
            new TeamStaffing("sip", "Lund", YearMonth.of(2015, 10), YearMonth.of(2017, 9), 1.4),
            new TeamStaffing("ist", "Falkenberg", YearMonth.of(2013, 5), YearMonth.of(2015, 12), 1.7));

    /**
     * People who go round in the system, and the sluices between programmes: EVI Ludvika sends
     * about four in five of those it moves on to Rehabteamet, Smedjebacken's EVI mostly to AME
     * (outside the cohort); when UMA closed, a few followed their supervisor into Rehabteamet.
     */
    public static final Cycling CYCLING = new Cycling(0.32, 8, 0.45, 420, List.of(
            new Onward("evi", "Ludvika", "rehabteamet", 0.80),
            new Onward("evi", "Smedjebacken", "rehabteamet", 0.30),
            new Onward("uma", "Ludvika", "rehabteamet", 0.25)));

    /**
     * @param followOnChance chance an episode index is kept for the previous episode's person
     * @param maxEpisodesPerPerson most episodes one person can have
     * @param reentryChance chance such a person, unless sent onward, is referred again (else the
     *     index goes to a new person)
     * @param medianReentryDays median days from an exit (or a refusal) to the next referral
     * @param onward where a programme sends people it moves on (exits to annan_insats)
     */
    public record Cycling(double followOnChance, int maxEpisodesPerPerson, double reentryChance,
                          double medianReentryDays, List<Onward> onward) {

        /** The onward rule for an exit from {@code programme} in {@code municipality}, or null. */
        Onward onwardFrom(String programme, String municipality) {
            for (Onward o : onward) {
                if (o.fromProgramme().equals(programme) && o.municipality().equals(municipality)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** Share {@code share} of those {@code fromProgramme} moves on start in {@code toProgramme} within weeks. */
    public record Onward(String fromProgramme, String municipality, String toProgramme, double share) {
    }

    /**
     * How each team works with its participants and partners. Smedjebacken's EVI meets often with
     * IFO, AME, AF and FK at the table and gets nearly all the hours agreed; Ludvika's meets less often,
     * mostly alone, and health care, AF and FK give well under what they agreed (the reports' own
     * explanation of the difference). SIP meetings dominate Kaosam's work in Lund.
     */
    public static final List<TeamWork> TEAM_WORK = List.of(
            new TeamWork("evi", "Smedjebacken", 3.0, 0.10, List.of(
                    new PartnerInput("ifo", 0.55, 40, 0.98), new PartnerInput("ame", 0.45, 32, 0.95),
                    new PartnerInput("af", 0.35, 16, 0.92), new PartnerInput("fk", 0.25, 8, 0.90),
                    new PartnerInput("region", 0.15, 8, 0.85))),
            new TeamWork("evi", "Ludvika", 1.6, 0.05, List.of(
                    new PartnerInput("ifo", 0.30, 20, 0.85), new PartnerInput("af", 0.10, 8, 0.45),
                    new PartnerInput("fk", 0.05, 4, 0.35), new PartnerInput("region", 0.05, 2, 0.50))),
            new TeamWork("rehabteamet", "Ludvika", 2.2, 0.08, List.of(
                    new PartnerInput("region", 0.25, 16, 0.80), new PartnerInput("ifo", 0.20, 8, 0.80),
                    new PartnerInput("af", 0.20, 8, 0.70), new PartnerInput("fk", 0.10, 4, 0.60))),
            new TeamWork("rehabteamet", "Smedjebacken", 2.0, 0.08, List.of(
                    new PartnerInput("ame", 0.30, 8, 0.90), new PartnerInput("region", 0.20, 4, 0.80),
                    new PartnerInput("af", 0.15, 4, 0.80))),
            new TeamWork("uma", "Ludvika", 1.5, 0.05, List.of(
                    new PartnerInput("fk", 0.30, 8, 0.80), new PartnerInput("af", 0.15, 4, 0.70),
                    new PartnerInput("psykiatri", 0.15, 4, 0.60))),
            new TeamWork("uma", "Smedjebacken", 1.5, 0.05, List.of(
                    new PartnerInput("fk", 0.30, 4, 0.80), new PartnerInput("ame", 0.20, 4, 0.90))),
            new TeamWork("klientsupport", "Båstad", 1.2, 0.05, List.of(
                    new PartnerInput("ifo", 0.30, 16, 0.90), new PartnerInput("primarvard", 0.10, 4, 0.60),
                    new PartnerInput("fk", 0.10, 4, 0.50), new PartnerInput("af", 0.05, 4, 0.50))),
            new TeamWork("sip", "Lund", 1.0, 0.70, List.of(
                    new PartnerInput("ifo", 0.70, 16, 0.95), new PartnerInput("psykiatri", 0.60, 20, 0.90),
                    new PartnerInput("primarvard", 0.50, 16, 0.85), new PartnerInput("fk", 0.50, 8, 0.90),
                    new PartnerInput("af", 0.40, 8, 0.85))),
            new TeamWork("ist", "Falkenberg", 2.0, 0.25, List.of(
                    new PartnerInput("ifo", 0.60, 20, 0.95), new PartnerInput("af", 0.50, 16, 0.95),
                    new PartnerInput("fk", 0.45, 12, 0.90), new PartnerInput("region", 0.35, 8, 0.85),
                    new PartnerInput("psykiatri", 0.20, 4, 0.80), new PartnerInput("vbu", 0.15, 4, 0.90))));

    /** The team work of a programme in a municipality. */
    static TeamWork teamWork(String programme, String municipality) {
        for (TeamWork t : TEAM_WORK) {
            if (t.programme().equals(programme) && t.municipality().equals(municipality)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no team work for " + programme + " in " + municipality);
    }

    /**
     * @param contactsPerMonth planned contacts per enrolled person and month (held or not)
     * @param sipShare share of contacts that are SIP meetings
     * @param partners who comes to meetings and gives hours
     */
    public record TeamWork(String programme, String municipality, double contactsPerMonth, double sipShare,
                           List<PartnerInput> partners) {
    }

    /**
     * @param attendance chance the partner is present at a meeting (SIP meetings: more)
     * @param hoursAgreed hours a month the partner agreed to give the team
     * @param givenShare share of the agreed hours given in a usual month
     */
    public record PartnerInput(String partner, double attendance, double hoursAgreed, double givenShare) {
    }

    /** The pandemic's restrictions (digital meetings, fewer partner hours). */
    static final LocalDate PANDEMIC_START = LocalDate.of(2020, 3, 11);
    static final LocalDate PANDEMIC_END = LocalDate.of(2021, 6, 30);

    /**
     * Dated context the reports name: Båstad's intake stop (the low inflow of 2019 Q2-Q3), the
     * pandemic, Arbetsförmedlingen's reform from 2022, staff cuts and UMA's closing; summers are added per year.
     */
    public static final List<ContextEvent> CONTEXT_EVENTS = List.of(
            new ContextEvent("klientsupport", "Båstad", LocalDate.of(2019, 4, 1), LocalDate.of(2019, 9, 30),
                    "intake_stop", "Intagsstopp Klientsupport", "Klientsupport intake stop"),
            new ContextEvent(null, null, PANDEMIC_START, PANDEMIC_END, "pandemic", "Covid-19-pandemin", "Covid-19 pandemic"),
            new ContextEvent(null, null, LocalDate.of(2022, 1, 1), null, "reform",
                    "Arbetsförmedlingens reformering", "Arbetsförmedlingen reform"),
            new ContextEvent("evi", "Ludvika", LocalDate.of(2020, 1, 1), null, "staff_change",
                    "Färre tjänster i EVI-teamet", "Fewer posts in the EVI team"),
            new ContextEvent("rehabteamet", "Ludvika", LocalDate.of(2020, 3, 1), LocalDate.of(2021, 12, 31), "staff_change",
                    "Neddragning under pandemin", "Cut during the pandemic"),
            new ContextEvent("uma", null, LocalDate.of(2020, 10, 31), LocalDate.of(2020, 10, 31), "other",
                    "UMA avslutas", "UMA closes"));

    /** Summer holidays, from midsummer to mid-August, each year. */
    static ContextEvent summer(int year) {
        return new ContextEvent(null, null, LocalDate.of(year, 6, 24), LocalDate.of(year, 8, 10), "summer",
                "Sommaruppehåll", "Summer break");
    }

    /** A dated context event; programme and municipality null when it concerns all, {@code endsOn} null while it lasts. */
    public record ContextEvent(String programme, String municipality, LocalDate startsOn, LocalDate endsOn, String kind,
                               String labelSv, String labelEn) {
    }
}
