package se.stegvis.disclosure;

/**
 * The outcome of suppressing a {@link CellGrid}: which cells are hidden and why.
 *
 * @param hidden per cell: not to be published
 * @param primary per cell: hidden because the count itself is small
 * @param policy the policy applied
 */
public record SuppressionMask(boolean[] hidden, boolean[] primary, DisclosurePolicy policy) {

    public boolean isHidden(int cell) {
        return hidden[cell];
    }

    public boolean isPrimary(int cell) {
        return primary[cell];
    }

    /** Number of published cells hidden because they are small. */
    public int primaryCount(CellGrid grid) {
        return count(grid, true);
    }

    /** Number of published cells hidden only to protect others. */
    public int secondaryCount(CellGrid grid) {
        return count(grid, false);
    }

    private int count(CellGrid grid, boolean wantPrimary) {
        int n = 0;
        for (int c = 0; c < hidden.length; c++) {
            if (hidden[c] && !grid.isImplicit(c) && primary[c] == wantPrimary) {
                n++;
            }
        }
        return n;
    }
}
