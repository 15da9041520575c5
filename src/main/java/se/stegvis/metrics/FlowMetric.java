package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;
import static se.stegvis.metrics.StepMetric.doubleOrNaN;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

/** Computes {@link FlowResult} from {@code sql/flow.sql} and {@code sql/ageing.sql}. */
final class FlowMetric {

    static final Definition DEFINITION = new Definition("flow",
            "Flödet per kalendermånad (eller kvartal, halvår, år): nya remisser, avslut, andra avslut (ej aktuell, tackat nej), pågående "
                    + "ärenden vid periodens slut, avslut per årsarbetare, tid från remiss till avslut, hur länge "
                    + "öppna ärenden pågått på mätdagen, och en kontroll mot Littles lag.",
            "Flow per calendar month (or quarter, half-year, year): new referrals, exits, other ends (not relevant, declined), open episodes at "
                    + "period end, exits per full-time staff, time from referral to exit, how long open episodes have "
                    + "run on the as-of date, and a check against Little's law.");

    static final List<String> AGE_BANDS = List.of("0-90", "91-180", "181-365", "366-730", "731-");
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private FlowMetric() {}

    /** One row of {@code sql/flow.sql}: a group's month. */
    private record Month(String group, YearMonth month, long inflow, long exits, long otherEnds, long wip, double fte,
                         double meanDaysToExit, double daysToEnd) {}

    /** The flow by {@code period}. */
    static FlowResult compute(QueryContext ctx, Period period) throws SQLException {
        return compute(ctx, months(ctx), period, Double.NaN);
    }

    /**
     * The flow by the finest period (month, quarter, half-year, year) in which disclosure control
     * hides at most a third of the counts; when none does, the one that hides the fewest.
     */
    static FlowResult coarsened(QueryContext ctx) throws SQLException {
        List<Month> months = months(ctx);
        FlowResult monthly = compute(ctx, months, Period.MONTH, Double.NaN);
        double monthlyHidden = hiddenShare(monthly);
        List<Groupings.Candidate<FlowResult>> coarser = new ArrayList<>();
        for (Period p : List.of(Period.QUARTER, Period.HALF_YEAR, Period.YEAR)) {
            coarser.add(() -> compute(ctx, months, p, monthlyHidden));
        }
        return Groupings.finestShowing(monthly, coarser, FlowMetric::hiddenShare);
    }

    private static double hiddenShare(FlowResult r) {
        return r.periods().hiddenShare(List.of("inflow", "exits", "other_ends", "wip"));
    }

