package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.stats.AalenJohansen;
import se.stegvis.stats.CumulativeIncidence;
import se.stegvis.stats.CumulativeIncidenceRow;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.KaplanMeierFit;

/**
 * Computes {@link ProcessMapResult} from the consecutive milestone pairs of {@code sql/process_map.sql}.
 *
 * <p>Times on an edge A -&gt; B: from each milestone A, the time to the next milestone is a
 * competing-risks outcome (the next milestone is the event, whichever it is; episodes still at A
 * on the as-of date are censored there). The Aalen-Johansen cumulative incidence F_B(t) (the
 * all-cause Kaplan-Meier from A split by next milestone) gives the share that has gone on to B by
 * t; the edge's median (75th percentile) is the first t at which F_B reaches half (three quarters)
 * of its value at the end of follow-up: the time distribution of those who take the edge, with
 * those still waiting weighting later times as Kaplan-Meier does. Without censoring it is the
 * plain median of the observed A -&gt; B times.
 */
final class ProcessMapMetric {

    /** Milestones in programme order (the order ties on one date are broken in). */
    static final List<String> EVENTS = List.of("referral", "decision_accepted", "decision_not_relevant", "declined",
            "first_meeting", "mapping_done", "plan_established", "activity_start", "exit");
    /** Milestones that end an episode: nobody waits there, and time spent before them is not waiting. */
    static final List<String> ENDS = List.of("exit", "decision_not_relevant", "declined");

    /** A bottleneck candidate carries at least this share of the episodes that reached its start. */
    static final double MAIN_PATH_SHARE = 0.1;

    static final Definition DEFINITION = new Definition("process-map",
            "En kant A→B räknar personer som gick direkt från milstolpe A till B (varje milstolpes första datum, "
                    + "i datumordning). Tid: median (75:e percentil) i dagar bland dem som gick A→B, med dem som ännu "
                    + "väntar i A på mätdagen som censurerade (Aalen-Johansen). Flaskhals: den långsammaste kanten som "
                    + "bär minst 10 % av flödet från A och inte slutar i avslut, ej aktuell eller nej tack.",
            "An edge A→B counts people who went straight from milestone A to B (each milestone's first date, in "
                    + "date order). Time: median (75th percentile) in days among those who went A→B, with those still "
                    + "waiting at A on the as-of date censored (Aalen-Johansen). Bottleneck: the slowest edge carrying "
                    + "at least 10 % of the flow from A and not ending in exit, not relevant or declined.");

    private ProcessMapMetric() {}

    /** One row of the query: {@code n} episodes from {@code from} to {@code to} (null: still waiting) in {@code days}. */
    record Step(String group, String from, String to, int days, int n) {}

