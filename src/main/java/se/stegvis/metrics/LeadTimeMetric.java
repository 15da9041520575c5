package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.cohort.SqlFragment;
import se.stegvis.cohort.Split;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.stats.AalenJohansen;
import se.stegvis.stats.CumulativeIncidence;
import se.stegvis.stats.CumulativeIncidenceRow;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.KaplanMeierFit;
import se.stegvis.stats.KaplanMeierRow;
import se.stegvis.stats.LogRank;
import se.stegvis.stats.LogRankResult;
import se.stegvis.stats.Quantile;

/** Computes {@link LeadTimeResult} from the per-episode spans of {@code sql/leadtime.sql}. */
final class LeadTimeMetric {

    static final Definition DEFINITION = new Definition("leadtime",
            "Ledtid i dagar från en milstolpe till en annan för dem som nått den första; de som ännu inte nått "
                    + "den andra på mätdagen, eller avslutats utan den, räknas som censurerade (Kaplan-Meier), "
                    + "med median och kvartiler, andel inom N dagar och jämförelse mellan baslinje och jämförelse.",
            "Lead time in days from one milestone to another for those who reached the first; those who had not "
                    + "reached the second by the as-of date, or ended without it, are censored (Kaplan-Meier), with "
                    + "median and quartiles, share within N days, and baseline against comparison.");

    /** Exit destinations in code-list order; index + 1 is the cause number for Aalen-Johansen. */
    static final List<String> DESTINATIONS = List.of("arbete", "studier", "arbetssokande", "annan_insats", "vard",
            "sjukersattning", "flytt", "avbrott", "unknown");

    private LeadTimeMetric() {}

    /** The per-episode spans, sorted by group. */
    static LeadTimeEpisodes episodes(QueryContext ctx, LeadTime spec) throws SQLException {
        SqlQuery q = ctx.query("leadtime").with("from", SqlFragment.of(spec.from().column))
                .with("to", SqlFragment.of(spec.to().column)).with("destinations", destinationList());
        int cap = 1024;
        double[] days = new double[cap];
        boolean[] event = new boolean[cap];
        String[] group = new String[cap];
        String[] arm = new String[cap];
        String[] destination = new String[cap];
        boolean[] ended = new boolean[cap];
        int n = 0;
        Map<String, Long> outOfOrder = new LinkedHashMap<>();
        try (PreparedStatement ps = q.prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            int lastGroupNo = -1;
            String label = null;
            while (rs.next()) {
                int groupNo = rs.getInt(1);
                if (groupNo != lastGroupNo) {
                    // one label String per group, not per row
                    label = rs.getString(2);
                    lastGroupNo = groupNo;
                }
                int count = rs.getInt(9);
                if (rs.getBoolean(7)) {
                    outOfOrder.merge(label, (long) count, Long::sum);
                    continue;
                }
                if (n + count > cap) {
                    cap = Math.max(cap * 2, n + count);
                    days = Arrays.copyOf(days, cap);
                    event = Arrays.copyOf(event, cap);
                    group = Arrays.copyOf(group, cap);
                    arm = Arrays.copyOf(arm, cap);
                    destination = Arrays.copyOf(destination, cap);
                    ended = Arrays.copyOf(ended, cap);
                }
                int armNo = rs.getInt(3);
                String armLabel = armNo == 1 ? Split.BASELINE : armNo == 2 ? Split.COMPARISON : null;
                int d = rs.getInt(4);
                String destinationLabel = d == 0 ? null : DESTINATIONS.get(d - 1);
                double t = rs.getInt(5);
                boolean e = rs.getBoolean(6);
                Arrays.fill(group, n, n + count, label);
                Arrays.fill(arm, n, n + count, armLabel);
                Arrays.fill(destination, n, n + count, destinationLabel);
                Arrays.fill(days, n, n + count, t);
                Arrays.fill(event, n, n + count, e);
                Arrays.fill(ended, n, n + count, rs.getBoolean(8));
                n += count;
            }
        }
        return new LeadTimeEpisodes(Arrays.copyOf(days, n), Arrays.copyOf(event, n), Arrays.copyOf(group, n),
                Arrays.copyOf(arm, n), Arrays.copyOf(destination, n), Arrays.copyOf(ended, n), outOfOrder);
    }

    /** The destination codes as a DuckDB list literal (constants, not user input). */
    private static SqlFragment destinationList() {
        return SqlFragment.of(DESTINATIONS.stream().map(d -> "'" + d + "'").collect(java.util.stream.Collectors.joining(", ", "[", "]")));
    }

