package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;
import static se.stegvis.metrics.ResultBuilder.proportion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

/** Computes {@link FunnelResult} from {@code sql/funnel.sql}. */
final class FunnelMetric {

    static final Definition DEFINITION = new Definition("funnel",
            "Antal remitterade som till och med mätdagen nått varje steg i flödet (remiss, beslut, första möte, "
                    + "kartläggning, plan, aktivitet, avslut, avslut till arbete eller studier), andel av remitterade "
                    + "och andel av dem som nått steget före, samt var varje person står på mätdagen.",
            "Number of referred people who by the as-of date reached each stage (referral, decision, first meeting, "
                    + "mapping, plan, activity, exit, exit to work or studies), as a share of those referred and of "
                    + "those who reached the stage before, and where each person stands on the as-of date.");

    /** Stages in order; {@code previous} is the stage conversion is measured from. */
    enum Stage {
        REFERRED("referred", null, null),
        DECISION_NOT_RELEVANT("decision_not_relevant", REFERRED, null),
        DECLINED("declined", REFERRED, null),
        DECISION_ACCEPTED("decision_accepted", REFERRED, null),
        FIRST_MEETING("first_meeting", DECISION_ACCEPTED, "both_first_meeting"),
        MAPPING_DONE("mapping_done", FIRST_MEETING, "both_mapping_done"),
        PLAN_ESTABLISHED("plan_established", MAPPING_DONE, "both_plan_established"),
        ACTIVITY_START("activity_start", PLAN_ESTABLISHED, "both_activity_start"),
        EXIT("exit", ACTIVITY_START, "both_exit"),
        POSITIVE_EXIT("positive_exit", EXIT, null);

        final String id;
        final Stage previous;
        /** Column counting episodes that reached both this and the previous stage; null when that is {@code id}. */
        final String bothColumn;

        Stage(String id, Stage previous, String bothColumn) {
            this.id = id;
            this.previous = previous;
            this.bothColumn = bothColumn;
        }
    }

    /** Statuses on the as-of date, in funnel order. */
    static final List<String> STATUSES = List.of("awaiting_decision", "not_relevant", "declined", "accepted", "met",
            "mapped", "planned", "in_activity", "exited_positive", "exited_other");

    private FunnelMetric() {}

    static FunnelResult compute(QueryContext ctx) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var stages = rb.table("stages", key("group"), key("stage"), count("n"),
                number("share"), number("lower"), number("upper"), count("from_n"), count("conv_n"),
                number("conversion"), number("conv_lower"), number("conv_upper"));
        var now = rb.table("now", key("group"), key("status"), count("n"), number("share"), number("lower"),
                number("upper"));
        long n = 0;
        try (PreparedStatement ps = ctx.query("funnel").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String group = rs.getString("grp");
                Map<Stage, Integer> cell = new HashMap<>();
                for (Stage s : Stage.values()) {
                    cell.put(s, rb.cell(rs.getLong(s.id)));
                }
                int referred = cell.get(Stage.REFERRED);
                n += rb.value(referred);
                for (Stage s : Stage.values()) {
                    int from = s.previous == null ? referred : cell.get(s.previous);
                    int both = s.bothColumn == null ? cell.get(s) : rb.cell(rs.getLong(s.bothColumn));
                    stages.row().key("group", group).key("stage", s.id).countCell("n", cell.get(s))
                            .proportion("share", "lower", "upper", cell.get(s), referred)
                            .countCell("from_n", from).countCell("conv_n", both)
                            .proportion("conversion", "conv_lower", "conv_upper", both, from);
                }
                List<Integer> statusCells = new ArrayList<>();
                for (String status : STATUSES) {
                    // The positive-exit stage and the exited_positive status count the same episodes.
                    int c = status.equals("exited_positive") ? cell.get(Stage.POSITIVE_EXIT) : rb.cell(rs.getLong("now_" + status));
                    statusCells.add(c);
                    now.row().key("group", group).key("status", status).countCell("n", c)
                            .proportion("share", "lower", "upper", c, referred);
                }
                now.row().key("group", group).key("status", "total").countCell("n", referred)
                        .proportion("share", "lower", "upper", referred, referred);
                rb.sum(referred, statusCells);
                rb.sum(cell.get(Stage.EXIT), statusCells.get(STATUSES.indexOf("exited_positive")),
                        statusCells.get(STATUSES.indexOf("exited_other")));
            }
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new FunnelResult(built.basis(), built.table("stages"), built.table("now"));
    }
}
