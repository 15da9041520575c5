package se.stegvis.stats;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * Time-homogeneous continuous-time Markov model from exactly dated state changes: the maximum
 * likelihood intensity is q_rs = n_rs / T_r (transitions over time spent in r; as R's
 * {@code msm(..., exacttimes = TRUE)}), with exact Poisson (Garwood 1936) intervals as R's
 * {@code poisson.test(n_rs, T_r)$conf.int}, and transition probabilities P(t) = exp(Qt) (the matrix
 * exponential, Hipparchus; R's {@code expm::expm}). A state never left has a zero row (absorbing).
 */
public final class TransitionRates {
    private final List<String> states;
    private final long[][] n;
    private final double[] exposure;

    private TransitionRates(List<String> states, long[][] n, double[] exposure) {
        this.states = states;
        this.n = n;
        this.exposure = exposure;
    }

    /** Rates from state histories. */
    public static TransitionRates of(StateHistories histories) {
        List<String> states = histories.states();
        int k = states.size();
        long[][] n = new long[k][k];
        double[] exposure = new double[k];
        for (StateHistories.Segment s : histories.segments()) {
            int r = states.indexOf(s.from());
            exposure[r] += s.exit() - s.entry();
            if (s.to() != null) {
                n[r][states.indexOf(s.to())]++;
            }
        }
        double total = 0;
        for (double e : exposure) {
            total += e;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no time at risk: every person has a single assessment");
        }
        return new TransitionRates(states, n, exposure);
    }

    /** The states, in the order rows and columns use. */
    public List<String> states() {
        return states;
    }

    /** Every off-diagonal intensity out of a state with time at risk, with Poisson intervals. */
    public List<TransitionRate> rates(double level) {
        Checks.level(level);
        List<TransitionRate> out = new ArrayList<>();
        for (int r = 0; r < states.size(); r++) {
            if (exposure[r] == 0) {
                continue;
            }
            for (int s = 0; s < states.size(); s++) {
                if (r == s) {
                    continue;
                }
                long c = n[r][s];
                out.add(new TransitionRate(states.get(r), states.get(s), c, exposure[r],
                        PoissonRate.exact(c, exposure[r], level)));
            }
        }
        return out;
    }

    /** The generator Q: q_rs = n_rs / T_r off the diagonal, rows summing to 0. */
    public double[][] generator() {
        int k = states.size();
        double[][] q = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int s = 0; s < k; s++) {
                if (r != s && n[r][s] > 0) {
                    q[r][s] = n[r][s] / exposure[r];
                    q[r][r] -= q[r][s];
                }
            }
        }
        return q;
    }

    /** P(t) = exp(Q t): probability of being in state s at time t given state r at 0. */
    public double[][] probabilities(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("t must be finite and >= 0, got " + t);
        }
        RealMatrix qt = MatrixUtils.createRealMatrix(generator()).scalarMultiply(t);
        return MatrixUtils.matrixExponential(qt).getData();
    }
}
