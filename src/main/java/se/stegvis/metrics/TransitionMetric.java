package se.stegvis.metrics;

import static se.stegvis.metrics.ResultBuilder.count;
import static se.stegvis.metrics.ResultBuilder.key;
import static se.stegvis.metrics.ResultBuilder.number;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import se.stegvis.cohort.Cohort;
import se.stegvis.disclosure.DisclosurePolicy;

/**
 * Computes {@link TransitionResult} from {@code sql/transitions.sql},
 * {@code transitions_entry_exit.sql} and {@code step_distribution.sql}.
 */
final class TransitionMetric {

    static final Definition DEFINITION = new Definition("transitions",
            "Övergångar mellan stegen på stegtrappan: från ett bedömt steg till nästa bedömning för samma "
                    + "person (i datumordning), och från första steget till steget vid avslut, med andel av alla "
                    + "övergångar från samma steg.",
            "Transitions on the step ladder: from an assessed step to the next assessment of the same person (in "
                    + "date order), and from the entry step to the step at exit, as a share of all transitions from "
                    + "the same step.");

    /** How many assessments ahead the Markov projection goes. */
    static final int PROJECTION_STEPS = 4;

    private TransitionMetric() {}

    static TransitionResult compute(QueryContext ctx) throws SQLException {
        DisclosurePolicy policy = ctx.policy();
        Cohort cohort = ctx.cohort();
        LocalDate asOf = ctx.asOf();
        ResultBuilder rb = new ResultBuilder(policy);
        var consecutive = rb.table("consecutive", columns());
        var entryExit = rb.table("entry_exit", columns());
        var projection = rb.table("projection", key("group"), key("steps_ahead"), key("step"), number("share"));
        Map<String, long[][]> matrices = matrices(ctx, "transitions");
        long n = fill(rb, consecutive, matrices);
        fill(rb, entryExit, matrices(ctx, "transitions_entry_exit"));
        Map<String, long[]> entry = new LinkedHashMap<>();
        try (PreparedStatement ps = ctx.query("step_distribution").prepare(ctx.connection());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entry.computeIfAbsent(rs.getString("grp"), k -> new long[Ladder.STEPS])[rs.getInt("step") - 1] =
                        rs.getLong("n_entry");
            }
        }
        for (var m : matrices.entrySet()) {
            long[] start = entry.get(m.getKey());
            long startTotal = 0;
            for (long s : start) {
                startTotal += s;
            }
            int gate = rb.cell(startTotal);
            double[] pi = new double[Ladder.STEPS];
            for (int i = 0; i < pi.length; i++) {
                pi[i] = (double) start[i] / startTotal;
            }
            double[][] p = rowShares(m.getValue());
            for (int k = 1; k <= PROJECTION_STEPS; k++) {
                pi = multiply(pi, p);
                for (int j = 0; j < pi.length; j++) {
                    projection.row().key("group", m.getKey()).key("steps_ahead", Integer.toString(k))
                            .key("step", Integer.toString(j + 1)).number("share", pi[j], gate);
                }
            }
        }
        var built = rb.build(DEFINITION, cohort, asOf, n);
        return new TransitionResult(built.basis(), built.table("consecutive"), built.table("entry_exit"),
                built.table("projection"));
    }

    private static MetricTable.Column[] columns() {
        return new MetricTable.Column[] {key("group"), key("from_step"), key("to_step"), count("n"),
            number("share"), number("lower"), number("upper")};
    }

    /** Full from x to count matrices per group, in group order. */
    private static Map<String, long[][]> matrices(QueryContext ctx, String query) throws SQLException {
        Map<String, long[][]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = ctx.query(query).prepare(ctx.connection()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString("grp"), k -> new long[Ladder.STEPS][Ladder.STEPS])
                        [rs.getInt("from_step") - 1][rs.getInt("to_step") - 1] = rs.getLong("n");
            }
        }
        return out;
    }

    /** Adds the matrices' cells with their row totals (revealed by the shares); returns the number of pairs. */
    private static long fill(ResultBuilder rb, ResultBuilder.TableBuilder table, Map<String, long[][]> matrices) {
        long pairs = 0;
        for (var m : matrices.entrySet()) {
            for (int from = 0; from < Ladder.STEPS; from++) {
                long[] row = m.getValue()[from];
                long total = 0;
                for (long v : row) {
                    total += v;
                }
                pairs += total;
                int totalCell = rb.cell(total);
                int[] cells = new int[Ladder.STEPS];
                for (int to = 0; to < Ladder.STEPS; to++) {
                    var r = table.row().key("group", m.getKey()).key("from_step", Integer.toString(from + 1))
                            .key("to_step", Integer.toString(to + 1));
                    cells[to] = r.count("n", row[to]);
                    r.proportion("share", "lower", "upper", cells[to], totalCell);
                }
                rb.sum(totalCell, cells);
            }
        }
        return pairs;
    }

    /** Row-normalised counts; a step never left (no transitions from it) stays put. */
    static double[][] rowShares(long[][] counts) {
        int k = counts.length;
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            long total = 0;
            for (long v : counts[i]) {
                total += v;
            }
            for (int j = 0; j < k; j++) {
                p[i][j] = total == 0 ? (i == j ? 1 : 0) : (double) counts[i][j] / total;
            }
        }
        return p;
    }

    private static double[] multiply(double[] pi, double[][] p) {
        double[] out = new double[pi.length];
        for (int i = 0; i < pi.length; i++) {
            for (int j = 0; j < pi.length; j++) {
                out[j] += pi[i] * p[i][j];
            }
        }
        return out;
    }
}
