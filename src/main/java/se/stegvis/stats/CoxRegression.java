package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Cox proportional-hazards regression by maximum partial likelihood, as R's
 * {@code survival::coxph(Surv([entry,] time, status) ~ x [+ strata(s)], ties = ..., cluster = id)}.
 *
 * <p>Conventions (R's): ties by Efron's approximation by default, Breslow's on request; at a tied
 * time events come before censorings; with late entry a row is at risk at t when entry < t <= time;
 * strata have their own baseline hazards and share the coefficients. Newton-Raphson from 0 with step
 * halving, stopping when the relative change in log-likelihood is at most 1e-9, at most 20 iterations
 * ({@code coxph.control()}), following R's iteration so the estimate is R's to well below 1e-6.
 * Clustered by an id, the variance is the sandwich D'D of dfbeta residuals summed per id (R's
 * "robust se"); z, p and the Wald test then use it, and the robust score test is reported, while the
 * likelihood-ratio and score tests still assume independent rows (as R notes).
 *
 * <p>Refused in words: no events, a constant or collinear covariate, lengths that differ, an entry
 * not before its exit, no convergence in 20 iterations, and a coefficient going to infinity (e.g. a
 * factor level without events), detected as R detects it for its warning "Loglik converged before
 * variable ...; coefficient may be infinite" (R prints the meaningless estimate anyway).
 */
public final class CoxRegression {
    private static final double EPS = 1e-9;
    private static final int MAX_ITER = 20;

    private CoxRegression() {}

    /** How tied event times share the risk set. */
    public enum Ties {
        /** Efron (1977): tied events leave the risk set in equal fractions; R's default. */
        EFRON,
        /** Breslow (1974): every tied event sees the whole risk set. */
        BRESLOW
    }

    /** Efron ties, no strata, model-based variance. */
    public static Options options() {
        return new Options(Ties.EFRON, null, null);
    }

    /** Fits with Efron ties and no late entry. */
    public static CoxFit fit(double[] time, boolean[] event, Design design) {
        return options().fit(null, time, event, design);
    }

    /** Fit options (immutable; each {@code with...} returns a copy). */
    public static final class Options {
        private final Ties ties;
        private final String[] strata;
        private final String[] cluster;

        private Options(Ties ties, String[] strata, String[] cluster) {
            this.ties = ties;
            this.strata = strata;
            this.cluster = cluster;
        }

        public Options withTies(Ties ties) {
            return new Options(ties, strata, cluster);
        }

        /** A stratum label per row (R's {@code strata(s)}); null for none. */
        public Options withStrata(String[] strata) {
            return new Options(ties, strata == null ? null : strata.clone(), cluster);
        }

        /** A cluster id per row (R's {@code cluster = id}) for the robust variance; null for none. */
        public Options withCluster(String[] cluster) {
            return new Options(ties, strata, cluster == null ? null : cluster.clone());
        }

        /**
         * @param entry time each row came under observation (late entry), or null for none
         * @param time exit times
         * @param event true = event at {@code time}, false = censored
         * @param design the covariates, one row per observation
         */
        public CoxFit fit(double[] entry, double[] time, boolean[] event, Design design) {
            Checks.sameLength("time and event", time.length, event.length);
            Checks.sameLength("time and covariates", time.length, design.rows());
            Checks.times(time);
            if (entry != null) {
                Checks.entries(entry, time);
            }
            if (strata != null) {
                Checks.sameLength("time and strata", time.length, strata.length);
            }
            if (cluster != null) {
                Checks.sameLength("time and cluster", time.length, cluster.length);
            }
            int events = 0;
            for (boolean e : event) {
                events += e ? 1 : 0;
            }
            if (events == 0) {
                throw new IllegalArgumentException("no events: every observation is censored, so there is nothing to compare");
            }
            PartialLikelihood pl = new PartialLikelihood(entry, time, event, design, strata, ties);
            return newtonRaphson(pl, design.names(), events);
        }

