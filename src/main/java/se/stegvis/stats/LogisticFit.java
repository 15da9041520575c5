package se.stegvis.stats;

import java.util.List;

/**
 * A fitted logistic regression, as R's {@code glm(y ~ x, family = binomial)} reports it.
 *
 * @param terms the intercept, then one row per design column
 * @param n observations
 * @param deviance residual deviance
 * @param nullDeviance deviance of the intercept-only model
 * @param dfResidual n - coefficients
 * @param dfNull n - 1
 * @param aic deviance + 2 x coefficients (0/1 outcomes)
 * @param iterations IRLS iterations (R's {@code fit$iter})
 */
public record LogisticFit(List<GlmTerm> terms, int n, double deviance, double nullDeviance, int dfResidual, int dfNull,
        double aic, int iterations) {
    public LogisticFit {
        terms = List.copyOf(terms);
    }

    /** The term by name; refuses an unknown one. */
    public GlmTerm term(String name) {
        return terms.stream().filter(t -> t.term().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term '" + name + "'"));
    }
}
