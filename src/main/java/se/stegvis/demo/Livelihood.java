package se.stegvis.demo;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Income source and occupation at entry and exit, and status at follow-up, as they usually go
 * together: social assistance with unemployment, wages with work, a granted sickness compensation
 * as the right support from the right authority.
 */
final class Livelihood {
    private Livelihood() {
    }

    static final Weighted<String> EDUCATION = Weighted.of(
            "forgymnasial", 35, "gymnasial", 40, "eftergymnasial", 10, "okand", 15);

    private static final Map<String, Weighted<String>> OCCUPATION_BY_INCOME = Map.of(
            "forsorjningsstod", Weighted.of("arbetslos", 60, "ingen", 30, "insats", 10),
            "sjukpenning", Weighted.of("sjukskriven", 100),
            "aktivitetsersattning", Weighted.of("ingen", 60, "insats", 40),
            "sjukersattning", Weighted.of("ingen", 100),
            "aktivitetsstod", Weighted.of("arbetslos", 50, "insats", 50),
            "lon", Weighted.of("arbete", 100),
            "studiemedel", Weighted.of("studier", 100),
            "ingen", Weighted.of("ingen", 60, "arbetslos", 40));

    private static final Map<String, String> OCCUPATION_AT_EXIT = Map.of(
            "arbete", "arbete", "studier", "studier", "arbetssokande", "arbetslos",
            "annan_insats", "insats", "vard", "sjukskriven", "sjukersattning", "ingen");

    /** Status at the first follow-up, by exit destination. */
    private static final Map<String, Weighted<String>> FIRST_FOLLOW_UP = Map.of(
            "arbete", Weighted.of("arbete", 78, "arbetssokande", 10, "forsorjningsstod", 6, "annat", 6),
            "studier", Weighted.of("studier", 70, "arbete", 12, "arbetssokande", 10, "annat", 8),
            "arbetssokande", Weighted.of("arbetssokande", 50, "arbete", 18, "forsorjningsstod", 22, "annat", 10),
            "annan_insats", Weighted.of("annat", 45, "arbetssokande", 15, "forsorjningsstod", 25, "arbete", 8,
                    "sjukersattning", 7),
            "vard", Weighted.of("annat", 45, "forsorjningsstod", 25, "sjukersattning", 25, "arbete", 5),
            "sjukersattning", Weighted.of("sjukersattning", 90, "annat", 10),
            "flytt", Weighted.of("annat", 70, "forsorjningsstod", 15, "arbete", 15),
            "avbrott", Weighted.of("forsorjningsstod", 55, "annat", 25, "arbetssokande", 12, "arbete", 8));

    /** Chance the status at a later follow-up is the same as at the one before. */
    static final double FOLLOW_UP_PERSISTENCE = 0.8;

    /**
     * What a returning person lives on: what they left the last episode with, unless that was wages
     * or student aid, which someone coming back has usually lost (null: drawn from the profile).
     */
    static String incomeOnReturn(String lastIncome) {
        return "lon".equals(lastIncome) || "studiemedel".equals(lastIncome) ? null : lastIncome;
    }

    static String occupationAtEntry(String income, SplittableRandom rng) {
        return OCCUPATION_BY_INCOME.get(income).draw(rng);
    }

    static String incomeAtExit(String destination, String incomeAtEntry, int ageAtExit, SplittableRandom rng) {
        switch (destination) {
            case "arbete":
                return "lon";
            case "studier":
                return "studiemedel";
            case "arbetssokande":
                return rng.nextDouble() < 0.6 ? "aktivitetsstod" : "forsorjningsstod";
            case "sjukersattning":
                return ageAtExit < 30 ? "aktivitetsersattning" : "sjukersattning";
            case "vard":
                return rng.nextDouble() < 0.5 ? "sjukpenning" : incomeAtEntry;
            case "annan_insats":
                return rng.nextDouble() < 0.8 ? incomeAtEntry : "aktivitetsstod";
            default:
                return incomeAtEntry;
        }
    }

    static String occupationAtExit(String destination, String occupationAtEntry) {
        return OCCUPATION_AT_EXIT.getOrDefault(destination, occupationAtEntry);
    }

    static String followUpStatus(String destination, String previousStatus, SplittableRandom rng) {
        if (previousStatus != null && rng.nextDouble() < FOLLOW_UP_PERSISTENCE) {
            return previousStatus;
        }
        return FIRST_FOLLOW_UP.get(destination).draw(rng);
    }
}
