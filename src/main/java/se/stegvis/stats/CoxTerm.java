package se.stegvis.stats;

/**
 * One term of a Cox model, columns as R's {@code summary(coxph(...))$coefficients}.
 *
 * @param term the term's name (a factor's dummies: column name + level)
 * @param coef the log hazard ratio
 * @param expCoef the hazard ratio exp(coef)
 * @param se model-based standard error, from the inverse information
 * @param robustSe sandwich standard error clustered by id (R's "robust se"), NaN when not clustered
 * @param z coef / se, or coef / robustSe when clustered (as R)
 * @param p two-sided normal p-value of z
 */
public record CoxTerm(String term, double coef, double expCoef, double se, double robustSe, double z, double p) {
    /**
     * The hazard ratio with its Wald interval exp(coef -+ z se), using the robust se when clustered,
     * as R's {@code summary(fit, conf.int = level)$conf.int} ("lower .95", "upper .95").
     */
    public Interval hazardRatio(double level) {
        double half = ConfType.z(level) * (Double.isNaN(robustSe) ? se : robustSe);
        return new Interval(expCoef, Math.exp(coef - half), Math.exp(coef + half), level);
    }
}
