package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import se.stegvis.dictionary.RightSupport;
import se.stegvis.stats.Interval;
import se.stegvis.stats.Proportions;

/** Evaluates {@link Goal}s: each share with its Wilson interval against its target ({@code sql/goals.sql}). */
final class GoalsMetric {

    static final Definition DEFINITION = new Definition("goals",
            "Måluppfyllelse: varje mål i projektets inställningsfil mäts som en andel med Wilson-intervall; "
                    + "uppfyllt när hela intervallet ligger på rätt sida om målet, inte uppfyllt när hela ligger på "
                    + "fel sida, går inte att avgöra när intervallet omfattar målet; ett mål som inga data kan mäta "
                    + "anges som ej mätbart.",
            "Goals: each goal of the project settings file is measured as a share with its Wilson interval; met "
                    + "when the whole interval is on the right side of the target, not met when it is wholly on the "
                    + "wrong side, cannot tell when the interval straddles the target; a goal no data can measure is "
                    + "listed as not measurable.");

    static final String MET = "met";
    static final String NOT_MET = "not_met";
    static final String CANNOT_TELL = "cannot_tell";
    static final String NOT_MEASURABLE = "not_measurable";

    private GoalsMetric() {}

    static GoalsResult compute(QueryContext ctx, List<Goal> goals, RightSupport classification) throws SQLException {
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var t = rb.table("goals", key("id"), key("label"), key("rate"), key("selection"), key("within_days"),
                number("target"), key("direction"), count("n"), count("denominator"), number("share"), number("lower"),
                number("upper"), key("status"), key("note"));
        long episodes = 0;
        for (Goal g : goals) {
            var row = t.row().key("id", g.id()).key("label", g.label()).key("rate", g.rate())
                    .key("selection", g.cohort().describe()).key("within_days", Integer.toString(g.withinDays()))
                    .number("target", g.target()).key("direction", g.atMost() ? "at_most" : "at_least");
            long[] kn;
            String note = "";
            QueryContext gctx = null;
            try {
                gctx = new QueryContext(ctx.connection(), ctx.policy(), StoreSelection.resolve(ctx.connection(), g.cohort(),
                        ctx.asOf()), ctx.asOf(), ctx.tables());
            } catch (SelectionException e) {
                // One goal's selection that matches nothing is that goal's note, not the end of the others.
                note = e.getMessage();
            }
            if (gctx == null) {
                kn = null;
            } else if (!Goal.RATES.contains(g.rate())) {
                kn = null;
                note = "unknown rate '" + g.rate() + "'; one of " + String.join(", ", Goal.RATES);
            } else if (g.rate().equals("right_support") && !gctx.hasRows("income_sources")) {
                kn = null;
                note = new MissingTableException("goal " + g.id(), "income_sources").getMessage();
            } else {
                kn = g.rate().equals("right_support") ? rightSupport(gctx, classification) : counts(gctx, g);
                episodes = Math.max(episodes, kn[2]);
                if (kn[1] == 0) {
                    note = "no episode of the selection can be counted yet";
                }
            }
            if (kn == null || kn[1] == 0) {
                int k = row.count("n", 0);
                int n = row.count("denominator", 0);
                row.number("share", Double.NaN, k, n).number("lower", Double.NaN, k, n).number("upper", Double.NaN, k, n)
                        .key("status", NOT_MEASURABLE).key("note", note);
                continue;
            }
            int k = row.count("n", kn[0]);
            int n = row.count("denominator", kn[1]);
            row.proportion("share", "lower", "upper", k, n);
            Interval iv = Proportions.wilson(kn[0], kn[1], ResultBuilder.LEVEL);
            row.key("status", status(iv, g.target(), g.atMost()), k, n).key("note", note);
        }
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), episodes);
        return new GoalsResult(built.basis(), goals, built.table("goals"));
    }

    /** Met, not met, or cannot tell (the interval holds the target). */
    static String status(Interval iv, double target, boolean atMost) {
        if (iv.lower() > target) {
            return atMost ? NOT_MET : MET;
        }
        if (iv.upper() < target) {
            return atMost ? MET : NOT_MET;
        }
        if (iv.lower() == target && !atMost || iv.upper() == target && atMost) {
            return MET;
        }
        return CANNOT_TELL;
    }

    /** {numerator, denominator, selected episodes} of the goal's rate. */
    private static long[] counts(QueryContext ctx, Goal g) throws SQLException {
        try (PreparedStatement ps = ctx.query("goals", g.withinDays()).bind("within_days", g.withinDays())
                .prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long[] kn = switch (g.rate()) {
                case "exit_work_or_studies" -> new long[] {rs.getLong("work_within"), rs.getLong("work_eligible")};
                case "dropout" -> new long[] {rs.getLong("dropout"), rs.getLong("exited")};
                case "step_up" -> new long[] {rs.getLong("step_up"), rs.getLong("two_plus")};
                case "plan_within" -> new long[] {rs.getLong("plan_within"), rs.getLong("plan_eligible")};
                default -> throw new IllegalArgumentException(g.rate());
            };
            return new long[] {kn[0], kn[1], rs.getLong("episodes")};
        }
    }

    /** Episodes with a right-support move by exit among those with sources at entry and exit. */
    private static long[] rightSupport(QueryContext ctx, RightSupport classification) throws SQLException {
        long k = 0;
        long n = 0;
        List<RightSupportMetric.EpisodeSources> episodes = RightSupportMetric.episodes(ctx);
        for (RightSupportMetric.EpisodeSources e : episodes) {
            if (e.entry() != null && e.later().containsKey("exit")) {
                n++;
                k += RightSupportMetric.moved(classification, e.entry(), e.later().get("exit")) ? 1 : 0;
            }
        }
        return new long[] {k, n, episodes.size()};
    }
}
