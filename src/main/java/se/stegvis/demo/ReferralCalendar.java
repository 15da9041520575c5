package se.stegvis.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * When new persons are referred: each profile's months up to the as-of date, weighted by its yearly
 * volume, the season (the summer dip) and its inflow shifts.
 */
final class ReferralCalendar {
    /** Relative inflow by calendar month, January first: few referrals in July, fewer around it. */
    static final double[] SEASON = {1.0, 1.05, 1.1, 1.0, 1.0, 0.8, 0.35, 0.75, 1.15, 1.15, 1.1, 0.75};

    private final List<ProgrammeProfile> profiles;
    private final Weighted<ProgrammeProfile> byVolume;
    // Identity: a profile's record hash would walk all its parameters on every draw.
    private final Map<ProgrammeProfile, Weighted<YearMonth>> months = new IdentityHashMap<>();
    private final LocalDate asOf;

    ReferralCalendar(List<ProgrammeProfile> all, LocalDate asOf) {
        this.asOf = asOf;
        this.profiles = List.copyOf(all);
        Map<ProgrammeProfile, Double> volume = new LinkedHashMap<>();
        for (ProgrammeProfile p : all) {
            LocalDate last = lastReferralDay(p);
            if (last.isBefore(p.start())) {
                continue;
            }
            Map<YearMonth, Double> weights = new LinkedHashMap<>();
            double total = 0;
            for (YearMonth m = YearMonth.from(p.start()); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                double w = SEASON[m.getMonthValue() - 1] * shift(p, m);
                weights.put(m, w);
                total += w;
            }
            months.put(p, Weighted.of(weights));
            volume.put(p, p.referralsPerYear() * total / 12);
        }
        if (volume.isEmpty()) {
            throw new IllegalArgumentException("--as-of " + asOf + " is before the first programme of the demo started");
        }
        byVolume = Weighted.of(volume);
    }

    /** A profile, drawn in proportion to its referrals up to the as-of date. */
    ProgrammeProfile drawProfile(SplittableRandom rng) {
        return byVolume.draw(rng);
    }

    /** A referral day (epoch day) of the profile, following its monthly inflow. */
    int drawReferralDay(ProgrammeProfile p, SplittableRandom rng) {
        YearMonth m = months.get(p).draw(rng);
        LocalDate first = m.atDay(1).isBefore(p.start()) ? p.start() : m.atDay(1);
        LocalDate last = m.atEndOfMonth().isAfter(lastReferralDay(p)) ? lastReferralDay(p) : m.atEndOfMonth();
        return (int) first.toEpochDay() + rng.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1);
    }

    /** The profile of {@code programme} in {@code municipality} taking referrals on {@code day}, or null. */
    ProgrammeProfile profileFor(String programme, String municipality, int day) {
        LocalDate date = LocalDate.ofEpochDay(day);
        for (ProgrammeProfile p : profiles) {
            if (p.programme().equals(programme) && p.municipality().equals(municipality)
                    && p.runsOn(date) && !date.isAfter(lastReferralDay(p))) {
                return p;
            }
        }
        return null;
    }

    /** Whether any profile of {@code programme} exists in {@code municipality}. */
    boolean offers(String programme, String municipality) {
        return profiles.stream().anyMatch(p -> p.programme().equals(programme) && p.municipality().equals(municipality));
    }

    private LocalDate lastReferralDay(ProgrammeProfile p) {
        return p.end() == null || p.end().isAfter(asOf) ? asOf : p.end();
    }

    private static double shift(ProgrammeProfile p, YearMonth m) {
        double factor = 1;
        for (ProgrammeProfile.InflowShift s : p.inflowShifts()) {
            if (s.covers(m)) {
                factor *= s.factor();
            }
        }
        return factor;
    }
}
