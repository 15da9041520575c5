package se.stegvis.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fitted Kaplan-Meier curve: one row per distinct time, quantiles with Brookmeyer-Crowley
 * intervals (Brookmeyer and Crowley 1982, as R's {@code quantile.survfit}: the bound is where the
 * pointwise confidence band crosses), and the restricted mean (as R's {@code print(fit, rmean = tau)}).
 */
public final class KaplanMeierFit {
    private final int n;
    private final double[] time;
    private final int[] nRisk;
    private final int[] nEvent;
    private final int[] nCensor;
    private final double[] surv;
    private final double[] seLog;
    private final double[] lower;
    private final double[] upper;
    private final ConfType confType;
    private final double level;
    private final List<KaplanMeierRow> rows;

    KaplanMeierFit(int n, double[] time, int[] nRisk, int[] nEvent, int[] nCensor, ConfType confType, double level) {
        int m = time.length;
        this.n = n;
        this.time = time;
        this.nRisk = nRisk;
        this.nEvent = nEvent;
        this.nCensor = nCensor;
        this.confType = confType;
        this.level = level;
        surv = new double[m];
        seLog = new double[m];
        lower = new double[m];
        upper = new double[m];
        double z = ConfType.z(level);
        double s = 1;
        double greenwood = 0;
        List<KaplanMeierRow> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int r = nRisk[i];
            int d = nEvent[i];
            s *= 1 - (double) d / r;
            // d == r: S drops to 0 and the cumulative-hazard variance is infinite, as in survfit
            greenwood += d == 0 ? 0 : d == r ? Double.POSITIVE_INFINITY : (double) d / ((double) r * (r - d));
            surv[i] = s;
            seLog[i] = Math.sqrt(greenwood);
            double[] b = confType.bounds(s, seLog[i], z);
            lower[i] = b[0];
            upper[i] = b[1];
            out.add(new KaplanMeierRow(time[i], r, d, nCensor[i], s, s * seLog[i], b[0], b[1]));
        }
        rows = Collections.unmodifiableList(out);
    }

    /** One row per distinct time (event or censoring), as {@code summary(fit, censored = TRUE)}. */
    public List<KaplanMeierRow> rows() {
        return rows;
    }

    /** Only the rows with at least one event, as R's default {@code summary(fit)}. */
    public List<KaplanMeierRow> eventRows() {
        return rows.stream().filter(r -> r.nEvent() > 0).toList();
    }

    /** Number of observations (R's "records"; with late entry more than ever at risk at once). */
    public int n() {
        return n;
    }

    /** Number of events. */
    public int events() {
        int e = 0;
        for (int d : nEvent) {
            e += d;
        }
        return e;
    }

    /** The pointwise interval transformation used. */
    public ConfType confType() {
        return confType;
    }

    /** The confidence level used. */
    public double level() {
        return level;
    }

    /**
     * The median with its Brookmeyer-Crowley interval, as {@code quantile(fit, 0.5)}: the first time
     * S(t) <= 0.5; where S is exactly 0.5 over an interval, the midpoint of that interval (up to the
     * last follow-up time if S stays at 0.5). A bound the band never reaches is null.
     */
    public Quantile median() {
        return quantile(0.5);
    }

    /**
     * The median as R's {@code print(survfit)} shows it (survival's {@code survmean}): as
     * {@link #median()} except that a curve ending flat at exactly 0.5 gives the time it reached 0.5.
     */
    public Quantile printedMedian() {
        return new Quantile(0.5, SurvivalQuantiles.printedMedian(time, surv),
                SurvivalQuantiles.printedMedian(time, lower), SurvivalQuantiles.printedMedian(time, upper));
    }

    /**
     * The time by which a fraction {@code p} has had the event (1 - S(t) >= p), with the
     * Brookmeyer-Crowley interval read off the pointwise band, as R's {@code quantile(fit, p)}.
     */
    public Quantile quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + p);
        }
        return new Quantile(p, SurvivalQuantiles.findq(time, surv, p),
                SurvivalQuantiles.findq(time, lower, p), SurvivalQuantiles.findq(time, upper, p));
    }

    /**
     * S(t): the estimate at the last distinct time <= t (1 before the first). Beyond the last
     * follow-up time S is unknown and this refuses (R's {@code summary(fit, times)} does too).
     */
    public double survivalAt(double t) {
        if (t > time[time.length - 1]) {
            throw new IllegalArgumentException(
                    "t = " + t + " is beyond the last follow-up time " + time[time.length - 1] + ": S(t) unknown");
        }
        double s = 1;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            s = surv[i];
        }
        return s;
    }

    /**
     * Restricted mean survival time up to {@code tau}: the area under S from 0 to tau, as R's
     * {@code print(fit, rmean = tau)} (survival's {@code survmean}; beyond the last time the last
     * value of S is carried forward, as R does).
     */
    public double restrictedMean(double tau) {
        return restricted(tau)[0];
    }

    /** Standard error of {@link #restrictedMean(double)}, as R's {@code se(rmean)}. */
    public double restrictedMeanStdErr(double tau) {
        return restricted(tau)[1];
    }

    private double[] restricted(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("restricted-mean horizon tau must be finite and > 0, got " + tau);
        }
        int k = 0;
        while (k < time.length && time[k] <= tau) {
            k++;
        }
        double area = 0;
        for (int i = 0; i <= k; i++) {
            double from = i == 0 ? 0 : time[i - 1];
            double to = i == k ? tau : time[i];
            area += (to - from) * (i == 0 ? 1 : surv[i - 1]);
        }
        // Greenwood-type variance: sum over times of (area from that time to tau)^2 * d / (n (n - d))
        double tail = 0;
        double var = 0;
        for (int j = k - 1; j >= 0; j--) {
            tail += ((j == k - 1 ? tau : time[j + 1]) - time[j]) * surv[j];
            int n = nRisk[j];
            int d = nEvent[j];
            var += n == d ? 0 : tail * tail * d / ((double) n * (n - d));
        }
        return new double[] {area, Math.sqrt(var)};
    }
}
