package se.stegvis.stats;

/**
 * A chi-square test of a whole model (likelihood ratio, Wald or score), as R prints below a fit.
 *
 * @param statistic the chi-square statistic
 * @param df degrees of freedom (the number of coefficients)
 * @param p upper-tail chi-square p-value
 */
public record ModelTest(double statistic, int df, double p) {
    static ModelTest of(double statistic, int df) {
        return new ModelTest(statistic, df,
                org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(df).survivalProbability(statistic));
    }
}
