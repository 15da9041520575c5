package se.stegvis.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The counts behind one result and the linear relations a reader could use to recompute them:
 * a total that is the sum of its parts, a rate's denominator that is its numerator plus the
 * complement, a stock that is last month's stock plus inflow minus outflow.
 *
 * <p>Cells are numbered in the order they are added. A <em>shown</em> cell is published unless
 * suppression hides it (this includes totals that a table only reveals through its rates). An
 * <em>implicit</em> cell is never published (e.g. "referred but not accepted") but must not be
 * recoverable when it is small.
 */
public final class CellGrid {

    private long[] values = new long[16];
    private boolean[] implicit = new boolean[16];
    private int size;
    private final List<int[]> equationCells = new ArrayList<>();
    private final List<int[]> equationCoefficients = new ArrayList<>();

    /** Adds a published count and returns its cell number. */
    public int shown(long value) {
        return add(value, false);
    }

    /** Adds a count that is never published but must not be recoverable when small. */
    public int implicit(long value) {
        return add(value, true);
    }

    /** Declares {@code total = sum(parts)}; checks that the values agree. */
    public void sum(int total, int... parts) {
        int[] cells = new int[parts.length + 1];
        int[] coefficients = new int[parts.length + 1];
        cells[0] = total;
        coefficients[0] = -1;
        for (int i = 0; i < parts.length; i++) {
            cells[i + 1] = parts[i];
            coefficients[i + 1] = 1;
        }
        equation(cells, coefficients);
    }

    /**
     * Declares {@code sum(coefficients[i] * cell[i]) = 0} for coefficients +1/-1; checks that the
     * values agree.
     */
    public void equation(int[] cells, int[] coefficients) {
        if (cells.length != coefficients.length || cells.length < 2) {
            throw new IllegalArgumentException("an equation needs at least two cells and one coefficient per cell");
        }
        long balance = 0;
        for (int i = 0; i < cells.length; i++) {
            checkCell(cells[i]);
            balance += coefficients[i] * values[cells[i]];
        }
        if (balance != 0) {
            throw new IllegalArgumentException("cells " + Arrays.toString(cells) + " do not satisfy their equation (off by " + balance + ")");
        }
        equationCells.add(cells.clone());
        equationCoefficients.add(coefficients.clone());
    }

    /**
     * Declares {@code denominator = numerator + complement} with the complement implicit, so that
     * a shown rate never reveals a small "the others" count.
     */
    public void complement(int numerator, int denominator) {
        int rest = implicit(values[denominator] - values[numerator]);
        sum(denominator, numerator, rest);
    }

    public int size() {
        return size;
    }

    public long value(int cell) {
        checkCell(cell);
        return values[cell];
    }

    public boolean isImplicit(int cell) {
        checkCell(cell);
        return implicit[cell];
    }

    int equationCount() {
        return equationCells.size();
    }

    int[] equationCells(int e) {
        return equationCells.get(e);
    }

    int[] equationCoefficients(int e) {
        return equationCoefficients.get(e);
    }

    private int add(long value, boolean isImplicit) {
        if (value < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + value);
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            implicit = Arrays.copyOf(implicit, size * 2);
        }
        values[size] = value;
        implicit[size] = isImplicit;
        return size++;
    }

    private void checkCell(int cell) {
        if (cell < 0 || cell >= size) {
            throw new IndexOutOfBoundsException("no cell " + cell + " (grid has " + size + ")");
        }
    }
}
