package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;
import static se.stegvis.metrics.StepMetric.doubleOrNaN;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

/** Computes {@link FlowQualityResult} from {@code sql/flow_quality.sql}. */
final class FlowQualityMetric {

    static final Definition DEFINITION = new Definition("flow-quality",
            "Flöde mot kvalitet per enhet och kvartal: avslut per årsarbetare (genomsnittlig bemanning under "
                    + "kvartalet) mot andel avslut till arbete eller studier och andel med minst ett steg upp bland "
                    + "de avslutade.",
            "Flow against quality per unit and quarter: exits per full-time staff (mean staffing over the quarter) "
                    + "against the share of exits to work or studies and the share with a net step up among those "
                    + "who exited.");

    private FlowQualityMetric() {}

    static FlowQualityResult compute(QueryContext ctx) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var quarterly = rb.table("quarterly", key("group"), key("quarter"), count("exits"), number("fte"),
                number("exits_per_fte"), count("positive"), number("positive_rate"), number("lower"), number("upper"),
                count("two_plus"), count("step_up"), number("step_up_rate"), number("step_lower"), number("step_upper"));
        boolean staffed = cohort.groupBy().hasStaffing();
        long n = 0;
        try (PreparedStatement ps = ctx.query("flow_quality").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var row = quarterly.row().key("group", rs.getString("grp")).key("quarter", rs.getString("quarter"));
                int exits = row.count("exits", rs.getLong("exits"));
                n += rb.value(exits);
                double fte = staffed ? doubleOrNaN(rs, "fte") : Double.NaN;
                row.number("fte", fte).number("exits_per_fte", fte > 0 ? rb.value(exits) / fte : Double.NaN, exits);
                int positive = row.count("positive", rs.getLong("positive"));
                row.proportion("positive_rate", "lower", "upper", positive, exits);
                int twoPlus = row.count("two_plus", rs.getLong("two_plus"));
                int up = row.count("step_up", rs.getLong("step_up"));
                row.proportion("step_up_rate", "step_lower", "step_upper", up, twoPlus);
            }
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new FlowQualityResult(built.basis(), built.table("quarterly"));
    }
}
