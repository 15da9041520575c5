package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.SqlFragment;
import se.stegvis.disclosure.Coarsening;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.stats.DirectStandardisation;
import se.stegvis.stats.FisherExact;
import se.stegvis.stats.FunnelLimits;
import se.stegvis.stats.Interval;
import se.stegvis.stats.Proportions;

/** Computes {@link CompareResult} from the strata counts of {@code sql/compare.sql}. */
final class CompareMetric {

    static final Definition DEFINITION = new Definition("compare",
            "Grupper sida vid sida på samma andel med samma definition: andel med 95 %-intervall, "
                    + "trattdiagramgränser kring hela urvalets andel, skillnad mot övriga grupper (Newcombe) med "
                    + "Fishers exakta test, och andel standardiserad för ålder och kön (direkt standardisering).",
            "Groups side by side on the same rate with the same definition: rate with 95% interval, funnel-plot "
                    + "limits around the whole selection's rate, difference from the other groups (Newcombe) with "
                    + "Fisher's exact test, and the rate standardised for age and gender (direct standardisation).");

    private CompareMetric() {}

    /** Counts per group and stratum (age band x gender). */
    private record Strata(Map<String, long[]> events, Map<String, long[]> n) {}

    static CompareResult compute(QueryContext ctx, Rate rate, int planDays) throws SQLException {
        List<String> strata = new ArrayList<>();
        return build(ctx, rate, strata, strata(ctx, rate, planDays, strata), List.of());
    }

    /**
     * As {@link #compute}, with the smallest groups folded one by one into "Övriga" (at least two of
     * them) while suppression hides more than a third of the groups' counts: the first grouping that
     * hides at most a third, else the one that hides the fewest.
     */
    static CompareResult coarsened(QueryContext ctx, Rate rate, int planDays) throws SQLException {
        List<String> strata = new ArrayList<>();
        Map<String, Map<String, long[]>> byGroup = strata(ctx, rate, planDays, strata);
        List<String> bySize = new ArrayList<>(byGroup.keySet());
        bySize.sort(java.util.Comparator.comparingLong(g -> byGroup.get(g).values().stream().mapToLong(v -> v[1]).sum()));
        List<Groupings.Candidate<CompareResult>> coarser = new ArrayList<>();
        for (int folded = 2; folded < bySize.size() - 1; folded++) {
            List<String> smallest = bySize.subList(0, folded);
            coarser.add(() -> build(ctx, rate, strata, byGroup, smallest));
        }
        return Groupings.finestShowing(build(ctx, rate, strata, byGroup, List.of()), coarser, CompareMetric::hiddenShare);
    }

    private static double hiddenShare(CompareResult r) {
        return r.groups().hiddenShare(List.of("events", "n"));
    }