        /**
         * Proportional-hazards test of the fitted model, as R's {@code cox.zph(fit)}: see {@link CoxZph}.
         * Fits the model first (the same refusals apply).
         */
        public CoxZph proportionalHazards(double[] entry, double[] time, boolean[] event, Design design) {
            CoxFit fit = fit(entry, time, event, design);
            double[] beta = fit.terms().stream().mapToDouble(CoxTerm::coef).toArray();
            return CoxZph.test(new PartialLikelihood(entry, time, event, design, strata, ties), beta, entry, time, event, design);
        }

        private CoxFit newtonRaphson(PartialLikelihood pl, List<String> names, int events) {
            int p = names.size();
            double[] beta = new double[p];
            PartialLikelihood.Value at0 = pl.at(beta);
            Symmetric info0 = new Symmetric(at0.information(), names);
            double score = info0.quadratic(at0.score());
            double loglikNull = at0.loglik();
            // R's coxfit6/agfit4: step to beta + I^-1 U; accept when the log-likelihood does not fall,
            // else halve the step; stop when |1 - old/new| <= eps after a full (not halved) step.
            double[] step = info0.solve(at0.score());
            double[] newBeta = new double[p];
            for (int j = 0; j < p; j++) {
                newBeta[j] = beta[j] + step[j];
            }
            double loglik = loglikNull;
            boolean halving = false;
            PartialLikelihood.Value at = null;
            Symmetric info = null;
            int iter;
            boolean converged = false;
            for (iter = 1; iter <= MAX_ITER; iter++) {
                at = pl.at(newBeta);
                info = new Symmetric(at.information(), names);
                if (Math.abs(1 - loglik / at.loglik()) <= EPS && !halving) {
                    converged = true;
                    break;
                }
                if (iter == MAX_ITER) {
                    break;
                }
                if (at.loglik() < loglik) {
                    halving = true;
                    for (int j = 0; j < p; j++) {
                        newBeta[j] = (newBeta[j] + beta[j]) / 2;
                    }
                } else {
                    halving = false;
                    loglik = at.loglik();
                    double[] s = info.solve(at.score());
                    for (int j = 0; j < p; j++) {
                        beta[j] = newBeta[j];
                        newBeta[j] += s[j];
                    }
                }
            }
            if (!converged) {
                throw new IllegalStateException("the Cox model did not converge in " + MAX_ITER + " iterations; a coefficient"
                        + " is probably infinite (e.g. a covariate level with no events, or a covariate that separates events)");
            }
            // R's coxph.fit warns "Loglik converged before variable j; coefficient may be infinite" when
            // the next Newton step |I^-1 U| is still above eps and toler.inf |coef| (toler.inf =
            // sqrt(eps)); the estimate and its standard error are then meaningless, so refuse.
            double[] next = info.solve(at.score());
            List<String> infinite = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (Math.abs(next[j]) > EPS && Math.abs(next[j]) > Math.sqrt(EPS) * Math.abs(newBeta[j])) {
                    infinite.add(names.get(j));
                }
            }
            if (!infinite.isEmpty()) {
                throw new IllegalStateException("the log-likelihood converged before the coefficient" + (infinite.size() == 1 ? "" : "s")
                        + " of " + infinite + ", which go" + (infinite.size() == 1 ? "es" : "") + " to infinity (as R warns: coefficient"
                        + " may be infinite), e.g. a covariate level with no events or one that separates events; merge or drop it");
            }
            double[][] naive = info.inverse();
            double[][] variance = naive;
            ModelTest robustScore = null;
            double[] robustSe = null;
            if (cluster != null) {
                variance = sandwich(perCluster(pl.scoreResiduals(newBeta)), naive);
                double[][] sc0 = perCluster(pl.scoreResiduals(new double[p]));
                double[] u = new double[p];
                for (double[] s : sc0) {
                    for (int j = 0; j < p; j++) {
                        u[j] += s[j];
                    }
                }
                robustScore = ModelTest.of(new Symmetric(crossProduct(sc0), names).quadratic(u), p);
                robustSe = new double[p];
                for (int j = 0; j < p; j++) {
                    robustSe[j] = Math.sqrt(variance[j][j]);
                }
            }
            List<CoxTerm> terms = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                double se = Math.sqrt(naive[j][j]);
                double rse = robustSe == null ? Double.NaN : robustSe[j];
                double z = newBeta[j] / (robustSe == null ? se : rse);
                terms.add(new CoxTerm(names.get(j), newBeta[j], Math.exp(newBeta[j]), se, rse, z, Symmetric.twoSidedP(z)));
            }
            double wald = new Symmetric(variance, names).quadratic(newBeta);
            return new CoxFit(terms, pl.n(), events, loglikNull, at.loglik(), ModelTest.of(2 * (at.loglik() - loglikNull), p),
                    ModelTest.of(wald, p), ModelTest.of(score, p), robustScore, iter, variance);
        }

        /** Rows summed per cluster id (in first-seen order). */
        private double[][] perCluster(double[][] rows) {
            Map<String, double[]> sums = new LinkedHashMap<>();
            for (int i = 0; i < rows.length; i++) {
                double[] s = sums.computeIfAbsent(cluster[i], k -> new double[rows[0].length]);
                for (int j = 0; j < s.length; j++) {
                    s[j] += rows[i][j];
                }
            }
            return sums.values().toArray(double[][]::new);
        }

        /** V (sum over clusters of r r') V: the dfbeta residuals D = r V, then D'D. */
        private static double[][] sandwich(double[][] residuals, double[][] v) {
            double[][] d = new double[residuals.length][];
            for (int c = 0; c < residuals.length; c++) {
                d[c] = times(v, residuals[c]);
            }
            return crossProduct(d);
        }

        private static double[] times(double[][] a, double[] b) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    out[i] += a[i][j] * b[j];
                }
            }
            return out;
        }

        private static double[][] crossProduct(double[][] rows) {
            int p = rows[0].length;
            double[][] out = new double[p][p];
            for (double[] r : rows) {
                for (int j = 0; j < p; j++) {
                    for (int l = 0; l < p; l++) {
                        out[j][l] += r[j] * r[l];
                    }
                }
            }
            return out;
        }
    }

    /**
     * The partial log-likelihood, its score and information at a given beta, per stratum by one sweep
     * from the last exit time back, adding rows as their exit time is reached and removing them once
     * the time passes their entry (running sums: O(n p^2) per evaluation after sorting).
     */
    static final class PartialLikelihood {
        record Value(double loglik, double[] score, double[][] information) {}

        /** What one event time contributes to the score residuals of the rows at risk (R's agscore3). */
        private record EventTime(double time, double hazard, double deathHazard, double[] meanHazard,
                double[] deathMeanHazard, double[] deathMean) {}

        private final double[] entry;
        private final double[] time;
        private final boolean[] event;
        private final double[][] x;
        private final Ties ties;
        private final List<int[]> byTime = new ArrayList<>();
        private final List<int[]> byEntry = new ArrayList<>();
        private final int p;

        PartialLikelihood(double[] entry, double[] time, boolean[] event, Design design, String[] strata, Ties ties) {
            int n = time.length;
            this.time = time;
            this.event = event;
            this.ties = ties;
            this.p = design.columns();
            // No entry = at risk from minus infinity, so a row with time 0 is at risk at 0.
            this.entry = entry != null ? entry : filled(n, Double.NEGATIVE_INFINITY);
            // Centred covariates keep exp(x beta) in range; the partial likelihood does not change.
            this.x = new double[n][p];
            for (int j = 0; j < p; j++) {
                double mean = 0;
                for (int i = 0; i < n; i++) {
                    mean += design.x()[i][j] / n;
                }
                for (int i = 0; i < n; i++) {
                    x[i][j] = design.x()[i][j] - mean;
                }
            }
            Map<String, int[]> groups = strata == null ? Map.of("", IntStream.range(0, n).toArray()) : Groups.indices(strata);
            for (int[] idx : groups.values()) {
                byTime.add(sortedDescending(idx, this.time));
                byEntry.add(sortedDescending(idx, this.entry));
            }
        }

        int n() {
            return time.length;
        }

        private static double[] filled(int n, double v) {
            double[] a = new double[n];
            Arrays.fill(a, v);
            return a;
        }

        private static int[] sortedDescending(int[] idx, double[] key) {
            return Arrays.stream(idx).boxed().sorted(Comparator.comparingDouble((Integer i) -> key[i]).reversed())
                    .mapToInt(Integer::intValue).toArray();
        }

        Value at(double[] beta) {
            double[] loglik = new double[1];
            double[] u = new double[p];
            double[][] imat = new double[p][p];
            sweep(beta, loglik, u, imat, null);
            return new Value(loglik[0], u, imat);
        }

        /** Score residuals per row (R's {@code residuals(fit, "score")}), summing to the score. */
        double[][] scoreResiduals(double[] beta) {
            List<List<EventTime>> perStratum = new ArrayList<>();
            sweep(beta, new double[1], new double[p], new double[p][p], perStratum);
            double[][] resid = new double[time.length][p];
            for (int s = 0; s < perStratum.size(); s++) {
                List<EventTime> ev = new ArrayList<>(perStratum.get(s));
                java.util.Collections.reverse(ev); // ascending time
                int e = ev.size();
                double[] t = new double[e];
                double[] cumHazard = new double[e + 1];
                double[][] cumMean = new double[e + 1][p];
                for (int k = 0; k < e; k++) {
                    EventTime et = ev.get(k);
                    t[k] = et.time();
                    cumHazard[k + 1] = cumHazard[k] + et.hazard();
                    for (int j = 0; j < p; j++) {
                        cumMean[k + 1][j] = cumMean[k][j] + et.meanHazard()[j];
                    }
                }
                for (int i : byTime.get(s)) {
                    double r = Math.exp(dot(x[i], beta));
                    int lo = firstAbove(t, entry[i]);
                    int hi = firstAbove(t, time[i]); // at risk at event times t[lo..hi-1]
                    for (int j = 0; j < p; j++) {
                        resid[i][j] = -r * (x[i][j] * (cumHazard[hi] - cumHazard[lo]) - (cumMean[hi][j] - cumMean[lo][j]));
                    }
                    if (event[i]) { // at its own event time a tied death counts with Efron's weights
                        EventTime et = ev.get(hi - 1);
                        for (int j = 0; j < p; j++) {
                            resid[i][j] += r * (x[i][j] * et.hazard() - et.meanHazard()[j])
                                    - r * (x[i][j] * et.deathHazard() - et.deathMeanHazard()[j])
                                    + x[i][j] - et.deathMean()[j];
                        }
                    }
                }
            }
            return resid;
        }

        private static int firstAbove(double[] sorted, double v) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[j] * b[j];
            }
            return s;
        }

        /** Receives each event time's score and information (the tie's rows minus their risk-set means). */
        interface Listener {
            void at(double time, double[] score, double[][] information);
        }

        private void sweep(double[] beta, double[] loglik, double[] u, double[][] imat, List<List<EventTime>> eventTimes) {
            sweep(beta, loglik, u, imat, eventTimes, null);
        }

        void sweep(double[] beta, Listener listener) {
            sweep(beta, new double[1], new double[p], new double[p][p], null, listener);
        }

        private void sweep(double[] beta, double[] loglik, double[] u, double[][] imat, List<List<EventTime>> eventTimes,
                Listener listener) {
            for (int s = 0; s < byTime.size(); s++) {
                int[] tOrder = byTime.get(s);
                int[] eOrder = byEntry.get(s);
                List<EventTime> times = new ArrayList<>();
                double s0 = 0;
                double[] s1 = new double[p];
                double[][] s2 = new double[p][p];
                int i1 = 0;
                int i2 = 0;
                while (i1 < tOrder.length) {
                    double t = time[tOrder[i1]];
                    int deaths = 0;
                    double a0 = 0;
                    double[] a1 = new double[p];
                    double[][] a2 = new double[p][p];
                    for (; i1 < tOrder.length && time[tOrder[i1]] == t; i1++) {
                        int k = tOrder[i1];
                        double eta = dot(x[k], beta);
                        double r = Math.exp(eta);
                        s0 += r;
                        accumulate(s1, s2, x[k], r);
                        if (event[k]) {
                            deaths++;
                            a0 += r;
                            accumulate(a1, a2, x[k], r);
                            loglik[0] += eta;
                        }
                    }
                    for (; i2 < eOrder.length && entry[eOrder[i2]] >= t; i2++) {
                        int k = eOrder[i2];
                        double r = Math.exp(dot(x[k], beta));
                        s0 -= r;
                        accumulate(s1, s2, x[k], -r);
                    }
                    if (deaths == 0) {
                        continue;
                    }
                    double hazard = 0;
                    double deathHazard = 0;
                    double[] meanHazard = new double[p];
                    double[] deathMeanHazard = new double[p];
                    double[] deathMean = new double[p];
                    // this time's score (the deaths' x minus the risk-set means below) and information, apart for cox.zph
                    double[] scoreT = new double[p];
                    for (int q = i1 - 1; q >= 0 && time[tOrder[q]] == t; q--) {
                        if (event[tOrder[q]]) {
                            for (int j = 0; j < p; j++) {
                                scoreT[j] += x[tOrder[q]][j];
                            }
                        }
                    }
                    double[][] infoT = new double[p][p];
                    for (int k = 0; k < deaths; k++) {
                        // Efron: the k-th of d tied deaths sees the risk set minus k/d of the dying
                        double frac = ties == Ties.EFRON ? (double) k / deaths : 0;
                        double denom = s0 - frac * a0;
                        loglik[0] -= Math.log(denom);
                        double[] mean = new double[p];
                        for (int j = 0; j < p; j++) {
                            mean[j] = (s1[j] - frac * a1[j]) / denom;
                            scoreT[j] -= mean[j];
                        }
                        for (int j = 0; j < p; j++) {
                            for (int l = 0; l < p; l++) {
                                infoT[j][l] += (s2[j][l] - frac * a2[j][l]) / denom - mean[j] * mean[l];
                            }
                        }
                        hazard += 1 / denom;
                        deathHazard += (1 - frac) / denom;
                        for (int j = 0; j < p; j++) {
                            meanHazard[j] += mean[j] / denom;
                            deathMeanHazard[j] += mean[j] * (1 - frac) / denom;
                            deathMean[j] += mean[j] / deaths;
                        }
                    }
                    for (int j = 0; j < p; j++) {
                        u[j] += scoreT[j];
                        for (int l = 0; l < p; l++) {
                            imat[j][l] += infoT[j][l];
                        }
                    }
                    if (listener != null) {
                        listener.at(t, scoreT, infoT);
                    }
                    times.add(new EventTime(t, hazard, deathHazard, meanHazard, deathMeanHazard, deathMean));
                }
                if (eventTimes != null) {
                    eventTimes.add(times);
                }
            }
        }

        private static void accumulate(double[] s1, double[][] s2, double[] xk, double w) {
            for (int j = 0; j < s1.length; j++) {
                s1[j] += w * xk[j];
                for (int l = 0; l < s1.length; l++) {
                    s2[j][l] += w * xk[j] * xk[l];
                }
            }
        }
    }
}
