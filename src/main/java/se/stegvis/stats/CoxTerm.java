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
public record CoxTerm(String term, double coef, double expCoef, double se, double robustSe, double z, double p) {}
