package se.stegvis.charts;

/**
 * Whether a count is shown, and if not, why: small itself (primary suppression, drawn "&lt;5") or
 * hidden so that a small one cannot be worked out from totals (secondary, drawn ".." as in
 * official Swedish statistics). Either way the value is never drawn and never drawn as zero.
 */
public enum Hidden {
    SHOWN, SMALL, PROTECTED;

    /** SMALL when suppressed, else SHOWN. */
    public static Hidden of(boolean suppressed) {
        return suppressed ? SMALL : SHOWN;
    }

    public boolean hidden() {
        return this != SHOWN;
    }

    /** The label drawn in place of the count. */
    public String label(SeminarTheme theme) {
        return switch (this) {
            case SMALL -> theme.suppressedLabel();
            case PROTECTED -> "..";
            case SHOWN -> "";
        };
    }
}
