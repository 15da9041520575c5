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

    private static void protect(CellGrid grid, DisclosurePolicy policy, List<Integer> equations, boolean[] hidden) {
        while (true) {
            boolean[] unknown = unknown(grid, hidden);
            boolean[] determined = Recovery.determined(grid, unknown, equations);
            int target = -1;
            for (int c = 0; c < determined.length && target < 0; c++) {
                if (determined[c] && mustProtect(grid, policy, hidden, c)) {
                    target = c;
                }
            }
            if (target < 0) {
                return;
            }
            int candidate = smallestKnown(grid, hidden, equations, target, true);
            if (candidate < 0) {
                candidate = smallestKnown(grid, hidden, equations, target, false);
            }
            if (candidate < 0) {
                // Nothing published is left around this cell; it can only be determined as 0.
                return;
            }
            hidden[candidate] = true;
        }
    }

    private static boolean mustProtect(CellGrid grid, DisclosurePolicy policy, boolean[] hidden, int c) {
        return grid.isImplicit(c) ? policy.isSmall(grid.value(c)) : hidden[c];
    }

    /** Smallest published cell in an equation with {@code target} (or, failing that, anywhere in the component). */
    private static int smallestKnown(CellGrid grid, boolean[] hidden, List<Integer> equations, int target, boolean nearTarget) {
        int best = -1;
        for (int e : equations) {
            int[] cells = grid.equationCells(e);
            if (nearTarget && !contains(cells, target)) {
                continue;
            }
            for (int c : cells) {
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

    private static boolean contains(int[] cells, int c) {
        for (int x : cells) {
            if (x == c) {
                return true;
            }
        }
        return false;
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
