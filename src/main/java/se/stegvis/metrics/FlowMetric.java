package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;
import static se.stegvis.metrics.StepMetric.doubleOrNaN;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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
            "Flödet per kalendermånad: nya remisser, avslut, andra avslut (ej aktuell, tackat nej), pågående "
                    + "ärenden vid månadens slut, avslut per årsarbetare, tid från remiss till avslut, hur länge "
                    + "öppna ärenden pågått på mätdagen, och en kontroll mot Littles lag.",
            "Flow per calendar month: new referrals, exits, other ends (not relevant, declined), open episodes at "
                    + "month end, exits per full-time staff, time from referral to exit, how long open episodes have "
                    + "run on the as-of date, and a check against Little's law.");

    static final List<String> AGE_BANDS = List.of("0-90", "91-180", "181-365", "366-730", "731-");
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private FlowMetric() {}

    static FlowResult compute(QueryContext ctx) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var monthly = rb.table("monthly", key("group"), key("month"), count("inflow"), count("exits"),
                count("other_ends"), count("wip"), number("fte"), number("exits_per_fte"), number("mean_days_to_exit"));
        var ageing = rb.table("ageing", key("group"), key("age_days"), count("n"));
        var little = rb.table("little", key("group"), key("months"), count("ended"), number("mean_wip"),
                number("throughput_per_month"), number("mean_months_to_end"), number("little_wip"), number("ratio"));
        boolean staffed = cohort.groupBy().hasStaffing();
        Map<String, Integer> lastWip = new LinkedHashMap<>();
        Map<String, double[]> window = new LinkedHashMap<>(); // months, wip sum, ended, days to end
        Map<String, List<Integer>> wipCells = new HashMap<>();
        Map<String, List<Integer>> endCells = new HashMap<>();
        long n = 0;
        try (PreparedStatement ps = ctx.query("flow").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String g = rs.getString("grp");
                var row = monthly.row().key("group", g).key("month", rs.getString("month"));
                int inflow = row.count("inflow", rs.getLong("inflow"));
                int exits = row.count("exits", rs.getLong("exits"));
                int other = row.count("other_ends", rs.getLong("other_ends"));
                int wip = row.count("wip", rs.getLong("wip"));
                n += rb.value(inflow);
                // Open last month + inflow = open now + ends: so no hidden count is a difference of shown ones.
                Integer before = lastWip.put(g, wip);
                if (before == null) {
                    rb.sum(inflow, wip, exits, other);
                } else {
                    rb.equation(new int[] {before, inflow, wip, exits, other}, new int[] {1, 1, -1, -1, -1});
                }
                double fte = staffed ? doubleOrNaN(rs, "fte") : Double.NaN;
                row.number("fte", fte).number("exits_per_fte", fte > 0 ? rb.value(exits) / fte : Double.NaN, exits)
                        .number("mean_days_to_exit", doubleOrNaN(rs, "mean_days_to_exit"), exits);
                wipCells.computeIfAbsent(g, k -> new ArrayList<>()).add(wip);
                endCells.computeIfAbsent(g, k -> new ArrayList<>()).addAll(List.of(exits, other));
                double[] w = window.computeIfAbsent(g, k -> new double[4]);
                w[0]++;
                w[1] += rb.value(wip);
                w[2] += rb.value(exits) + rb.value(other);
                w[3] += rs.getDouble("days_to_end");
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
            double meanWip = w[1] / w[0];
            double throughput = w[2] / w[0];
            double meanMonths = w[2] == 0 ? Double.NaN : w[3] / w[2] / DAYS_PER_MONTH;
            double predicted = throughput * meanMonths;
            var row = little.row().key("group", e.getKey()).key("months", Long.toString((long) w[0]));
            int ended = row.count("ended", (long) w[2]);
            rb.sum(ended, endCells.get(e.getKey()));
            // The mean of the month-end stocks reveals their sum: shown only when every one is.
            int[] stocks = wipCells.get(e.getKey()).stream().mapToInt(Integer::intValue).toArray();
            row.number("mean_wip", meanWip, stocks).number("throughput_per_month", throughput, ended)
                    .number("mean_months_to_end", meanMonths, ended).number("little_wip", predicted, ended)
                    .number("ratio", meanWip / predicted, concat(stocks, ended));
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new FlowResult(built.basis(), built.table("monthly"), built.table("ageing"), built.table("little"));
    }

    private static int[] concat(int[] a, int b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