    static ProcessMapResult compute(QueryContext ctx) throws SQLException {
        // Per group, per from_event (the key "" holds the episodes' first milestones).
        Map<String, Map<String, List<Step>>> byGroupAndNode = new TreeMap<>();
        try (PreparedStatement ps = ctx.query("process_map").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Step s = new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5));
                byGroupAndNode.computeIfAbsent(s.group(), g -> new TreeMap<>())
                        .computeIfAbsent(s.from() == null ? "" : s.from(), e -> new ArrayList<>()).add(s);
            }
        }
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var edges = rb.table("edges", key("group"), key("from_event"), key("to_event"), count("n"),
                number("median_days"), number("p75_days"), key("bottleneck"));
        var nodes = rb.table("nodes", key("group"), key("event"), count("n"), count("waiting"),
                number("median_next_days"));
        long episodes = 0;
        for (var group : byGroupAndNode.entrySet()) {
            episodes += group(rb, ctx.policy(), edges, nodes, group.getKey(), group.getValue());
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), episodes);
        return new ProcessMapResult(built.basis(), built.table("edges"), built.table("nodes"));
    }

    /** Adds one group's edges and nodes; returns its number of episodes. */
    private static long group(ResultBuilder rb, DisclosurePolicy policy, ResultBuilder.TableBuilder edgeTable, ResultBuilder.TableBuilder nodeTable,
            String group, Map<String, List<Step>> steps) {
        // Counts first: every node with its outgoing edges and waiting episodes, and where episodes start.
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        Map<String, Long> in = new LinkedHashMap<>();
        Map<String, Long> starts = new LinkedHashMap<>();
        for (String e : EVENTS) {
            out.put(e, new LinkedHashMap<>());
        }
        for (List<Step> list : steps.values()) {
            for (Step s : list) {
                if (s.from() == null) {
                    starts.merge(s.to(), (long) s.n(), Long::sum);
                    continue;
                }
                out.get(s.from()).merge(s.to() == null ? "" : s.to(), (long) s.n(), Long::sum);
                if (s.to() != null) {
                    in.merge(s.to(), (long) s.n(), Long::sum);
                }
            }
        }
        Map<String, Long> reached = new LinkedHashMap<>();
        for (String e : EVENTS) {
            long n = in.getOrDefault(e, 0L) + starts.getOrDefault(e, 0L);
            if (n > 0) {
                reached.put(e, n);
            }
        }
        Map<String, Integer> nodeCell = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> edgeCell = new LinkedHashMap<>();
        for (var node : reached.entrySet()) {
            String e = node.getKey();
            var row = nodeTable.row().key("group", group).key("event", e);
            int total = row.count("n", node.getValue());
            nodeCell.put(e, total);
            Map<String, Long> o = out.get(e);
            long waiting = o.getOrDefault("", 0L);
            int waitingCell = ENDS.contains(e) ? rb.implicitCell(node.getValue() - sumOut(o)) : row.count("waiting", waiting);
            if (ENDS.contains(e)) {
                row.countCell("waiting", rb.cell(0));
            }
            List<Integer> parts = new ArrayList<>();
            parts.add(waitingCell);
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (String to : EVENTS) {
                if (o.containsKey(to)) {
                    int c = rb.cell(o.get(to));
                    cells.put(to, c);
                    parts.add(c);
                }
            }
            edgeCell.put(e, cells);
            rb.sum(total, parts);
            row.number("median_next_days", nextMedian(steps.get(e)), total);
        }
        // Arrivals: a node's total is its incoming edges plus the episodes that start there (not shown).
        for (var node : reached.entrySet()) {
            String e = node.getKey();
            List<Integer> parts = new ArrayList<>();
            parts.add(rb.implicitCell(starts.getOrDefault(e, 0L)));
            for (var from : edgeCell.entrySet()) {
                Integer c = from.getValue().get(e);
                if (c != null) {
                    parts.add(c);
                }
            }
            rb.sum(nodeCell.get(e), parts);
        }
        // Times and the bottleneck.
        List<ResultBuilder.Row> rows = new ArrayList<>();
        List<double[]> times = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<Boolean> mainPath = new ArrayList<>();
        for (var from : edgeCell.entrySet()) {
            Map<String, double[]> quantiles = edgeTimes(steps.get(from.getKey()));
            for (var to : from.getValue().entrySet()) {
                double[] q = quantiles.getOrDefault(to.getKey(), new double[] {Double.NaN, Double.NaN});
                var row = edgeTable.row().key("group", group).key("from_event", from.getKey()).key("to_event", to.getKey())
                        .countCell("n", to.getValue()).number("median_days", q[0], to.getValue())
                        .number("p75_days", q[1], to.getValue());
                rows.add(row);
                times.add(q);
                cells.add(to.getValue());
                targets.add(to.getKey());
                long leaving = reached.get(from.getKey());
                mainPath.add(rb.value(to.getValue()) >= MAIN_PATH_SHARE * leaving);
            }
        }
        int slowest = -1;
        for (int i = 0; i < rows.size(); i++) {
            boolean candidate = mainPath.get(i) && !ENDS.contains(targets.get(i)) && !Double.isNaN(times.get(i)[0])
                    && !(policy.applied() && policy.isSmall(rb.value(cells.get(i))));
            if (candidate && (slowest < 0 || times.get(i)[0] > times.get(slowest)[0])) {
                slowest = i;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).key("bottleneck", Boolean.toString(i == slowest), cells.get(i));
        }
        return starts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long sumOut(Map<String, Long> out) {
        return out.entrySet().stream().filter(x -> !x.getKey().isEmpty()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Kaplan-Meier median time from the node to its next milestone, whichever; NaN when not reached. */
    private static double nextMedian(List<Step> steps) {
        if (steps == null) {
            return Double.NaN;
        }
        int n = steps.stream().mapToInt(Step::n).sum();
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        int k = 0;
        for (Step s : steps) {
            Arrays.fill(t, k, k + s.n(), s.days());
            Arrays.fill(e, k, k + s.n(), s.to() != null);
            k += s.n();
        }
        KaplanMeierFit fit = KaplanMeier.fit(t, e);
        Double m = fit.median().estimate();
        return m == null ? Double.NaN : m;
    }

    /**
     * Per next milestone B: {median, 75th percentile} of the time to B among those who go to B, from
     * the Aalen-Johansen F_B (first time F_B reaches p times its final value).
     */
    static Map<String, double[]> edgeTimes(List<Step> steps) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (steps == null) {
            return out;
        }
        List<String> causes = new ArrayList<>();
        int n = 0;
        for (Step s : steps) {
            n += s.n();
            if (s.to() != null && !causes.contains(s.to())) {
                causes.add(s.to());
            }
        }
        if (causes.isEmpty()) {
            return out;
        }
        double[] t = new double[n];
        int[] cause = new int[n];
        int k = 0;
        for (Step s : steps) {
            Arrays.fill(t, k, k + s.n(), s.days());
            Arrays.fill(cause, k, k + s.n(), s.to() == null ? 0 : causes.indexOf(s.to()) + 1);
            k += s.n();
        }
        CumulativeIncidence ci = AalenJohansen.fit(t, cause);
        for (int c = 0; c < causes.size(); c++) {
            List<CumulativeIncidenceRow> rows = ci.cause(c + 1);
            double last = rows.get(rows.size() - 1).estimate();
            out.put(causes.get(c), new double[] {firstReaching(rows, 0.5 * last), firstReaching(rows, 0.75 * last)});
        }
        return out;
    }

    private static double firstReaching(List<CumulativeIncidenceRow> rows, double level) {
        for (CumulativeIncidenceRow r : rows) {
            if (r.estimate() >= level - 1e-12) {
                return r.time();
            }
        }
        return Double.NaN;
    }
}
