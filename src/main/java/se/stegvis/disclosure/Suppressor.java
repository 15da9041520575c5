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
     * Rounds of: find every protected cell still determined and, for each, the published cell to
     * hide with it (the best in an equation with it: a non-zero part before a non-zero total before
     * a zero); hide them best first, skipping a target that shares an equation with a target or a
     * cell handled this round, as that may have freed it. Few rounds instead of one solve per
     * hidden cell, as far apart cells (other groups, other months) are handled together.
     */
    private static void protect(CellGrid grid, DisclosurePolicy policy, List<Integer> equations, boolean[] hidden) {
        Map<Integer, List<Integer>> equationsOfCell = new HashMap<>();
        java.util.Set<Integer> totals = new java.util.HashSet<>();
        for (int e : equations) {
            int[] cells = grid.equationCells(e);
            int[] coefficients = grid.equationCoefficients(e);
            for (int i = 0; i < cells.length; i++) {
                equationsOfCell.computeIfAbsent(cells[i], k -> new ArrayList<>()).add(e);
                if (coefficients[i] < 0) {
                    totals.add(cells[i]);
                }
            }
        }
        while (true) {
            boolean[] determined = Recovery.determined(grid, unknown(grid, hidden), equations);
            List<int[]> choices = new ArrayList<>(); // {target, candidate}
            for (int c = 0; c < determined.length; c++) {
                if (determined[c] && mustProtect(grid, policy, hidden, c)) {
                    int candidate = best(grid, hidden, totals, equationsOfCell.get(c));
                    if (candidate < 0) {
                        candidate = best(grid, hidden, totals, equations);
                    }
                    if (candidate >= 0) {
                        choices.add(new int[] {c, candidate});
                    }
                    // else: nothing published is left around this cell; it can only be determined as 0.
                }
            }
            if (choices.isEmpty()) {
                return;
            }
            choices.sort(java.util.Comparator.<int[]>comparingInt(t -> rank(grid, totals, t[1]))
                    .thenComparingLong(t -> grid.value(t[1])));
            java.util.Set<Integer> touched = new java.util.HashSet<>();
            for (int[] choice : choices) {
                if (hidden[choice[1]] || equationsOfCell.get(choice[0]).stream().anyMatch(touched::contains)) {
                    continue;
                }
                hidden[choice[1]] = true;
                touched.addAll(equationsOfCell.get(choice[1]));
                touched.addAll(equationsOfCell.get(choice[0]));
            }
        }
    }

    private static boolean mustProtect(CellGrid grid, DisclosurePolicy policy, boolean[] hidden, int c) {
        return grid.isImplicit(c) ? policy.isSmall(grid.value(c)) : hidden[c];
    }

    /** The best published cell to hide in the given equations (lowest rank, then smallest); -1 if none. */
    private static int best(CellGrid grid, boolean[] hidden, java.util.Set<Integer> totals, List<Integer> equations) {
        int best = -1;
        for (int e : equations) {
            for (int c : grid.equationCells(e)) {
                if (hidden[c] || grid.isImplicit(c)) {
                    continue;
                }
                if (best < 0 || rank(grid, totals, c) < rank(grid, totals, best)
                        || rank(grid, totals, c) == rank(grid, totals, best) && grid.value(c) < grid.value(best)) {
                    best = c;
                }
            }
        }
        return best;
    }

    /** 0: a non-zero part; 1: a non-zero total (hiding it blanks its rates); 2: a zero (hides little). */
    private static int rank(CellGrid grid, java.util.Set<Integer> totals, int cell) {
        if (grid.value(cell) == 0) {
            return 2;
        }
        return totals.contains(cell) ? 1 : 0;
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
