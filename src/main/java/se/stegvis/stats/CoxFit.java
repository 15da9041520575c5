package se.stegvis.stats;

import java.util.List;

/**
 * A fitted Cox model, as R's {@code coxph} reports it.
 *
 * @param terms one row per coefficient, in design order
 * @param n observations (rows; with late entry, intervals, not people)
 * @param events events
 * @param loglikNull partial log-likelihood at coefficients 0
 * @param loglik partial log-likelihood at the estimate
 * @param likelihoodRatio 2 (loglik - loglikNull)
 * @param wald Wald test of all coefficients = 0 (with the robust variance when clustered, as R)
 * @param score score (log-rank) test at coefficients 0, assuming independent observations
 * @param robustScore R's robust score test when clustered, else null
 * @param iterations Newton-Raphson iterations, as R's {@code fit$iter}
 * @param variance the variance matrix the z values use (robust when clustered)
 */
public record CoxFit(List<CoxTerm> terms, int n, int events, double loglikNull, double loglik, ModelTest likelihoodRatio,
        ModelTest wald, ModelTest score, ModelTest robustScore, int iterations, double[][] variance) {
    public CoxFit {
        terms = List.copyOf(terms);
    }

    /** The term by name; refuses an unknown one. */
    public CoxTerm term(String name) {
        return terms.stream().filter(t -> t.term().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no term '" + name + "'"));
    }

    public boolean clustered() {
        return robustScore != null;
    }
}
