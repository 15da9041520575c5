package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import se.stegvis.stats.KaplanMeier;
import se.stegvis.stats.Quantile;

/**
 * Computes {@link PartnerInputResult} from {@code sql/partner_hours.sql}, {@code sql/partner_presence.sql}
 * and {@code sql/partner_outcomes.sql}: partners' hours and presence beside the outcomes of the same
 * unit (programme/municipality) and year.
 */
final class PartnerInputMetric {

    static final String ID = "partner-input";
    static final Definition DEFINITION = new Definition(ID,
            "Samverkan: timmar som varje part avtalat och gett per enhet (insats/kommun) och månad, andel givna "
                    + "av avtalade, parter närvarande vid genomförda möten (ej telefon), bredvid samma enhets och års "
                    + "utfall: andel med steg upp bland dem som bedömts minst två gånger (Wilson) och median dagar "
                    + "från remiss till första möte (Kaplan-Meier). Samband, inte orsak.",
            "Partner input: hours each partner agreed and gave per unit (programme/municipality) and month, share "
                    + "given of agreed, partners present at held meetings (not phone calls), beside the same unit's "
                    + "and year's outcomes: share stepping up among those assessed at least twice (Wilson) and median "
                    + "days from referral to first meeting (Kaplan-Meier). Association, not cause.");

    private PartnerInputMetric() {}

    /** Hours agreed and given of one unit and year, summed over partners and months. */
    private static final class Hours {
        double agreed;
        double given;
    }

    static PartnerInputResult compute(QueryContext ctx) throws SQLException {
        boolean hours = ctx.hasRows("partner_hours");
        boolean contacts = ctx.hasRows("contacts");
        if (!hours && !contacts) {
            ctx.require(ID, "partner_hours");
        }
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var summary = rb.table("summary", key("unit"), key("period"), number("hours_agreed"), number("hours_given"),
                number("given_share"), count("meetings"), number("partners_per_meeting"), count("episodes"),
                count("assessed_twice"), count("step_up"), number("step_up_share"), number("step_up_lower"),
                number("step_up_upper"), number("median_days_to_first_meeting"), number("median_lower"),
                number("median_upper"));
        var hoursTable = rb.table("hours", key("unit"), key("partner"), key("month"), number("hours_agreed"),
                number("hours_given"), number("given_share"));
        var presence = rb.table("presence", key("unit"), key("period"), key("partner"), count("meetings"),
                count("present"), number("share"), number("lower"), number("upper"));

        Map<String, Hours> hoursByUnitYear = new TreeMap<>();
        if (hours) {
            SqlQuery q = ctx.query("partner_hours").with("team_rows", ctx.cohort().teamTable("partner_hours"));
            try (PreparedStatement ps = q.prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String month = rs.getDate("month").toLocalDate().toString().substring(0, 7);
                    double agreed = orNaN(rs, "hours_agreed");
                    double given = orNaN(rs, "hours_given");
                    hoursTable.row().key("unit", rs.getString("unit")).key("partner", rs.getString("partner"))
                            .key("month", month).number("hours_agreed", agreed).number("hours_given", given)
                            .number("given_share", agreed > 0 ? given / agreed : Double.NaN);
                    Hours h = hoursByUnitYear.computeIfAbsent(rs.getString("unit") + "\u0000" + month.substring(0, 4),
                            k -> new Hours());
                    h.agreed += Double.isNaN(agreed) ? 0 : agreed;
                    h.given += Double.isNaN(given) ? 0 : given;
                }
            }
        }
        Map<String, long[]> meetings = new TreeMap<>(); // unit/year -> meetings, partner presences
        if (contacts) {
            Map<String, Integer> meetingCells = new TreeMap<>();
            try (PreparedStatement ps = ctx.query("partner_presence").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString("unit") + "\u0000" + rs.getString("period");
                    String partner = rs.getString("partner");
                    long count = rs.getLong("meetings");
                    long[] m = meetings.computeIfAbsent(key, k -> new long[2]);
                    if (partner.isEmpty()) {
                        m[0] = count;
                        meetingCells.put(key, rb.cell(count));
                    } else {
                        m[1] += count;
                        int all = meetingCells.get(key);
                        var row = presence.row().key("unit", rs.getString("unit")).key("period", rs.getString("period"))
                                .key("partner", partner).countCell("meetings", all);
                        int present = row.count("present", count);
                        row.proportion("share", "lower", "upper", present, all);
                    }
                }
            }
        }
        Map<String, List<double[]>> episodes = new TreeMap<>(); // unit/year -> {days, met, two_plus, step_up}
        try (PreparedStatement ps = ctx.query("partner_outcomes").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                episodes.computeIfAbsent(rs.getString("unit") + "\u0000" + rs.getString("period"), k -> new ArrayList<>())
                        .add(new double[] {rs.getInt("days"), rs.getBoolean("met") ? 1 : 0, rs.getBoolean("two_plus") ? 1 : 0,
                                rs.getBoolean("step_up") ? 1 : 0});
            }
        }
        Set<String> keys = new TreeSet<>(hoursByUnitYear.keySet());
        keys.addAll(meetings.keySet());
        keys.addAll(episodes.keySet());
        long n = 0;
        for (String k : keys) {
            String[] up = k.split("\u0000");
            var row = summary.row().key("unit", up[0]).key("period", up[1]);
            Hours h = hoursByUnitYear.get(k);
            row.number("hours_agreed", h == null ? Double.NaN : h.agreed).number("hours_given", h == null ? Double.NaN : h.given)
                    .number("given_share", h == null || h.agreed == 0 ? Double.NaN : h.given / h.agreed);
            long[] m = meetings.getOrDefault(k, new long[2]);
            int meetingCell = row.count("meetings", m[0]);
            row.number("partners_per_meeting", m[0] == 0 ? Double.NaN : (double) m[1] / m[0], meetingCell);
            List<double[]> ep = episodes.getOrDefault(k, List.of());
            n += ep.size();
            int all = row.count("episodes", ep.size());
            int twice = row.count("assessed_twice", ep.stream().filter(e -> e[2] == 1).count());
            int up2 = row.count("step_up", ep.stream().filter(e -> e[3] == 1).count());
            row.proportion("step_up_share", "step_up_lower", "step_up_upper", up2, twice);
            if (ep.isEmpty()) {
                row.number("median_days_to_first_meeting", Double.NaN).number("median_lower", Double.NaN)
                        .number("median_upper", Double.NaN);
                continue;
            }
            double[] t = ep.stream().mapToDouble(e -> e[0]).toArray();
            boolean[] met = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                met[i] = ep.get(i)[1] == 1;
            }
            Quantile median = KaplanMeier.fit(t, met).median();
            row.number("median_days_to_first_meeting", RightSupportMetric.orNaN(median.estimate()), all)
                    .number("median_lower", RightSupportMetric.orNaN(median.lower()), all)
                    .number("median_upper", RightSupportMetric.orNaN(median.upper()), all);
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), n);
        return new PartnerInputResult(built.basis(), built.table("summary"), built.table("hours"), built.table("presence"));
    }

    private static double orNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
