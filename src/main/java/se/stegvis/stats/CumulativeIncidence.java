package se.stegvis.stats;

import java.util.List;
import java.util.Map;

/**
 * Aalen-Johansen cumulative incidence curves, one per cause (cause codes 1..k as given), each with
 * a row per distinct time of the data.
 *
 * @param n number of observations
 * @param confType the pointwise interval transformation
 * @param level confidence level
 * @param byCause rows per cause code, causes ascending
 */
public record CumulativeIncidence(int n, ConfType confType, double level, Map<Integer, List<CumulativeIncidenceRow>> byCause) {
    public CumulativeIncidence {
        byCause = Map.copyOf(byCause);
    }

    /** The rows of one cause. */
    public List<CumulativeIncidenceRow> cause(int cause) {
        List<CumulativeIncidenceRow> rows = byCause.get(cause);
        if (rows == null) {
            throw new IllegalArgumentException("no cause " + cause + " in the data; causes are " + byCause.keySet());
        }
        return rows;
    }

    /** F_k(t): the estimate at the last distinct time <= t (0 before the first). */
    public double at(int cause, double t) {
        double f = 0;
        for (CumulativeIncidenceRow r : cause(cause)) {
            if (r.time() > t) {
                break;
            }
            f = r.estimate();
        }
        return f;
    }
}
