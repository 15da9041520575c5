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
import se.stegvis.disclosure.Coarsening;
import se.stegvis.disclosure.DisclosurePolicy;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.KaplanMeierFit;
import se.stegvis.stats.Quantile;

/**
 * Computes {@link ReferrersResult} on a selection grouped by referral source: the status and exit
 * counts of {@code sql/referrers.sql} and the referral-to-first-meeting lead time of
 * {@link LeadTimeMetric} (same censoring).
 */
final class ReferrersMetric {

    static final Definition DEFINITION = new Definition("referrers",
            "Återkoppling till remittenter: för varje remittent hur många som remitterades, hur många som "
                    + "bedömdes ej aktuella (och varför) och hur många som antogs, ledtid från remiss till första möte "
                    + "(Kaplan-Meier-median, de som ännu väntar censurerade), var personerna står på mätdagen och vart "
                    + "de avslutade gick (andel till arbete eller studier av de avslutade).",
            "Feedback to referrers: for each referral source how many were referred, how many were judged not "
                    + "relevant (and why) and how many accepted, the lead time from referral to first meeting "
                    + "(Kaplan-Meier median, those still waiting censored), where the people stand on the as-of date "
                    + "and where those who exited went (share to work or studies among those exited).");

    /** Statuses in the order of the path through a programme. */
    static final List<String> STATUSES = List.of("awaiting_decision", "not_relevant", "declined", "accepted", "met",
            "mapped", "planned", "in_activity", "exited_positive", "exited_other");

    private ReferrersMetric() {}

    private static final class Source {
        long referred;
        long notRelevant;
        long accepted;
        long met;
        long exited;
        long positive;
        final Map<String, Long> reasons = new TreeMap<>();
        final Map<String, Long> statuses = new LinkedHashMap<>();
        final Map<String, Long> destinations = new LinkedHashMap<>();
    }

