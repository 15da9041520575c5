package se.stegvis.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression (binomial GLM, logit link) with an intercept, by iteratively reweighted least
 * squares exactly as R's {@code glm.fit}: start from mu = (y + 1/2) / 2, stop when |dev - dev_old| /
 * (|dev| + 0.1) < 1e-8, at most 25 iterations; R's clamped logit (|eta| > 30) and its standard errors
 * from the weights of the last iteration, dispersion 1.
 *
 * <p>Refused in words: an outcome other than 0/1, an outcome that never or always occurs, no
 * convergence, and fitted probabilities numerically 0 or 1 (R's warning; it means perfect or
 * quasi-complete separation, where the maximum likelihood estimate does not exist: coefficients
 * diverge and their standard errors are meaningless).
 */
public final class LogisticRegression {
    private static final double EPSILON = 1e-8;
    private static final int MAX_ITER = 25;
    private static final double DBL_EPSILON = Math.ulp(1.0);
    /** R's binomial linkinv/mu.eta clamp eta beyond +-30 (family.c THRESH). */
    private static final double THRESH = 30;

    /** A linear predictor moving more than this after convergence means a diverging coefficient. */
    private static final double DIVERGING = 0.1;

    private LogisticRegression() {}

    /** X'WX for IRLS, filling {@code xtwz} with X'Wz (working response z, weights mu.eta^2 / variance). */
    private static double[][] weightedCrossProduct(double[][] x, double[] y, double[] eta, double[] mu, double[] xtwz) {
        int p = xtwz.length;
        double[][] xtwx = new double[p][p];
        java.util.Arrays.fill(xtwz, 0);
        for (int i = 0; i < x.length; i++) {
            double d = muEta(eta[i]);
            double z = eta[i] + (y[i] - mu[i]) / d;
            double w = d * d / (mu[i] * (1 - mu[i]));
            for (int j = 0; j < p; j++) {
                xtwz[j] += w * x[i][j] * z;
                for (int l = 0; l < p; l++) {
                    xtwx[j][l] += w * x[i][j] * x[i][l];
                }
            }
        }
        return xtwx;
    }

    private static void predict(double[][] x, double[] coef, double[] eta, double[] mu) {
        for (int i = 0; i < x.length; i++) {
            eta[i] = 0;
            for (int j = 0; j < coef.length; j++) {
                eta[i] += x[i][j] * coef[j];
            }
            mu[i] = linkInverse(eta[i]);
        }
    }

    /**
     * @param y the outcome per row, 0 or 1
     * @param design the covariates (no intercept column: one is added as "(Intercept)")
     */
    public static LogisticFit fit(double[] y, Design design) {
        int n = y.length;
        Checks.sameLength("outcome and covariates", n, design.rows());
        double ones = 0;
        for (double v : y) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("the outcome must be 0 or 1, got " + v);
            }
            ones += v;
        }
        if (ones == 0 || ones == n) {
            throw new IllegalArgumentException("the outcome is " + (ones == 0 ? "never" : "always") + " 1: nothing to model");
        }
        List<String> names = new ArrayList<>();
        names.add("(Intercept)");
        names.addAll(design.names());
        int p = names.size();
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            System.arraycopy(design.x()[i], 0, x[i], 1, p - 1);
        }
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = (y[i] + 0.5) / 2;
            eta[i] = Math.log(mu[i] / (1 - mu[i]));
        }
        double devOld = deviance(y, mu);
        double dev = devOld;
        double[] coef = null;
        double[] xtwz = new double[p];
        Symmetric lastInfo = null;
        boolean converged = false;
        int iter;
        for (iter = 1; iter <= MAX_ITER; iter++) {
            lastInfo = new Symmetric(weightedCrossProduct(x, y, eta, mu, xtwz), names);
            coef = lastInfo.solve(xtwz);
            predict(x, coef, eta, mu);
            dev = deviance(y, mu);
            if (!Double.isFinite(dev)) {
                throw new IllegalStateException("the deviance is not finite: fitted probabilities reached 0 or 1");
            }
            if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
                converged = true;
                break;
            }
            devOld = dev;
        }
        // R's glm.fit warning "fitted probabilities numerically 0 or 1 occurred", here a refusal
        int extreme = 0;
        for (double m : mu) {
            extreme += m > 1 - 10 * DBL_EPSILON || m < 10 * DBL_EPSILON ? 1 : 0;
        }
        if (extreme > 0) {
            throw new IllegalStateException("perfect separation: " + extreme + " fitted probabilit" + (extreme == 1 ? "y is" : "ies are")
                    + " numerically 0 or 1, so some coefficients diverge to infinity and no estimate exists;"
                    + " remove or merge the covariate (level) that predicts the outcome exactly");
        }
        // Quasi-complete separation (a covariate level where the outcome never or always occurs) can
        // converge by R's criterion with fitted values near but not at 0/1, a coefficient of ~20 and a
        // standard error in the thousands. A finite maximum moves nothing on one more Newton step; a
        // diverging coefficient moves its linear predictors by about 1 per step.
        if (converged) {
            double[] nextEta = eta.clone();
            double[] nextMu = mu.clone();
            double moved = 0;
            try {
                double[] nextCoef = new Symmetric(weightedCrossProduct(x, y, eta, mu, xtwz), names).solve(xtwz);
                predict(x, nextCoef, nextEta, nextMu);
                for (int i = 0; i < n; i++) {
                    moved = Math.max(moved, Math.abs(nextEta[i] - eta[i]));
                }
            } catch (IllegalArgumentException e) { // weights of separated rows underflow: singular
                moved = Double.POSITIVE_INFINITY;
            }
            if (moved > DIVERGING) {
                throw new IllegalStateException("perfect separation: the outcome is predicted exactly for some rows (e.g. a"
                        + " covariate level where it never or always occurs), so a coefficient diverges to infinity and no"
                        + " estimate exists; one more iteration still moves a linear predictor by " + moved
                        + "; remove or merge the covariate (level) that predicts the outcome exactly");
            }
        }
        if (!converged) {
            throw new IllegalStateException("the logistic regression did not converge in " + MAX_ITER + " iterations");
        }
        double[][] v = lastInfo.inverse();
        List<GlmTerm> terms = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(v[j][j]);
            double z = coef[j] / se;
            terms.add(new GlmTerm(names.get(j), coef[j], se, z, Symmetric.twoSidedP(z)));
        }
        double[] meanY = new double[n];
        java.util.Arrays.fill(meanY, ones / n);
        return new LogisticFit(terms, n, dev, deviance(y, meanY), n - p, n - 1, dev + 2 * p, iter);
    }

    /** R's logit_linkinv: exp(eta) clamped to [DBL_EPSILON, 1/DBL_EPSILON], then x / (1 + x). */
    private static double linkInverse(double eta) {
        double e = eta < -THRESH ? DBL_EPSILON : eta > THRESH ? 1 / DBL_EPSILON : Math.exp(eta);
        return e / (1 + e);
    }

    /** R's logit_mu_eta: d mu / d eta, DBL_EPSILON beyond the clamp. */
    private static double muEta(double eta) {
        if (eta > THRESH || eta < -THRESH) {
            return DBL_EPSILON;
        }
        double opexp = 1 + Math.exp(eta);
        return Math.exp(eta) / (opexp * opexp);
    }

    private static double deviance(double[] y, double[] mu) {
        double dev = 0;
        for (int i = 0; i < y.length; i++) {
            dev += -2 * (y[i] == 1 ? Math.log(mu[i]) : Math.log(1 - mu[i]));
        }
        return dev;
    }
}
