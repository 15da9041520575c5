package se.stegvis.stats;

import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;

/**
 * Solves with a symmetric positive-definite matrix (an information matrix) by Cholesky, after scaling
 * it to unit diagonal so that the collinearity threshold does not depend on the covariates' units
 * (R's cholesky2 likewise judges pivots relative to the diagonal).
 */
final class Symmetric {
    /** R's coxph.control toler.chol: a relative pivot below this means the covariates are collinear. */
    private static final double TOLERANCE = Math.pow(Math.ulp(1.0), 0.75);

    private final DecompositionSolver solver;
    private final double[] scale;

    Symmetric(double[][] a, List<String> names) {
        int p = a.length;
        scale = new double[p];
        double[][] c = new double[p][p];
        for (int j = 0; j < p; j++) {
            if (!(a[j][j] > 0) || !Double.isFinite(a[j][j])) {
                throw collinear(names);
            }
            scale[j] = 1 / Math.sqrt(a[j][j]);
        }
        for (int j = 0; j < p; j++) {
            for (int l = 0; l < p; l++) {
                c[j][l] = a[j][l] * scale[j] * scale[l];
            }
        }
        try {
            solver = new CholeskyDecomposition(MatrixUtils.createRealMatrix(c), 1e-10, TOLERANCE).getSolver();
        } catch (MathIllegalArgumentException e) {
            throw collinear(names);
        }
    }

    private static IllegalArgumentException collinear(List<String> names) {
        return new IllegalArgumentException("the covariates are collinear (one is a combination of others) or a term"
                + " has no variation among the people at risk, so the coefficients " + names + " cannot all be estimated");
    }

    /** A^-1 b = D C^-1 D b with C = D A D. */
    double[] solve(double[] b) {
        double[] db = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            db[j] = scale[j] * b[j];
        }
        double[] s = solver.solve(MatrixUtils.createRealVector(db)).toArray();
        for (int j = 0; j < s.length; j++) {
            s[j] *= scale[j];
        }
        return s;
    }

    double[][] inverse() {
        double[][] inv = solver.getInverse().getData();
        for (int j = 0; j < inv.length; j++) {
            for (int l = 0; l < inv.length; l++) {
                inv[j][l] *= scale[j] * scale[l];
            }
        }
        return inv;
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
