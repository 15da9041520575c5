package se.stegvis.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Quantile look-ups on a step function, ported from the survival package so that ties with 0.5 and
 * flat ends give what R gives.
 */
final class SurvivalQuantiles {
    /** R's {@code sqrt(.Machine$double.eps)}, the tolerance survival uses. */
    static final double TOL = Math.sqrt(Math.ulp(1.0));

    private SurvivalQuantiles() {}

    /**
     * survival's internal {@code findq} as {@code quantile.survfit} calls it with
     * {@code x = c(0, time)}, {@code y = c(0, 1 - curve)}: the first time {@code 1 - curve >= p}, the
     * midpoint to the next step where it equals p exactly (to the last time if it stays there).
     */
    static Double findq(double[] time, double[] curve, double p) {
        int m = time.length + 1;
        double[] x = new double[m];
        double[] y = new double[m];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            x[i] = i == 0 ? 0 : time[i - 1];
            y[i] = i == 0 ? 0 : 1 - curve[i - 1];
            if (!Double.isNaN(y[i])) {
                max = Math.max(max, y[i]);
            }
        }
        if (max < p) {
            return null;
        }
        double xmax = x[m - 1];
        List<double[]> kept = new ArrayList<>(); // (x, y) with duplicated y dropped, as R's duplicated()
        Set<Double> seen = new HashSet<>(); // Double.equals: NaN equals NaN, as duplicated() treats NA
        for (int i = 0; i < m; i++) {
            if (seen.add(y[i] == 0 ? 0.0 : y[i])) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        Integer i1 = constantRight(kept, TOL, p);
        Integer i2 = constantRight(kept, -TOL, p);
        Double quant = i1 == null || i2 == null ? null : (kept.get(i1)[0] + kept.get(i2)[0]) / 2;
        if (p == 0) {
            quant = kept.get(0)[0];
        }
        double yLast = kept.get(kept.size() - 1)[1];
        if (!Double.isNaN(yLast) && Math.abs(p - yLast) < TOL) {
            quant = i1 == null ? null : (kept.get(i1)[0] + xmax) / 2;
        }
        return quant;
    }

    /**
     * R's {@code approx(y + shift, seq_along(y), p, method = "constant", f = 1)$y} (NA pairs dropped,
     * knots sorted): index of the knot at p, else of the knot right of p; null outside the knots.
     */
    private static Integer constantRight(List<double[]> kept, double shift, double p) {
        List<double[]> knots = new ArrayList<>(); // (u, index)
        for (int i = 0; i < kept.size(); i++) {
            double y = kept.get(i)[1];
            if (!Double.isNaN(y)) {
                knots.add(new double[] {y + shift, i});
            }
        }
        knots.sort((a, b) -> Double.compare(a[0], b[0]));
        if (knots.isEmpty() || p < knots.get(0)[0] || p > knots.get(knots.size() - 1)[0]) {
            return null;
        }
        for (double[] k : knots) {
            if (k[0] >= p) {
                return (int) k[1];
            }
        }
        return null;
    }

    /**
     * The median rule of R's {@code print.survfit} (survival's internal {@code survmean}, function
     * {@code minmin}): the first time the curve is <= 0.5; if it is exactly 0.5 there, the midpoint
     * to the first time it is lower (and that first time if it never gets lower).
     */
    static Double printedMedian(double[] time, double[] curve) {
        int first = -1;
        for (int i = 0; i < time.length; i++) {
            if (!Double.isNaN(curve[i]) && curve[i] < 0.5 + TOL) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        if (Math.abs(curve[first] - 0.5) < TOL) {
            for (int i = first + 1; i < time.length; i++) {
                if (!Double.isNaN(curve[i]) && curve[i] < curve[first]) {
                    return (time[first] + time[i]) / 2;
                }
            }
        }
        return time[first];
    }
}
