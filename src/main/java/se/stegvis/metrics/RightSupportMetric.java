package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import se.stegvis.disclosure.Coarsening;
import se.stegvis.dictionary.RightSupport;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.KaplanMeierFit;
import se.stegvis.stats.Quantile;

/**
 * Computes {@link RightSupportResult} from {@code sql/right_support.sql} and {@code sql/applications.sql}
 * with the dictionary's versioned right-support classification.
 */
final class RightSupportMetric {

    static final String ID = "right-support";
    static final Definition DEFINITION = new Definition(ID,
            "Rätt stöd: försörjning vid start mot försörjning vid avslut och vid varje uppföljning som "
                    + "övergångsmatris (flera samtidiga källor, hela eller delvis, bildar en kombination), andel med "
                    + "en förflyttning som ordlistans klassning räknar som rätt stöd (Wilson), och ansökningar om "
                    + "ersättning: andel beviljade av beslutade och tid från ansökan till beslut (Kaplan-Meier, "
                    + "ej beslutade censurerade på mätdagen).",
            "Right support: income source at entry against income source at exit and at each follow-up as a "
                    + "transition matrix (several sources at once, full or partial, form a combination), share with a "
                    + "move the dictionary's classification counts as right support (Wilson), and applications for "
                    + "compensation: share granted of those decided and time from application to decision "
                    + "(Kaplan-Meier, undecided censored at the as-of date).");

    private RightSupportMetric() {}

    /** The income sources of one episode: at entry and at each later time. */
    record EpisodeSources(String group, String episodeId, String entry, Map<String, String> later) {}

