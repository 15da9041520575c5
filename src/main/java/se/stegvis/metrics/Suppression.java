package se.stegvis.metrics;

/**
 * The disclosure state of a result.
 *
 * @param applied false when the researcher opted out ({@code unsuppressed})
 * @param threshold smallest count shown
 * @param primary cells hidden because they are small
 * @param secondary cells hidden so that the small ones cannot be recomputed
 */
public record Suppression(boolean applied, int threshold, int primary, int secondary) {

    /** Marker placed on every output of an unsuppressed result. */
    public static final String UNSUPPRESSED_MARKER =
            "OSKYDDAD: små tal visas, får inte spridas / UNSUPPRESSED: small counts shown, not for release";

    /** One line saying how the result is protected. */
    public String describe() {
        if (!applied) {
            return UNSUPPRESSED_MARKER;
        }
        return "Antal under " + threshold + " dolda (" + primary + " primärt, " + secondary
                + " sekundärt) / counts below " + threshold + " hidden (" + primary + " primary, "
                + secondary + " secondary)";
    }
}