    /** group -> stratum (age band / gender) -> {events, n}; fills {@code strata} in order of appearance. */
    private static Map<String, Map<String, long[]>> strata(QueryContext ctx, Rate rate, int planDays,
            List<String> strata) throws SQLException {
        Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>(); // group -> stratum -> {events, n}
        SqlQuery q = ctx.query("compare", planDays)
                .with("numerator", SqlFragment.of(rate.numerator)).with("denominator", SqlFragment.of(rate.denominator));
        try (PreparedStatement ps = q.prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String stratum = rs.getString("age_band") + "/" + rs.getString("gender");
                if (!strata.contains(stratum)) {
                    strata.add(stratum);
                }
                byGroup.computeIfAbsent(rs.getString("grp"), k -> new LinkedHashMap<>())
                        .put(stratum, new long[] {rs.getLong("events"), rs.getLong("n")});
            }
        }
        return byGroup;
    }

    /** The result with the groups in {@code folded} summed into one row "Övriga" (before "all"). */
    private static CompareResult build(QueryContext ctx, Rate rate, List<String> strata,
            Map<String, Map<String, long[]>> groups, List<String> folded) {
        DisclosurePolicy policy = ctx.policy();
        Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
        Map<String, long[]> others = new LinkedHashMap<>();
        groups.forEach((g, counts) -> {
            if (folded.contains(g)) {
                counts.forEach((stratum, v) -> {
                    long[] sum = others.computeIfAbsent(stratum, x -> new long[2]);
                    sum[0] += v[0];
                    sum[1] += v[1];
                });
            } else {
                byGroup.put(g, counts);
            }
        });
        if (!others.isEmpty()) {
            byGroup.put(Coarsening.OTHERS_SV, others);
        }
        double[] standard = new double[strata.size()];
        long totalEvents = 0;
        long totalN = 0;
        for (var g : byGroup.values()) {
            for (var e : g.entrySet()) {
                standard[strata.indexOf(e.getKey())] += e.getValue()[1];
                totalEvents += e.getValue()[0];
                totalN += e.getValue()[1];
            }
        }
        ResultBuilder rb = new ResultBuilder(policy);
        var table = rb.table("groups", key("group"), count("events"), count("n"), number("rate"), number("lower"),
                number("upper"), number("target"), number("funnel_lower95"), number("funnel_upper95"),
                number("funnel_lower998"), number("funnel_upper998"), key("signal"), number("difference"),
                number("diff_lower"), number("diff_upper"), number("fisher_p"), number("std_rate"),
                number("std_lower"), number("std_upper"), key("std_strata"));
        double target = totalN == 0 ? Double.NaN : (double) totalEvents / totalN;
        List<Integer> eventCells = new ArrayList<>();
        List<Integer> nCells = new ArrayList<>();
        for (var g : byGroup.entrySet()) {
            long events = 0;
            long n = 0;
            for (long[] v : g.getValue().values()) {
                events += v[0];
                n += v[1];
            }
            var row = table.row().key("group", g.getKey());
            int ce = row.count("events", events);
            int cn = row.count("n", n);
            eventCells.add(ce);
            nCells.add(cn);
            row.proportion("rate", "lower", "upper", ce, cn).number("target", target);
            String signal = "";
            if (n > 0 && target > 0 && target < 1) {
                FunnelLimits.Limits l = FunnelLimits.binomial(target, Math.toIntExact(n));
                row.number("funnel_lower95", l.lower95()).number("funnel_upper95", l.upper95())
                        .number("funnel_lower998", l.lower998()).number("funnel_upper998", l.upper998());
                signal = signal((double) events / n, l);
            }
            long restEvents = totalEvents - events;
            long restN = totalN - n;
            if (n > 0 && restN > 0) {
                Interval d = Proportions.newcombeDifference(events, n, restEvents, restN, ResultBuilder.LEVEL);
                double p = FisherExact.pValue2x2(Math.toIntExact(events), Math.toIntExact(n - events),
                        Math.toIntExact(restEvents), Math.toIntExact(restN - restEvents));
                row.number("difference", d.estimate(), ce, cn).number("diff_lower", d.lower(), ce, cn)
                        .number("diff_upper", d.upper(), ce, cn).number("fisher_p", p, ce, cn);
            }
            standardise(row, g.getValue(), strata, standard, ce, cn);
            // The signal says where the rate lies: hidden with it.
            row.key("signal", signal, ce, cn);
        }
        if (byGroup.size() > 1) {
            var all = table.row().key("group", "all");
            int te = all.count("events", totalEvents);
            int tn = all.count("n", totalN);
            all.proportion("rate", "lower", "upper", te, tn).number("target", target).key("signal", "");
            rb.sum(te, eventCells);
            rb.sum(tn, nCells);
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), totalN);
        return new CompareResult(built.basis(), rate, List.copyOf(folded), built.table("groups"));
    }

    private static String signal(double rate, FunnelLimits.Limits l) {
        if (rate > l.upper998()) {
            return "above_99.8";
        }
        if (rate > l.upper95()) {
            return "above_95";
        }
        if (rate < l.lower998()) {
            return "below_99.8";
        }
        if (rate < l.lower95()) {
            return "below_95";
        }
        return "within";
    }

    /** Direct standardisation to the whole selection's strata; strata empty in the group are left out (and counted). */
    private static void standardise(ResultBuilder.Row row, Map<String, long[]> counts, List<String> strata,
            double[] standard, int ce, int cn) {
        List<long[]> used = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int s = 0; s < strata.size(); s++) {
            long[] v = counts.get(strata.get(s));
            if (v != null && v[1] > 0) {
                used.add(v);
                weights.add(standard[s]);
            }
        }
        row.key("std_strata", used.size() + "/" + strata.size());
        if (used.isEmpty() || weights.stream().mapToDouble(Double::doubleValue).sum() == 0) {
            return;
        }
        long[] events = used.stream().mapToLong(v -> v[0]).toArray();
        double[] n = used.stream().mapToDouble(v -> v[1]).toArray();
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        DirectStandardisation.Result r = DirectStandardisation.direct(events, n, w, ResultBuilder.LEVEL);
        row.number("std_rate", r.adjusted(), ce, cn).number("std_lower", r.lower(), ce, cn)
                .number("std_upper", r.upper(), ce, cn);
    }
}