    /** Whether the sources {@code to} hold a right-support move from {@code entry}: a new source the classification counts. */
    static boolean moved(RightSupport rs, String entry, String to) {
        Set<String> before = Set.of(entry.split("\\+"));
        for (String t : to.split("\\+")) {
            if (!before.contains(t)) {
                for (String f : before) {
                    if (rs.isRightMove(f, t)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Each selected episode's sources, in group order. */
    static List<EpisodeSources> episodes(QueryContext ctx) throws SQLException {
        ctx.require(ID, "income_sources");
        List<EpisodeSources> out = new ArrayList<>();
        try (PreparedStatement ps = ctx.query("right_support").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            EpisodeSources current = null;
            while (rs.next()) {
                String id = rs.getString("episode_id");
                if (current == null || !current.episodeId().equals(id)) {
                    current = new EpisodeSources(rs.getString("grp"), id, null, new LinkedHashMap<>());
                    out.add(current);
                }
                String at = rs.getString("at");
                if (at.equals("entry")) {
                    current = new EpisodeSources(current.group(), id, rs.getString("sources"), current.later());
                    out.set(out.size() - 1, current);
                } else {
                    current.later().put(at, rs.getString("sources"));
                }
            }
        }
        return out;
    }

    /**
     * With {@code keep > 0}, only the {@code keep} most common sources (or combinations) of the whole
     * selection keep their own row and column; the rest are folded into "Övriga" on both axes. The
     * folded cells stay in the disclosure grid as unpublished parts of their "Övriga" cell, so the
     * matrix, its row totals, the right-support counts and their denominators are suppressed together
     * and nothing hidden can be recomputed from them.
     */
    static RightSupportResult compute(QueryContext ctx, RightSupport classification, int keep) throws SQLException {
        List<EpisodeSources> episodes = episodes(ctx);
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var matrix = rb.table("matrix", key("group"), key("at"), key("from_source"), key("to_source"), count("n"),
                number("share"), number("lower"), number("upper"));
        var moves = rb.table("right_support", key("group"), key("at"), key("classification"), count("n"),
                count("denominator"), number("share"), number("lower"), number("upper"));
        var applications = rb.table("applications", key("group"), key("benefit"), count("applications"),
                count("decided"), count("granted"), count("refused"), count("pending"), number("granted_share"),
                number("lower"), number("upper"), number("median_days"), number("median_lower"), number("median_upper"));
        String version = classification.id() + " " + classification.version();
        Set<String> folded = keep > 0 ? folded(episodes, keep) : Set.of();
        Map<String, List<EpisodeSources>> byGroup = new TreeMap<>();
        episodes.forEach(e -> byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e));
        for (var g : byGroup.entrySet()) {
            // at -> from -> to -> episodes; "at" in the order follow-ups were recorded (exit first)
            Map<String, Map<String, Map<String, Long>>> cells = new TreeMap<>(RightSupportMetric::compareAt);
            for (EpisodeSources e : g.getValue()) {
                if (e.entry() == null) {
                    continue;
                }
                e.later().forEach((at, to) -> cells.computeIfAbsent(at, a -> new TreeMap<>())
                        .computeIfAbsent(e.entry(), f -> new TreeMap<>()).merge(to, 1L, Long::sum));
            }
            for (var at : cells.entrySet()) {
                // folded row -> folded column -> the original cells (from, to, count) it holds
                Map<String, Map<String, List<Object[]>>> shown = new TreeMap<>(others());
                at.getValue().forEach((from, tos) -> tos.forEach((to, n) -> shown
                        .computeIfAbsent(label(from, folded), f -> new TreeMap<>(others()))
                        .computeIfAbsent(label(to, folded), t -> new ArrayList<>()).add(new Object[] {from, to, n})));
                List<Integer> rowTotals = new ArrayList<>();
                List<Integer> movedCells = new ArrayList<>();
                long denominator = 0;
                long moved = 0;
                for (var from : shown.entrySet()) {
                    long rowTotal = from.getValue().values().stream().flatMap(List::stream).mapToLong(c -> (Long) c[2]).sum();
                    int total = rb.cell(rowTotal);
                    rowTotals.add(total);
                    denominator += rowTotal;
                    List<Integer> parts = new ArrayList<>();
                    for (var to : from.getValue().entrySet()) {
                        List<Object[]> originals = to.getValue();
                        var row = matrix.row().key("group", g.getKey()).key("at", at.getKey())
                                .key("from_source", from.getKey()).key("to_source", to.getKey());
                        int n;
                        if (originals.size() == 1) {
                            n = row.count("n", (Long) originals.get(0)[2]);
                            collectMove(classification, originals.get(0), n, movedCells);
                        } else {
                            List<Integer> hidden = new ArrayList<>();
                            for (Object[] c : originals) {
                                int cell = rb.implicitCell((Long) c[2]);
                                hidden.add(cell);
                                collectMove(classification, c, cell, movedCells);
                            }
                            n = rb.cellOfParts(hidden);
                            row.countCell("n", n);
                        }
                        parts.add(n);
                        // the complement is the rest of the row, already tied to the total by the sum below
                        row.share("share", "lower", "upper", n, total);
                    }
                    rb.sum(total, parts);
                }
                for (int cell : movedCells) {
                    moved += rb.value(cell);
                }
                var row = moves.row().key("group", g.getKey()).key("at", at.getKey()).key("classification", version);
                int k = row.count("n", moved);
                int n = row.count("denominator", denominator);
                // the same people as the matrix: moves are a sum of its cells, the denominator of its rows
                if (!movedCells.isEmpty()) {
                    rb.sum(k, movedCells);
                }
                rb.sum(n, rowTotals);
                row.proportion("share", "lower", "upper", k, n);
            }
        }
        if (ctx.hasRows("applications")) {
            applications(ctx, rb, applications);
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), episodes.size());
        return new RightSupportResult(built.basis(), classification.version(), List.copyOf(folded),
                built.table("matrix"), built.table("right_support"), built.table("applications"));
    }

    private static void collectMove(RightSupport rs, Object[] cell, int gridCell, List<Integer> movedCells) {
        if (moved(rs, (String) cell[0], (String) cell[1])) {
            movedCells.add(gridCell);
        }
    }

    /** The sources of the selection outside its {@code keep} most common (counted at entry and later, over all groups). */
    private static Set<String> folded(List<EpisodeSources> episodes, int keep) {
        Map<String, Long> counts = new HashMap<>();
        for (EpisodeSources e : episodes) {
            if (e.entry() != null && !e.later().isEmpty()) {
                counts.merge(e.entry(), 1L, Long::sum);
                e.later().values().forEach(to -> counts.merge(to, 1L, Long::sum));
            }
        }
        List<String> kept = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(keep).map(Map.Entry::getKey).toList();
        Set<String> out = new TreeSet<>(counts.keySet());
        kept.forEach(out::remove);
        return out;
    }

    private static String label(String source, Set<String> folded) {
        return folded.contains(source) ? Coarsening.OTHERS_SV : source;
    }

    /** Sources in code order, "Övriga" last. */
    private static Comparator<String> others() {
        return Comparator.comparing((String x) -> x.equals(Coarsening.OTHERS_SV)).thenComparing(Comparator.naturalOrder());
    }

    /** exit before follow_up_90 before follow_up_180 ... */
    private static int compareAt(String a, String b) {
        return Integer.compare(order(a), order(b)) != 0 ? Integer.compare(order(a), order(b)) : a.compareTo(b);
    }

    private static int order(String at) {
        return at.startsWith("follow_up_") ? Integer.parseInt(at.substring("follow_up_".length())) : 0;
    }

    private static void applications(QueryContext ctx, ResultBuilder rb, ResultBuilder.TableBuilder table)
            throws SQLException {
        Map<String, List<Object[]>> byKey = new LinkedHashMap<>();
        try (PreparedStatement ps = ctx.query("applications").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byKey.computeIfAbsent(rs.getString("grp") + "\u0000" + rs.getString("benefit"), k -> new ArrayList<>())
                        .add(new Object[] {rs.getString("decision"), rs.getInt("days")});
            }
        }
        for (var e : byKey.entrySet()) {
            String[] gb = e.getKey().split("\u0000");
            List<Object[]> apps = e.getValue();
            double[] days = new double[apps.size()];
            boolean[] decided = new boolean[apps.size()];
            long granted = 0;
            long refused = 0;
            for (int i = 0; i < apps.size(); i++) {
                String decision = (String) apps.get(i)[0];
                days[i] = (Integer) apps.get(i)[1];
                decided[i] = !decision.equals("pending");
                granted += decision.equals("granted") ? 1 : 0;
                refused += decision.equals("refused") ? 1 : 0;
            }
            var row = table.row().key("group", gb[0]).key("benefit", gb[1]);
            int all = row.count("applications", apps.size());
            int dec = row.count("decided", granted + refused);
            int gr = row.count("granted", granted);
            int re = row.count("refused", refused);
            int pe = row.count("pending", apps.size() - granted - refused);
            rb.sum(all, dec, pe);
            rb.sum(dec, gr, re);
            row.proportion("granted_share", "lower", "upper", gr, dec);
            KaplanMeierFit fit = KaplanMeier.fit(days, decided);
            Quantile median = fit.median();
            row.number("median_days", orNaN(median.estimate()), all).number("median_lower", orNaN(median.lower()), all)
                    .number("median_upper", orNaN(median.upper()), all);
        }
    }

    static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