    private static List<Month> months(QueryContext ctx) throws SQLException {
        boolean staffed = ctx.cohort().groupBy().hasStaffing();
        List<Month> out = new ArrayList<>();
        try (PreparedStatement ps = ctx.query("flow").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Month(rs.getString("grp"), YearMonth.parse(rs.getString("month")), rs.getLong("inflow"),
                        rs.getLong("exits"), rs.getLong("other_ends"), rs.getLong("wip"),
                        staffed ? doubleOrNaN(rs, "fte") : Double.NaN, doubleOrNaN(rs, "mean_days_to_exit"),
                        rs.getDouble("days_to_end")));
            }
        }
        return out;
    }

    /** The months of a group summed into one period: flows added, the stock at its last month, FTE averaged. */
    private static Month sum(List<Month> months) {
        long inflow = 0;
        long exits = 0;
        long other = 0;
        double fte = 0;
        int staffedMonths = 0;
        double exitDays = 0;
        double daysToEnd = 0;
        for (Month m : months) {
            inflow += m.inflow();
            exits += m.exits();
            other += m.otherEnds();
            if (!Double.isNaN(m.fte())) {
                fte += m.fte();
                staffedMonths++;
            }
            exitDays += m.exits() == 0 ? 0 : m.meanDaysToExit() * m.exits();
            daysToEnd += m.daysToEnd();
        }
        Month last = months.get(months.size() - 1);
        return new Month(last.group(), last.month(), inflow, exits, other, last.wip(),
                staffedMonths == 0 ? Double.NaN : fte / staffedMonths, exits == 0 ? Double.NaN : exitDays / exits,
                daysToEnd);
    }

    private static FlowResult compute(QueryContext ctx, List<Month> months, Period period, double finerHiddenShare)
            throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var periods = rb.table("periods", key("group"), key("period"), count("inflow"), count("exits"),
                count("other_ends"), count("wip"), number("fte"), number("exits_per_fte"), number("mean_days_to_exit"));
        var ageing = rb.table("ageing", key("group"), key("age_days"), count("n"));
        var little = rb.table("little", key("group"), key("months"), count("ended"), number("mean_wip"),
                number("throughput_per_month"), number("mean_months_to_end"), number("little_wip"), number("ratio"));
        Map<String, Integer> lastWip = new LinkedHashMap<>();
        Map<String, double[]> window = new LinkedHashMap<>(); // months, wip sum, ended, days to end
        Map<String, List<Integer>> wipCells = new HashMap<>();
        Map<String, List<Integer>> endCells = new HashMap<>();
        Map<String, Map<String, List<Month>>> grouped = new LinkedHashMap<>();
        for (Month m : months) {
            grouped.computeIfAbsent(m.group(), g -> new LinkedHashMap<>())
                    .computeIfAbsent(period.label(m.month()), x -> new ArrayList<>()).add(m);
            window.computeIfAbsent(m.group(), k -> new double[4])[0]++;
        }
        long n = 0;
        for (var group : grouped.entrySet()) {
            String g = group.getKey();
            for (var p : group.getValue().entrySet()) {
                Month m = sum(p.getValue());
                var row = periods.row().key("group", g).key("period", p.getKey());
                int inflow = row.count("inflow", m.inflow());
                int exits = row.count("exits", m.exits());
                int other = row.count("other_ends", m.otherEnds());
                int wip = row.count("wip", m.wip());
                n += m.inflow();
                // Open before + inflow = open now + ends: so no hidden count is a difference of shown ones.
                Integer before = lastWip.put(g, wip);
                if (before == null) {
                    rb.sum(inflow, wip, exits, other);
                } else {
                    rb.equation(new int[] {before, inflow, wip, exits, other}, new int[] {1, 1, -1, -1, -1});
                }
                double fte = m.fte();
                row.number("fte", fte).number("exits_per_fte", fte > 0 ? m.exits() / fte : Double.NaN, exits)
                        .number("mean_days_to_exit", m.meanDaysToExit(), exits);
                wipCells.computeIfAbsent(g, k -> new ArrayList<>()).add(wip);
                endCells.computeIfAbsent(g, k -> new ArrayList<>()).addAll(List.of(exits, other));
                double[] w = window.get(g);
                w[1] += m.wip();
                w[2] += m.exits() + m.otherEnds();
                w[3] += m.daysToEnd();
            }
        }
        Map<String, long[]> open = new HashMap<>();
        try (PreparedStatement ps = ctx.query("ageing").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                open.computeIfAbsent(rs.getString("grp"), k -> new long[AGE_BANDS.size()])
                        [AGE_BANDS.indexOf(rs.getString("age_days"))] = rs.getLong("n");
            }
        }
        for (var e : lastWip.entrySet()) {
            long[] counts = open.getOrDefault(e.getKey(), new long[AGE_BANDS.size()]);
            int[] cells = new int[counts.length];
            for (int b = 0; b < counts.length; b++) {
                cells[b] = ageing.row().key("group", e.getKey()).key("age_days", AGE_BANDS.get(b)).count("n", counts[b]);
            }
            rb.sum(e.getValue(), cells);
        }
        for (var e : window.entrySet()) {
            double[] w = e.getValue();
            // The stock is sampled at the end of each published period (each month when monthly).
            double meanWip = w[1] / wipCells.get(e.getKey()).size();
            double throughput = w[2] / w[0];
            double meanMonths = w[2] == 0 ? Double.NaN : w[3] / w[2] / DAYS_PER_MONTH;
            double predicted = throughput * meanMonths;
            var row = little.row().key("group", e.getKey()).key("months", Long.toString((long) w[0]));
            int ended = row.count("ended", (long) w[2]);
            rb.sum(ended, endCells.get(e.getKey()));
            // The mean of the period-end stocks reveals their sum: shown only when every one is.
            int[] stocks = wipCells.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
            row.number("mean_wip", meanWip, stocks).number("throughput_per_month", throughput, ended)
                    .number("mean_months_to_end", meanMonths, ended).number("little_wip", predicted, ended)
                    .number("ratio", meanWip / predicted, concat(stocks, ended));
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new FlowResult(built.basis(), period, finerHiddenShare, built.table("periods"), built.table("ageing"),
                built.table("little"));
    }

    private static int[] concat(int[] a, int b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
