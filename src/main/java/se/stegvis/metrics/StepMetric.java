package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

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

/** Computes {@link StepResult} from {@code sql/steps.sql}, {@code step_distribution.sql} and {@code time_on_step.sql}. */
final class StepMetric {

    static final Definition DEFINITION = new Definition("steps",
            "Förflyttning på stegtrappan (stegvis-7, andra trappor omräknade): första bedömda steget jämfört med "
                    + "det senaste fram till mätdagen, andel med minst ett steg upp respektive ned bland dem som "
                    + "bedömts minst två gånger, och tid på varje steg mellan bedömningar.",
            "Movement on the step ladder (stegvis-7, other ladders crosswalked): the first assessed step against "
                    + "the latest up to the as-of date, the share with at least one step up or down among those "
                    + "assessed at least twice, and time spent on each step between assessments.");

    private StepMetric() {}

    static StepResult compute(QueryContext ctx) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var summary = rb.table("summary", key("group"), count("n_episodes"), count("n_assessed"), count("n_two_plus"),
                number("mean_entry"), number("mean_latest"), number("mean_net"),
                count("n_up"), number("share_up"), number("up_lower"), number("up_upper"),
                count("n_same"), count("n_down"), number("share_down"), number("down_lower"), number("down_upper"),
                count("n_ever_up"), number("share_ever_up"), number("ever_up_lower"), number("ever_up_upper"),
                count("n_ever_down"), number("share_ever_down"), number("ever_down_lower"), number("ever_down_upper"));
        var distribution = rb.table("distribution", key("group"), key("step"), count("n_entry"), count("n_latest"));
        var timeOnStep = rb.table("time_on_step", key("group"), key("step"), count("spells"), count("completed"),
                number("mean_days"), number("median_days"));
        Map<String, Integer> assessedCell = new HashMap<>();
        long n = 0;
        try (PreparedStatement ps = ctx.query("steps").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String g = rs.getString("grp");
                var row = summary.row().key("group", g);
                int episodes = row.count("n_episodes", rs.getLong("n_episodes"));
                n += rb.value(episodes);
                int assessed = row.count("n_assessed", rs.getLong("n_assessed"));
                int twoPlus = row.count("n_two_plus", rs.getLong("n_two_plus"));
                assessedCell.put(g, assessed);
                row.number("mean_entry", doubleOrNaN(rs, "mean_entry"), assessed)
                        .number("mean_latest", doubleOrNaN(rs, "mean_latest"), assessed)
                        .number("mean_net", doubleOrNaN(rs, "mean_net"), twoPlus);
                int up = row.count("n_up", rs.getLong("n_up"));
                int same = row.count("n_same", rs.getLong("n_same"));
                int down = row.count("n_down", rs.getLong("n_down"));
                row.proportion("share_up", "up_lower", "up_upper", up, twoPlus)
                        .proportion("share_down", "down_lower", "down_upper", down, twoPlus);
                rb.sum(twoPlus, up, same, down);
                int everUp = row.count("n_ever_up", rs.getLong("n_ever_up"));
                int everDown = row.count("n_ever_down", rs.getLong("n_ever_down"));
                row.proportion("share_ever_up", "ever_up_lower", "ever_up_upper", everUp, twoPlus)
                        .proportion("share_ever_down", "ever_down_lower", "ever_down_upper", everDown, twoPlus);
            }
        }
        Map<String, List<Integer>> entryCells = new HashMap<>();
        Map<String, List<Integer>> latestCells = new HashMap<>();
        try (PreparedStatement ps = ctx.query("step_distribution").prepare(ctx.connection());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String g = rs.getString("grp");
                var row = distribution.row().key("group", g).key("step", rs.getString("step"));
                entryCells.computeIfAbsent(g, k -> new ArrayList<>()).add(row.count("n_entry", rs.getLong("n_entry")));
                latestCells.computeIfAbsent(g, k -> new ArrayList<>()).add(row.count("n_latest", rs.getLong("n_latest")));
            }
        }
        for (var e : entryCells.entrySet()) {
            rb.sum(assessedCell.get(e.getKey()), e.getValue());
            rb.sum(assessedCell.get(e.getKey()), latestCells.get(e.getKey()));
        }
        try (PreparedStatement ps = ctx.query("time_on_step").prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                var row = timeOnStep.row().key("group", rs.getString("grp")).key("step", rs.getString("step"));
                row.count("spells", rs.getLong("spells"));
                int completed = row.count("completed", rs.getLong("completed"));
                row.number("mean_days", doubleOrNaN(rs, "mean_days"), completed)
                        .number("median_days", doubleOrNaN(rs, "median_days"), completed);
            }
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new StepResult(built.basis(), built.table("summary"), built.table("distribution"),
                built.table("time_on_step"));
    }

    /** A nullable SQL number as a double, NaN for NULL. */
    static double doubleOrNaN(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
