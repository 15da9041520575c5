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
import se.stegvis.stats.WilcoxonSignedRank;

/** Computes {@link RatingsResult} from {@code sql/ratings.sql}. */
final class RatingsMetric {

    static final String ID = "ratings";
    static final Definition DEFINITION = new Definition(ID,
            "Självskattningar före och efter per instrument: bland avslutade som skattat före, hur många som "
                    + "också skattat efter (bortfallet visas), medel före och efter och medianskillnad för parade "
                    + "skattningar, Wilcoxons teckenrangtest (som R:s wilcox.test, parat), och andel som förbättrats "
                    + "(Wilson).",
            "Self-ratings before and after per instrument: among exited episodes rated before, how many were also "
                    + "rated after (the loss shown), mean before and after and median difference of the paired "
                    + "ratings, the Wilcoxon signed-rank test (as R's paired wilcox.test), and the share improved "
                    + "(Wilson).");

    private RatingsMetric() {}

    static RatingsResult compute(QueryContext ctx) throws SQLException {
        ctx.require(ID, "ratings");
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var t = rb.table("summary", key("group"), key("instrument"), count("rated_before"), count("due_after"),
                count("paired"), count("lost"), number("share_lost"), number("lost_lower"), number("lost_upper"),
                number("mean_before"), number("mean_after"), number("median_difference"), number("wilcoxon_v"),
                number("p_value"), count("improved"), number("share_improved"), number("improved_lower"),
                number("improved_upper"));
        Map<String, List<double[]>> pairs = new LinkedHashMap<>(); // group/instrument -> {before, after, exited}
        try (PreparedStatement ps = ctx.query("ratings").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double before = rs.getDouble("before");
                boolean hasBefore = !rs.wasNull();
                double after = rs.getDouble("after");
                boolean hasAfter = !rs.wasNull();
                if (!hasBefore) {
                    continue; // an after-rating without a before has nothing to be compared with
                }
                pairs.computeIfAbsent(rs.getString("grp") + "\u0000" + rs.getString("instrument"), k -> new ArrayList<>())
                        .add(new double[] {before, hasAfter ? after : Double.NaN, rs.getBoolean("exited") ? 1 : 0});
            }
        }
        long n = 0;
        for (var e : pairs.entrySet()) {
            String[] gi = e.getKey().split("\u0000");
            List<double[]> rows = e.getValue();
            List<double[]> paired = rows.stream().filter(r -> !Double.isNaN(r[1])).toList();
            long due = rows.stream().filter(r -> r[2] == 1).count();
            long pairedDue = rows.stream().filter(r -> r[2] == 1 && !Double.isNaN(r[1])).count();
            n += rows.size();
            var row = t.row().key("group", gi[0]).key("instrument", gi[1]);
            int before = row.count("rated_before", rows.size());
            int dueCell = row.count("due_after", due);
            int pairedCell = row.count("paired", paired.size());
            int lost = row.count("lost", due - pairedDue);
            row.proportion("share_lost", "lost_lower", "lost_upper", lost, dueCell);
            double[] x = paired.stream().mapToDouble(r -> r[1]).toArray();
            double[] y = paired.stream().mapToDouble(r -> r[0]).toArray();
            row.number("mean_before", Arrays.stream(y).average().orElse(Double.NaN), pairedCell)
                    .number("mean_after", Arrays.stream(x).average().orElse(Double.NaN), pairedCell)
                    .number("median_difference", median(x, y), pairedCell);
            double v = Double.NaN;
            double p = Double.NaN;
            if (paired.stream().anyMatch(r -> r[1] != r[0])) {
                WilcoxonSignedRank.Result w = WilcoxonSignedRank.paired(x, y);
                v = w.statistic();
                p = w.pValue();
            }
            row.number("wilcoxon_v", v, pairedCell).number("p_value", p, pairedCell);
            int improved = row.count("improved", paired.stream().filter(r -> r[1] > r[0]).count());
            row.proportion("share_improved", "improved_lower", "improved_upper", improved, pairedCell);
            rb.sum(before, pairedCell, rb.implicitCell(rows.size() - paired.size()));
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), n);
        return new RatingsResult(built.basis(), built.table("summary"));
    }

    /** Median of after - before. */
    private static double median(double[] after, double[] before) {
        if (after.length == 0) {
            return Double.NaN;
        }
        double[] d = new double[after.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }
}
