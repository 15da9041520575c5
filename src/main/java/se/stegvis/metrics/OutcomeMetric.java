package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

/** Computes {@link OutcomeResult} from {@code sql/outcomes.sql} and {@code sql/follow_up.sql}. */
final class OutcomeMetric {

    static final Definition DEFINITION = new Definition("outcomes",
            "Utfall: andel avslut till arbete eller studier och andel avbrott bland avslutade, andel med minst "
                    + "ett steg upp bland dem som bedömts minst två gånger, andel med gemensam plan inom N dagar från "
                    + "remiss, och läget vid uppföljning efter avslut med bortfallet redovisat.",
            "Outcomes: share of exits to work or studies and of drop-outs among exits, share with a net step up "
                    + "among those assessed at least twice, share with a joint plan within N days of referral, and "
                    + "status at follow-up after exit with the loss to follow-up shown.");

    private OutcomeMetric() {}

    static OutcomeResult compute(QueryContext ctx, int planDays) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var rates = rb.table("rates", key("group"), key("outcome"), count("n"), count("denominator"),
                number("rate"), number("lower"), number("upper"));
        var followUp = rb.table("follow_up", key("group"), key("offset_days"), count("due"), count("observed"),
                count("lost"), number("share_lost"), number("lost_lower"), number("lost_upper"), count("positive"),
                number("share_positive"), number("lower"), number("upper"));
        long n = 0;
        try (PreparedStatement ps = ctx.query("outcomes", planDays).prepare(ctx.connection());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String g = rs.getString("grp");
                Map<String, Integer> cells = new HashMap<>();
                for (Rate r : Rate.values()) {
                    cells.computeIfAbsent(r.denominator, c -> rb.cell(get(rs, c)));
                    cells.put(r.numerator, rb.cell(get(rs, r.numerator)));
                    rates.row().key("group", g).key("outcome", r.key()).countCell("n", cells.get(r.numerator))
                            .countCell("denominator", cells.get(r.denominator))
                            .proportion("rate", "lower", "upper", cells.get(r.numerator), cells.get(r.denominator));
                }
                n += rs.getLong("episodes");
                // Work/studies and drop-out are disjoint parts of the exits.
                long rest = rb.value(cells.get("exited")) - rb.value(cells.get("positive")) - rb.value(cells.get("dropout"));
                rb.sum(cells.get("exited"), cells.get("positive"), cells.get("dropout"), rb.implicitCell(rest));
            }
        }
        try (PreparedStatement ps = ctx.query("follow_up", planDays).prepare(ctx.connection());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var row = followUp.row().key("group", rs.getString("grp")).key("offset_days", rs.getString("offset_days"));
                int due = row.count("due", rs.getLong("due"));
                int observed = row.count("observed", rs.getLong("observed"));
                int lost = row.count("lost", rs.getLong("due") - rs.getLong("observed"));
                rb.sum(due, observed, lost);
                int positive = row.count("positive", rs.getLong("positive"));
                row.proportion("share_lost", "lost_lower", "lost_upper", lost, due)
                        .proportion("share_positive", "lower", "upper", positive, observed);
            }
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new OutcomeResult(built.basis(), built.table("rates"), built.table("follow_up"));
    }

    private static long get(ResultSet rs, String column) {
        try {
            return rs.getLong(column);
        } catch (SQLException e) {
            throw new MetricException(e);
        }
    }
}
