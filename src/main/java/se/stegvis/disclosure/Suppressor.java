package se.stegvis.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Primary and secondary cell suppression of a {@link CellGrid}.
 *
 * <p>Primary: every published count from 1 to threshold - 1 is hidden. Secondary: while some
 * hidden cell (or small implicit cell) can be recomputed exactly from the published cells through
 * the grid's equations ({@link Recovery}), the smallest non-zero published cell in an equation
 * with that cell is hidden as well (a zero only if nothing else is left). For a breakdown with
 * its total this hides the next-smallest cell; for a two-way table with margins it works along
 * rows and columns until no hidden cell is determined.
 */
public final class Suppressor {
    private Suppressor() {}

    /** Applies the policy; with the opt-out nothing is hidden. */
    public static SuppressionMask apply(CellGrid grid, DisclosurePolicy policy) {
        int n = grid.size();
        boolean[] hidden = new boolean[n];
        boolean[] primary = new boolean[n];
        if (!policy.applied()) {
            return new SuppressionMask(hidden, primary, policy);
        }
        for (int c = 0; c < n; c++) {
            primary[c] = policy.isSmall(grid.value(c));
            hidden[c] = primary[c] && !grid.isImplicit(c);
        }
        for (List<Integer> component : components(grid)) {
            protect(grid, policy, component, hidden);
        }
        return new SuppressionMask(hidden, primary, policy);
    }

    /**
     * Rounds of: find every protected cell still determined; for each, hide one published cell in an
     * equation with it (skipping a target whose equations already lost a cell this round, as that may
     * have freed it). Few rounds instead of one solve per hidden cell.
     */
    private static void protect(CellGrid grid, DisclosurePolicy policy, List<Integer> equations, boolean[] hidden) {
        Map<Integer, List<Integer>> equationsOfCell = new HashMap<>();
        for (int e : equations) {
            for (int c : grid.equationCells(e)) {
                equationsOfCell.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
            }
        }
        while (true) {
            boolean[] determined = Recovery.determined(grid, unknown(grid, hidden), equations);
            java.util.Set<Integer> touched = new java.util.HashSet<>();
            boolean first = true;
            boolean progress = false;
            for (int c = 0; c < determined.length; c++) {
                if (!determined[c] || !mustProtect(grid, policy, hidden, c)) {
                    continue;
                }
                List<Integer> around = equationsOfCell.get(c);
                if (!first && around.stream().anyMatch(touched::contains)) {
                    continue;
                }
                first = false;
                int candidate = smallestKnown(grid, hidden, around);
                if (candidate < 0) {
                    candidate = smallestKnown(grid, hidden, equations);
                }
                if (candidate < 0) {
                    // Nothing published is left around this cell; it can only be determined as 0.
                    continue;
                }
                hidden[candidate] = true;
                progress = true;
                touched.addAll(equationsOfCell.get(candidate));
            }
            if (!progress) {
                return;
            }
        }
    }

    private static boolean mustProtect(CellGrid grid, DisclosurePolicy policy, boolean[] hidden, int c) {
        return grid.isImplicit(c) ? policy.isSmall(grid.value(c)) : hidden[c];
    }

    /** Smallest published cell in the given equations (non-zero preferred); -1 if none. */
    private static int smallestKnown(CellGrid grid, boolean[] hidden, List<Integer> equations) {
        int best = -1;
        for (int e : equations) {
            for (int c : grid.equationCells(e)) {
                if (hidden[c] || grid.isImplicit(c)) {
                    continue;
                }
                if (best < 0 || better(grid.value(c), grid.value(best))) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** Non-zero before zero, then smaller first. */
    private static boolean better(long candidate, long incumbent) {
        if ((candidate == 0) != (incumbent == 0)) {
            return incumbent == 0;
        }
        return candidate < incumbent;
    }

    private static boolean[] unknown(CellGrid grid, boolean[] hidden) {
        boolean[] unknown = new boolean[grid.size()];
        for (int c = 0; c < unknown.length; c++) {
            unknown[c] = hidden[c] || grid.isImplicit(c);
        }
        return unknown;
    }

    /** Equations grouped by shared cells, so each independent block is solved on its own. */
    private static List<List<Integer>> components(CellGrid grid) {
        int[] parent = new int[grid.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < grid.equationCount(); e++) {
            int[] cells = grid.equationCells(e);
            for (int i = 1; i < cells.length; i++) {
                int a = find(parent, cells[0]);
                int b = find(parent, cells[i]);
                parent[a] = b;
            }
        }
        Map<Integer, List<Integer>> byRoot = new HashMap<>();
        List<List<Integer>> components = new ArrayList<>();
        for (int e = 0; e < grid.equationCount(); e++) {
            int root = find(parent, grid.equationCells(e)[0]);
            byRoot.computeIfAbsent(root, k -> {
                List<Integer> list = new ArrayList<>();
                components.add(list);
                return list;
            }).add(e);
        }
        return components;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
