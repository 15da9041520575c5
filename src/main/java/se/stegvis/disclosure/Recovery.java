package se.stegvis.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which unknown cells of a {@link CellGrid} a reader can recompute exactly from the known cells
 * and the grid's equations: cell {@code x} is determined iff the unit vector of {@code x} lies in
 * the row space of the equations restricted to the unknown cells (found by reduced row echelon
 * form). Bounds from non-negativity are not considered.
 */
public final class Recovery {
    private static final double EPS = 1e-9;

    private Recovery() {}

    /** For each cell: true when it is unknown and still determined by the known cells. */
    public static boolean[] determined(CellGrid grid, boolean[] unknown) {
        List<Integer> all = new ArrayList<>(grid.equationCount());
        for (int e = 0; e < grid.equationCount(); e++) {
            all.add(e);
        }
        return determined(grid, unknown, all);
    }

    /** As {@link #determined(CellGrid, boolean[])} using only the given equations. */
    static boolean[] determined(CellGrid grid, boolean[] unknown, List<Integer> equations) {
        boolean[] result = new boolean[grid.size()];
        int[] column = new int[grid.size()];
        Arrays.fill(column, -1);
        List<Integer> cells = new ArrayList<>();
        for (int e : equations) {
            for (int c : grid.equationCells(e)) {
                if (unknown[c] && column[c] < 0) {
                    column[c] = cells.size();
                    cells.add(c);
                }
            }
        }
        int n = cells.size();
        if (n == 0) {
            return result;
        }
        double[][] m = new double[equations.size()][n];
        for (int r = 0; r < equations.size(); r++) {
            int e = equations.get(r);
            int[] cs = grid.equationCells(e);
            int[] co = grid.equationCoefficients(e);
            for (int i = 0; i < cs.length; i++) {
                if (unknown[cs[i]]) {
                    m[r][column[cs[i]]] += co[i];
                }
            }
        }
        int[] pivotColumnOfRow = reduce(m, n);
        for (int r = 0; r < pivotColumnOfRow.length; r++) {
            int pc = pivotColumnOfRow[r];
            if (pc < 0) {
                continue;
            }
            boolean alone = true;
            for (int j = 0; j < n && alone; j++) {
                alone = j == pc || Math.abs(m[r][j]) < EPS;
            }
            if (alone) {
                result[cells.get(pc)] = true;
            }
        }
        return result;
    }

    /** Reduced row echelon form in place; returns the pivot column of each row (-1 if none). */
    private static int[] reduce(double[][] m, int n) {
        int rows = m.length;
        int[] pivotOf = new int[rows];
        Arrays.fill(pivotOf, -1);
        int r = 0;
        for (int c = 0; c < n && r < rows; c++) {
            int best = r;
            for (int i = r + 1; i < rows; i++) {
                if (Math.abs(m[i][c]) > Math.abs(m[best][c])) {
                    best = i;
                }
            }
            if (Math.abs(m[best][c]) < EPS) {
                continue;
            }
            double[] t = m[r];
            m[r] = m[best];
            m[best] = t;
            double p = m[r][c];
            for (int j = c; j < n; j++) {
                m[r][j] /= p;
            }
            for (int i = 0; i < rows; i++) {
                if (i != r && Math.abs(m[i][c]) > EPS) {
                    double f = m[i][c];
                    for (int j = c; j < n; j++) {
                        m[i][j] -= f * m[r][j];
                    }
                }
            }
            pivotOf[r] = c;
            r++;
        }
        return pivotOf;
    }
}
