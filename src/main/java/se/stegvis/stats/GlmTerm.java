package se.stegvis.stats;

/**
 * One coefficient of a logistic regression, as R's {@code summary(glm(...))$coefficients}.
 *
 * @param term "(Intercept)" or the design term's name
 * @param estimate the log odds (ratio)
 * @param se standard error (dispersion 1)
 * @param z estimate / se
 * @param p two-sided normal p-value of z
 */
public record GlmTerm(String term, double estimate, double se, double z, double p) {
    /**
     * Wald interval estimate -+ z se on the log-odds scale, as R's {@code confint.default(fit)} (not
     * {@code confint(fit)}, which profiles the likelihood); exponentiate for the odds ratio.
     */
    public Interval wald(double level) {
        double half = ConfType.z(level) * se;
        return new Interval(estimate, estimate - half, estimate + half, level);
    }
}
