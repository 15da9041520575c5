package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.KaplanMeierFit;
import se.stegvis.stats.KaplanMeierRow;
import se.stegvis.stats.Quantile;

/** Computes {@link CyclingResult} from {@code sql/cycling.sql} and {@code sql/cycling_persons.sql}. */
final class CyclingMetric {

    static final Definition DEFINITION = new Definition("cycling",
            "Återkomst: episoder per person, och tid från att en episod avslutats (avslut, ej aktuell eller "
                    + "tackat nej) till personens nästa remiss i registret, med Kaplan-Meier där de som inte kommit "
                    + "tillbaka censureras på mätdagen; andel tillbaka inom 6, 12 och 24 månader.",
            "Cycling: episodes per person, and time from the end of an episode (exit, not relevant or declined) "
                    + "to the person's next referral in the store, by Kaplan-Meier with those not back censored at "
                    + "the as-of date; share back within 6, 12 and 24 months.");

    /** 6, 12 and 24 months in days (365.25 / 2, 365.25, 730.5, rounded down). */
    static final int[] HORIZON_DAYS = {182, 365, 730};
    static final int[] HORIZON_MONTHS = {6, 12, 24};

    private CyclingMetric() {}

    static CyclingResult compute(QueryContext ctx) throws SQLException {
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var summary = rb.table("summary", key("group"), count("persons"), count("episodes"),
                number("episodes_per_person"), count("persons_2plus"), number("share_2plus"), number("share_2plus_lower"),
                number("share_2plus_upper"), count("ended"), count("reentered"), number("median_days"),
                number("median_lower"), number("median_upper"));
        var within = rb.table("within", key("group"), key("months"), count("ended"), number("share"), number("lower"),
                number("upper"));
        var distribution = rb.table("distribution", key("group"), key("episodes_of_person"), count("persons"));
        var curve = rb.table("curve", key("group"), number("time"), number("surv"), number("lower"), number("upper"));

        Map<String, long[]> persons = new TreeMap<>(); // group -> persons by 1, 2, 3, 4+ episodes; episodes
        try (PreparedStatement ps = ctx.query("cycling_persons").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[] p = persons.computeIfAbsent(rs.getString("grp"), g -> new long[5]);
                int episodes = rs.getInt("episodes");
                p[Math.min(episodes, 4) - 1] += rs.getLong("persons");
                p[4] += (long) episodes * rs.getLong("persons");
            }
        }
        Map<String, List<double[]>> spans = new LinkedHashMap<>();
        try (PreparedStatement ps = ctx.query("cycling").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                spans.computeIfAbsent(rs.getString("grp"), g -> new ArrayList<>())
                        .add(new double[] {rs.getInt("days"), rs.getBoolean("reentered") ? 1 : 0});
            }
        }
        long n = 0;
        for (var g : persons.entrySet()) {
            long[] p = g.getValue();
            n += p[4];
            var row = summary.row().key("group", g.getKey());
            int all = row.count("persons", p[0] + p[1] + p[2] + p[3]);
            int episodes = row.count("episodes", p[4]);
            row.number("episodes_per_person", (double) p[4] / (p[0] + p[1] + p[2] + p[3]), all, episodes);
            int two = row.count("persons_2plus", p[1] + p[2] + p[3]);
            row.proportion("share_2plus", "share_2plus_lower", "share_2plus_upper", two, all);
            List<Integer> parts = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                parts.add(distribution.row().key("group", g.getKey()).key("episodes_of_person", k < 3 ? Integer.toString(k + 1) : "4+")
                        .count("persons", p[k]));
            }
            rb.sum(all, parts);
            List<double[]> s = spans.getOrDefault(g.getKey(), List.of());
            int ended = row.count("ended", s.size());
            long back = s.stream().filter(d -> d[1] == 1).count();
            int reentered = row.count("reentered", back);
            if (s.isEmpty()) {
                row.number("median_days", Double.NaN).number("median_lower", Double.NaN).number("median_upper", Double.NaN);
                continue;
            }
            double[] t = s.stream().mapToDouble(d -> d[0]).toArray();
            boolean[] e = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                e[i] = s.get(i)[1] == 1;
            }
            KaplanMeierFit fit = KaplanMeier.fit(t, e);
            Quantile median = fit.median();
            row.number("median_days", RightSupportMetric.orNaN(median.estimate()), ended)
                    .number("median_lower", RightSupportMetric.orNaN(median.lower()), ended)
                    .number("median_upper", RightSupportMetric.orNaN(median.upper()), ended);
            for (int h = 0; h < HORIZON_DAYS.length; h++) {
                double[] w = LeadTimeMetric.within(fit, HORIZON_DAYS[h]);
                within.row().key("group", g.getKey()).key("months", Integer.toString(HORIZON_MONTHS[h]))
                        .countCell("ended", ended).number("share", w[0], ended).number("lower", w[1], ended)
                        .number("upper", w[2], ended);
            }
            for (KaplanMeierRow r : fit.eventRows()) {
                curve.row().key("group", g.getKey()).number("time", r.time(), ended).number("surv", r.surv(), ended)
                        .number("lower", r.lower(), ended).number("upper", r.upper(), ended);
            }
            rb.sum(ended, reentered, rb.implicitCell(s.size() - back));
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), n);
        return new CyclingResult(built.basis(), built.table("summary"), built.table("within"),
                built.table("distribution"), built.table("curve"));
    }
}
