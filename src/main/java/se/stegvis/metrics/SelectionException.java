package se.stegvis.metrics;

/**
 * A selection that matches nothing: a programme or municipality the store does not hold, or a valid
 * selection with no episode in it. Thrown instead of an empty result, which reads like a finding.
 */
public final class SelectionException extends IllegalArgumentException {
    /** The attribute the message starts with (also the CLI option's name); null for an empty selection. */
    private final String attribute;

    SelectionException(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    /** The message as the CLI says it: the attribute written as its option ({@code --municipality ...}). */
    public String asOption() {
        return attribute == null ? getMessage() : "--" + getMessage();
    }
}
