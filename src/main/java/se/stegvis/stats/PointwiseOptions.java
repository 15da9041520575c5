package se.stegvis.stats;

/**
 * The options every curve estimator shares: the transformation of its pointwise intervals and their
 * confidence level. Immutable: each setter returns a copy of the estimator's own options type.
 *
 * @param <O> the estimator's options
 */
public abstract class PointwiseOptions<O extends PointwiseOptions<O>> {
    /** The pointwise interval transformation. */
    protected final ConfType confType;
    /** The confidence level. */
    protected final double level;

    PointwiseOptions(ConfType confType, double level) {
        this.confType = confType;
        this.level = level;
    }

    /** The pointwise interval transformation (the estimator's default is in its own options()). */
    public O confType(ConfType type) {
        return copy(type, level);
    }

    /** The confidence level (default 0.95). */
    public O level(double level) {
        Checks.level(level);
        return copy(confType, level);
    }

    abstract O copy(ConfType confType, double level);
}
