package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import se.stegvis.stats.Interval;
import se.stegvis.stats.PoissonRate;

/** Computes {@link IntensityResult} from {@code sql/intensity.sql}. */
final class IntensityMetric {

    static final String ID = "intensity";
    static final Definition DEFINITION = new Definition(ID,
            "Intensitet: genomförda kontakter per personmånad i insatsen (från första mötet, annars beslutet, "
                    + "till avslut eller mätdagen) med exakt Poisson-intervall, dagar mellan genomförda kontakter "
                    + "(median, 75:e percentil), andel inställda av alla kontakter, närvaro (genomförda av genomförda "
                    + "och uteblivna), och öppna ärenden utan genomförd kontakt de senaste N dagarna på mätdagen.",
            "Intensity: held contacts per person-month in the programme (from the first meeting, else the "
                    + "decision, to exit or the as-of date) with exact Poisson intervals, days between held contacts "
                    + "(median, 75th percentile), share cancelled of all contacts, attendance (held of held and "
                    + "no-shows), and open episodes without a held contact in the last N days on the as-of date.");

    /** Days per month for person-months (365.25 / 12). */
    static final double DAYS_PER_MONTH = 30.4375;
    /** Default N of "idle for N days". */
    public static final int DEFAULT_IDLE_DAYS = 60;

    private IntensityMetric() {}

    static IntensityResult compute(QueryContext ctx, int idleDays) throws SQLException {
        ctx.require(ID, "contacts");
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var t = rb.table("summary", key("group"), count("episodes"), number("person_months"), count("contacts"),
                count("held"), count("cancelled"), count("no_show"), number("contacts_per_person_month"),
                number("rate_lower"), number("rate_upper"), number("median_gap_days"), number("p75_gap_days"),
                number("cancelled_share"), number("cancelled_lower"), number("cancelled_upper"), number("attendance"),
                number("attendance_lower"), number("attendance_upper"), count("open"), key("idle_days"), count("idle"),
                number("idle_share"), number("idle_lower"), number("idle_upper"));
        long n = 0;
        try (PreparedStatement ps = ctx.query("intensity").bind("idle_days", idleDays).prepare(ctx.connection());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var row = t.row().key("group", rs.getString("grp"));
                int episodes = row.count("episodes", rs.getLong("episodes"));
                n += rs.getLong("episodes");
                double months = rs.getLong("person_days") / DAYS_PER_MONTH;
                row.number("person_months", months, episodes);
                int contacts = row.count("contacts", rs.getLong("contacts"));
                int held = row.count("held", rs.getLong("held"));
                int cancelled = row.count("cancelled", rs.getLong("cancelled"));
                int noShow = row.count("no_show", rs.getLong("no_show"));
                rb.sum(contacts, held, cancelled, noShow);
                Interval rate = PoissonRate.exact(rs.getLong("held"), months, ResultBuilder.LEVEL);
                row.number("contacts_per_person_month", rate.estimate(), held, episodes)
                        .number("rate_lower", rate.lower(), held, episodes).number("rate_upper", rate.upper(), held, episodes);
                row.number("median_gap_days", value(rs, "median_gap"), held).number("p75_gap_days", value(rs, "p75_gap"), held);
                row.share("cancelled_share", "cancelled_lower", "cancelled_upper", cancelled, contacts);
                int attended = rb.cell(rs.getLong("held") + rs.getLong("no_show"));
                rb.sum(attended, held, noShow);
                row.share("attendance", "attendance_lower", "attendance_upper", held, attended);
                int open = row.count("open", rs.getLong("open"));
                row.key("idle_days", Integer.toString(idleDays));
                int idle = row.count("idle", rs.getLong("idle"));
                row.proportion("idle_share", "idle_lower", "idle_upper", idle, open);
            }
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), n);
        return new IntensityResult(built.basis(), idleDays, built.table("summary"));
    }

    private static double value(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
