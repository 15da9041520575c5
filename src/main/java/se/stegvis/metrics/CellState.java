package se.stegvis.metrics;

/**
 * How a published cell stands: shown, hidden because it is small itself ({@code <5}), hidden to
 * protect a small one ({@code ..}), or not defined (a median not reached, a share of nobody).
 */
public enum CellState {
    SHOWN(""), SMALL("small"), PROTECTED("protected"), NOT_REACHED("not_reached");

    private final String flag;

    CellState(String flag) {
        this.flag = flag;
    }

    /** The machine-readable flag written beside the value ({@code small}, ..., empty when shown). */
    public String flag() {
        return flag;
    }
}
