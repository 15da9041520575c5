package se.stegvis.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Test of proportional hazards from scaled Schoenfeld residuals, as R's {@code cox.zph(fit)} with its
 * defaults (transform "km", terms = TRUE, global = TRUE): the score test, at the fitted coefficients,
 * of adding x * g(t) for each term, g(t) = 1 - S(t-) from the Kaplan-Meier of all rows (strata
 * ignored, late entry respected) centred at its mean over the events. One row per term (a factor's
 * columns together, df = its dummies) and a GLOBAL row over all columns. The test uses the
 * model-based information even when the fit is clustered (as R).
 *
 * @param rows per term, then "GLOBAL"
 */
public record CoxZph(List<Row> rows) {
    public CoxZph {
        rows = List.copyOf(rows);
    }

    /**
     * @param term the covariate (as given to the design), or "GLOBAL"
     * @param chisq the score statistic
     * @param df its degrees of freedom
     * @param p upper-tail chi-square p-value
     */
    public record Row(String term, double chisq, int df, double p) {}

    static CoxZph test(CoxRegression.PartialLikelihood pl, double[] beta, double[] entry, double[] time, boolean[] event,
            Design design) {
        int p = beta.length;
        KaplanMeierFit km = KaplanMeier.options().fit(entry, time, event);
        List<KaplanMeierRow> kmRows = km.rows();
        double[] kmTime = kmRows.stream().mapToDouble(KaplanMeierRow::time).toArray();
        double[] kmSurv = kmRows.stream().mapToDouble(KaplanMeierRow::surv).toArray();
        double sum = 0;
        int events = 0;
        for (int i = 0; i < time.length; i++) {
            if (event[i]) {
                sum += oneMinusSurvBefore(kmTime, kmSurv, time[i]);
                events++;
            }
        }
        double meanG = sum / events;
        // score and information of the model with columns [x, x g(t)] at (beta, 0): g is the same for
        // every row at an event time, so each time's blocks are its own score and information times 1, g, g^2
        double[] u = new double[2 * p];
        double[][] imat = new double[2 * p][2 * p];
        pl.sweep(beta, (t, score, info) -> {
            double g = oneMinusSurvBefore(kmTime, kmSurv, t) - meanG;
            for (int j = 0; j < p; j++) {
                u[p + j] += g * score[j];
                for (int l = 0; l < p; l++) {
                    imat[j][l] += info[j][l];
                    imat[p + j][l] += g * info[j][l];
                    imat[j][p + l] += g * info[j][l];
                    imat[p + j][p + l] += g * g * info[j][l];
                }
            }
        });
        List<Row> rows = new ArrayList<>();
        for (int term = 0; term < design.terms().size(); term++) {
            int[] cols = design.columnsOf(term);
            int[] kk = new int[p + cols.length];
            for (int j = 0; j < p; j++) {
                kk[j] = j;
            }
            for (int c = 0; c < cols.length; c++) {
                kk[p + c] = p + cols[c];
            }
            rows.add(row(design.terms().get(term), u, imat, kk, cols.length, design.names()));
        }
        int[] all = java.util.stream.IntStream.range(0, 2 * p).toArray();
        rows.add(row("GLOBAL", u, imat, all, p, design.names()));
        return new CoxZph(rows);
    }

    private static Row row(String term, double[] u, double[][] imat, int[] kk, int df, List<String> names) {
        double[] uk = new double[kk.length];
        double[][] ik = new double[kk.length][kk.length];
        for (int a = 0; a < kk.length; a++) {
            uk[a] = u[kk[a]];
            for (int b = 0; b < kk.length; b++) {
                ik[a][b] = imat[kk[a]][kk[b]];
            }
        }
        ModelTest t = ModelTest.of(new Symmetric(ik, names).quadratic(uk), df);
        return new Row(term, t.statistic(), df, t.p());
    }

    /** 1 - S(t-): the Kaplan-Meier just before t (R: findInterval(..., left.open = TRUE)). */
    private static double oneMinusSurvBefore(double[] kmTime, double[] kmSurv, double t) {
        int lo = 0;
        int hi = kmTime.length;
        while (lo < hi) { // number of KM times < t
            int mid = (lo + hi) >>> 1;
            if (kmTime[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 1 - (lo == 0 ? 1 : kmSurv[lo - 1]);
    }
}
