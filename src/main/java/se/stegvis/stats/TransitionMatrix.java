package se.stegvis.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * Empirical transition matrix of consecutive (from, to) pairs: counts, row proportions with Wilson
 * intervals (each cell a binomial proportion of its row, never Wald), and the discrete-time Markov
 * chain these proportions estimate (maximum likelihood, Anderson and Goodman 1957) with its n-step
 * projections P^n. R equivalent: {@code table(from, to)}, {@code prop.test(n_rs, n_r, correct = FALSE)},
 * matrix power.
 */
public final class TransitionMatrix {
    private final List<String> states;
    private final long[][] counts;

    private TransitionMatrix(List<String> states, long[][] counts) {
        this.states = List.copyOf(states);
        this.counts = counts;
    }

    /** From pairs, with the states in sorted order of their labels. */
    public static TransitionMatrix fromPairs(String[] from, String[] to) {
        TreeSet<String> all = new TreeSet<>();
        for (int i = 0; i < from.length; i++) {
            all.add(from[i]);
        }
        for (String s : to) {
            all.add(s);
        }
        return fromPairs(new ArrayList<>(all), from, to);
    }

    /**
     * From pairs, with the states in the given order (e.g. the steps of a ladder; states never
     * observed get empty rows and columns).
     */
    public static TransitionMatrix fromPairs(List<String> states, String[] from, String[] to) {
        Checks.sameLength("from and to", from.length, to.length);
        if (from.length == 0) {
            throw new IllegalArgumentException("no observations: no transitions given");
        }
        if (states.stream().distinct().count() != states.size()) {
            throw new IllegalArgumentException("states repeat: " + states);
        }
        long[][] counts = new long[states.size()][states.size()];
        for (int i = 0; i < from.length; i++) {
            counts[index(states, from[i])][index(states, to[i])]++;
        }
        return new TransitionMatrix(states, counts);
    }

    private static int index(List<String> states, String s) {
        int i = states.indexOf(s);
        if (i < 0) {
            throw new IllegalArgumentException("state '" + s + "' is not among " + states);
        }
        return i;
    }

    /** The states, in the order rows and columns use. */
    public List<String> states() {
        return states;
    }

    /** Transitions observed from one state to another. */
    public long count(String from, String to) {
        return counts[index(states, from)][index(states, to)];
    }

    /** Transitions observed out of a state (its row total). */
    public long rowTotal(String from) {
        long t = 0;
        for (long c : counts[index(states, from)]) {
            t += c;
        }
        return t;
    }

    /** A copy of the count matrix, rows = from, columns = to, in {@link #states()} order. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Every cell of every row with at least one observation, with Wilson intervals at {@code level}. */
    public List<TransitionCell> cells(double level) {
        List<TransitionCell> out = new ArrayList<>();
        for (String from : states) {
            long total = rowTotal(from);
            if (total == 0) {
                continue;
            }
            for (String to : states) {
                long c = count(from, to);
                out.add(new TransitionCell(from, to, c, total, Proportions.wilson(c, total, level)));
            }
        }
        return out;
    }

    /**
     * The one-step transition probabilities (row proportions). A state never left in the data (no
     * row observations) is treated as absorbing: it stays put with probability 1, stated because it
     * is an assumption, not an estimate.
     */
    public double[][] probabilities() {
        int k = states.size();
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            long total = 0;
            for (long c : counts[i]) {
                total += c;
            }
            for (int j = 0; j < k; j++) {
                p[i][j] = total == 0 ? (i == j ? 1 : 0) : (double) counts[i][j] / total;
            }
        }
        return p;
    }

    /** The n-step transition probabilities P^n of the estimated chain (time-homogeneous Markov). */
    public double[][] project(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        RealMatrix p = new Array2DRowRealMatrix(probabilities());
        return p.power(steps).getData();
    }

    /** The distribution over states after {@code steps} steps from {@code initial} (a row vector). */
    public double[] project(double[] initial, int steps) {
        Checks.sameLength("initial distribution and states", initial.length, states.size());
        return new Array2DRowRealMatrix(project(steps)).preMultiply(initial);
    }
}
