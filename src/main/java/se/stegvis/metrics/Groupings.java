package se.stegvis.metrics;

import java.sql.SQLException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import se.stegvis.disclosure.Coarsening;

/** The choice every coarsened metric makes among groupings of one result (months or quarters, steps or merged steps, ...). */
final class Groupings {
    private Groupings() {}

    /** A result under a coarser grouping, computed only when it is needed. */
    interface Candidate<R> {
        R compute() throws SQLException;
    }

    /**
     * The finest result in which disclosure control hides at most a third ({@link Coarsening#HIDDEN_SHARE_LIMIT})
     * of what {@code hiddenShare} weighs, trying {@code coarser} in order (finest first); when none
     * does, the one that hides the fewest.
     */
    static <R> R finestShowing(R finest, List<Candidate<R>> coarser, ToDoubleFunction<R> hiddenShare) throws SQLException {
        R best = finest;
        for (Candidate<R> candidate : coarser) {
            if (hiddenShare.applyAsDouble(best) <= Coarsening.HIDDEN_SHARE_LIMIT) {
                break;
            }
            R r = candidate.compute();
            if (hiddenShare.applyAsDouble(r) < hiddenShare.applyAsDouble(best)) {
                best = r;
            }
        }
        return best;
    }
}
