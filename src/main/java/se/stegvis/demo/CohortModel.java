package se.stegvis.demo;

import java.util.SplittableRandom;

/**
 * The demo cohort as a pure function of (seed, episode index): every episode can be generated on
 * its own, in any order and on any thread. A person's several episodes sit next to each other:
 * episode i continues the person of episode i-1 with a fixed chance, within blocks of
 * {@link DemoProfiles.Cycling#maxEpisodesPerPerson()} indices, so a chain never has to be traced far.
 */
final class CohortModel {
    private static final long PROFILE_STREAM = 1;
    private static final long CHAIN_STREAM = 2;
    private static final long DETAIL_STREAM = 3;

    private final DemoOptions options;
    private final DemoProfiles.Cycling cycling = DemoProfiles.CYCLING;
    private final ReferralCalendar calendar;
    private final EpisodeSimulator simulator;
    private final EpisodeDetails details;
    private final int idWidth;
    private final int asOfDay;

    CohortModel(DemoOptions options) {
        this.options = options;
        this.calendar = new ReferralCalendar(DemoProfiles.ALL, options.asOf());
        this.simulator = new EpisodeSimulator(options.asOf());
        this.details = new EpisodeDetails(options.asOf());
        this.idWidth = Math.max(6, Long.toString(options.episodes()).length());
        this.asOfDay = (int) options.asOf().toEpochDay();
    }

    /** Episode {@code index} (0-based), with all its rows; the details come from a stream of their own. */
    SyntheticEpisode episode(long index) {
        long first = index;
        while (first % cycling.maxEpisodesPerPerson() != 0 && continuesPrevious(first)) {
            first--;
        }
        SyntheticEpisode previous = null;
        for (long i = first; i <= index; i++) {
            previous = generate(i, previous);
        }
        return details.addTo(previous, random(options.seed(), index, DETAIL_STREAM));
    }

    private SyntheticEpisode generate(long index, SyntheticEpisode previous) {
        SplittableRandom rng = random(options.seed(), index, PROFILE_STREAM);
        String id = episodeId(index);
        if (previous != null) {
            SyntheticEpisode next = nextEpisodeOf(previous, id, index, rng);
            if (next != null) {
                return next;
            }
        }
        ProgrammeProfile profile = calendar.drawProfile(rng);
        int day = calendar.drawReferralDay(profile, rng);
        return simulator.simulate(EpisodeSimulator.Referral.ofNewPerson(id, index, profile, day), rng);
    }

    /**
     * The same person's next episode: a programme's onward referral (EVI to Rehabteamet) within
     * weeks, or a new referral after a year or so, to EVI where there is one, else to the same
     * programme. Null when the person is still in a programme at the as-of date, is not referred
     * again, or no programme takes them then.
     */
    private SyntheticEpisode nextEpisodeOf(SyntheticEpisode previous, String id, long index, SplittableRandom rng) {
        SyntheticEpisode.Outcome outcome = previous.outcome();
        if (outcome.lastDay() >= asOfDay) {
            return null;
        }
        String municipality = previous.profile().municipality();
        String programme;
        int day;
        DemoProfiles.Onward onward = cycling.onwardFrom(previous.profile().programme(), municipality);
        if (onward != null && outcome.exitedTo("annan_insats") && rng.nextDouble() < onward.share()) {
            programme = onward.toProgramme();
            day = outcome.lastDay() + EpisodeSimulator.lead(rng, 14);
        } else if (rng.nextDouble() >= cycling.reentryChance()) {
            return null;
        } else {
            programme = calendar.offers("evi", municipality) ? "evi" : previous.profile().programme();
            day = outcome.lastDay() + Math.max(30, EpisodeSimulator.lognormal(rng, cycling.medianReentryDays(), 0.6));
        }
        ProgrammeProfile profile = calendar.profileFor(programme, municipality, day);
        if (profile == null) {
            profile = calendar.profileFor(previous.profile().programme(), municipality, day);
        }
        if (profile == null || day > asOfDay) {
            return null;
        }
        String last = previous.exit() != null ? previous.exit().incomeSource() : previous.incomeAtEntry();
        String income = Livelihood.incomeOnReturn(last);
        return simulator.simulate(new EpisodeSimulator.Referral(id, index, profile, day, previous.person(), income), rng);
    }

    private boolean continuesPrevious(long index) {
        return random(options.seed(), index, CHAIN_STREAM).nextDouble() < cycling.followOnChance();
    }

    private String episodeId(long index) {
        String n = Long.toString(index + 1);
        StringBuilder sb = new StringBuilder(idWidth + 1).append('E');
        for (int i = n.length(); i < idWidth; i++) {
            sb.append('0');
        }
        return sb.append(n).toString();
    }

    /** An independent random stream per (seed, index, stream), so episodes need no shared state. */
    static SplittableRandom random(long seed, long index, long stream) {
        return new SplittableRandom(mix(mix(seed) ^ mix(index * 0x9E3779B97F4A7C15L + stream)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
