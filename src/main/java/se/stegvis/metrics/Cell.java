package se.stegvis.metrics;

/**
 * One published cell: its value (a label, a {@code Long} count or a {@code Double} number; null
 * unless shown) and its disclosure state, so no output has to tell states apart by a marker string.
 */
public record Cell(Object value, CellState state) {

    public boolean shown() {
        return state == CellState.SHOWN;
    }
}