    static LeadTimeResult compute(QueryContext ctx, LeadTime spec) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        LeadTimeEpisodes ep = episodes(ctx, spec);
        ResultBuilder rb = new ResultBuilder(policy);
        var summary = rb.table("summary", key("group"), count("n"), count("events"), count("censored"),
                count("out_of_order"), number("median"), number("median_lower"), number("median_upper"),
                number("q25"), number("q25_lower"), number("q25_upper"), number("q75"), number("q75_lower"),
                number("q75_upper"), key("within_days"), number("share_within"), number("within_lower"),
                number("within_upper"));
        var curve = rb.table("curve", key("group"), number("time"), number("surv"), number("lower"), number("upper"));
        var comparison = rb.table("comparison", key("group"), count("baseline_n"), count("baseline_events"),
                number("baseline_median"), count("comparison_n"), count("comparison_events"),
                number("comparison_median"), number("median_difference"), number("diff_lower"),
                number("diff_upper"), number("chi_square"), number("p_value"));
        var destinations = rb.table("destinations", key("group"), key("destination"), count("events"),
                key("days"), number("cif"), number("lower"), number("upper"));
        for (var range : groupRanges(ep.group()).entrySet()) {
            String g = range.getKey();
            int from = range.getValue()[0];
            int to = range.getValue()[1];
            double[] t = Arrays.copyOfRange(ep.days(), from, to);
            boolean[] e = Arrays.copyOfRange(ep.event(), from, to);
            KaplanMeierFit fit = KaplanMeier.fit(t, e);
            var row = summary.row().key("group", g);
            int n = row.count("n", fit.n());
            int events = row.count("events", fit.events());
            int censored = row.count("censored", fit.n() - fit.events());
            rb.sum(n, events, censored);
            row.count("out_of_order", ep.outOfOrder().getOrDefault(g, 0L));
            // Estimates depend on n only: hiding a small censored count (and the events it would
            // reveal) must not hide the median, which discloses neither.
            quantile(row, "median", fit.median(), n);
            quantile(row, "q25", fit.quantile(0.25), n);
            quantile(row, "q75", fit.quantile(0.75), n);
            double[] within = within(fit, spec.withinDays());
            row.key("within_days", Integer.toString(spec.withinDays()))
                    .number("share_within", within[0], n)
                    .number("within_lower", within[1], n)
                    .number("within_upper", within[2], n);
            for (KaplanMeierRow r : fit.eventRows()) {
                curve.row().key("group", g).number("time", r.time(), n).number("surv", r.surv(), n)
                        .number("lower", r.lower(), n).number("upper", r.upper(), n);
            }
            if (cohort.hasSplit()) {
                compareArms(comparison, g, ep, from, to, spec);
            }
            if (spec.to() == Milestone.EXIT) {
                destinations(rb, destinations, g, ep, from, to, spec);
            } else {
                reachedOrEndedBefore(rb, destinations, g, ep, from, to, spec);
            }
        }
        var built = rb.build(DEFINITION, cohort, asOf, ep.size());
        return new LeadTimeResult(built.basis(), spec, built.table("summary"), built.table("curve"),
                built.table("comparison"), built.table("destinations"));
    }

    private static void quantile(ResultBuilder.Row row, String name, Quantile q, int n) {
        row.number(name, orNaN(q.estimate()), n).number(name + "_lower", orNaN(q.lower()), n)
                .number(name + "_upper", orNaN(q.upper()), n);
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** 1 - S(days) with its pointwise interval; NaN when follow-up ends before {@code days}. */
    static double[] within(KaplanMeierFit fit, int days) {
        List<KaplanMeierRow> rows = fit.rows();
        if (rows.isEmpty() || rows.get(rows.size() - 1).time() < days) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        KaplanMeierRow last = null;
        for (KaplanMeierRow r : rows) {
            if (r.time() > days) {
                break;
            }
            last = r;
        }
        if (last == null) {
            return new double[] {0, Double.NaN, Double.NaN};
        }
        return new double[] {1 - last.surv(), 1 - last.upper(), 1 - last.lower()};
    }

    private static void compareArms(ResultBuilder.TableBuilder table, String g, LeadTimeEpisodes ep, int from,
            int to, LeadTime spec) {
        int size = 0;
        for (int i = from; i < to; i++) {
            size += ep.arm()[i] == null ? 0 : 1;
        }
        double[] time = new double[size];
        boolean[] event = new boolean[size];
        String[] arm = new String[size];
        int k = 0;
        for (int i = from; i < to; i++) {
            if (ep.arm()[i] != null) {
                time[k] = ep.days()[i];
                event[k] = ep.event()[i];
                arm[k++] = ep.arm()[i];
            }
        }
        double[][] bt = armOnly(time, event, arm, Split.BASELINE);
        double[][] ct = armOnly(time, event, arm, Split.COMPARISON);
        boolean[] be = events(bt[1]);
        boolean[] ce = events(ct[1]);
        var row = table.row().key("group", g);
        int bn = row.count("baseline_n", bt[0].length);
        row.count("baseline_events", fitEvents(be));
        int cn = row.count("comparison_n", ct[0].length);
        row.count("comparison_events", fitEvents(ce));
        double bm = bt[0].length == 0 ? Double.NaN : orNaN(KaplanMeier.fit(bt[0], be).median().estimate());
        double cm = ct[0].length == 0 ? Double.NaN : orNaN(KaplanMeier.fit(ct[0], ce).median().estimate());
        row.number("baseline_median", bm, bn).number("comparison_median", cm, cn);
        double[] diff = MedianBootstrap.difference(new MedianBootstrap.Arm(bt[0], be), new MedianBootstrap.Arm(ct[0], ce),
                spec.bootstrapReplicates(), spec.seed(), ResultBuilder.LEVEL);
        row.number("median_difference", cm - bm, bn, cn).number("diff_lower", diff[1], bn, cn)
                .number("diff_upper", diff[2], bn, cn);
        double chi = Double.NaN;
        double p = Double.NaN;
        if (bt[0].length > 0 && ct[0].length > 0) {
            LogRankResult lr = LogRank.test(time, event, arm);
            chi = lr.chiSquare();
            p = lr.pValue();
        }
        row.number("chi_square", chi, bn, cn).number("p_value", p, bn, cn);
    }

    /** {times, events as 1/0} of one arm. */
    private static double[][] armOnly(double[] time, boolean[] event, String[] arm, String which) {
        int n = 0;
        for (String a : arm) {
            n += a.equals(which) ? 1 : 0;
        }
        double[][] out = new double[2][n];
        int k = 0;
        for (int i = 0; i < arm.length; i++) {
            if (arm[i].equals(which)) {
                out[0][k] = time[i];
                out[1][k++] = event[i] ? 1 : 0;
            }
        }
        return out;
    }

    private static boolean[] events(double[] flags) {
        boolean[] out = new boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            out[i] = flags[i] == 1;
        }
        return out;
    }

    private static long fitEvents(boolean[] events) {
        long n = 0;
        for (boolean e : events) {
            n += e ? 1 : 0;
        }
        return n;
    }

    /** Exit destinations as competing risks: each exit's destination is its cause. */
    private static void destinations(ResultBuilder rb, ResultBuilder.TableBuilder table, String g, LeadTimeEpisodes ep,
            int from, int to, LeadTime spec) {
        int[] cause = new int[to - from];
        for (int i = from; i < to; i++) {
            if (ep.event()[i]) {
                String d = ep.destination()[i];
                int k = d == null ? -1 : DESTINATIONS.indexOf(d);
                cause[i - from] = (k < 0 ? DESTINATIONS.size() - 1 : k) + 1;
            }
        }
        competing(rb, table, g, Arrays.copyOfRange(ep.days(), from, to), cause, DESTINATIONS, spec);
    }

    /**
     * Reaching the end milestone against ending without it (exit, not relevant, declined) as
     * competing risks: the share who got there by each horizon, not assuming that those who left
     * would have got there as the others did.
     */
    private static void reachedOrEndedBefore(ResultBuilder rb, ResultBuilder.TableBuilder table, String g,
            LeadTimeEpisodes ep, int from, int to, LeadTime spec) {
        int[] cause = new int[to - from];
        for (int i = from; i < to; i++) {
            cause[i - from] = ep.event()[i] ? 1 : ep.ended()[i] ? 2 : 0;
        }
        competing(rb, table, g, Arrays.copyOfRange(ep.days(), from, to), cause, REACHED_OR_ENDED, spec);
    }

    /** Outcomes of {@link #reachedOrEndedBefore}: cause 1 and 2. */
    static final List<String> REACHED_OR_ENDED = List.of("reached", "ended_before");

    /** Aalen-Johansen cumulative incidence of each cause (1 = outcomes[0], ...) at the spec's horizons. */
    private static void competing(ResultBuilder rb, ResultBuilder.TableBuilder table, String g, double[] time,
            int[] cause, List<String> outcomes, LeadTime spec) {
        long[] events = new long[outcomes.size()];
        for (int c : cause) {
            if (c > 0) {
                events[c - 1]++;
            }
        }
        if (Arrays.stream(events).sum() == 0) {
            return; // nobody has an outcome yet: no incidence to estimate
        }
        CumulativeIncidence ci = AalenJohansen.fit(time, cause);
        for (int k = 0; k < outcomes.size(); k++) {
            if (events[k] == 0) {
                continue;
            }
            int cell = rb.cell(events[k]);
            List<CumulativeIncidenceRow> rows = ci.cause(k + 1);
            for (int h : spec.horizons()) {
                CumulativeIncidenceRow at = null;
                for (CumulativeIncidenceRow r : rows) {
                    if (r.time() > h) {
                        break;
                    }
                    at = r;
                }
                table.row().key("group", g).key("destination", outcomes.get(k)).countCell("events", cell)
                        .key("days", Integer.toString(h))
                        .number("cif", at == null ? 0 : at.estimate(), cell)
                        .number("lower", at == null ? Double.NaN : at.lower(), cell)
                        .number("upper", at == null ? Double.NaN : at.upper(), cell);
            }
        }
    }

    /** [from, to) index range of each group in the group-sorted arrays. */
    static Map<String, int[]> groupRanges(String[] group) {
        Map<String, int[]> out = new LinkedHashMap<>();
        int start = 0;
        for (int i = 1; i <= group.length; i++) {
            if (i == group.length || !group[i].equals(group[start])) {
                out.put(group[start], new int[] {start, i});
                start = i;
            }
        }
        return out;
    }
}