    /**
     * ctx's cohort must be grouped by referral source. With {@code coarsen}, the reasons, statuses and
     * destinations of a source are coarsened ({@link Coarsening}, small ones folded into "Övriga")
     * where suppression would hide more than a third of them: the folded codes become implicit cells
     * (never published, protected when small) in the same grid as everything else, so nothing
     * hidden can be recomputed from the summary and the coarse rows together.
     */
    static ReferrersResult compute(QueryContext ctx, boolean coarsen) throws SQLException {
        Map<String, Source> sources = new TreeMap<>();
        try (PreparedStatement ps = ctx.query("referrers").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Source s = sources.computeIfAbsent(rs.getString(1), g -> new Source());
                long n = rs.getLong(7);
                String status = rs.getString(2);
                String destination = rs.getString(3);
                String reason = rs.getString(4);
                s.referred += n;
                s.statuses.merge(status, n, Long::sum);
                if (reason != null) {
                    s.notRelevant += n;
                    s.reasons.merge(reason, n, Long::sum);
                }
                s.accepted += rs.getBoolean(5) ? n : 0;
                s.met += rs.getBoolean(6) ? n : 0;
                if (destination != null) {
                    s.exited += n;
                    s.destinations.merge(destination, n, Long::sum);
                    s.positive += "exited_positive".equals(status) ? n : 0;
                }
            }
        }
        LeadTimeEpisodes waits = LeadTimeMetric.episodes(ctx, LeadTime.between(Milestone.REFERRAL, Milestone.FIRST_MEETING));
        Map<String, int[]> ranges = LeadTimeMetric.groupRanges(waits.group());

        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var summary = rb.table("summary", key("group"), count("referred"), count("not_relevant"),
                number("not_relevant_share"), number("nr_lower"), number("nr_upper"), count("accepted"),
                number("accepted_share"), number("acc_lower"), number("acc_upper"), count("met"),
                number("meeting_median"), number("meeting_lower"), number("meeting_upper"), count("exited"),
                count("positive"), number("positive_share"), number("pos_lower"), number("pos_upper"));
        var reasons = rb.table("reasons", key("group"), key("reason"), count("n"), number("share"), number("lower"),
                number("upper"), key("merged"));
        var now = rb.table("now", key("group"), key("status"), count("n"), number("share"), number("lower"),
                number("upper"), key("merged"));
        var destinations = rb.table("destinations", key("group"), key("destination"), count("n"),
                number("share"), number("lower"), number("upper"), key("merged"));
        Parts parts = new Parts(rb, ctx.policy(), coarsen);
        long total = 0;
        for (var entry : sources.entrySet()) {
            String g = entry.getKey();
            Source s = entry.getValue();
            total += s.referred;
            var row = summary.row().key("group", g);
            int referred = row.count("referred", s.referred);
            int notRelevant = row.count("not_relevant", s.notRelevant);
            row.proportion("not_relevant_share", "nr_lower", "nr_upper", notRelevant, referred);
            int accepted = row.count("accepted", s.accepted);
            row.proportion("accepted_share", "acc_lower", "acc_upper", accepted, referred);
            int met = row.count("met", s.met);
            rb.complement(met, referred);
            int[] range = ranges.get(g);
            Quantile median = range == null ? new Quantile(0.5, null, null, null) : meetingMedian(waits, range);
            row.number("meeting_median", orNaN(median.estimate()), referred)
                    .number("meeting_lower", orNaN(median.lower()), referred)
                    .number("meeting_upper", orNaN(median.upper()), referred);
            int exited = row.count("exited", s.exited);
            int positive = row.count("positive", s.positive);
            row.proportion("positive_share", "pos_lower", "pos_upper", positive, exited);

            parts.add(reasons, g, "reason", s.reasons, notRelevant, new ArrayList<>(s.reasons.keySet()));
            Map<String, Integer> status = parts.add(now, g, "status", s.statuses, referred, STATUSES);
            Map<String, Integer> destination = parts.add(destinations, g, "destination", s.destinations, exited,
                    LeadTimeMetric.DESTINATIONS);
            // The same people counted twice: what the summary says must agree with the parts.
            equal(rb, notRelevant, status.get("not_relevant"));
            equal(rb, positive, status.get("exited_positive"));
            List<Integer> exits = new ArrayList<>();
            for (String st : List.of("exited_positive", "exited_other")) {
                if (status.containsKey(st)) {
                    exits.add(status.get(st));
                }
            }
            if (!exits.isEmpty()) {
                rb.sum(exited, exits);
            }
            List<Integer> work = new ArrayList<>();
            for (String d : List.of("arbete", "studier")) {
                if (destination.containsKey(d)) {
                    work.add(destination.get(d));
                }
            }
            if (!work.isEmpty()) {
                rb.sum(positive, work);
            }
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), total);
        return new ReferrersResult(built.basis(), built.table("summary"), built.table("reasons"), built.table("now"),
                built.table("destinations"));
    }

    private static void equal(ResultBuilder rb, int a, Integer b) {
        if (b != null && a != b) {
            rb.sum(a, b);
        }
    }

    /** Writes the rows of a breakdown (reasons, statuses, destinations), coarsened or not, and its sum. */
    private record Parts(ResultBuilder rb, DisclosurePolicy policy, boolean coarsen) {

        /** The rows of one source with their share of the total; returns the cell of each code. */
        Map<String, Integer> add(ResultBuilder.TableBuilder table, String group, String keyColumn, Map<String, Long> counts,
                int totalCell, List<String> order) {
            List<String> codes = order.stream().filter(counts::containsKey).toList();
            Map<String, Integer> cells = new LinkedHashMap<>();
            if (codes.isEmpty()) {
                return cells;
            }
            List<List<String>> groups = codes.stream().map(List::of).toList();
            if (coarsen && policy.applied()) {
                long[][] v = new long[codes.size()][1];
                for (int i = 0; i < codes.size(); i++) {
                    v[i][0] = counts.get(codes.get(i));
                }
                groups = Coarsening.coarsen(new Coarsening.CountTable(codes, List.of("n"), v), Coarsening.Kind.OTHERS,
                        policy).members();
            }
            for (List<String> members : groups) {
                int cell;
                if (members.size() == 1) {
                    cell = rb.cell(counts.get(members.get(0)));
                    cells.put(members.get(0), cell);
                } else {
                    List<Integer> hidden = new ArrayList<>();
                    for (String code : members) {
                        int c = rb.implicitCell(counts.get(code));
                        cells.put(code, c);
                        hidden.add(c);
                    }
                    cell = rb.cellOfParts(hidden);
                }
                var row = table.row().key("group", group)
                        .key(keyColumn, members.size() == 1 ? members.get(0) : Coarsening.OTHERS_SV)
                        .key("merged", members.size() == 1 ? "" : String.join("+", members));
                row.countCell("n", cell);
                row.share("share", "lower", "upper", cell, totalCell);
            }
            rb.sum(totalCell, new ArrayList<>(cells.values()));
            return cells;
        }
    }

    private static Quantile meetingMedian(LeadTimeEpisodes ep, int[] range) {
        double[] t = Arrays.copyOfRange(ep.days(), range[0], range[1]);
        boolean[] e = Arrays.copyOfRange(ep.event(), range[0], range[1]);
        KaplanMeierFit fit = KaplanMeier.fit(t, e);
        return fit.median();
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
