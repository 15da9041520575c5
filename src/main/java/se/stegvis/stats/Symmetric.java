package se.stegvis.stats;

import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;

/** Solves with a symmetric positive-definite matrix (an information matrix) by Cholesky. */
final class Symmetric {
    /** R's coxph.control toler.chol: a pivot below this (relative) means the covariates are collinear. */
    private static final double TOLERANCE = Math.pow(Math.ulp(1.0), 0.75);

    private final DecompositionSolver solver;

    Symmetric(double[][] a, List<String> names) {
        try {
            solver = new CholeskyDecomposition(MatrixUtils.createRealMatrix(a), 1e-10, TOLERANCE).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the covariates are collinear (one is a combination of others) or a term"
                    + " has no variation among the people at risk, so the coefficients " + names + " cannot all be estimated");
        }
    }

    double[] solve(double[] b) {
        return solver.solve(MatrixUtils.createRealVector(b)).toArray();
    }

    double[][] inverse() {
        return solver.getInverse().getData();
    }

    /** b' A^-1 b: a score or Wald statistic. */
    double quadratic(double[] b) {
        double[] s = solve(b);
        double q = 0;
        for (int i = 0; i < b.length; i++) {
            q += b[i] * s[i];
        }
        return q;
    }

    /** Two-sided normal p-value for z, from the tail directly so tiny p keep their digits. */
    static double twoSidedP(double z) {
        return 2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
    }
}
