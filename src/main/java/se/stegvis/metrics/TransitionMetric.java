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

    /** Merging stops at three groups of steps: fewer would no longer say whether people move up or down. */
    static final int MIN_STEP_GROUPS = 3;

    /** How many assessments ahead the Markov projection goes. */
    static final int PROJECTION_STEPS = 4;

    private TransitionMetric() {}

    /** The counts a result is built from: both kinds of matrix and the entry-step distribution, per group. */
    private record Counts(Map<String, long[][]> consecutive, Map<String, long[][]> entryExit, Map<String, long[]> entry) {}

    static TransitionResult compute(QueryContext ctx) throws SQLException {
        return build(ctx, counts(ctx), singleSteps(), Double.NaN);
    }

    /**
     * As {@link #compute}, with adjacent steps merged on both axes when disclosure control would
     * hide more than a third of the matrices' non-empty cells: each round merges the step holding the smallest
     * small count with its smaller neighbour, until at most a third is hidden (or, failing that, the
     * grouping that hides the fewest, never fewer than {@link #MIN_STEP_GROUPS} groups).
     */
    static TransitionResult coarsened(QueryContext ctx) throws SQLException {
        Counts counts = counts(ctx);
        TransitionResult bySteps = build(ctx, counts, singleSteps(), Double.NaN);
        double hidden = hiddenShare(bySteps);
        List<Groupings.Candidate<TransitionResult>> coarser = new ArrayList<>();
        List<List<Integer>> groups = singleSteps();
        while (groups.size() > MIN_STEP_GROUPS && (groups = mergeSmallest(groups, counts, ctx.policy())) != null) {
            List<List<Integer>> merged = groups;
            coarser.add(() -> build(ctx, counts, merged, hidden));
        }
        return Groupings.finestShowing(bySteps, coarser, TransitionMetric::hiddenShare);
    }

    private static List<List<Integer>> singleSteps() {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < Ladder.STEPS; i++) {
            out.add(List.of(i));
        }
        return out;
    }

    /**
     * The step groups with the smallest one that holds a small count (as from- or to-step) merged into
     * its smaller neighbour; null when no count is small.
     */
    private static List<List<Integer>> mergeSmallest(List<List<Integer>> groups, Counts counts, DisclosurePolicy policy) {
        long[] size = new long[groups.size()];
        boolean[] small = new boolean[groups.size()];
        for (Map<String, long[][]> kind : List.of(counts.consecutive(), counts.entryExit())) {
            for (long[][] m : kind.values()) {
                for (int r = 0; r < groups.size(); r++) {
                    for (int c = 0; c < groups.size(); c++) {
                        long v = sum(m, groups.get(r), groups.get(c));
                        size[r] += v;
                        size[c] += v;
                        if (policy.isSmall(v)) {
                            small[r] = true;
                            small[c] = true;
                        }
                    }
                }
            }
        }
        int worst = -1;
        for (int g = 0; g < groups.size(); g++) {
            if (small[g] && (worst < 0 || size[g] < size[worst])) {
                worst = g;
            }
        }
        if (worst < 0) {
            return null;
        }
        int other = worst == 0 ? 1 : worst == groups.size() - 1 ? worst - 1
                : size[worst - 1] <= size[worst + 1] ? worst - 1 : worst + 1;
        int lo = Math.min(worst, other);
        List<List<Integer>> out = new ArrayList<>(groups);
        List<Integer> joined = new ArrayList<>(groups.get(lo));
        joined.addAll(groups.get(lo + 1));
        out.set(lo, List.copyOf(joined));
        out.remove(lo + 1);
        return out;
    }

    private static long sum(long[][] m, List<Integer> rows, List<Integer> columns) {
        long s = 0;
        for (int i : rows) {
            for (int j : columns) {
                s += m[i][j];
            }
        }
        return s;
    }

    private static double hiddenShare(TransitionResult r) {
        int all = 0;
        int hidden = 0;
        for (MetricTable t : List.of(r.consecutive(), r.entryExit())) {
            for (int row = 0; row < t.rowCount(); row++) {
                // Empty cells (most moves of two steps or more) are no detail to lose: only the others count.
                if (t.isHidden(row, "n") || t.count(row, "n").orElseThrow() > 0) {
                    all++;
                    hidden += t.isHidden(row, "n") ? 1 : 0;
                }
            }
        }
        return all == 0 ? 0 : hidden / (double) all;
    }

    private static Counts counts(QueryContext ctx) throws SQLException {
        Map<String, long[]> entry = new LinkedHashMap<>();
        try (PreparedStatement ps = ctx.query("step_distribution").prepare(ctx.connection());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entry.computeIfAbsent(rs.getString("grp"), k -> new long[Ladder.STEPS])[rs.getInt("step") - 1] =
                        rs.getLong("n_entry");
            }
        }
        return new Counts(matrices(ctx, "transitions"), matrices(ctx, "transitions_entry_exit"), entry);
    }

    private static TransitionResult build(QueryContext ctx, Counts counts, List<List<Integer>> groups,
            double finerHiddenShare) {
        ResultBuilder rb = new ResultBuilder(ctx.policy());
        var consecutive = rb.table("consecutive", columns());
        var entryExit = rb.table("entry_exit", columns());
        var projection = rb.table("projection", key("group"), key("steps_ahead"), key("step"), number("share"));
        long n = fill(rb, consecutive, counts.consecutive(), groups);
        fill(rb, entryExit, counts.entryExit(), groups);
        for (var m : counts.consecutive().entrySet()) {
            long[] start = counts.entry().get(m.getKey());
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
        var built = rb.build(DEFINITION, ctx.cohort(), ctx.asOf(), n);
        return new TransitionResult(built.basis(), finerHiddenShare, built.table("consecutive"),
                built.table("entry_exit"), built.table("projection"));
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

    /**
     * Adds the matrices' cells, steps grouped as given on both axes, with their row totals (revealed
     * by the shares); a merged cell's single-step parts stay in the grid unpublished. Returns the number of pairs.
     */
    private static long fill(ResultBuilder rb, ResultBuilder.TableBuilder table, Map<String, long[][]> matrices,
            List<List<Integer>> groups) {
        long pairs = 0;
        for (var m : matrices.entrySet()) {
            long[][] counts = m.getValue();
            for (List<Integer> from : groups) {
                long total = 0;
                for (List<Integer> to : groups) {
                    total += sum(counts, from, to);
                }
                pairs += total;
                int totalCell = rb.cell(total);
                List<Integer> cells = new ArrayList<>();
                for (List<Integer> to : groups) {
                    var r = table.row().key("group", m.getKey()).key("from_step", label(from)).key("to_step", label(to));
                    int cell;
                    if (from.size() == 1 && to.size() == 1) {
                        cell = r.count("n", counts[from.get(0)][to.get(0)]);
                    } else {
                        List<Integer> parts = new ArrayList<>();
                        for (int i : from) {
                            for (int j : to) {
                                parts.add(rb.implicitCell(counts[i][j]));
                            }
                        }
                        cell = rb.cellOfParts(parts);
                        r.countCell("n", cell);
                    }
                    cells.add(cell);
                    r.proportion("share", "lower", "upper", cell, totalCell);
                }
                rb.sum(totalCell, cells);
            }
        }
        return pairs;
    }

    /** "3", or "4–7" for merged steps. */
    private static String label(List<Integer> steps) {
        String first = Integer.toString(steps.get(0) + 1);
        return steps.size() == 1 ? first : first + "–" + (steps.get(steps.size() - 1) + 1);
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
