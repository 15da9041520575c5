package se.stegvis.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Aalen-Johansen estimator of the transition probability matrix of a Markov multi-state model
 * (Aalen and Johansen 1978), {@code P(s, t) = prod_{s < u <= t} (I + dA(u))} with Nelson-Aalen
 * increments dA_rq(u) = dN_rq(u) / Y_r(u), and the Greenwood-type covariance recursion (Andersen et
 * al. 1993, IV.4; multinomial increments), as R's {@code etm(..., s, covariance = TRUE,
 * delta.na = TRUE)} (Allignol, Schumacher and Beyersmann 2011, J Stat Softw 38(4)). People assessed at
 * irregular dates: each state change is taken to happen at the assessment that first records it.
 */
public final class AalenJohansenMatrix {
    private final List<String> states;
    private final double start;
    private final List<TransitionProbabilities> steps;

    private AalenJohansenMatrix(List<String> states, double start, List<TransitionProbabilities> steps) {
        this.states = states;
        this.start = start;
        this.steps = List.copyOf(steps);
    }

    /** P(s, t) for every event time t > {@code s}. */
    public static AalenJohansenMatrix fit(StateHistories histories, double s) {
        List<String> states = histories.states();
        int k = states.size();
        List<StateHistories.Segment> segs = histories.segments();
        TreeSet<Double> times = new TreeSet<>();
        for (StateHistories.Segment g : segs) {
            if (g.to() != null && g.exit() > s) {
                times.add(g.exit());
            }
        }
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no transitions after s = " + s + ": nothing to estimate");
        }
        double[][] p = identity(k);
        double[][] cov = new double[k * k][k * k]; // cov of vec P, index r*k+q
        List<TransitionProbabilities> out = new ArrayList<>();
        for (double u : times) {
            int[] y = new int[k];
            double[][] dn = new double[k][k];
            for (StateHistories.Segment g : segs) {
                if (g.entry() < u && u <= g.exit()) {
                    int r = states.indexOf(g.from());
                    y[r]++;
                    if (g.exit() == u && g.to() != null) {
                        dn[r][states.indexOf(g.to())]++;
                    }
                }
            }
            double[][] m = identity(k); // I + dA
            for (int r = 0; r < k; r++) {
                for (int q = 0; q < k; q++) {
                    if (dn[r][q] > 0) {
                        m[r][q] += dn[r][q] / y[r];
                        m[r][r] -= dn[r][q] / y[r];
                    }
                }
            }
            cov = propagate(cov, p, m, dn, y, k);
            p = multiply(p, m);
            double[][] var = new double[k][k];
            for (int r = 0; r < k; r++) {
                for (int q = 0; q < k; q++) {
                    var[r][q] = cov[r * k + q][r * k + q];
                }
            }
            out.add(new TransitionProbabilities(u, copy(p), var, y));
        }
        return new AalenJohansenMatrix(states, s, out);
    }

    /**
     * cov(vec P(t)) = (M^T x I) cov(vec P(t-)) (M x I) + (I x P(t-)) cov(dA) (I x P(t-)^T), written
     * out elementwise: the first term with P's columns mixed by M, the second with dA's rows by P.
     */
    private static double[][] propagate(double[][] cov, double[][] p, double[][] m, double[][] dn, int[] y, int k) {
        int kk = k * k;
        // first term: sum_{a,b} M[a][j] M[b][j'] cov[(i,a),(i',b)]
        double[][] half = new double[kk][kk];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                for (int col = 0; col < kk; col++) {
                    double sum = 0;
                    for (int a = 0; a < k; a++) {
                        sum += m[a][j] * cov[i * k + a][col];
                    }
                    half[i * k + j][col] = sum;
                }
            }
        }
        double[][] next = new double[kk][kk];
        for (int row = 0; row < kk; row++) {
            for (int i2 = 0; i2 < k; i2++) {
                for (int j2 = 0; j2 < k; j2++) {
                    double sum = 0;
                    for (int b = 0; b < k; b++) {
                        sum += m[b][j2] * half[row][i2 * k + b];
                    }
                    next[row][i2 * k + j2] = sum;
                }
            }
        }
        // second term: sum_{a} P[i][a] P[i'][a] cov(dA_aj, dA_aj') (increments of different rows are uncorrelated);
        // multinomial: cov(dA_aj, dA_aj') = (delta_jj' Y_a - dN_aj) dN_aj' / Y_a^3, staying counted as dN_aa = Y_a - dN_a.
        for (int a = 0; a < k; a++) {
            if (y[a] == 0) {
                continue;
            }
            double out = 0;
            for (int q = 0; q < k; q++) {
                out += q == a ? 0 : dn[a][q];
            }
            if (out == 0) {
                continue;
            }
            double[] n = dn[a].clone();
            n[a] = y[a] - out;
            double y3 = Math.pow(y[a], 3);
            for (int j = 0; j < k; j++) {
                for (int j2 = 0; j2 < k; j2++) {
                    double c = ((j == j2 ? y[a] : 0) - n[j]) * n[j2] / y3;
                    if (c == 0) {
                        continue;
                    }
                    for (int i = 0; i < k; i++) {
                        for (int i2 = 0; i2 < k; i2++) {
                            next[i * k + j][i2 * k + j2] += p[i][a] * p[i2][a] * c;
                        }
                    }
                }
            }
        }
        return next;
    }

    /** The states, in the order rows and columns use. */
    public List<String> states() {
        return states;
    }

    /** The start time s of P(s, t). */
    public double start() {
        return start;
    }

    /** One slice per event time after s, in time order. */
    public List<TransitionProbabilities> steps() {
        return steps;
    }

    /** P(s, t): the last slice at or before t (the identity before the first event time). */
    public double[][] at(double t) {
        double[][] p = identity(states.size());
        for (TransitionProbabilities step : steps) {
            if (step.time() > t) {
                break;
            }
            p = step.probability();
        }
        return copy(p);
    }

    private static double[][] identity(int k) {
        double[][] i = new double[k][k];
        for (int r = 0; r < k; r++) {
            i[r][r] = 1;
        }
        return i;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int k = a.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int x = 0; x < k; x++) {
                    s += a[i][x] * b[x][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
